// Disagreements between the language texts of one announcement: a Chinese
// text and an English one (an official release or a translation) state the
// same facts, so where their parses differ one of them is wrong (a real case:
// a gallium HS code printed 8110929010 in Chinese, 8112929010 in English).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"

namespace regdiff::diff {

enum class DisagreementKind {
  kItem,       // an item in one text only
  kHsCodes,    // an item's reference customs codes
  kElements,   // the elements an item names
  kPublished,  // the publication date
  kEffective,  // an effective clause's date
  kRelation,   // what the announcement does to another one
};
// "item", "hs_codes", "elements", "published", "effective", "relation".
std::string_view DisagreementKindName(DisagreementKind kind);

// What one text states about the fact in question.
struct DisagreementSide {
  // The values this text has and the other lacks (HS codes, elements), or its
  // whole value (an item's name, a date as ISO or "on publication", a
  // relation as "suspends mofcom-gacc-2025-57 until 2026-11-10"). Empty when
  // it states nothing the other does not.
  std::vector<std::string> values;
  Evidence evidence;  // where it is stated; empty when it states nothing
  bool states = false;  // the text states the fact at all
};

struct Disagreement {
  DisagreementKind kind = DisagreementKind::kItem;
  // The item's control code, or its position in digits ("1(1)1", see
  // CanonicalPosition) when it has none; the left clause's part for
  // kEffective; the target doc_id for kRelation; "" for kPublished.
  std::string key;
  DisagreementSide left;   // the Chinese text
  DisagreementSide right;  // the English text
  // One side states the fact and the other does not (say a truncated copy
  // missing the last items), rather than both stating different values.
  bool left_only() const { return left.states && !right.states; }
  bool right_only() const { return right.states && !left.states; }
};

// The disagreements between a Chinese (zh or zh-hant) text and an English
// text of one announcement, in this order: publication date, effective
// clauses, items on both sides (HS codes, then elements; Chinese order),
// items in the Chinese text only, in the English text only, relations.
// Items align by control code, uncoded items by their position read as
// numbers (一(一)1 and I(I)1 are one position). Names and titles are never
// compared: they are in different languages.
std::vector<Disagreement> CompareLanguageTexts(const Announcement& chinese,
                                               const Announcement& english);

// Which of `texts` (the stored texts of one doc_id) to compare: the reference
// Chinese text (zh before zh-hant, then the most items, then the first) with
// every English text, as indexes into `texts`. Empty when either language is
// missing. Texts of one language are never compared with each other.
struct LanguagePair {
  size_t chinese = 0;
  size_t english = 0;
};
std::vector<LanguagePair> PairLanguageTexts(const std::vector<const Announcement*>& texts);

// An item position with every numeral as decimal digits and '.', '、' and
// spaces dropped: "一(一)1" and "I.(I)1." both give "1(1)1". Chinese numerals
// (up to 99) and upper-case Roman numerals are read; other characters stay.
std::string CanonicalPosition(std::string_view position);

}  // namespace regdiff::diff
