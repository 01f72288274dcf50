// Announcements for the diff tests, built in code from the facts of
// shared/docs/facts.md (numbers, dates, codes, HS codes, elements). Names
// and evidence lines are short phrases of our own in the announcements'
// shape, not the official texts. No. 18 is cut to its Sm and Gd sections.
#pragma once

#include <string>
#include <vector>

#include "corpus/model.h"

namespace regdiff::testing {

inline Date D(int y, int m, int d) { return Date{y, m, d}; }

inline Evidence Ev(const std::string& text) { return Evidence{0, text.size(), text}; }

inline Item MakeItem(const std::string& code, const std::string& position, const std::string& name,
                     std::vector<std::string> elements, std::vector<std::string> hs = {}) {
  Item item;
  if (!code.empty()) item.code = code;
  item.position = position;
  item.name = name;
  item.elements = std::move(elements);
  item.hs_codes = std::move(hs);
  std::string line = code + " " + name;
  if (!item.hs_codes.empty()) {
    line += "(参考税则号列:";
    for (size_t i = 0; i < item.hs_codes.size(); ++i) line += (i ? "、" : "") + item.hs_codes[i];
    line += ")";
  }
  item.evidence = Ev(line);
  return item;
}

inline Announcement Header(const std::string& doc_id, std::vector<std::string> issuers, int number,
                           Date published, const std::string& title) {
  Announcement a;
  a.doc_id = doc_id;
  a.issuers = std::move(issuers);
  a.year = 2025;
  a.number = number;
  a.lang = Lang::kZh;
  a.title = title;
  a.published = published;
  a.title_evidence = Ev(title);
  a.published_evidence = Ev(std::to_string(published.year) + "年" + std::to_string(published.month) + "月" +
                            std::to_string(published.day) + "日");
  a.parser_version = "test/1";
  return a;
}

// The element section of a list: code.a metal, .b oxide, .c compounds.
inline void AddSection(Announcement& a, const std::string& base, const std::string& numeral,
                       const std::string& zh, const std::string& symbol,
                       std::vector<std::string> hs_a = {}, std::vector<std::string> hs_b = {},
                       std::vector<std::string> hs_c = {}) {
  a.items.push_back(MakeItem(base + ".a", numeral + "(一)", "金属" + zh + "、含" + zh + "的合金及相关制品",
                             {symbol}, std::move(hs_a)));
  a.items.push_back(MakeItem(base + ".b", numeral + "(二)", "氧化" + zh + "及其混合物", {symbol}, std::move(hs_b)));
  a.items.push_back(MakeItem(base + ".c", numeral + "(三)", "含" + zh + "的化合物及其混合物", {symbol},
                             std::move(hs_c)));
}

inline EffectiveClause Clause(std::optional<Date> date, bool on_publication, const std::string& text,
                              const std::string& applies_to = "whole") {
  EffectiveClause c;
  c.date = date;
  c.on_publication = on_publication;
  c.applies_to = applies_to;
  c.evidence = Ev(text);
  return c;
}

inline Relation Rel(RelationType type, const std::string& target, std::optional<Date> until,
                    const std::string& text) {
  Relation r;
  r.type = type;
  r.target = target;
  r.until = until;
  r.evidence = Ev(text);
  return r;
}

// No. 18 of 2025, Sm and Gd sections.
// A party line of an annex: list, action, names, country and the line as evidence.
inline Party MakeParty(PartyList list, PartyAction action, const std::string& name,
                       std::optional<std::string> name_en = std::nullopt,
                       std::optional<std::string> country = std::nullopt) {
  Party p;
  p.list = list;
  p.action = action;
  p.name = name;
  p.name_en = name_en;
  p.country = country;
  p.evidence = Ev(name + (name_en ? "(" + *name_en + ")" : std::string()));
  return p;
}

inline Party WatchListAdd(const std::string& name, std::optional<std::string> name_en = std::nullopt,
                          std::optional<std::string> country = "JP") {
  return MakeParty(PartyList::kWatchList, PartyAction::kAdd, name, name_en, country);
}

inline Party ControlListAdd(const std::string& name, std::optional<std::string> name_en = std::nullopt,
                            std::optional<std::string> country = "US") {
  return MakeParty(PartyList::kControlList, PartyAction::kAdd, name, name_en, country);
}

// An entity-list announcement of MOFCOM alone: No. `number` of `year`, no items.
inline Announcement ListingAnnouncement(int year, int number, std::vector<Party> parties) {
  Announcement a = Header("mofcom-" + std::to_string(year) + "-" + std::to_string(number), {"MOFCOM"},
                          number, Date{year, 2, 24}, "关于将实体列入名单的公告");
  a.year = year;
  a.parties = std::move(parties);
  return a;
}

// No. 12 of 2026 in our fixtures: twenty Japanese entities on the watch
// list, SUBARU Corporation first; the other nineteen are placeholders
// (日本实体2 / Japan Entity 2 ...), not real names.
inline Announcement No12Of2026() {
  std::vector<Party> parties = {WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation")};
  for (int i = 2; i <= 20; ++i)
    parties.push_back(WatchListAdd("日本实体" + std::to_string(i), "Japan Entity " + std::to_string(i)));
  return ListingAnnouncement(2026, 12, std::move(parties));
}

// No. 51 of 2025: three US entities on the export control list. Its
// publication date is not among our facts: none is set.
inline Announcement No51Of2025() {
  Announcement a =
      ListingAnnouncement(2025, 51, {ControlListAdd("亨廷顿·英格尔斯工业公司", "Huntington Ingalls Industries, Inc."),
                                     ControlListAdd("扁平地球管理公司", "Planate Management Group"),
                                     ControlListAdd("全球维度公司", "Global Dimensions LLC")});
  a.published.reset();
  a.published_evidence = {};
  return a;
}

inline Announcement No18() {
  Announcement a = Header("mofcom-gacc-2025-18", {"MOFCOM", "GACC"}, 18, D(2025, 4, 4), "关于对部分中重稀土相关物项实施出口管制的决定");
  AddSection(a, "1C902", "一", "钐", "Sm", {"2805301910", "3824999922", "8486909110"},
             {"2846901940", "2846901993", "3824999922"},
             {"2846902810", "2846902910", "2846903910", "2846904820", "2846904910", "2846909920",
              "3824999922"});
  AddSection(a, "1C903", "二", "钆", "Gd", {"2805301910"});
  a.effective.push_back(Clause(D(2025, 4, 4), true, "本公告自公布之日起实施"));
  return a;
}

// No. 57 of 2025: Ho, Er, Tm, Eu, Yb.
inline Announcement No57() {
  Announcement a = Header("mofcom-gacc-2025-57", {"MOFCOM", "GACC"}, 57, D(2025, 10, 9), "关于对钬、铒、铥、铕、镱相关物项实施出口管制的决定");
  AddSection(a, "1C909", "一", "钬", "Ho", {"28053019"});
  AddSection(a, "1C910", "二", "铒", "Er", {"28053019"});
  AddSection(a, "1C911", "三", "铥", "Tm", {"28053019"});
  AddSection(a, "1C912", "四", "铕", "Eu", {"28053019"});
  AddSection(a, "1C913", "五", "镱", "Yb");
  a.effective.push_back(Clause(D(2025, 11, 8), false, "本公告自2025年11月8日起实施"));
  return a;
}

// No. 70 of 2025: suspends No. 57 (and others) until 2026-11-10.
inline Announcement No70() {
  Announcement a = Header("mofcom-gacc-2025-70", {"MOFCOM", "GACC"}, 70, D(2025, 11, 7), "关于暂停实施部分出口管制措施的公告");
  a.effective.push_back(Clause(D(2025, 11, 7), true, "自即日起"));
  for (const char* target : {"mofcom-gacc-2025-55", "mofcom-gacc-2025-56", "mofcom-gacc-2025-57",
                             "mofcom-gacc-2025-58"}) {
    a.relations.push_back(Rel(RelationType::kSuspends, target, D(2026, 11, 10),
                              "第55号、56号、57号、58号公告暂停实施至2026年11月10日"));
  }
  return a;
}

}  // namespace regdiff::testing
