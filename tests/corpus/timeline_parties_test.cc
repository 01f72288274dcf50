// Timeline: parties on MOFCOM's lists on a date, and the history of one
// party, from announcements built here in C++. Party keys are set by hand as
// the parser fills them (corpus/name_match: Simplified, lower case, company
// forms dropped). doc_ids and dates are made up unless a case says otherwise.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus/strings.h"
#include "corpus/timeline.h"

namespace regdiff {
namespace {

// ---- Builders ---------------------------------------------------------------

Evidence Ev(std::string_view text) { return MakeEvidence(text, 0, text.size()); }

Date D(int y, int m, int d) { return Date{y, m, d}; }

Party MakeParty(PartyList list, PartyAction action, std::string name, std::string key,
                std::string key_en = "", std::optional<std::string> name_en = std::nullopt) {
  Party p;
  p.list = list;
  p.action = action;
  p.name = std::move(name);
  p.name_en = std::move(name_en);
  p.country = "JP";
  p.key = std::move(key);
  p.key_en = std::move(key_en);
  p.evidence = Ev((action == PartyAction::kAdd ? "列入 " : "移出 ") + p.name);
  return p;
}

Party Subaru(PartyAction action = PartyAction::kAdd, PartyList list = PartyList::kWatchList) {
  return MakeParty(list, action, "斯巴鲁株式会社", "斯巴鲁", "subaru", "SUBARU Corporation");
}

Announcement MakeDoc(std::string doc_id, Date published, std::vector<Party> parties,
                     std::optional<Date> effective = std::nullopt, Lang lang = Lang::kZh) {
  Announcement a;
  a.doc_id = std::move(doc_id);
  a.lang = lang;
  a.published = published;
  a.published_evidence = Ev(published.ToIso());
  if (effective) {
    EffectiveClause c;
    c.date = effective;
    c.evidence = Ev("自" + effective->ToIso() + "起实施");
    a.effective = {c};
  }
  a.parties = std::move(parties);
  a.parser_version = "test";
  return a;
}

Announcement MakeRelating(std::string doc_id, Date published, RelationType type,
                          std::string target, std::optional<Date> until = std::nullopt) {
  Announcement a = MakeDoc(std::move(doc_id), published, {});
  Relation r;
  r.type = type;
  r.target = std::move(target);
  r.until = until;
  r.evidence = Ev(std::string(RelationTypeName(type)) + " " + r.target);
  a.relations = {r};
  return a;
}

// One line per party on `date`: "list key status listed_by since
// [status_since..status_until] governing", the form the cases state.
std::vector<std::string> Summary(const Timeline& t, const Date& date) {
  std::vector<std::string> out;
  for (const PartyState& s : t.PartiesAsOf(date)) {
    std::string line = std::string(PartyListName(s.list)) + " " + s.key + " " +
                       std::string(PartyStatusName(s.status));
    if (s.basis == Basis::kInferred) line += "(inferred)";
    line += " " + s.listed_by + " " + (s.since ? s.since->ToIso() : "-");
    line += " [" + (s.status_since ? s.status_since->ToIso() : std::string("-")) + ".." +
            (s.status_until ? s.status_until->ToIso() : std::string("-")) + "]";
    line += " " + Join(s.governing, ",");
    out.push_back(line);
  }
  return out;
}

// ---- The rules, one case per row --------------------------------------------

struct Case {
  const char* name;
  std::vector<Announcement> (*docs)();
  Date date;
  std::vector<std::string> expected;
};

std::vector<Announcement> Listing() {
  return {MakeDoc("mofcom-2026-12", D(2026, 2, 24), {Subaru()})};
}

std::vector<Announcement> ListingEffectiveLater() {
  return {MakeDoc("mofcom-2026-12", D(2026, 2, 24), {Subaru()}, D(2026, 3, 10))};
}

std::vector<Announcement> ListingThenRemoval() {
  return {MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()}),
          MakeDoc("a-2026-9", D(2026, 6, 1), {Subaru(PartyAction::kRemove)})};
}

std::vector<Announcement> RemovalFromAnotherList() {
  return {MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()}),
          MakeDoc("a-2026-9", D(2026, 6, 1),
                  {Subaru(PartyAction::kRemove, PartyList::kControlList)})};
}

// An English text removes it: its key is the English name's, its key_en empty.
std::vector<Announcement> RemovalByEnglishKey() {
  Party en = MakeParty(PartyList::kWatchList, PartyAction::kRemove, "SUBARU Corporation",
                       "subaru");
  return {MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()}),
          MakeDoc("a-2026-9", D(2026, 6, 1), {en}, std::nullopt, Lang::kEn)};
}

// A Traditional text removes 斯巴魯株式會社: the parser folds it to the same key.
std::vector<Announcement> RemovalInTraditional() {
  Party hant = MakeParty(PartyList::kWatchList, PartyAction::kRemove, "斯巴魯株式會社", "斯巴鲁");
  return {MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()}),
          MakeDoc("a-2026-9", D(2026, 6, 1), {hant}, std::nullopt, Lang::kZhHant)};
}

std::vector<Announcement> SuspendedUntil() {
  return {MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()}),
          MakeRelating("a-2026-5", D(2026, 4, 1), RelationType::kSuspends, "a-2026-1",
                       D(2026, 4, 30))};
}

std::vector<Announcement> SuspendedThenResumed() {
  std::vector<Announcement> docs = SuspendedUntil();
  docs.push_back(
      MakeRelating("a-2026-7", D(2026, 4, 10), RelationType::kResumes, "a-2026-1"));
  return docs;
}

std::vector<Announcement> ListingRepealed() {
  return {MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()}),
          MakeRelating("a-2026-8", D(2026, 5, 1), RelationType::kRepeals, "a-2026-1")};
}

std::vector<Announcement> RemovedThenListedAgain() {
  std::vector<Announcement> docs = ListingThenRemoval();
  docs.push_back(MakeDoc("a-2026-20", D(2026, 9, 1), {Subaru()}));
  return docs;
}

// Two lists, three parties, given out of order: ordered by list, then key.
std::vector<Announcement> TwoLists() {
  return {MakeDoc("a-2026-12", D(2026, 2, 24),
                  {Subaru(), MakeParty(PartyList::kWatchList, PartyAction::kAdd, "安川电机株式会社",
                                       "安川电机", "yaskawaelectric")}),
          MakeDoc("a-2025-51", D(2025, 10, 9),
                  {MakeParty(PartyList::kControlList, PartyAction::kAdd, "甲公司", "甲",
                             "alphasystems")})};
}

const Case kCases[] = {
    {"not listed before the listing", Listing, D(2026, 2, 23), {}},
    {"listed on publication",
     Listing,
     D(2026, 2, 24),
     {"watch_list 斯巴鲁 in_force mofcom-2026-12 2026-02-24 [2026-02-24..-] mofcom-2026-12"}},
    {"published, not yet in force",
     ListingEffectiveLater,
     D(2026, 3, 1),
     {"watch_list 斯巴鲁 not_yet_in_force mofcom-2026-12 2026-03-10 [-..2026-03-09] "
      "mofcom-2026-12"}},
    {"in force from the effective date",
     ListingEffectiveLater,
     D(2026, 3, 10),
     {"watch_list 斯巴鲁 in_force mofcom-2026-12 2026-03-10 [2026-03-10..-] mofcom-2026-12"}},
    {"in force the day before its removal",
     ListingThenRemoval,
     D(2026, 5, 31),
     {"watch_list 斯巴鲁 in_force a-2026-1 2026-02-24 [2026-02-24..2026-05-31] a-2026-1"}},
    {"removed from the removing announcement's date",
     ListingThenRemoval,
     D(2026, 6, 1),
     {"watch_list 斯巴鲁 removed a-2026-1 2026-02-24 [2026-06-01..-] a-2026-1,a-2026-9"}},
    {"a removal from another list leaves it listed",
     RemovalFromAnotherList,
     D(2026, 6, 1),
     {"watch_list 斯巴鲁 in_force a-2026-1 2026-02-24 [2026-02-24..-] a-2026-1"}},
    {"an English removal matches by the English key",
     RemovalByEnglishKey,
     D(2026, 6, 1),
     {"watch_list 斯巴鲁 removed a-2026-1 2026-02-24 [2026-06-01..-] a-2026-1,a-2026-9"}},
    {"a Traditional removal matches the Simplified listing",
     RemovalInTraditional,
     D(2026, 6, 1),
     {"watch_list 斯巴鲁 removed a-2026-1 2026-02-24 [2026-06-01..-] a-2026-1,a-2026-9"}},
    {"a suspension of the listing announcement suspends its parties",
     SuspendedUntil,
     D(2026, 4, 15),
     {"watch_list 斯巴鲁 suspended a-2026-1 2026-02-24 [2026-04-01..2026-04-30] "
      "a-2026-1,a-2026-5"}},
    {"until is inclusive",
     SuspendedUntil,
     D(2026, 4, 30),
     {"watch_list 斯巴鲁 suspended a-2026-1 2026-02-24 [2026-04-01..2026-04-30] "
      "a-2026-1,a-2026-5"}},
    {"in force again the day after, inferred",
     SuspendedUntil,
     D(2026, 5, 1),
     {"watch_list 斯巴鲁 in_force(inferred) a-2026-1 2026-02-24 [2026-05-01..-] "
      "a-2026-1,a-2026-5"}},
    {"a resumption ends the suspension, stated",
     SuspendedThenResumed,
     D(2026, 4, 10),
     {"watch_list 斯巴鲁 in_force a-2026-1 2026-02-24 [2026-04-10..-] "
      "a-2026-1,a-2026-5,a-2026-7"}},
    {"a repeal of the listing announcement removes its parties",
     ListingRepealed,
     D(2026, 5, 1),
     {"watch_list 斯巴鲁 removed a-2026-1 2026-02-24 [2026-05-01..-] a-2026-1,a-2026-8"}},
    {"listed again after a removal: the new listing governs",
     RemovedThenListedAgain,
     D(2026, 9, 1),
     {"watch_list 斯巴鲁 in_force a-2026-20 2026-09-01 [2026-09-01..-] a-2026-20"}},
    {"ordered by list, then key",
     TwoLists,
     D(2026, 3, 1),
     {"control_list 甲 in_force a-2025-51 2025-10-09 [2025-10-09..-] a-2025-51",
      "watch_list 安川电机 in_force a-2026-12 2026-02-24 [2026-02-24..-] a-2026-12",
      "watch_list 斯巴鲁 in_force a-2026-12 2026-02-24 [2026-02-24..-] a-2026-12"}},
};

TEST(TimelineParties, FollowsTheRulesOfEachCase) {
  for (const Case& c : kCases) {
    Timeline t = Timeline::Build(c.docs());
    EXPECT_EQ(Summary(t, c.date), c.expected) << c.name;
  }
}

TEST(TimelineParties, DoesNotDependOnTheOrderOfAnnouncements) {
  for (const Case& c : kCases) {
    std::vector<Announcement> docs = c.docs();
    std::reverse(docs.begin(), docs.end());
    Timeline t = Timeline::Build(std::move(docs));
    EXPECT_EQ(Summary(t, c.date), c.expected) << c.name;
  }
}

// ---- Fields of a state ------------------------------------------------------

TEST(TimelineParties, StateCarriesNamesCountryAndEvidence) {
  Timeline t = Timeline::Build(Listing());
  std::vector<PartyState> parties = t.PartiesAsOf(D(2026, 3, 1));
  ASSERT_EQ(parties.size(), 1u);
  const PartyState& s = parties[0];
  EXPECT_EQ(s.name, "斯巴鲁株式会社");
  EXPECT_EQ(s.name_en, "SUBARU Corporation");
  EXPECT_EQ(s.country, "JP");
  EXPECT_EQ(s.key_en, "subaru");
  EXPECT_EQ(s.evidence, "列入 斯巴鲁株式会社");
  EXPECT_EQ(s.status_evidence, "2026-02-24");  // on publication: the date line
  EXPECT_FALSE(s.removed_from);
}

TEST(TimelineParties, RemovedStateQuotesTheRemovalAndItsDate) {
  Timeline t = Timeline::Build(ListingThenRemoval());
  std::vector<PartyState> parties = t.PartiesAsOf(D(2026, 7, 1));
  ASSERT_EQ(parties.size(), 1u);
  EXPECT_EQ(parties[0].removed_from, D(2026, 6, 1));
  EXPECT_EQ(parties[0].status_evidence, "移出 斯巴鲁株式会社");
}

TEST(TimelineParties, SuspensionWindowsAreListedOnceStated) {
  Timeline t = Timeline::Build(SuspendedUntil());
  EXPECT_TRUE(t.PartiesAsOf(D(2026, 3, 31))[0].suspensions.empty());
  std::vector<SuspensionWindow> w = t.PartiesAsOf(D(2026, 5, 2))[0].suspensions;
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].from, D(2026, 4, 1));
  EXPECT_EQ(w[0].until, D(2026, 4, 30));
  EXPECT_EQ(w[0].by, "a-2026-5");
}

TEST(TimelineParties, ItemsAndPartiesOfOneAnnouncementDoNotMix) {
  Announcement a = MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()});
  Item item;
  item.code = "1C902.a";
  item.position = "一(一)";
  item.name = "item";
  a.items = {item};
  Timeline t = Timeline::Build({a});
  EXPECT_EQ(t.AsOf(D(2026, 3, 1)).size(), 1u);
  EXPECT_EQ(t.PartiesAsOf(D(2026, 3, 1)).size(), 1u);
}

TEST(TimelineParties, MergedTextsListAPartyOnce) {
  Party en = MakeParty(PartyList::kWatchList, PartyAction::kAdd, "SUBARU Corporation", "subaru");
  Timeline t = Timeline::Build({MakeDoc("a-2026-1", D(2026, 2, 24), {en}, std::nullopt, Lang::kEn),
                                MakeDoc("a-2026-1", D(2026, 2, 24), {Subaru()})});
  std::vector<PartyState> parties = t.PartiesAsOf(D(2026, 3, 1));
  ASSERT_EQ(parties.size(), 1u);
  EXPECT_EQ(parties[0].name, "斯巴鲁株式会社");  // the Chinese text's
}

TEST(TimelineParties, TakesPartiesFromATranslationWhenTheChineseTextHasNone) {
  Party en = MakeParty(PartyList::kWatchList, PartyAction::kAdd, "SUBARU Corporation", "subaru");
  Timeline t = Timeline::Build({MakeDoc("a-2026-1", D(2026, 2, 24), {}),
                                MakeDoc("a-2026-1", D(2026, 2, 24), {en}, std::nullopt, Lang::kEn)});
  ASSERT_EQ(t.PartiesAsOf(D(2026, 3, 1)).size(), 1u);
}

TEST(TimelineParties, ScalesLinearlyWithManyParties) {
  // 300 parties per announcement, 40 announcements, each removing the
  // previous one's: Build and PartiesAsOf stay fast (no scan per party).
  std::vector<Announcement> docs;
  for (int n = 0; n < 40; ++n) {
    std::vector<Party> parties;
    for (int i = 0; i < 300; ++i) {
      std::string k = "party" + std::to_string(n) + "x" + std::to_string(i);
      parties.push_back(MakeParty(PartyList::kControlList, PartyAction::kAdd, k, k));
      if (n > 0) {
        std::string old = "party" + std::to_string(n - 1) + "x" + std::to_string(i);
        parties.push_back(MakeParty(PartyList::kControlList, PartyAction::kRemove, old, old));
      }
    }
    docs.push_back(MakeDoc("b-2026-" + std::to_string(n), D(2026, 1, 1).AddDays(n * 3),
                           std::move(parties)));
  }
  Timeline t = Timeline::Build(std::move(docs));
  std::vector<PartyState> states = t.PartiesAsOf(D(2026, 12, 31));
  ASSERT_EQ(states.size(), 40u * 300u);
  int in_force = 0;
  for (const PartyState& s : states) in_force += s.status == PartyStatus::kInForce;
  EXPECT_EQ(in_force, 300);
}

// ---- History of one party -----------------------------------------------------

std::vector<std::string> HistoryLines(const Timeline& t, std::string_view key) {
  std::vector<std::string> out;
  for (const PartyEvent& e : t.PartyHistory(key)) {
    out.push_back(e.date.ToIso() + " " + std::string(PartyEventKindName(e.kind)) + " " +
                  std::string(PartyListName(e.list)) + " " + e.doc_id +
                  (e.basis == Basis::kInferred ? " (inferred)" : ""));
  }
  return out;
}

TEST(TimelineParties, HistoryByEitherKey) {
  Timeline t = Timeline::Build(SuspendedUntil());
  std::vector<std::string> by_zh = HistoryLines(t, "斯巴鲁");
  EXPECT_EQ(by_zh, HistoryLines(t, "subaru"));
  ASSERT_EQ(by_zh.size(), 3u);
  EXPECT_EQ(by_zh[0], "2026-02-24 listed watch_list a-2026-1");
  EXPECT_EQ(by_zh[1], "2026-04-01 suspended watch_list a-2026-5");
  EXPECT_EQ(by_zh[2], "2026-05-01 suspension_ends watch_list a-2026-5 (inferred)");
}

TEST(TimelineParties, HistoryOfListingRemovalAndRelisting) {
  Timeline t = Timeline::Build(RemovedThenListedAgain());
  EXPECT_EQ(HistoryLines(t, "subaru"),
            (std::vector<std::string>{"2026-02-24 listed watch_list a-2026-1",
                                      "2026-06-01 removed watch_list a-2026-9",
                                      "2026-09-01 listed watch_list a-2026-20"}));
}

TEST(TimelineParties, HistoryShowsARemovalOfAPartyNeverListedHere) {
  Timeline t = Timeline::Build({MakeDoc("a-2026-9", D(2026, 6, 1), {Subaru(PartyAction::kRemove)})});
  EXPECT_TRUE(t.PartiesAsOf(D(2026, 7, 1)).empty());
  EXPECT_EQ(HistoryLines(t, "斯巴鲁"),
            (std::vector<std::string>{"2026-06-01 removed watch_list a-2026-9"}));
}

TEST(TimelineParties, HistoryOfAnUnknownKeyIsEmpty) {
  Timeline t = Timeline::Build(Listing());
  EXPECT_TRUE(t.PartyHistory("toyota").empty());
  EXPECT_TRUE(t.PartyHistory("").empty());
}

TEST(TimelineParties, StretchesHoldEveryDaysStatesInEveryCase) {
  for (const Case& c : kCases) {
    Timeline t = Timeline::Build(c.docs());
    const std::vector<PartyStretch> stretches = t.PartyStretches();
    for (Date day = Date{2025, 1, 1}; day <= Date{2027, 1, 1}; day = day.AddDays(1)) {
      std::vector<PartyState> states;
      for (const PartyStretch& s : stretches)
        if (s.Holds(day)) states.push_back(s.state);
      Timeline::SortPartyStates(states);
      ASSERT_EQ(states, t.PartiesAsOf(day)) << c.name << " on " << day.ToIso();
    }
  }
}

}  // namespace
}  // namespace regdiff
