// The parsers' entry: the language of a text, the split of bilingual texts,
// and the limits on a record.
#include "parsers/parse.h"

#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parsers/announcement_builder.h"
#include "parsers/lang_detect.h"
#include "parsers/zh_simplified.h"

namespace regdiff::parsers {
namespace {

// Re-reads every evidence text from `original` by its offsets: a half of a
// bilingual text has the other language blanked, and a span may cross a
// blanked line.
void RebaseEvidence(Announcement& a, const NormalizedText& original, Explanation* explain) {
  auto fix = [&](Evidence& e) {
    if (e.end <= original.text.size() && e.begin <= e.end)
      e = MakeEvidence(original.text, e.begin, e.end);
  };
  if (explain)
    for (auto& entry : explain->entries) fix(entry.evidence);
  fix(a.number_evidence);
  fix(a.title_evidence);
  fix(a.published_evidence);
  for (auto& c : a.effective) fix(c.evidence);
  for (auto& item : a.items) {
    fix(item.evidence);
    fix(item.hs_evidence);
  }
  for (auto& r : a.relations) fix(r.evidence);
  for (auto& p : a.parties) fix(p.evidence);
  for (auto& c : a.party_counts) fix(c.evidence);
}

// The named limits on one record.
Status CheckLimits(const Announcement& a) {
  if (a.items.size() > kMaxItemsPerDocument) {
    return Status::TooLarge("the text lists " + std::to_string(a.items.size()) +
                            " items, over the limit of " +
                            std::to_string(kMaxItemsPerDocument) + " per document");
  }
  return Status::Ok();
}

// An index page (or a saved "related announcements" block) names many
// announcements, one per line, and states nothing of its own: its only facts
// are the number the header took from its first line and what the verbs of
// the other lines' titles seem to say about the announcements they name.
constexpr size_t kListPageMentions = 4;

// (year, number) of a doc_id ending "-YYYY-N"; (0, 0) for any other.
std::pair<int, int> YearAndNumber(const std::string& doc_id) {
  const size_t dash = doc_id.rfind('-');
  if (dash == std::string::npos || dash < 5 || doc_id[dash - 5] != '-') return {0, 0};
  return {std::atoi(doc_id.c_str() + dash - 4), std::atoi(doc_id.c_str() + dash + 1)};
}

Status CheckNotAListOfAnnouncements(const NormalizedText& text, const Announcement& a) {
  if (!a.items.empty() || !a.effective.empty() || !a.parties.empty()) return Status::Ok();
  const std::set<std::pair<int, int>> named = AnnouncementsNamedAtLineStarts(text, a.lang);
  if (named.size() < kListPageMentions) return Status::Ok();
  for (const Relation& r : a.relations)
    if (named.count(YearAndNumber(r.target)) == 0) return Status::Ok();
  return Status::NotAnnouncement("a list of " + std::to_string(named.size()) +
                                 " announcements, one per line (an index page?), with no item "
                                 "list, effective clause or party of its own");
}

// The records of a bilingual text, Chinese first, into `out`. A record past
// a limit refuses the whole text: `out` is left empty and the error returned.
// With `explain`, the explanation of the first record is kept there.
Status ParseBilingual(const NormalizedText& text, std::vector<Announcement>& out,
                      Explanation* explain = nullptr) {
  BilingualParts parts = SplitBilingual(text);
  // The Chinese half is Traditional or Simplified by its own characters.
  const Lang zh = DetectLang(parts.zh) == Lang::kZhHant ? Lang::kZhHant : Lang::kZh;
  const std::pair<const NormalizedText*, Lang> halves[] = {{&parts.zh, zh}, {&parts.en, Lang::kEn}};
  for (const auto& [half, lang] : halves) {
    Explanation why;
    Announcement a = BuildAnnouncement(*half, lang, explain ? &why : nullptr);
    if (!HasAnnouncementFacts(a)) continue;
    if (Status s = CheckLimits(a); !s.ok()) {
      out.clear();
      return s;
    }
    RebaseEvidence(a, text, explain ? &why : nullptr);
    if (explain && out.empty()) *explain = std::move(why);
    out.push_back(std::move(a));
  }
  return Status::Ok();
}

// ParseAnnouncement, given whether the text IsBilingual (the callers need
// to know first, and counting takes a pass over the text).
Result<Announcement> ParseRecord(const NormalizedText& text, bool bilingual,
                                 Explanation* explain = nullptr) {
  if (bilingual) {
    std::vector<Announcement> records;
    if (Status s = ParseBilingual(text, records, explain); !s.ok()) return s;
    if (!records.empty()) return std::move(records.front());
  } else {
    Lang lang = DetectLang(text);
    if (lang == Lang::kUnknown) {
      return Status::NotAnnouncement("the text has no Chinese or English content");
    }
    Announcement a = BuildAnnouncement(text, lang, explain);
    if (HasAnnouncementFacts(a)) {
      if (Status s = CheckLimits(a); !s.ok()) return s;
      if (Status s = CheckNotAListOfAnnouncements(text, a); !s.ok()) return s;
      return a;
    }
  }
  return Status::NotAnnouncement(
      "no announcement number, item list, effective clause, relation or party found");
}

}  // namespace

bool HasAnnouncementFacts(const Announcement& a) {
  return a.number.has_value() || !a.items.empty() || !a.effective.empty() ||
         !a.relations.empty() || !a.parties.empty();
}

Result<Announcement> ParseAnnouncement(const NormalizedText& text) {
  return ParseAnnouncement(text, nullptr);
}

Result<Announcement> ParseAnnouncement(const NormalizedText& original, Explanation* explain) {
  const NormalizedText text = WithMatchingView(original);
  return ParseRecord(text, IsBilingual(text), explain);
}

std::vector<Announcement> ParseAnnouncements(const NormalizedText& original) {
  const NormalizedText text = WithMatchingView(original);
  std::vector<Announcement> out;
  if (!IsBilingual(text)) {
    Result<Announcement> a = ParseRecord(text, false);
    if (a.ok()) out.push_back(std::move(*a));
    return out;
  }
  (void)ParseBilingual(text, out);  // empty on error: ParseAnnouncement says why
  return out;
}

}  // namespace regdiff::parsers
