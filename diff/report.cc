// Building DiffReports: the comparisons, the summary and the history.
#include "diff/report.h"

#include <algorithm>

#include "diff/summary.h"

namespace regdiff::diff {
namespace {

void AddMark(std::vector<Date>& marks, const std::optional<Date>& d) {
  if (d) marks.push_back(*d);
}

void Finish(DiffReport& r, const ReportOptions& options) {
  std::sort(r.marks.begin(), r.marks.end());
  r.marks.erase(std::unique(r.marks.begin(), r.marks.end()), r.marks.end());
  r.lang = options.lang;
  if (options.history) r.history = *options.history;
  r.summary = Summarize(r, options.lang, options.others);
}

}  // namespace

std::string_view DiffKindName(DiffKind kind) {
  switch (kind) {
    case DiffKind::kAnnouncements: return "announcements";
    case DiffKind::kVersions: return "versions";
    case DiffKind::kDates: return "dates";
    case DiffKind::kTexts: return "texts";
  }
  return "announcements";
}

bool DiffReport::differs() const {
  return !items.empty() || !parties.empty() || !status.empty() || (text && !text->empty());
}

DiffReport CompareDocuments(DiffKind kind, Side left, Side right, const ReportOptions& options) {
  DiffReport r;
  r.kind = kind;
  r.left = std::move(left);
  r.right = std::move(right);
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  ItemDiffOptions item_options;
  item_options.same_language = a.lang == b.lang;
  r.items = DiffAnnouncements(a, b, item_options);
  PartyDiffOptions party_options;
  party_options.same_language = a.lang == b.lang;
  r.parties = DiffParties(a.parties, b.parties, party_options);
  if (kind == DiffKind::kAnnouncements) r.left_only = LeftOnlyOutcomeOf(a, b);
  if (options.text || kind == DiffKind::kTexts)
    r.text = DiffTexts(r.left.text, r.right.text, options.text_options);
  AddMark(r.marks, AnnouncementEffectiveDate(a));
  AddMark(r.marks, AnnouncementEffectiveDate(b));
  Finish(r, options);
  return r;
}

DiffReport CompareDates(const Date& left, std::vector<ItemState> before, const Date& right,
                        std::vector<ItemState> after, const ReportOptions& options) {
  const size_t left_listed = before.size(), right_listed = after.size();
  return CompareDates(left, std::move(before), left_listed, right, std::move(after), right_listed,
                      options);
}

DiffReport CompareDates(const Date& left, std::vector<ItemState> before, size_t left_listed,
                        const Date& right, std::vector<ItemState> after, size_t right_listed,
                        const ReportOptions& options) {
  DiffReport r;
  r.kind = DiffKind::kDates;
  r.left.label = left.ToIso();
  r.left.date = left;
  r.right.label = right.ToIso();
  r.right.date = right;
  r.left.listed = left_listed;
  r.right.listed = right_listed;
  r.status = DiffStatus(std::move(before), std::move(after));
  r.marks = {left, right};
  Finish(r, options);
  return r;
}

DiffReport CompareDates(const Timeline& timeline, const Date& left, const Date& right,
                        const ReportOptions& options) {
  ReportOptions with_timeline = options;
  if (!with_timeline.others) with_timeline.others = &timeline.Announcements();
  ElementHistory history;
  if (!with_timeline.history) {
    history = BuildElementHistory(timeline);
    with_timeline.history = &history;
  }
  return CompareDates(left, timeline.AsOf(left), right, timeline.AsOf(right), with_timeline);
}

}  // namespace regdiff::diff
