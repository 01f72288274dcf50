// Summarize: one sentence per kind of difference, built from fixed phrase
// patterns in English and Chinese.
#include "diff/summary.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "corpus/issuers.h"
#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

bool Zh(SummaryLang lang) { return lang == SummaryLang::kZh; }

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
  if (symbols.empty()) return Zh(lang) ? N(items.size()) + "个物项" : Counted(items.size(), "item", "items");
  std::string out = ElementWords(symbols, lang);
  if (Zh(lang)) {
    out += "相关物项";
    if (without) out += "及其他" + N(without) + "个物项";
  } else {
    out += " items";
    if (without) out += " and " + Counted(without, "other item", "other items");
  }
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
  if (Zh(lang)) {
    if (!codes.empty()) {
      out = CodeRanges(codes) + "，";
      parts.push_back(N(codes.size()) + "个管制编码");
    }
    if (uncoded) parts.push_back(N(uncoded) + "个无编码物项");
    if (!hs.empty()) parts.push_back(N(hs.size()) + "个海关商品编号，见于" + N(with_hs) + "个物项");
    return out + "共" + Join(parts, "、");
  }
  if (!codes.empty()) {
    out = CodeRanges(codes) + ": ";
    parts.push_back(Counted(codes.size(), "code", "codes"));
  }
  if (uncoded) parts.push_back(Counted(uncoded, "uncoded item", "uncoded items"));
  if (!hs.empty()) {
    parts.push_back(Counted(hs.size(), "HS code", "HS codes") + " on " +
                    Counted(with_hs, "item", "items"));
  }
  return out + Join(parts, ", ");
}

std::string Paren(const std::string& s, SummaryLang lang) {
  return Zh(lang) ? "（" + s + "）" : " (" + s + ")";
}

std::string Quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

std::string End(std::string s, SummaryLang lang) {
  if (!Zh(lang) && !s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s + (Zh(lang) ? "。" : ".");
}

std::string LangWords(Lang l, SummaryLang lang) {
  switch (l) {
    case Lang::kZh: return Zh(lang) ? "中文" : "Chinese";
    case Lang::kZhHant: return Zh(lang) ? "繁体中文" : "Traditional Chinese";
    case Lang::kEn: return Zh(lang) ? "英文" : "English";
    case Lang::kUnknown: break;
  }
  return Zh(lang) ? "未知语言" : "unknown-language";
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
      if (Zh(lang)) {
        return {"第" + N(r.left.version) + "版", name + "第" + N(r.right.version) + "版"};
      }
      return {"version " + N(r.left.version), "version " + N(r.right.version) + " of " + name};
    }
    case DiffKind::kTexts: {
      const std::string name = AnnouncementName(b, lang);
      if (Zh(lang)) return {LangWords(a.lang, lang) + "文本", name + "的" + LangWords(b.lang, lang) + "文本"};
      return {"the " + LangWords(a.lang, lang) + " text",
              "the " + LangWords(b.lang, lang) + " text of " + name};
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
    if (d) return DateWords(*d, lang);
    return std::string(Zh(lang) ? "未载明日期" : "no stated date");
  };
  if (groups.size() == 1) {
    if (!groups[0].first) return Zh(lang) ? "未载明实施日期" : "effective date not stated";
    return Zh(lang) ? "自" + DateWords(*groups[0].first, lang) + "起实施"
                    : "effective " + DateWords(*groups[0].first, lang);
  }
  std::vector<std::string> parts;
  for (const auto& [d, codes] : groups) parts.push_back(date_words(d) + Paren(CodeRanges(codes), lang));
  if (Zh(lang)) {
    return "实施日期分别为" + Join(parts, "、");
  }
  return "effective " + JoinList(parts, lang);
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
        s = Zh(lang) ? "已被" + who + "暂停实施" : "suspended by " + who;
        if (r->until) s += Zh(lang) ? "至" + DateWords(*r->until, lang) : " until " + DateWords(*r->until, lang);
        break;
      case RelationType::kResumes: s = Zh(lang) ? "已被" + who + "恢复实施" : "resumed by " + who; break;
      case RelationType::kRepeals: s = Zh(lang) ? "已被" + who + "废止" : "repealed by " + who; break;
      case RelationType::kAmends: s = Zh(lang) ? "已被" + who + "修改" : "amended by " + who; break;
      case RelationType::kReplaces: s = Zh(lang) ? "已被" + who + "取代" : "replaced by " + who; break;
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
  auto list = [&](const std::vector<std::string>& v) { return JoinList(v, lang); };
  if (c.name_changed) {
    parts.push_back(Zh(lang) ? "名称由" + Quoted(left.name) + "改为" + Quoted(right.name)
                             : "name changed from " + Quoted(left.name) + " to " + Quoted(right.name));
  }
  if (!c.hs_added.empty())
    parts.push_back(Zh(lang) ? "新增海关商品编号" + list(c.hs_added) : "HS codes added: " + list(c.hs_added));
  if (!c.hs_removed.empty())
    parts.push_back(Zh(lang) ? "删去海关商品编号" + list(c.hs_removed)
                             : "HS codes removed: " + list(c.hs_removed));
  if (!c.elements_added.empty())
    parts.push_back(Zh(lang) ? "新增元素" + ElementWords(c.elements_added, lang)
                             : "elements added: " + ElementWords(c.elements_added, lang));
  if (!c.elements_removed.empty())
    parts.push_back(Zh(lang) ? "删去元素" + ElementWords(c.elements_removed, lang)
                             : "elements removed: " + ElementWords(c.elements_removed, lang));
  return Join(parts, Zh(lang) ? "，" : "; ");
}

// Two texts of one announcement disagreeing on an item: what each gives.
// "HS code 28053091 against 28053019 in the Chinese text" /
// "海关商品编号为28053091，中文文本为28053019".
std::string DisagreementWords(const ItemChange& c, const Subjects& who, SummaryLang lang) {
  const bool zh = Zh(lang);
  auto list = [&](const std::vector<std::string>& v) {
    return v.empty() ? std::string(zh ? "无" : "none") : JoinList(v, lang);
  };
  std::vector<std::string> parts;
  if (!c.changes.hs_added.empty() || !c.changes.hs_removed.empty()) {
    parts.push_back(zh ? "海关商品编号为" + list(c.right.hs_codes) + "，" + who.left + "为" + list(c.left.hs_codes)
                       : std::string(c.right.hs_codes.size() == 1 ? "HS code " : "HS codes ") +
                             list(c.right.hs_codes) + " against " + list(c.left.hs_codes) + " in " + who.left);
  }
  if (!c.changes.elements_added.empty() || !c.changes.elements_removed.empty()) {
    parts.push_back(zh ? "元素为" + ElementWords(c.right.elements, lang) + "，" + who.left + "为" +
                             ElementWords(c.left.elements, lang)
                       : "elements " + ElementWords(c.right.elements, lang) + " against " +
                             ElementWords(c.left.elements, lang) + " in " + who.left);
  }
  if (c.changes.name_changed) {
    parts.push_back(zh ? "名称为" + Quoted(c.right.name) + "，" + who.left + "为" + Quoted(c.left.name)
                       : "name " + Quoted(c.right.name) + " against " + Quoted(c.left.name) + " in " + who.left);
  }
  return Join(parts, zh ? "；" : "; ");
}

std::string CodeWords(const Item& item, SummaryLang lang) {
  if (item.code) return *item.code;
  return Zh(lang) ? "无管制编码" : "no control code";
}

std::string ClauseWords(const EffectiveClause& c, SummaryLang lang) {
  std::string out;
  if (c.date) out = DateWords(*c.date, lang);
  else out = Zh(lang) ? "未载明日期" : "no stated date";
  if (c.on_publication) out += Zh(lang) ? "（自公布之日起）" : " (on publication)";
  return out;
}

std::string PartWords(const std::string& applies_to, SummaryLang lang) {
  if (applies_to == "whole") return "";
  return Zh(lang) ? applies_to + "的" : " of " + applies_to;
}

std::string_view RelationVerb(RelationType t, SummaryLang lang) {
  switch (t) {
    case RelationType::kSuspends: return Zh(lang) ? "暂停实施" : "suspends";
    case RelationType::kResumes: return Zh(lang) ? "恢复实施" : "resumes";
    case RelationType::kAmends: return Zh(lang) ? "修改" : "amends";
    case RelationType::kRepeals: return Zh(lang) ? "废止" : "repeals";
    case RelationType::kReplaces: return Zh(lang) ? "取代" : "replaces";
    case RelationType::kRefersTo: return Zh(lang) ? "援引" : "refers to";
  }
  return "";
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
    std::string text = subject;
    if (Zh(lang)) {
      text += std::string(RelationVerb(key.first, lang)) + JoinList(targets, lang);
      if (key.second) {
        text += "至";
        text += DateWords(*key.second, lang);
      }
      text += "，" + other + "则没有";
    } else {
      text += ' ';
      text += RelationVerb(key.first, lang);
      text += ' ';
      text += JoinList(targets, lang);
      if (key.second) {
        text += " until ";
        text += DateWords(*key.second, lang);
      }
      text += "; " + other + " does not";
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }
}

bool Targets(const Announcement& b, const Announcement& a) {
  if (!a.doc_id) return false;
  return std::any_of(b.relations.begin(), b.relations.end(), [&](const Relation& r) {
    return r.target == *a.doc_id && r.type != RelationType::kRefersTo;
  });
}

std::vector<Sentence> SummarizeDocuments(const DiffReport& r, SummaryLang lang,
                                         const std::vector<Announcement>* others) {
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  const AnnouncementDiff& d = r.items;
  const Subjects who = SubjectsOf(r, lang);
  const bool zh = Zh(lang);
  std::vector<Sentence> out;

  if (!d.added.empty()) {
    Sentence s;
    for (const Item& item : d.added) AddItemEvidence(s.evidence, item, b, true);
    const std::vector<Facts> facts = FactsOf(d.added);
    std::string text;
    if (r.kind == DiffKind::kTexts) {
      text = zh ? who.right + "列有" + who.left + "所无的" + What(facts, lang) + Paren(Detail(facts, lang), lang)
                : who.right + " lists " + What(facts, lang) + Paren(Detail(facts, lang), lang) +
                      " that " + who.left + " lacks";
    } else {
      text = who.right + (zh ? "新增" : " adds ") + What(facts, lang) + Paren(Detail(facts, lang), lang);
      if (r.kind == DiffKind::kAnnouncements) {
        text += (zh ? "，" : ", ") + EffectiveWords(b, d.added, lang, s.evidence);
        for (const std::string& st : ContextStatus(b, others, lang, s.evidence))
          text += (zh ? "；" : "; ") + st;
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
        text = zh ? who.right + "未列入" + who.left + "的" + what + detail
                  : who.right + " does not list the " + what + " of " + who.left + detail;
        if (!Targets(b, a)) {
          text += zh ? "，也未废止、修改或取代" + who.left
                     : "; it does not repeal, amend or replace " + who.left;
        }
        break;
      case DiffKind::kVersions:
        text = zh ? who.right + "删去了" + who.left + "所列的" + what + detail
                  : who.right + " drops " + what + detail + " listed in " + who.left;
        break;
      default:
        text = zh ? who.right + "缺少" + who.left + "所列的" + what + detail
                  : who.right + " lacks " + what + detail + " that " + who.left + " lists";
        break;
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
      text = zh ? who.right + "将" + Quoted(rc.right.name) + "列于" + rc.right.position + "（" +
                      who.left + "为" + rc.left.position + "）"
                : who.right + " lists " + Quoted(rc.right.name) + " at " + rc.right.position +
                      " (" + rc.left.position + " in " + who.left + ")";
    } else {
      text = zh ? who.right + "中" + Quoted(rc.right.name) + "的管制编码为" + CodeWords(rc.right, lang) +
                      "（" + who.left + "为" + CodeWords(rc.left, lang) + "）"
                : who.right + " lists " + Quoted(rc.right.name) + " under " +
                      CodeWords(rc.right, lang) + " instead of " + CodeWords(rc.left, lang);
    }
    const std::string fields = FieldChangeWords(rc.changes, rc.left, rc.right, lang);
    if (!fields.empty()) text += (zh ? "；" : "; ") + fields;
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }

  for (const ItemChange& c : d.changed) {
    Sentence s;
    const bool hs = !c.changes.hs_added.empty() || !c.changes.hs_removed.empty();
    AddItemEvidence(s.evidence, c.left, a, false, hs);
    AddItemEvidence(s.evidence, c.right, b, true, hs);
    const std::string code = c.right.code ? *c.right.code : c.key;
    const std::string fields = FieldChangeWords(c.changes, c.left, c.right, lang);
    std::string text;
    switch (r.kind) {
      case DiffKind::kAnnouncements:
        text = zh ? who.right + "再次列入" + code + "：" + fields
                  : who.right + " lists " + code + " again: " + fields;
        break;
      case DiffKind::kVersions:
        text = zh ? who.right + "修改了" + code + "：" + fields
                  : who.right + " changes " + code + ": " + fields;
        break;
      default:
        text = zh ? who.right + "在" + code + "上与" + who.left + "不同：" + DisagreementWords(c, who, lang)
                  : who.right + " differs from " + who.left + " on " + code + ": " +
                        DisagreementWords(c, who, lang);
        break;
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }

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
      const std::string part = PartWords(c.right.applies_to, lang);
      s.text = End(zh ? who.right + "所载" + part + "实施日期为" + ClauseWords(c.right, lang) + "，" +
                            who.left + "为" + ClauseWords(c.left, lang)
                      : who.right + " gives the effective date" + part + " as " +
                            ClauseWords(c.right, lang) + "; " + who.left + " gives " +
                            ClauseWords(c.left, lang),
                   lang);
      out.push_back(std::move(s));
    }
    for (const EffectiveClause& c : d.effective.added) {
      Sentence s;
      AddEvidence(s.evidence, {"right", DocIdOf(b), "effective", c.applies_to, c.evidence.text});
      const std::string part = PartWords(c.applies_to, lang);
      s.text = End(zh ? who.right + "载有" + part + "实施日期" + ClauseWords(c, lang) + "，" + who.left + "则没有"
                      : who.right + " states an effective date" + part + ", " + ClauseWords(c, lang) +
                            "; " + who.left + " does not",
                   lang);
      out.push_back(std::move(s));
    }
    for (const EffectiveClause& c : d.effective.removed) {
      Sentence s;
      AddEvidence(s.evidence, {"left", DocIdOf(a), "effective", c.applies_to, c.evidence.text});
      const std::string part = PartWords(c.applies_to, lang);
      s.text = End(zh ? who.left + "载有" + part + "实施日期" + ClauseWords(c, lang) + "，" + who.right + "则没有"
                      : who.left + " states an effective date" + part + ", " + ClauseWords(c, lang) +
                            "; " + who.right + " does not",
                   lang);
      out.push_back(std::move(s));
    }
    for (const HeaderChange& h : d.header) {
      Sentence s;
      const std::string what(HeaderFieldName(h.field));
      AddEvidence(s.evidence, {"left", DocIdOf(a), what, "", h.left_evidence.text});
      AddEvidence(s.evidence, {"right", DocIdOf(b), what, "", h.right_evidence.text});
      auto value = [&](const std::string& v) {
        if (v.empty()) return std::string(zh ? "（无）" : "none");
        if (h.field == HeaderField::kTitle) return Quoted(v);
        auto date = Date::FromIso(v);
        return date ? DateWords(*date, lang) : v;
      };
      const std::string field =
          h.field == HeaderField::kTitle ? (zh ? "标题" : "title") : (zh ? "发布日期" : "publication date");
      s.text = End(zh ? who.right + "所载" + field + "为" + value(h.right) + "，" + who.left + "为" + value(h.left)
                      : who.right + " gives the " + field + " as " + value(h.right) + "; " +
                            who.left + " gives " + value(h.left),
                   lang);
      out.push_back(std::move(s));
    }
  }

  // Two language texts whose facts all agree: say so, it is the answer.
  if (r.kind == DiffKind::kTexts && d.empty() && !b.items.empty()) {
    Sentence s;
    for (const Item& item : b.items) AddItemEvidence(s.evidence, item, b, true);
    const std::vector<Facts> facts = FactsOf(b.items);
    s.text = End(zh ? who.right + "与" + who.left + "所列物项" + Paren(Detail(facts, lang), lang) +
                          "、实施日期和关联公告一致"
                    : who.right + " agrees with " + who.left + " on every item" +
                          Paren(Detail(facts, lang), lang) + ", date and relation",
                 lang);
    out.push_back(std::move(s));
  }

  if (r.text && !r.text->empty()) {
    Sentence s;
    s.text = End(zh ? "文本有差异：删去" + N(r.text->lines_deleted) + "行，新增" + N(r.text->lines_inserted) + "行"
                    : "The texts differ: " + Counted(r.text->lines_deleted, "line", "lines") +
                          " deleted, " + Counted(r.text->lines_inserted, "line", "lines") + " inserted",
                 lang);
    out.push_back(std::move(s));
  }

  if (out.empty()) {
    Sentence s;
    s.text = End(zh ? who.left + "与" + who.right + "没有差异"
                    : "no differences between " + who.left + " and " + who.right,
                 lang);
    out.push_back(std::move(s));
  }
  return out;
}

// --- dates ---

std::string StatusWords(ItemStatus s, SummaryLang lang) {
  switch (s) {
    case ItemStatus::kInForce: return Zh(lang) ? "实施中" : "in force";
    case ItemStatus::kSuspended: return Zh(lang) ? "暂停实施" : "suspended";
    case ItemStatus::kNotYetInForce: return Zh(lang) ? "尚未实施" : "not yet in force";
    case ItemStatus::kRepealed: return Zh(lang) ? "已废止" : "repealed";
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
  return Zh(lang) ? "（推定：暂停期限届满且无后续公告）"
                  : " (inferred: the suspension ran out with no later announcement)";
}

// The state an item is in on the right date, as a clause.
std::string StateWords(const ItemState& s, const Date& on, SummaryLang lang) {
  const bool zh = Zh(lang);
  std::string out;
  switch (s.status) {
    case ItemStatus::kInForce:
      out = s.since ? (zh ? "自" + DateWords(*s.since, lang) + "起实施" : "in force since " + DateWords(*s.since, lang))
                    : (zh ? "实施中" : "in force");
      break;
    case ItemStatus::kNotYetInForce:
      out = zh ? "截至" + DateWords(on, lang) + "尚未实施" : "not yet in force on " + DateWords(on, lang);
      if (s.until) {
        const Date from = s.until->AddDays(1);
        out += zh ? "，自" + DateWords(from, lang) + "起实施" : ", in force from " + DateWords(from, lang);
      }
      break;
    case ItemStatus::kSuspended:
      out = zh ? "已被" + GoverningWords(s, lang) + "暂停实施" : "suspended by " + GoverningWords(s, lang);
      if (s.until) out += zh ? "至" + DateWords(*s.until, lang) : " until " + DateWords(*s.until, lang);
      break;
    case ItemStatus::kRepealed:
      out = zh ? "已被" + GoverningWords(s, lang) + "废止" : "repealed by " + GoverningWords(s, lang);
      if (s.since) out += zh ? "（" + DateWords(*s.since, lang) + "）" : " on " + DateWords(*s.since, lang);
      break;
  }
  return out + InferredWords(s, lang);
}

std::vector<Sentence> SummarizeStatus(const DiffReport& r, SummaryLang lang) {
  const bool zh = Zh(lang);
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
    const std::string of = zh ? lister + "所列" + what + detail : what + detail + " listed by " + lister;
    std::string text;
    switch (c.kind) {
      case StatusChangeKind::kNewlyListed:
        text = zh ? DateWords(left, lang) + "至" + DateWords(right, lang) + "期间，" + lister + "列入" + what +
                        detail + "；" + StateWords(st, right, lang)
                  : "between " + DateWords(left, lang) + " and " + DateWords(right, lang) + ", " + lister +
                        " listed " + what + detail + "; " + StateWords(st, right, lang);
        break;
      case StatusChangeKind::kDelisted:
        text = zh ? of + "截至" + DateWords(right, lang) + "尚未列入"
                  : of + " are not yet listed on " + DateWords(right, lang);
        break;
      case StatusChangeKind::kEnteredControl:
        text = st.since ? (zh ? of + "自" + DateWords(*st.since, lang) + "起实施"
                              : of + " entered control on " + DateWords(*st.since, lang))
                        : (zh ? of + "开始实施" : of + " entered control");
        text += InferredWords(st, lang);
        break;
      case StatusChangeKind::kResumed:
        text = st.since ? (zh ? of + "自" + DateWords(*st.since, lang) + "起恢复实施"
                              : of + " were in force again from " + DateWords(*st.since, lang))
                        : (zh ? of + "恢复实施" : of + " were in force again");
        text += InferredWords(st, lang);
        break;
      case StatusChangeKind::kSuspended:
      case StatusChangeKind::kRepealed:
        text = zh ? of + StateWords(st, right, lang) : of + " were " + StateWords(st, right, lang);
        break;
      case StatusChangeKind::kStatusChanged:
        if (c.before->status == st.status) {
          text = zh ? of + "的状态变为" + StateWords(st, right, lang)
                    : of + " are now " + StateWords(st, right, lang);
        } else {
          text = zh ? of + "由" + StatusWords(c.before->status, lang) + "变为" + StateWords(st, right, lang)
                    : of + " went from " + StatusWords(c.before->status, lang) + " to " +
                          StateWords(st, right, lang);
        }
        break;
      case StatusChangeKind::kListingChanged: {
        std::vector<std::string> parts;
        if (c.before->listed_by != st.listed_by)
          parts.push_back(zh ? "列管公告由" + DocName(c.before->listed_by, lang) + "变为" + lister
                             : "now listed by " + lister + " instead of " + DocName(c.before->listed_by, lang));
        if (!c.hs_added.empty())
          parts.push_back(zh ? "新增海关商品编号" + JoinList(c.hs_added, lang) : "HS codes added: " + JoinList(c.hs_added, lang));
        if (!c.hs_removed.empty())
          parts.push_back(zh ? "删去海关商品编号" + JoinList(c.hs_removed, lang)
                             : "HS codes removed: " + JoinList(c.hs_removed, lang));
        if (c.name_changed)
          parts.push_back(zh ? "名称由" + Quoted(c.before->name) + "改为" + Quoted(st.name)
                             : "name changed from " + Quoted(c.before->name) + " to " + Quoted(st.name));
        if (parts.empty()) parts.push_back(zh ? "元素有变化" : "elements changed");
        text = (st.code ? *st.code : c.key) + (zh ? "：" : ": ") + Join(parts, zh ? "，" : "; ");
        break;
      }
    }
    s.text = End(text, lang);
    out.push_back(std::move(s));
  }
  if (out.empty()) {
    Sentence s;
    s.text = End(zh ? DateWords(left, lang) + "与" + DateWords(right, lang) + "的管制清单没有差异"
                    : "no differences in the control list between " + DateWords(left, lang) + " and " +
                          DateWords(right, lang),
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
