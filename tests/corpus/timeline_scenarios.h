// Announcements built in C++ for the timeline's tests: builders, the real
// sequence of 2025 Nos. 18, 57, 61, 62 and 70 (the facts of facts.md), and a
// longer sequence that exercises every rule that changes a state. Made-up
// doc_ids and dates are marked "test-".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"

namespace regdiff::timeline_scenarios {

// ---- Builders ---------------------------------------------------------------

inline Evidence Ev(std::string_view text) { return MakeEvidence(text, 0, text.size()); }

inline Date D(int y, int m, int d) { return Date{y, m, d}; }

inline Item MakeItem(std::optional<std::string> code, std::string position,
              std::vector<std::string> elements, std::vector<std::string> hs = {}) {
  Item item;
  item.code = std::move(code);
  item.position = std::move(position);
  item.name = "item " + item.code.value_or(item.position);
  item.elements = std::move(elements);
  item.hs_codes = std::move(hs);
  item.evidence = Ev(item.name);
  return item;
}

inline EffectiveClause OnPublication(Date published) {
  EffectiveClause c;
  c.date = published;
  c.on_publication = true;
  c.evidence = Ev("本公告自公布之日起正式实施");
  return c;
}

inline EffectiveClause EffectiveFrom(Date date, std::string applies_to = "whole") {
  EffectiveClause c;
  c.date = date;
  c.applies_to = std::move(applies_to);
  c.evidence = Ev("自" + date.ToIso() + "起实施 (" + c.applies_to + ")");
  return c;
}

inline Relation MakeRelation(RelationType type, std::string target,
                      std::optional<Date> until = std::nullopt) {
  Relation r;
  r.type = type;
  r.target = std::move(target);
  r.until = until;
  r.evidence = Ev(std::string(RelationTypeName(type)) + " " + r.target);
  return r;
}

inline Announcement MakeDoc(std::optional<std::string> doc_id, std::optional<Date> published,
                     Lang lang = Lang::kZh) {
  Announcement a;
  a.doc_id = std::move(doc_id);
  a.lang = lang;
  a.published = published;
  if (published) a.published_evidence = Ev(published->ToIso());
  a.parser_version = "test";
  return a;
}

// Items .a/.b/.c of `first`..`first + n - 1` ("1C9" + number), one element
// each, at positions 一(一).. under sections 一, 二, ...
inline std::vector<Item> TripleItems(int first, const std::vector<std::string>& elements) {
  static const char* kSections[] = {"一", "二", "三", "四", "五", "六", "七"};
  static const char* kSub[] = {"(一)", "(二)", "(三)"};
  std::vector<Item> out;
  for (size_t i = 0; i < elements.size(); ++i) {
    for (int j = 0; j < 3; ++j) {
      std::string code = "1C" + std::to_string(first + static_cast<int>(i)) + "." +
                         std::string(1, static_cast<char>('a' + j));
      out.push_back(MakeItem(code, std::string(kSections[i]) + kSub[j], {elements[i]}));
    }
  }
  return out;
}

// ---- The real sequence --------------------------------------------------------

inline const std::vector<std::string> kSeven = {"Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"};
inline const std::vector<std::string> kFive = {"Ho", "Er", "Tm", "Eu", "Yb"};

inline Announcement No18() {
  Announcement a = MakeDoc("mofcom-gacc-2025-18", D(2025, 4, 4));
  a.issuers = {"MOFCOM", "GACC"};
  a.effective = {OnPublication(D(2025, 4, 4))};
  a.items = TripleItems(902, kSeven);
  a.items[0].hs_codes = {"2805301910", "3824999922", "8486909110"};
  a.items[1].hs_codes = {"2846901940", "2846901993", "3824999922"};
  a.items[2].hs_codes = {"2846902810", "2846902910", "2846903910", "2846904820",
                         "2846904910", "2846909920", "3824999922"};
  a.items[3].hs_codes = {"2805301910"};
  return a;
}

inline Announcement No57() {
  Announcement a = MakeDoc("mofcom-gacc-2025-57", D(2025, 10, 9));
  a.issuers = {"MOFCOM", "GACC"};
  a.effective = {EffectiveFrom(D(2025, 11, 8))};
  a.items = TripleItems(909, kFive);
  for (int i = 0; i < 4; ++i) a.items[3 * i].hs_codes = {"28053019"};
  return a;
}

inline Announcement No62() {
  Announcement a = MakeDoc("mofcom-2025-62", D(2025, 10, 9));
  a.issuers = {"MOFCOM"};
  a.effective = {OnPublication(D(2025, 10, 9))};
  a.items = {MakeItem("1E902.a", "一(一)", {}), MakeItem("1E902.b", "一(二)", {})};
  return a;
}

// No. 61's rules are in annexes; the uncoded items here stand for its parts
// 一(一), 一(二), 一(三) so the partial clauses have something to act on.
inline Announcement No61() {
  Announcement a = MakeDoc("mofcom-2025-61", D(2025, 10, 9));
  a.issuers = {"MOFCOM"};
  a.effective = {EffectiveFrom(D(2025, 12, 1), "第一条第(一)项、第(二)项"),
                 EffectiveFrom(D(2025, 10, 9), "其余规定")};
  a.effective[1].on_publication = true;
  a.items = {MakeItem(std::nullopt, "一(一)", {}), MakeItem(std::nullopt, "一(二)", {}),
             MakeItem(std::nullopt, "一(三)", {})};
  return a;
}

inline Announcement No70() {
  Announcement a = MakeDoc("mofcom-gacc-2025-70", D(2025, 11, 7));
  a.issuers = {"MOFCOM", "GACC"};
  a.effective = {OnPublication(D(2025, 11, 7))};
  for (const char* target : {"mofcom-gacc-2025-55", "mofcom-gacc-2025-56", "mofcom-gacc-2025-57",
                             "mofcom-gacc-2025-58", "mofcom-2025-61", "mofcom-2025-62"}) {
    a.relations.push_back(MakeRelation(RelationType::kSuspends, target, D(2026, 11, 10)));
  }
  return a;
}

inline std::vector<Announcement> RealSequence() { return {No18(), No57(), No62(), No61(), No70()}; }


// The real sequence, a second suspension overlapping the first, an
// open-ended suspension ended by a resumption, a later mention, a repeal and
// a relisting: every rule that changes a state.
inline std::vector<Announcement> EveryRuleSequence() {
  std::vector<Announcement> docs = RealSequence();
  // An announcement in force on publication relating to one other.
  auto relating = [](std::string id, Date published, RelationType type, std::string target,
                     std::optional<Date> until = std::nullopt) {
    Announcement a = MakeDoc(std::move(id), published);
    a.effective = {OnPublication(published)};
    a.relations = {MakeRelation(type, std::move(target), until)};
    return a;
  };
  Announcement s2 = relating("test-s2", D(2026, 1, 1), RelationType::kSuspends,
                             "mofcom-gacc-2025-57", D(2026, 6, 30));
  // No. 18 suspended with no end, then resumed.
  Announcement s18 =
      relating("test-s18", D(2026, 4, 1), RelationType::kSuspends, "mofcom-gacc-2025-18");
  Announcement resume =
      relating("test-resume", D(2026, 8, 1), RelationType::kResumes, "mofcom-gacc-2025-18");
  // A mention of No. 57 after its windows ran out states the status after them.
  Announcement mention =
      relating("test-mention", D(2027, 1, 5), RelationType::kAmends, "mofcom-gacc-2025-57");
  Announcement repeal = MakeDoc("test-repeal", D(2027, 1, 10));
  repeal.effective = {EffectiveFrom(D(2027, 2, 1))};
  repeal.relations = {MakeRelation(RelationType::kRepeals, "mofcom-gacc-2025-18")};
  Announcement relist = MakeDoc("test-relist", D(2027, 5, 1));
  relist.effective = {EffectiveFrom(D(2027, 6, 1))};
  relist.items = {MakeItem("1C902.a", "一(一)", {"Sm"}, {"2805301910"})};
  docs.insert(docs.end(), {s2, s18, resume, mention, repeal, relist});
  return docs;
}

}  // namespace regdiff::timeline_scenarios
