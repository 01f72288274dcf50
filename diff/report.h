// A comparison ready to render: what was compared (two announcements, two
// versions of one, the control list on two dates, or two language texts of
// one announcement), the structured differences, the optional text diff, the
// summary sentences with their evidence, and the element history the HTML
// report draws. Built by CompareDocuments or CompareDates.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "corpus/timeline.h"
#include "corpus/element_history.h"
#include "diff/item_diff.h"
#include "diff/left_only.h"
#include "diff/party_diff.h"
#include "diff/status_diff.h"
#include "diff/text_diff.h"
#include "diff/wording.h"

namespace regdiff::diff {

enum class DiffKind { kAnnouncements, kVersions, kDates, kTexts };
std::string_view DiffKindName(DiffKind kind);  // "announcements", "versions", "dates", "texts"

// One side of a comparison: a stored text of an announcement, or a date.
struct Side {
  std::string label;  // "mofcom-gacc-2025-57", "...@2", "...:en", "2025-04-04"
  std::optional<Announcement> announcement;  // documents
  std::string source;   // locator of the text; "" when not from the store
  int version = 0;      // of that source; 0 when unknown
  std::string sha256;   // of the raw bytes; "" when unknown
  std::string text;     // normalised text, for the text diff; not rendered whole
  std::optional<Date> date;  // dates
  size_t listed = 0;         // dates: items listed on that date
  // Control code -> the item's name in another stored text of the same
  // announcement, in the language of the report (the English text's names
  // for --lang en). Renderers show these names instead of the compared
  // text's own; empty when no such text is stored.
  std::map<std::string, std::string> item_names;
};

// A quotation a sentence rests on.
struct EvidenceRef {
  std::string side;    // "left", "right", or "context" (another announcement)
  std::string doc_id;  // the announcement quoted; "" when unknown
  std::string what;    // "item", "effective", "relation", "title", "published", "status", "party"
  std::string ref;     // control code, item key, clause part, relation target or party name
  std::string text;    // the words quoted
  bool operator==(const EvidenceRef&) const = default;
};

struct Sentence {
  std::string text;
  std::vector<EvidenceRef> evidence;  // in order of mention, no repeats
};

struct DiffReport {
  DiffKind kind = DiffKind::kAnnouncements;
  Side left;
  Side right;
  AnnouncementDiff items;        // documents; empty for dates
  // Two announcements: what the right one does to the items only the left
  // one lists (items.removed). nullopt for other kinds.
  std::optional<LeftOnlyOutcome> left_only;
  PartyDiff parties;             // documents; empty for dates
  StatusDiff status;             // dates; empty otherwise
  std::optional<TextDiff> text;  // when asked for, and always for texts
  SummaryLang lang = SummaryLang::kEn;
  std::vector<Sentence> summary;
  ElementHistory history;   // empty without a timeline
  std::vector<Date> marks;  // dates to mark on the history, ascending, unique

  // True when anything compared differs: the exit status 1 of `regdiff diff`.
  bool differs() const;
};

struct ReportOptions {
  bool text = false;  // compute the text diff (always done for kTexts)
  TextDiffOptions text_options;
  SummaryLang lang = SummaryLang::kEn;
  // The announcements that may relate to the compared ones, for the
  // summaries (who suspends, repeals, ... a compared announcement): every
  // stored one, or those whose relations name a compared one. May be null.
  const std::vector<Announcement>* others = nullptr;
  // The history the HTML report draws. May be null: no picture.
  const ElementHistory* history = nullptr;
};

// Compares two texts of announcements. Requires both sides' announcement.
// Names and titles are compared only when both texts are in one language.
DiffReport CompareDocuments(DiffKind kind, Side left, Side right, const ReportOptions& options);

// Compares the control list on two dates from the item states on each (in
// AsOf's order), as a Timeline or the consolidated state gives them.
DiffReport CompareDates(const Date& left, std::vector<ItemState> before, const Date& right,
                        std::vector<ItemState> after, const ReportOptions& options);

// The same from only the states that may differ: `before` and `after` may
// leave out a state that is the same on both dates, of a key listed once on
// each (no change); `left_listed` and `right_listed` count every item
// listed on each date.
DiffReport CompareDates(const Date& left, std::vector<ItemState> before, size_t left_listed,
                        const Date& right, std::vector<ItemState> after, size_t right_listed,
                        const ReportOptions& options);

// The same from `timeline`, with every announcement of it as `others` and
// its element history unless `options` name them.
DiffReport CompareDates(const Timeline& timeline, const Date& left, const Date& right,
                        const ReportOptions& options);

}  // namespace regdiff::diff
