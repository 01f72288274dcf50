// Summarize: one sentence per kind of difference, built from the phrases of
// diff/wording.cc (English and Chinese).
#include "diff/summary.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "corpus/issuers.h"
#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

// One item as a sentence counts it.
struct Facts {
  std::optional<std::string> code;
  std::vector<std::string> elements;
  std::vector<std::string> hs_codes;
};

Facts FactsOf(const Item& item) { return {item.code, item.elements, item.hs_codes}; }
Facts FactsOf(const ItemState& s) { return {s.code, s.elements, s.hs_codes}; }

template <typename T>
std::vector<Facts> FactsOf(const std::vector<T>& values) {
  std::vector<Facts> out;
  for (const T& v : values) out.push_back(FactsOf(v));
  return out;
}

std::string N(size_t n) { return std::to_string(n); }

// "holmium and erbium items" / "钬、铒相关物项"; element-less items counted.
std::string What(const std::vector<Facts>& items, SummaryLang lang) {
  std::vector<std::string> symbols;
  size_t without = 0;
  for (const Facts& f : items) {
    if (f.elements.empty()) ++without;
    for (const std::string& e : f.elements)
      if (std::find(symbols.begin(), symbols.end(), e) == symbols.end()) symbols.push_back(e);
  }
  if (symbols.empty()) return SayCount(items.size(), Phrase::kItem, Phrase::kItems, lang);
  std::string out = Say(Phrase::kElementItems, lang, {ElementWords(symbols, lang)});
  if (without) out += SayCount(without, Phrase::kAndOtherItem, Phrase::kAndOtherItems, lang);
  return out;
}

// "1C909–1C913: 15 codes, 1 HS code on 4 items" /
// "1C909–1C913，共15个管制编码、1个海关商品编号，见于4个物项".
std::string Detail(const std::vector<Facts>& items, SummaryLang lang) {
  std::vector<std::string> codes;
  size_t uncoded = 0, with_hs = 0;
  std::set<std::string> hs;
  for (const Facts& f : items) {
    if (f.code) codes.push_back(*f.code);
    else ++uncoded;
    if (!f.hs_codes.empty()) ++with_hs;
    hs.insert(f.hs_codes.begin(), f.hs_codes.end());
  }
  std::vector<std::string> parts;
  std::string out;
  if (!codes.empty()) {
    out = Say(Phrase::kCodeRangesLead, lang, {CodeRanges(codes)});
    parts.push_back(SayCount(codes.size(), Phrase::kCode, Phrase::kCodes, lang));
  }
  if (uncoded)
    parts.push_back(SayCount(uncoded, Phrase::kUncodedItem, Phrase::kUncodedItems, lang));
  if (!hs.empty()) {
    parts.push_back(Say(Phrase::kHsCodesOnItems, lang,
                        {SayCount(hs.size(), Phrase::kHsCode, Phrase::kHsCodes, lang),
                         SayCount(with_hs, Phrase::kItem, Phrase::kItems, lang)}));
  }
  return out + Say(Phrase::kCounts, lang, {Join(parts, Say(Phrase::kEnumSeparator, lang))});
}

std::string Paren(const std::string& s, SummaryLang lang) {
  return Say(Phrase::kParenthesis, lang, {s});
}

std::string Quoted(const std::string& s, SummaryLang lang) {
  return Say(Phrase::kQuoted, lang, {s});
}

std::string End(const std::string& s, SummaryLang lang) {
  std::string out = Say(Phrase::kSentence, lang, {s});
  // A sentence ending in a name that ends with a full stop ("Inc.") ends once.
  const std::string_view pattern = PhrasePattern(Phrase::kSentence, lang);
  const std::string_view stop = pattern.substr(pattern.rfind('}') + 1);
  if (!stop.empty() && out.size() > 2 * stop.size() && out.ends_with(std::string(stop) + std::string(stop)))
    out.resize(out.size() - stop.size());
  return out;
}

std::string_view SideName(bool right) { return right ? "right" : "left"; }

void AddEvidence(std::vector<EvidenceRef>& ev, EvidenceRef ref) {
  if (ref.text.empty()) return;
  for (const EvidenceRef& e : ev)
    if (e.doc_id == ref.doc_id && e.text == ref.text) return;  // the same words, quoted once
  ev.push_back(std::move(ref));
}

std::string DocIdOf(const Announcement& a) { return a.doc_id.value_or(""); }

void AddItemEvidence(std::vector<EvidenceRef>& ev, const Item& item, const Announcement& doc,
                     bool right, bool with_hs = false) {
  AddEvidence(ev, {std::string(SideName(right)), DocIdOf(doc), "item", ItemKey(item),
                   item.evidence.text});
  if (with_hs && item.hs_evidence.text.find(item.evidence.text) == std::string::npos &&
      item.evidence.text.find(item.hs_evidence.text) == std::string::npos) {
    AddEvidence(ev, {std::string(SideName(right)), DocIdOf(doc), "item", ItemKey(item),
                     item.hs_evidence.text});
  }
}

// How the sentences of one document comparison name its two sides.
struct Subjects {
  std::string left;
  std::string right;
};

Subjects SubjectsOf(const DiffReport& r, SummaryLang lang) {
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  switch (r.kind) {
    case DiffKind::kVersions: {
      const std::string name = AnnouncementName(b, lang);
      return {Say(Phrase::kVersion, lang, {N(r.left.version)}),
              Say(Phrase::kVersionOf, lang, {N(r.right.version), name})};
    }
    case DiffKind::kTexts: {
      const std::string name = AnnouncementName(b, lang);
      return {Say(Phrase::kLangText, lang, {LangWords(a.lang, lang)}),
              Say(Phrase::kLangTextOf, lang, {LangWords(b.lang, lang), name})};
    }
    default: return {AnnouncementName(a, lang), AnnouncementName(b, lang)};
  }
}

// "effective 2025-11-08" / "自2025年11月8日起实施", from the clause that
// governs each item.
std::string EffectiveWords(const Announcement& b, const std::vector<Item>& items,
                           SummaryLang lang, std::vector<EvidenceRef>& ev) {
  std::vector<std::pair<std::optional<Date>, std::vector<std::string>>> groups;
  for (const Item& item : items) {
    std::string evidence;
    std::optional<Date> d = ItemEffectiveDate(b, item, &evidence);
    AddEvidence(ev, {"right", DocIdOf(b), "effective", "", evidence});
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == d; });
    if (it == groups.end()) {
      groups.push_back({d, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(item.code ? *item.code : item.position);
  }
  auto date_words = [&](const std::optional<Date>& d) {
    return d ? DateWords(*d, lang) : Say(Phrase::kNoStatedDate, lang);
  };
  if (groups.size() == 1) {
    if (!groups[0].first) return Say(Phrase::kEffectiveNotStated, lang);
    return Say(Phrase::kEffectiveOn, lang, {DateWords(*groups[0].first, lang)});
  }
  std::vector<std::string> parts;
  for (const auto& [d, codes] : groups) parts.push_back(date_words(d) + Paren(CodeRanges(codes), lang));
  return Say(Phrase::kEffectiveEach, lang, {JoinList(parts, lang)});
}

// What other announcements do to `b`: "suspended by No. 70 until 2026-11-10".
std::vector<std::string> ContextStatus(const Announcement& b, const std::vector<Announcement>* others,
                                       SummaryLang lang, std::vector<EvidenceRef>& ev) {
  std::vector<std::string> out;
  if (!others || !b.doc_id) return out;
  std::vector<std::pair<const Announcement*, const Relation*>> found;
  for (const Announcement& o : *others) {
    if (o.doc_id == b.doc_id) continue;
    for (const Relation& r : o.relations)
      if (r.target == *b.doc_id && r.type != RelationType::kRefersTo) found.push_back({&o, &r});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    const auto& px = x.first->published;
    const auto& py = y.first->published;
    if (px.has_value() != py.has_value()) return px.has_value();
    if (px != py) return *px < *py;
    return x.first->doc_id < y.first->doc_id;
  });
  std::set<std::tuple<std::string, RelationType, std::optional<Date>>> seen;
  for (const auto& [o, r] : found) {
    if (!seen.insert({DocIdOf(*o), r->type, r->until}).second) continue;
    const std::string who = AnnouncementName(*o, lang, b.year);
    std::string s;
    switch (r->type) {
      case RelationType::kSuspends:
        s = Say(Phrase::kSuspendedBy, lang, {who});
        if (r->until) s += Say(Phrase::kUntil, lang, {DateWords(*r->until, lang)});
        break;
      case RelationType::kResumes: s = Say(Phrase::kResumedBy, lang, {who}); break;
      case RelationType::kRepeals: s = Say(Phrase::kRepealedBy, lang, {who}); break;
      case RelationType::kAmends: s = Say(Phrase::kAmendedBy, lang, {who}); break;
      case RelationType::kReplaces: s = Say(Phrase::kReplacedBy, lang, {who}); break;
      case RelationType::kRefersTo: continue;
    }
    out.push_back(s);
    AddEvidence(ev, {"context", DocIdOf(*o), "relation", r->target, r->evidence.text});
  }
  return out;
}

std::string FieldChangeWords(const ItemFieldChanges& c, const Item& left, const Item& right,
                             SummaryLang lang) {
  std::vector<std::string> parts;
  if (c.name_changed) {
    parts.push_back(
        Say(Phrase::kNameChanged, lang, {Quoted(left.name, lang), Quoted(right.name, lang)}));
  }
  if (!c.hs_added.empty())
    parts.push_back(Say(Phrase::kHsAdded, lang, {JoinList(c.hs_added, lang)}));
  if (!c.hs_removed.empty())
    parts.push_back(Say(Phrase::kHsRemoved, lang, {JoinList(c.hs_removed, lang)}));
  if (!c.elements_added.empty())
    parts.push_back(Say(Phrase::kElementsAdded, lang, {ElementWords(c.elements_added, lang)}));
  if (!c.elements_removed.empty())
    parts.push_back(Say(Phrase::kElementsRemoved, lang, {ElementWords(c.elements_removed, lang)}));
  return Join(parts, Say(Phrase::kFieldSeparator, lang));
}

// Two texts of one announcement disagreeing on an item: what each gives.
// "HS code 28053091 against 28053019 in the Chinese text" /
// "海关商品编号为28053091，中文文本为28053019".
std::string DisagreementWords(const ItemChange& c, const Subjects& who, SummaryLang lang) {
  auto list = [&](const std::vector<std::string>& v) {
    return v.empty() ? Say(Phrase::kNone, lang) : JoinList(v, lang);
  };
  std::vector<std::string> parts;
  if (!c.changes.hs_added.empty() || !c.changes.hs_removed.empty()) {
    const Phrase phrase =
        c.right.hs_codes.size() == 1 ? Phrase::kHsDisagreement : Phrase::kHsDisagreements;
    parts.push_back(Say(phrase, lang, {list(c.right.hs_codes), list(c.left.hs_codes), who.left}));
  }
  if (!c.changes.elements_added.empty() || !c.changes.elements_removed.empty()) {
    parts.push_back(
        Say(Phrase::kElementDisagreement, lang,
            {ElementWords(c.right.elements, lang), ElementWords(c.left.elements, lang), who.left}));
  }
  if (c.changes.name_changed) {
    parts.push_back(Say(Phrase::kNameDisagreement, lang,
                        {Quoted(c.right.name, lang), Quoted(c.left.name, lang), who.left}));
  }
  return Join(parts, Say(Phrase::kSemicolon, lang));
}

std::string CodeWords(const Item& item, SummaryLang lang) {
  if (item.code) return *item.code;
  return Say(Phrase::kNoControlCode, lang);
}

std::string ClauseWords(const EffectiveClause& c, SummaryLang lang) {
  std::string out = c.date ? DateWords(*c.date, lang) : Say(Phrase::kNoStatedDate, lang);
  if (c.on_publication) out += Say(Phrase::kOnPublication, lang);
  return out;
}

std::string PartWords(const std::string& applies_to, SummaryLang lang) {
  if (applies_to == "whole") return "";
  return Say(Phrase::kOfPart, lang, {applies_to});
}

// "{subject} suspends No. 55 and No. 56 until 2026-11-10; {other} does not."
void RelationSentences(const std::vector<Relation>& rels, const Announcement& doc, bool right,
                       const std::string& subject, const std::string& other, SummaryLang lang,
                       std::vector<Sentence>& out) {
  std::vector<std::pair<std::pair<RelationType, std::optional<Date>>, std::vector<const Relation*>>>
      groups;
  for (const Relation& r : rels) {
    auto key = std::make_pair(r.type, r.until);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      groups.push_back({key, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(&r);
  }
  for (const auto& [key, members] : groups) {
    Sentence s;
    std::vector<std::string> targets;
    for (const Relation* r : members) {
      targets.push_back(DocName(r->target, lang, doc.year));
      AddEvidence(s.evidence, {std::string(SideName(right)), DocIdOf(doc), "relation", r->target,
                               r->evidence.text});
    }
    const std::string until =
        key.second ? Say(Phrase::kUntil, lang, {DateWords(*key.second, lang)}) : "";
    s.text = End(
        Say(Phrase::kRelationOnOneSide, lang,
            {subject, Say(RelationVerb(key.first), lang), JoinList(targets, lang), until, other}),
        lang);
    out.push_back(std::move(s));
  }
}

// --- parties ---

// How many names a party sentence prints before "among them" stops.
constexpr size_t kNamedParties = 3;

// "SUBARU Corporation (斯巴鲁株式会社)" / "斯巴鲁株式会社（SUBARU Corporation）".
std::string PartyNameWords(const Party& p, SummaryLang lang) {
  if (p.name_en && *p.name_en != p.name) return Say(Phrase::kPartyNameWithEn, lang, {*p.name_en, p.name});
  return p.name;
}

// The parties of one side on one (list, action), in that side's order.
struct PartyGroup {
  PartyList list = PartyList::kControlList;
  PartyAction action = PartyAction::kAdd;
  std::vector<const Party*> parties;
};

std::vector<PartyGroup> GroupParties(const std::vector<Party>& parties) {
  std::vector<PartyGroup> groups;
  for (const Party& p : parties) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](const PartyGroup& g) {
      return g.list == p.list && g.action == p.action;
    });
    if (it == groups.end()) it = groups.insert(groups.end(), PartyGroup{p.list, p.action, {}});
    it->parties.push_back(&p);
  }
  return groups;
}

// The count the announcement states for a group's list and action, when it
// is more than the names printed ("等20家日本实体" over one annex row) and the
// group holds every party the announcement prints for them (a group of some
// of them, against another side holding the rest, is counted as printed).
const PartyCount* StatedCountOf(const PartyGroup& g, const Announcement& doc) {
  const auto printed = std::count_if(doc.parties.begin(), doc.parties.end(), [&](const Party& p) {
    return p.list == g.list && p.action == g.action;
  });
  if (static_cast<size_t>(printed) != g.parties.size()) return nullptr;
  for (const PartyCount& c : doc.party_counts)
    if (c.list == g.list && c.action == g.action && c.count > 0 &&
        static_cast<size_t>(c.count) > g.parties.size())
      return &c;
  return nullptr;
}

// The words of one party sentence: {1} the counted parties ("20 Japanese
// entities", by country when all state one and the same), {3} their names
// (all of them up to kNamedParties, else the first few). The count is the
// one `stated` gives when the copy prints fewer names ("20 Japanese
// entities, among them SUBARU Corporation"). One party is named alone.
std::pair<std::string, std::string> PartyGroupWords(const PartyGroup& g, const PartyCount* stated,
                                                    SummaryLang lang) {
  const size_t printed = g.parties.size();
  const size_t n = stated ? static_cast<size_t>(stated->count) : printed;
  if (n == 1) return {PartyNameWords(*g.parties[0], lang), ""};
  std::optional<std::string> country = g.parties[0]->country;
  for (const Party* p : g.parties)
    if (p->country != country) country.reset();
  if (stated && stated->country) country = stated->country;
  const std::string counted =
      country ? Say(n == 1 ? Phrase::kCountryEntity : Phrase::kCountryEntities, lang,
                    {N(n), CountryWords(*country, lang)})
              : SayCount(n, Phrase::kEntity, Phrase::kEntities, lang);
  std::vector<std::string> names;
  for (size_t i = 0; i < printed && i < kNamedParties; ++i)
    names.push_back(PartyNameWords(*g.parties[i], lang));
  return {counted, Say(n <= kNamedParties ? Phrase::kNamely : Phrase::kAmongThem, lang,
                       {JoinList(names, lang)})};
}

void AddPartyEvidence(std::vector<EvidenceRef>& ev, const Party& p, const Announcement& doc,
                      bool right) {
  AddEvidence(ev, {std::string(SideName(right)), DocIdOf(doc), "party", p.name, p.evidence.text});
}

// One sentence per (list, action) of the parties on one side only: what the
// right side does ("No. 12 of 2026 adds 20 Japanese entities to the watch
// list, among them …"), or, for a side whose counterpart is not a different
// announcement, what one side does and the other does not.
void PartySentences(const std::vector<Party>& parties, const Announcement& doc, bool right,
                    const DiffReport& r, const Subjects& who, SummaryLang lang,
                    std::vector<Sentence>& out) {
  const bool alone = right && r.kind == DiffKind::kAnnouncements;
  const std::string& self = right ? who.right : who.left;
  const std::string& other = right ? who.left : who.right;
  for (const PartyGroup& g : GroupParties(parties)) {
    Sentence s;
    const PartyCount* stated = StatedCountOf(g, doc);
    if (stated)
      AddEvidence(s.evidence, {std::string(SideName(right)), DocIdOf(doc), "party", "",
                               stated->evidence.text});
    for (const Party* p : g.parties) AddPartyEvidence(s.evidence, *p, doc, right);
    const auto [counted, names] = PartyGroupWords(g, stated, lang);
    const std::string list = PartyListWords(g.list, lang);
    const bool add = g.action == PartyAction::kAdd;
    if (alone) {
      s.text = Say(add ? Phrase::kPartiesAdd : Phrase::kPartiesRemove, lang,
                   {self, counted, list, names});
    } else {
      s.text = Say(add ? Phrase::kPartiesAddOneSide : Phrase::kPartiesRemoveOneSide, lang,
                   {other, counted, list, names, self});
    }
    s.text = End(s.text, lang);
    out.push_back(std::move(s));
  }
}

std::string OrNone(const std::optional<std::string>& v, SummaryLang lang) {
  return v ? *v : Say(Phrase::kNoValue, lang);
}

std::string PartyChangeWords(const PartyChange& c, SummaryLang lang) {
  std::vector<std::string> parts;
  if (c.name_en_changed)
    parts.push_back(Say(Phrase::kNameEnChanged, lang, {OrNone(c.left.name_en, lang), OrNone(c.right.name_en, lang)}));
  if (c.country_changed)
    parts.push_back(Say(Phrase::kCountryChanged, lang, {OrNone(c.left.country, lang), OrNone(c.right.country, lang)}));
  return Join(parts, Say(Phrase::kFieldSeparator, lang));
}

void PartyChangeSentences(const DiffReport& r, const Subjects& who, SummaryLang lang,
                          std::vector<Sentence>& out) {
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  for (const PartyChange& c : r.parties.changed) {
    Sentence s;
    AddPartyEvidence(s.evidence, c.left, a, false);
    AddPartyEvidence(s.evidence, c.right, b, true);
    const Phrase phrase = r.kind == DiffKind::kAnnouncements ? Phrase::kListsAgain
                          : r.kind == DiffKind::kVersions    ? Phrase::kChanges
                                                              : Phrase::kDiffersOn;
    s.text = End(Say(phrase, lang, {who.right, who.left, PartyNameWords(c.right, lang),
                                    PartyChangeWords(c, lang)}),
                 lang);
    out.push_back(std::move(s));
  }
}

// What the right announcement does to the items only the left one lists:
// "No. 18 of 2025 alone lists … ; No. 57 of 2025 does not repeal, suspend or
// replace it, so they stay as they were", "No. 70 suspends No. 57 from … until
// …, and with it …".
std::string LeftOnlyWords(const LeftOnlyOutcome& o, const Subjects& who, const std::string& what,
                          const std::string& detail, SummaryLang lang, std::vector<EvidenceRef>& ev,
                          const Announcement& b) {
  const std::string from = o.from ? Say(Phrase::kFromDate, lang, {DateWords(*o.from, lang)}) : "";
  if (o.kind != LeftOnlyKind::kAsTheyWere)
    AddEvidence(ev, {"right", DocIdOf(b), "relation", "", o.evidence.text});
  switch (o.kind) {
    case LeftOnlyKind::kAsTheyWere:
      return Say(Phrase::kListedOnlyByLeft, lang, {who.right, who.left, what, detail});
    case LeftOnlyKind::kEnded:
      return Say(Phrase::kEndsLeftOnly, lang,
                 {who.right, who.left, what, detail, from,
                  Say(RelationVerb(o.relation.value_or(RelationType::kRepeals)), lang)});
    case LeftOnlyKind::kSuspended:
      return Say(Phrase::kSuspendsLeftOnly, lang,
                 {who.right, who.left, what, detail, from,
                  o.until ? Say(Phrase::kUntil, lang, {DateWords(*o.until, lang)}) : ""});
    case LeftOnlyKind::kResumed:
      return Say(Phrase::kResumesLeftOnly, lang, {who.right, who.left, what, detail, from});
  }
  return "";
}

std::vector<Sentence> SummarizeDocuments(const DiffReport& r, SummaryLang lang,
                                         const std::vector<Announcement>* others) {
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  const AnnouncementDiff& d = r.items;
  const Subjects who = SubjectsOf(r, lang);
  std::vector<Sentence> out;

  if (!d.added.empty()) {
    Sentence s;
    for (const Item& item : d.added) AddItemEvidence(s.evidence, item, b, true);
    const std::vector<Facts> facts = FactsOf(d.added);
    const std::string what = What(facts, lang), detail = Paren(Detail(facts, lang), lang);
    std::string text;
    if (r.kind == DiffKind::kTexts) {
      text = Say(Phrase::kListsWhatOtherLacks, lang, {who.right, who.left, what, detail});
    } else {
      text = Say(Phrase::kAdds, lang, {who.right, who.left, what, detail});
      if (r.kind == DiffKind::kAnnouncements) {
        text += Say(Phrase::kComma, lang) + EffectiveWords(b, d.added, lang, s.evidence);
        for (const std::string& st : ContextStatus(b, others, lang, s.evidence))
          text += Say(Phrase::kSemicolon, lang) + st;
      }
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }

  if (!d.removed.empty()) {
    Sentence s;
    for (const Item& item : d.removed) AddItemEvidence(s.evidence, item, a, false);
    const std::vector<Facts> facts = FactsOf(d.removed);
    const std::string what = What(facts, lang), detail = Paren(Detail(facts, lang), lang);
    std::string text;
    switch (r.kind) {
      case DiffKind::kAnnouncements:
        text = LeftOnlyWords(r.left_only.value_or(LeftOnlyOutcome{}), who, what, detail, lang,
                             s.evidence, b);
        break;
      case DiffKind::kVersions:
        text = Say(Phrase::kDrops, lang, {who.right, who.left, what, detail});
        break;
      default: text = Say(Phrase::kLacks, lang, {who.right, who.left, what, detail}); break;
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }

  for (const RecodedItem& rc : d.recoded) {
    Sentence s;
    AddItemEvidence(s.evidence, rc.left, a, false);
    AddItemEvidence(s.evidence, rc.right, b, true);
    std::string text;
    if (!rc.left.code && !rc.right.code) {
      text = Say(
          Phrase::kListsAtPosition, lang,
          {who.right, who.left, Quoted(rc.right.name, lang), rc.right.position, rc.left.position});
    } else {
      text = Say(Phrase::kListsUnderCode, lang,
                 {who.right, who.left, Quoted(rc.right.name, lang), CodeWords(rc.right, lang),
                  CodeWords(rc.left, lang)});
    }
    const std::string fields = FieldChangeWords(rc.changes, rc.left, rc.right, lang);
    if (!fields.empty()) text += Say(Phrase::kSemicolon, lang) + fields;
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }

  for (const ItemChange& c : d.changed) {
    Sentence s;
    const bool hs = !c.changes.hs_added.empty() || !c.changes.hs_removed.empty();
    AddItemEvidence(s.evidence, c.left, a, false, hs);
    AddItemEvidence(s.evidence, c.right, b, true, hs);
    const std::string code = c.right.code ? *c.right.code : c.key;
    std::string text;
    switch (r.kind) {
      case DiffKind::kAnnouncements:
        text = Say(Phrase::kListsAgain, lang,
                   {who.right, who.left, code, FieldChangeWords(c.changes, c.left, c.right, lang)});
        break;
      case DiffKind::kVersions:
        text = Say(Phrase::kChanges, lang,
                   {who.right, who.left, code, FieldChangeWords(c.changes, c.left, c.right, lang)});
        break;
      default:
        text = Say(Phrase::kDiffersOn, lang,
                   {who.right, who.left, code, DisagreementWords(c, who, lang)});
        break;
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }

  PartySentences(r.parties.added, b, true, r, who, lang, out);
  PartySentences(r.parties.removed, a, false, r, who, lang, out);
  PartyChangeSentences(r, who, lang, out);

  RelationSentences(d.relations.added, b, true, who.right, who.left, lang, out);
  RelationSentences(d.relations.removed, a, false, who.left, who.right, lang, out);

  // Dates and headers: for two different announcements they differ by
  // nature, so they are said only when nothing else is.
  const bool details = r.kind != DiffKind::kAnnouncements || out.empty();
  if (details) {
    for (const ClauseChange& c : d.effective.changed) {
      Sentence s;
      AddEvidence(s.evidence, {"left", DocIdOf(a), "effective", c.left.applies_to, c.left.evidence.text});
      AddEvidence(s.evidence, {"right", DocIdOf(b), "effective", c.right.applies_to, c.right.evidence.text});
      s.text = End(Say(Phrase::kGivesEffectiveDate, lang,
                       {who.right, who.left, PartWords(c.right.applies_to, lang),
                        ClauseWords(c.right, lang), ClauseWords(c.left, lang)}),
                   lang);
      out.push_back(std::move(s));
    }
    for (const EffectiveClause& c : d.effective.added) {
      Sentence s;
      AddEvidence(s.evidence, {"right", DocIdOf(b), "effective", c.applies_to, c.evidence.text});
      s.text = End(Say(Phrase::kStatesEffectiveDate, lang,
                       {who.right, who.left, PartWords(c.applies_to, lang), ClauseWords(c, lang)}),
                   lang);
      out.push_back(std::move(s));
    }
    for (const EffectiveClause& c : d.effective.removed) {
      Sentence s;
      AddEvidence(s.evidence, {"left", DocIdOf(a), "effective", c.applies_to, c.evidence.text});
      s.text = End(Say(Phrase::kStatesEffectiveDate, lang,
                       {who.left, who.right, PartWords(c.applies_to, lang), ClauseWords(c, lang)}),
                   lang);
      out.push_back(std::move(s));
    }
    for (const HeaderChange& h : d.header) {
      Sentence s;
      const std::string what(HeaderFieldName(h.field));
      AddEvidence(s.evidence, {"left", DocIdOf(a), what, "", h.left_evidence.text});
      AddEvidence(s.evidence, {"right", DocIdOf(b), what, "", h.right_evidence.text});
      auto value = [&](const std::string& v) {
        if (v.empty()) return Say(Phrase::kNoValue, lang);
        if (h.field == HeaderField::kTitle) return Quoted(v, lang);
        auto date = Date::FromIso(v);
        return date ? DateWords(*date, lang) : v;
      };
      const Phrase field =
          h.field == HeaderField::kTitle ? Phrase::kTitle : Phrase::kPublicationDate;
      s.text = End(Say(Phrase::kGivesField, lang,
                       {who.right, who.left, Say(field, lang), value(h.right), value(h.left)}),
                   lang);
      out.push_back(std::move(s));
    }
  }

  // Two language texts whose facts all agree: say so, it is the answer.
  if (r.kind == DiffKind::kTexts && d.empty() && r.parties.empty() && !b.items.empty()) {
    Sentence s;
    for (const Item& item : b.items) AddItemEvidence(s.evidence, item, b, true);
    const std::vector<Facts> facts = FactsOf(b.items);
    s.text = End(Say(Phrase::kAgreesOnEverything, lang,
                     {who.right, who.left, Paren(Detail(facts, lang), lang)}),
                 lang);
    out.push_back(std::move(s));
  }

  if (r.text && !r.text->empty()) {
    Sentence s;
    s.text = End(Say(Phrase::kTextsDiffer, lang,
                     {SayCount(r.text->lines_deleted, Phrase::kLine, Phrase::kLines, lang),
                      SayCount(r.text->lines_inserted, Phrase::kLine, Phrase::kLines, lang)}),
                 lang);
    out.push_back(std::move(s));
  }

  if (out.empty()) {
    Sentence s;
    s.text = End(Say(Phrase::kNoDifferences, lang, {who.left, who.right}), lang);
    out.push_back(std::move(s));
  }
  return out;
}

// --- dates ---

std::string StatusWords(ItemStatus s, SummaryLang lang) {
  switch (s) {
    case ItemStatus::kInForce: return Say(Phrase::kInForce, lang);
    case ItemStatus::kSuspended: return Say(Phrase::kSuspended, lang);
    case ItemStatus::kNotYetInForce: return Say(Phrase::kNotYetInForce, lang);
    case ItemStatus::kRepealed: return Say(Phrase::kRepealed, lang);
  }
  return "";
}

std::optional<int> YearOf(const std::string& doc_id) {
  auto parts = ParseDocId(doc_id);
  if (!parts) return std::nullopt;
  return parts->year;
}

// The announcements governing a state other than the one listing the item.
std::string GoverningWords(const ItemState& s, SummaryLang lang) {
  std::vector<std::string> names;
  for (const std::string& g : s.governing)
    if (g != s.listed_by) names.push_back(DocName(g, lang, YearOf(s.listed_by)));
  if (names.empty() && !s.listed_by.empty()) names.push_back(DocName(s.listed_by, lang));
  return JoinList(names, lang);
}

std::string InferredWords(const ItemState& s, SummaryLang lang) {
  if (s.basis != Basis::kInferred) return "";
  return Say(Phrase::kInferred, lang);
}

// The state an item is in on the right date, as a clause.
std::string StateWords(const ItemState& s, const Date& on, SummaryLang lang) {
  std::string out;
  switch (s.status) {
    case ItemStatus::kInForce:
      out = s.since ? Say(Phrase::kInForceSince, lang, {DateWords(*s.since, lang)})
                    : Say(Phrase::kInForce, lang);
      break;
    case ItemStatus::kNotYetInForce:
      out = Say(Phrase::kNotYetInForceOn, lang, {DateWords(on, lang)});
      if (s.until) out += Say(Phrase::kInForceFrom, lang, {DateWords(s.until->AddDays(1), lang)});
      break;
    case ItemStatus::kSuspended:
      out = Say(Phrase::kSuspendedBy, lang, {GoverningWords(s, lang)});
      if (s.until) out += Say(Phrase::kUntil, lang, {DateWords(*s.until, lang)});
      break;
    case ItemStatus::kRepealed:
      out = Say(Phrase::kRepealedBy, lang, {GoverningWords(s, lang)});
      if (s.since) out += Say(Phrase::kRepealedOn, lang, {DateWords(*s.since, lang)});
      break;
  }
  return out + InferredWords(s, lang);
}

std::vector<Sentence> SummarizeStatus(const DiffReport& r, SummaryLang lang) {
  const Date left = *r.left.date, right = *r.right.date;
  using Key = std::tuple<StatusChangeKind, std::string, int, int, std::optional<Date>, std::optional<Date>,
                         std::vector<std::string>, int, std::string>;
  std::vector<std::pair<Key, std::vector<const StatusChange*>>> groups;
  for (const StatusChange& c : r.status.changes) {
    const ItemState& s = c.current();
    const int from = c.before ? static_cast<int>(c.before->status) : -1;
    Key key{c.kind, s.listed_by, static_cast<int>(s.status), static_cast<int>(s.basis), s.since,
            s.until, s.governing, from,
            c.kind == StatusChangeKind::kListingChanged ? c.key : std::string()};
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      groups.push_back({key, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(&c);
  }

  std::vector<Sentence> out;
  for (const auto& [key, members] : groups) {
    Sentence s;
    std::vector<Facts> facts;
    for (const StatusChange* c : members) {
      facts.push_back(FactsOf(c->current()));
      const ItemState& st = c->current();
      const std::string doc = st.governing.empty() ? st.listed_by : st.governing.back();
      AddEvidence(s.evidence, {c->after ? "right" : "left", doc, "status", c->key, st.evidence});
    }
    const StatusChange& c = *members.front();
    const ItemState& st = c.current();
    const std::string lister = DocName(st.listed_by, lang);
    const std::string what = What(facts, lang), detail = Paren(Detail(facts, lang), lang);
    const std::string of = Say(Phrase::kListedBy, lang, {lister, what, detail});
    std::string text;
    switch (c.kind) {
      case StatusChangeKind::kNewlyListed:
        text = Say(Phrase::kNewlyListed, lang,
                   {DateWords(left, lang), DateWords(right, lang), lister, what, detail,
                    StateWords(st, right, lang)});
        break;
      case StatusChangeKind::kDelisted:
        text = Say(Phrase::kNotYetListed, lang, {of, DateWords(right, lang)});
        break;
      case StatusChangeKind::kEnteredControl:
        text = st.since ? Say(Phrase::kEnteredControlOn, lang, {of, DateWords(*st.since, lang)})
                        : Say(Phrase::kEnteredControl, lang, {of});
        text += InferredWords(st, lang);
        break;
      case StatusChangeKind::kResumed:
        text = st.since ? Say(Phrase::kInForceAgainFrom, lang, {of, DateWords(*st.since, lang)})
                        : Say(Phrase::kInForceAgain, lang, {of});
        text += InferredWords(st, lang);
        break;
      case StatusChangeKind::kSuspended:
      case StatusChangeKind::kRepealed:
        text = Say(Phrase::kWere, lang, {of, StateWords(st, right, lang)});
        break;
      case StatusChangeKind::kStatusChanged:
        if (c.before->status == st.status) {
          text = Say(Phrase::kAreNow, lang, {of, StateWords(st, right, lang)});
        } else {
          text = Say(Phrase::kWentFrom, lang,
                     {of, StatusWords(c.before->status, lang), StateWords(st, right, lang)});
        }
        break;
      case StatusChangeKind::kListingChanged: {
        std::vector<std::string> parts;
        if (c.before->listed_by != st.listed_by) {
          parts.push_back(
              Say(Phrase::kNowListedBy, lang, {lister, DocName(c.before->listed_by, lang)}));
        }
        if (!c.hs_added.empty())
          parts.push_back(Say(Phrase::kHsAdded, lang, {JoinList(c.hs_added, lang)}));
        if (!c.hs_removed.empty())
          parts.push_back(Say(Phrase::kHsRemoved, lang, {JoinList(c.hs_removed, lang)}));
        if (c.name_changed) {
          parts.push_back(Say(Phrase::kNameChanged, lang,
                              {Quoted(c.before->name, lang), Quoted(st.name, lang)}));
        }
        if (parts.empty()) parts.push_back(Say(Phrase::kElementsChanged, lang));
        text = Say(Phrase::kCodeAndChanges, lang,
                   {st.code ? *st.code : c.key, Join(parts, Say(Phrase::kFieldSeparator, lang))});
        break;
      }
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }
  if (out.empty()) {
    Sentence s;
    s.text =
        End(Say(Phrase::kNoListDifferences, lang, {DateWords(left, lang), DateWords(right, lang)}),
            lang);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<Sentence> Summarize(const DiffReport& report, SummaryLang lang,
                                const std::vector<Announcement>* others) {
  if (report.kind == DiffKind::kDates) {
    if (!report.left.date || !report.right.date) return {};
    return SummarizeStatus(report, lang);
  }
  if (!report.left.announcement || !report.right.announcement) return {};
  return SummarizeDocuments(report, lang, others);
}

}  // namespace regdiff::diff
