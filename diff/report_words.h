// The words the terminal, Markdown and HTML renderers share, in the report's
// language: title, verdict, side rows, headings, column names, the rows of
// the item table with each one's change label, the counts under headings,
// and the cells of states, clauses, relations and parties. Every word comes
// from the phrase table (wording.h); renderers add only markup and escapes.
// The JSON renderer uses none of them: its values are the stable names.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/report.h"
#include "diff/wording.h"

namespace regdiff::diff {

// Say(phrase, r.lang, args): a phrase in the report's language.
std::string Word(const DiffReport& r, Phrase phrase,
                 std::initializer_list<std::string_view> args = {});

std::string ReportTitle(const DiffReport& r);   // "regdiff diff: A → B"
std::string ComparedWords(const DiffReport& r); // "Compared: two announcements."
std::string VerdictWords(const DiffReport& r);  // "Differences found." / "No differences."

// One row of the table of the two sides, values unescaped.
struct SideRow {
  std::string name;
  std::string left;
  std::string right;
};

// Compared, then items listed (dates) or language, title, published and
// items (documents). The source row is the renderer's (SourceWords).
std::vector<SideRow> SideRows(const DiffReport& r);

// "PATH (version 2)", with `locator` as the renderer marked it up; "—" for a
// side not read from the store.
std::string SourceWords(const DiffReport& r, const Side& side, const std::string& locator);

// What happened to one item, as a row of the item table.
enum class ItemRowKind {
  kAdded,     // on the right only
  kRemoved,   // on the left only, of versions or texts
  kLeftOnly,  // two announcements: listed by the left one only, not ended by the right one
  kEnded,     // ... repealed or replaced by the right one
  kSuspended, // ... suspended by the right one
  kResumed,   // ... resumed by the right one
  kChanged,   // the same key on both, fields differ
  kRecoded,   // matched by name, the code changed
};
// "added", "removed", "left-only", "ended", "suspended", "resumed",
// "changed", "recoded": the HTML row class.
std::string_view ItemRowKindName(ItemRowKind kind);

struct ItemRow {
  ItemRowKind kind = ItemRowKind::kAdded;
  std::string label;                          // "added by No. 57 of 2025", "新增"
  const Item* left = nullptr;                 // null for kAdded
  const Item* right = nullptr;                // null for the left-only kinds
  const ItemFieldChanges* changes = nullptr;  // kChanged and kRecoded

  const Item& shown() const { return right ? *right : *left; }
};

// The rows of `r.items`: added, then the left-only ones, changed, recoded;
// each list in its own order. Pointers into `r`.
std::vector<ItemRow> ItemRows(const DiffReport& r);

// "No. 57 of 2025: 15 added, 0 changed, 0 recoded. Listed by No. 18 of 2025
// only: 6 (as they were: No. 57 of 2025 does not end them)." for two
// announcements; "2 added, 1 removed, 1 changed, 0 recoded." otherwise.
std::string ItemCounts(const DiffReport& r);

// The name to show for `item` of one side: its name in the report's
// language when another text gives it (Side::item_names), else as printed.
std::string ItemName(const DiffReport& r, const Item& item, bool right);

// An item's field changes: "HS codes added: 2846901999; HS codes removed: …".
std::string FieldChangeCell(const DiffReport& r, const ItemFieldChanges& c, const Item& left,
                            const Item& right);

// "1 only in No. 12 of 2026, 3 only in No. 51 of 2025, 0 changed." for two
// announcements or texts; "1 added, 3 removed, 0 changed." for versions.
std::string PartyCounts(const DiffReport& r);
// The label of a party row: "added"/"removed"/"changed", or for two
// announcements "only in No. 12 of 2026".
std::string PartyRowLabel(const DiffReport& r, ItemRowKind kind);
std::string PartyActionWords(const DiffReport& r, PartyAction action);  // "put on" / "列入"

std::string StatusCounts(const DiffReport& r);  // "15 items changed between … and …."
std::string StatusChangeWords(const DiffReport& r, StatusChangeKind kind);  // "newly listed"
// "in force (inferred) since 2025-11-08 until …"; "not listed".
std::string StateCell(const DiffReport& r, const std::optional<ItemState>& s);

std::string PartCell(const DiffReport& r, const std::string& applies_to);  // "whole" -> "whole text"
std::string ClauseCell(const DiffReport& r, const EffectiveClause& c);     // "2025-04-04 (on publication)"
std::string RelationTypeWords(const DiffReport& r, RelationType type);    // "suspends"
std::string HeaderFieldWords(const DiffReport& r, HeaderField field);     // "title"

// "3 lines deleted, 2 lines inserted; some long lines are compared whole."
std::string TextDiffCounts(const DiffReport& r);

// "… and 12 more item lines (see Items)".
std::string MoreItemLines(const DiffReport& r, size_t n);

// ISO date or "—".
std::string DateCell(const std::optional<Date>& d);

}  // namespace regdiff::diff
