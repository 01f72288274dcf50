// CompareLanguageTexts over DiffAnnouncements (cross-language mode), with
// uncoded items keyed by their position in digits; PairLanguageTexts.
#include "diff/text_pair.h"

#include <map>
#include <utility>

#include "diff/item_diff.h"
#include "diff/utf8.h"

namespace regdiff::diff {
namespace {

// Chinese numeral characters and their values; 十 is handled apart.
int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return -1;
  }
}

int RomanDigit(char32_t c) {
  switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    default: return -1;
  }
}

// The value of a run of Chinese numerals: 三 3, 十 10, 十二 12, 二十 20,
// 二十三 23; digit by digit otherwise (一〇 10).
int ChineseValue(const std::vector<int>& digits) {
  int value = 0, pending = 0;
  bool ten = false;
  for (int d : digits) {
    if (d == 10) {
      value += (pending ? pending : 1) * 10;
      pending = 0;
      ten = true;
    } else if (ten) {
      pending = d;
    } else {
      pending = pending * 10 + d;
    }
  }
  return value + pending;
}

int RomanValue(const std::vector<int>& digits) {
  int value = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i + 1 < digits.size() && digits[i] < digits[i + 1]) value -= digits[i];
    else value += digits[i];
  }
  return value;
}

// What a clause says about when it applies.
std::string ClauseValue(const EffectiveClause& c) {
  if (c.date) return c.date->ToIso();
  return c.on_publication ? "on publication" : "no date";
}

std::string RelationValue(const Relation& r) {
  std::string out = std::string(RelationTypeName(r.type)) + " " + r.target;
  if (r.until) out += " until " + r.until->ToIso();
  return out;
}

DisagreementSide Stated(std::vector<std::string> values, const Evidence& evidence) {
  DisagreementSide side;
  side.values = std::move(values);
  side.evidence = evidence;
  side.states = true;
  return side;
}

// The key of an item of WithCanonicalPositions.
std::string PairKey(const Item& item) { return item.code ? *item.code : item.position; }

// A copy whose uncoded items carry positions in digits, so DiffAnnouncements
// keys them alike in both languages.
Announcement WithCanonicalPositions(const Announcement& a) {
  Announcement out = a;
  for (Item& item : out.items) item.position = CanonicalPosition(item.position);
  return out;
}

// The item's line when it holds the HS codes (more context for a reader),
// else the HS-code list.
const Evidence& HsEvidence(const Item& item) {
  const Evidence& hs = item.hs_evidence;
  if (hs.empty() || (item.evidence.begin <= hs.begin && hs.end <= item.evidence.end))
    return item.evidence;
  return hs;
}

void AddItemChange(const ItemChange& change, std::vector<Disagreement>& out) {
  const Item& l = change.left;
  const Item& r = change.right;
  const ItemFieldChanges& c = change.changes;
  const std::string key = PairKey(l);
  if (!c.hs_added.empty() || !c.hs_removed.empty()) {
    Disagreement d;
    d.kind = DisagreementKind::kHsCodes;
    d.key = key;
    if (!l.hs_codes.empty()) d.left = Stated(c.hs_removed, HsEvidence(l));
    if (!r.hs_codes.empty()) d.right = Stated(c.hs_added, HsEvidence(r));
    out.push_back(std::move(d));
  }
  if (!c.elements_added.empty() || !c.elements_removed.empty()) {
    Disagreement d;
    d.kind = DisagreementKind::kElements;
    d.key = key;
    if (!l.elements.empty()) d.left = Stated(c.elements_removed, l.evidence);
    if (!r.elements.empty()) d.right = Stated(c.elements_added, r.evidence);
    out.push_back(std::move(d));
  }
}

Disagreement ItemOnlyIn(const Item& item, bool left) {
  Disagreement d;
  d.kind = DisagreementKind::kItem;
  d.key = PairKey(item);
  (left ? d.left : d.right) = Stated({item.name}, item.evidence);
  return d;
}

}  // namespace

std::string_view DisagreementKindName(DisagreementKind kind) {
  switch (kind) {
    case DisagreementKind::kItem: return "item";
    case DisagreementKind::kHsCodes: return "hs_codes";
    case DisagreementKind::kElements: return "elements";
    case DisagreementKind::kPublished: return "published";
    case DisagreementKind::kEffective: return "effective";
    case DisagreementKind::kRelation: return "relation";
  }
  return "item";
}

std::string CanonicalPosition(std::string_view position) {
  std::string out;
  std::vector<int> run;
  enum { kNone, kChinese, kRoman } run_kind = kNone;
  auto flush = [&] {
    if (run_kind == kChinese) out += std::to_string(ChineseValue(run));
    if (run_kind == kRoman) out += std::to_string(RomanValue(run));
    run.clear();
    run_kind = kNone;
  };
  for (size_t i = 0; i < position.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(position, i, &len);
    const int chinese = ChineseDigit(c), roman = RomanDigit(c);
    if (chinese >= 0) {
      if (run_kind != kChinese) flush();
      run_kind = kChinese;
      run.push_back(chinese);
    } else if (roman >= 0) {
      if (run_kind != kRoman) flush();
      run_kind = kRoman;
      run.push_back(roman);
    } else {
      flush();
      if (c != '.' && c != ' ' && c != U'、') out.append(position.substr(i, len));
    }
    i += len;
  }
  flush();
  return out;
}

std::vector<Disagreement> CompareLanguageTexts(const Announcement& chinese,
                                               const Announcement& english) {
  std::vector<Disagreement> out;

  if (chinese.published != english.published) {
    Disagreement d;
    d.kind = DisagreementKind::kPublished;
    if (chinese.published)
      d.left = Stated({chinese.published->ToIso()}, chinese.published_evidence);
    if (english.published)
      d.right = Stated({english.published->ToIso()}, english.published_evidence);
    out.push_back(std::move(d));
  }

  ItemDiffOptions options;
  options.same_language = false;
  const AnnouncementDiff diff = DiffAnnouncements(WithCanonicalPositions(chinese),
                                                  WithCanonicalPositions(english), options);

  for (const ClauseChange& c : diff.effective.changed) {
    // The same date stated as "on publication" in one text and as a date
    // in the other is no disagreement.
    if (c.left.date && c.right.date && *c.left.date == *c.right.date) continue;
    Disagreement d;
    d.kind = DisagreementKind::kEffective;
    d.key = c.applies_to;
    d.left = Stated({ClauseValue(c.left)}, c.left.evidence);
    d.right = Stated({ClauseValue(c.right)}, c.right.evidence);
    out.push_back(std::move(d));
  }
  // A clause only one text states: the other side stays empty.
  for (bool left : {true, false}) {
    for (const EffectiveClause& c : left ? diff.effective.removed : diff.effective.added) {
      Disagreement d;
      d.kind = DisagreementKind::kEffective;
      d.key = c.applies_to;
      (left ? d.left : d.right) = Stated({ClauseValue(c)}, c.evidence);
      out.push_back(std::move(d));
    }
  }

  for (const ItemChange& c : diff.changed) AddItemChange(c, out);
  for (const Item& item : diff.removed) out.push_back(ItemOnlyIn(item, /*left=*/true));
  for (const Item& item : diff.added) out.push_back(ItemOnlyIn(item, /*left=*/false));

  // Relations: the same (type, target) with another end date is one
  // disagreement; the rest are in one text only.
  std::vector<bool> added_used(diff.relations.added.size(), false);
  for (const Relation& l : diff.relations.removed) {
    Disagreement d;
    d.kind = DisagreementKind::kRelation;
    d.key = l.target;
    d.left = Stated({RelationValue(l)}, l.evidence);
    for (size_t j = 0; j < diff.relations.added.size(); ++j) {
      const Relation& r = diff.relations.added[j];
      if (added_used[j] || r.type != l.type || r.target != l.target) continue;
      added_used[j] = true;
      d.right = Stated({RelationValue(r)}, r.evidence);
      break;
    }
    out.push_back(std::move(d));
  }
  for (size_t j = 0; j < diff.relations.added.size(); ++j) {
    if (added_used[j]) continue;
    const Relation& r = diff.relations.added[j];
    Disagreement d;
    d.kind = DisagreementKind::kRelation;
    d.key = r.target;
    d.right = Stated({RelationValue(r)}, r.evidence);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<LanguagePair> PairLanguageTexts(const std::vector<const Announcement*>& texts) {
  std::optional<size_t> reference;
  auto better = [&](size_t i, size_t j) {  // text i a better reference than j
    const Announcement& a = *texts[i];
    const Announcement& b = *texts[j];
    if (a.lang != b.lang) return a.lang == Lang::kZh;
    return a.items.size() > b.items.size();
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i]->lang != Lang::kZh && texts[i]->lang != Lang::kZhHant) continue;
    if (!reference || better(i, *reference)) reference = i;
  }
  std::vector<LanguagePair> out;
  if (!reference) return out;
  for (size_t i = 0; i < texts.size(); ++i)
    if (texts[i]->lang == Lang::kEn) out.push_back({*reference, i});
  return out;
}

}  // namespace regdiff::diff
