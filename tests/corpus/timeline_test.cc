// Timeline: events and "as of" states rebuilt from announcements built here
// in C++. The main sequence carries the real facts of 2025 Nos. 18, 57, 61,
// 62 and 70 (facts.md); the smaller cases (same-day suspension, repeal,
// amendment, resumption, later mention, partial clauses, merged translations,
// undated texts) use made-up doc_ids and dates.
#include "corpus/timeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "tests/corpus/timeline_scenarios.h"

namespace regdiff {
namespace {

using namespace timeline_scenarios;

// ---- Inspection -------------------------------------------------------------

const ItemState* Find(const std::vector<ItemState>& states, const std::string& key) {
  for (const ItemState& s : states)
    if (s.key == key) return &s;
  return nullptr;
}

// Elements of the items with `status` on that day.
std::set<std::string> ElementsWith(const std::vector<ItemState>& states, ItemStatus status) {
  std::set<std::string> out;
  for (const ItemState& s : states)
    if (s.status == status) out.insert(s.elements.begin(), s.elements.end());
  return out;
}

// The state of `key` on `date`; a failure and a default state when absent.
ItemState StateOn(const Timeline& t, const Date& date, const std::string& key) {
  std::vector<ItemState> states = t.AsOf(date);
  if (const ItemState* s = Find(states, key)) return *s;
  ADD_FAILURE() << key << " missing on " << date.ToIso();
  return {};
}

std::set<std::string> Set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

std::string Opt(const std::optional<Date>& d) { return d ? d->ToIso() : "-"; }

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + ",";
  return out;
}

// One line per state, every field: equal dumps mean equal answers.
std::string Serialize(const std::vector<ItemState>& states) {
  std::string out;
  for (const ItemState& s : states) {
    out += s.key + "|" + s.code.value_or("-") + "|" + s.name + "|" + Join(s.elements) + "|" +
           Join(s.hs_codes) + "|" + s.listed_by + "|" + std::string(ItemStatusName(s.status)) +
           "|" + std::string(BasisName(s.basis)) + "|" + Opt(s.since) + "|" + Opt(s.until) + "|" +
           Join(s.governing) + "|" + s.evidence + "\n";
  }
  return out;
}

std::string Serialize(const std::vector<TimelineEvent>& events) {
  std::string out;
  for (const TimelineEvent& e : events) {
    out += e.date.ToIso() + "|" + std::string(EventKindName(e.kind)) + "|" + e.key + "|" +
           e.code.value_or("-") + "|" + Join(e.elements) + "|" + Join(e.hs_codes) + "|" +
           e.doc_id + "|" + std::string(BasisName(e.basis)) + "|" + e.evidence + "\n";
  }
  return out;
}

const std::vector<Date> kCheckDates = {D(2025, 4, 3),  D(2025, 4, 4),   D(2025, 10, 10),
                                       D(2025, 11, 7), D(2025, 11, 9),  D(2025, 12, 1),
                                       D(2026, 11, 10), D(2026, 11, 11)};

// ---- The real sequence --------------------------------------------------------

TEST(TimelineRealSequence, NothingFromNo18TheDayBeforeItsPublication) {
  Timeline t = Timeline::Build(RealSequence());
  EXPECT_TRUE(t.AsOf(D(2025, 4, 3)).empty()) << Serialize(t.AsOf(D(2025, 4, 3)));
}

TEST(TimelineRealSequence, SevenElementsInForceOnNo18sPublicationDay) {
  Timeline t = Timeline::Build(RealSequence());
  std::vector<ItemState> states = t.AsOf(D(2025, 4, 4));
  ASSERT_EQ(states.size(), 21u) << Serialize(states);
  for (const ItemState& s : states) {
    EXPECT_EQ(s.status, ItemStatus::kInForce) << s.key;
    EXPECT_EQ(s.basis, Basis::kStated) << s.key;
    EXPECT_EQ(s.listed_by, "mofcom-gacc-2025-18");
    EXPECT_EQ(s.since, D(2025, 4, 4)) << s.key;
  }
  EXPECT_EQ(ElementsWith(states, ItemStatus::kInForce), Set(kSeven));
  const ItemState* sm_metal = Find(states, "1C902.a");
  ASSERT_NE(sm_metal, nullptr);
  EXPECT_EQ(sm_metal->hs_codes,
            (std::vector<std::string>{"2805301910", "3824999922", "8486909110"}));
  EXPECT_EQ(sm_metal->elements, (std::vector<std::string>{"Sm"}));
}

TEST(TimelineRealSequence, No57PublishedButNotYetInForceOnOctober10) {
  Timeline t = Timeline::Build(RealSequence());
  std::vector<ItemState> states = t.AsOf(D(2025, 10, 10));
  EXPECT_EQ(ElementsWith(states, ItemStatus::kInForce), Set(kSeven));
  EXPECT_EQ(ElementsWith(states, ItemStatus::kNotYetInForce), Set(kFive));
  for (int code = 909; code <= 913; ++code) {
    for (const char* sub : {".a", ".b", ".c"}) {
      std::string key = "1C" + std::to_string(code) + sub;
      const ItemState* s = Find(states, key);
      ASSERT_NE(s, nullptr) << key;
      EXPECT_EQ(s->status, ItemStatus::kNotYetInForce) << key;
      EXPECT_EQ(s->until, D(2025, 11, 7)) << key;  // the day before its effective date
      EXPECT_EQ(s->listed_by, "mofcom-gacc-2025-57");
    }
  }
  // No. 62 is in force from its publication; No. 70 will suspend it from
  // 2025-11-07, so its current status lasts through 2025-11-06.
  const ItemState* tech = Find(states, "1E902.a");
  ASSERT_NE(tech, nullptr);
  EXPECT_EQ(tech->status, ItemStatus::kInForce);
  EXPECT_EQ(tech->since, D(2025, 10, 9));
  EXPECT_EQ(tech->until, D(2025, 11, 6));
}

TEST(TimelineRealSequence, No57SuspendedBeforeItsDateSevenStillInForce) {
  Timeline t = Timeline::Build(RealSequence());
  std::vector<ItemState> states = t.AsOf(D(2025, 11, 9));
  EXPECT_EQ(ElementsWith(states, ItemStatus::kInForce), Set(kSeven));
  EXPECT_EQ(ElementsWith(states, ItemStatus::kSuspended), Set(kFive));
  for (int code = 909; code <= 913; ++code) {
    std::string key = "1C" + std::to_string(code) + ".b";
    const ItemState* s = Find(states, key);
    ASSERT_NE(s, nullptr) << key;
    EXPECT_EQ(s->status, ItemStatus::kSuspended) << key;
    EXPECT_EQ(s->basis, Basis::kStated) << key;
    EXPECT_EQ(s->governing,
              (std::vector<std::string>{"mofcom-gacc-2025-57", "mofcom-gacc-2025-70"}));
    EXPECT_EQ(s->since, D(2025, 11, 8)) << key;  // never in force before the suspension
    EXPECT_EQ(s->until, D(2026, 11, 10)) << key;
    EXPECT_EQ(s->evidence, "suspends mofcom-gacc-2025-57");
  }
  const ItemState* tech = Find(states, "1E902.b");
  ASSERT_NE(tech, nullptr);
  EXPECT_EQ(tech->status, ItemStatus::kSuspended);
  EXPECT_EQ(tech->since, D(2025, 11, 7));  // No. 70 took effect on its publication
}

TEST(TimelineRealSequence, UntilIsInclusiveSoLastDayIsStillSuspended) {
  Timeline t = Timeline::Build(RealSequence());
  std::vector<ItemState> states = t.AsOf(D(2026, 11, 10));
  EXPECT_EQ(ElementsWith(states, ItemStatus::kInForce), Set(kSeven));
  EXPECT_EQ(ElementsWith(states, ItemStatus::kSuspended), Set(kFive));
}

TEST(TimelineRealSequence, TwelveInForceAfterTheWindowTheFiveInferred) {
  Timeline t = Timeline::Build(RealSequence());
  std::vector<ItemState> states = t.AsOf(D(2026, 11, 11));
  std::set<std::string> twelve = Set(kSeven);
  twelve.insert(kFive.begin(), kFive.end());
  EXPECT_EQ(ElementsWith(states, ItemStatus::kInForce), twelve);
  EXPECT_TRUE(ElementsWith(states, ItemStatus::kSuspended).empty());
  for (const ItemState& s : states) {
    if (!s.code || s.code->rfind("1C9", 0) != 0) continue;
    ASSERT_EQ(s.status, ItemStatus::kInForce) << s.key;
    if (s.listed_by == "mofcom-gacc-2025-57") {
      EXPECT_EQ(s.basis, Basis::kInferred) << s.key;
      EXPECT_EQ(s.since, D(2026, 11, 11)) << s.key;
    } else {
      EXPECT_EQ(s.listed_by, "mofcom-gacc-2025-18") << s.key;
      EXPECT_EQ(s.basis, Basis::kStated) << s.key;
      EXPECT_EQ(s.since, D(2025, 4, 4)) << s.key;
    }
  }
  int inferred = 0;
  for (const ItemState& s : states) inferred += s.basis == Basis::kInferred;
  // 15 items of No. 57, 2 of No. 62, 3 parts of No. 61.
  EXPECT_EQ(inferred, 20) << Serialize(states);
}

TEST(TimelineRealSequence, EventsOfOneItemInOrder) {
  Timeline t = Timeline::Build(RealSequence());
  std::string got;
  for (const TimelineEvent& e : t.Events()) {
    if (e.key != "1C909.a") continue;
    got += e.date.ToIso() + " " + std::string(EventKindName(e.kind)) + " " + e.doc_id + " " +
           std::string(BasisName(e.basis)) + "\n";
  }
  EXPECT_EQ(got,
            "2025-11-07 suspended mofcom-gacc-2025-70 stated\n"
            "2025-11-08 enters mofcom-gacc-2025-57 stated\n"
            "2026-11-11 suspension_ends mofcom-gacc-2025-70 inferred\n");
  for (size_t i = 1; i < t.Events().size(); ++i)
    EXPECT_LE(t.Events()[i - 1].date, t.Events()[i].date);
}

TEST(TimelineRealSequence, EveryPermutationGivesTheSameAnswers) {
  std::vector<Announcement> docs = RealSequence();
  std::vector<int> order = {0, 1, 2, 3, 4};
  std::string reference;
  int permutations = 0;
  do {
    std::vector<Announcement> input;
    for (int i : order) input.push_back(docs[i]);
    Timeline t = Timeline::Build(std::move(input));
    std::string dump = Serialize(t.Events());
    for (const Date& d : kCheckDates) {
      dump.append("@").append(d.ToIso()).append("\n");
      dump += Serialize(t.AsOf(d));
    }
    if (reference.empty()) reference = dump;
    else ASSERT_EQ(dump, reference) << "order " << order[0] << order[1] << order[2] << order[3]
                                    << order[4];
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(permutations, 120);
  EXPECT_NE(reference.find("suspension_ends"), std::string::npos);
}

TEST(TimelineRealSequence, PermutationsWithAnEnglishTextOfNo57GiveTheSameAnswers) {
  Announcement en = No57();
  en.lang = Lang::kEn;
  en.items.push_back(MakeItem("1C913.d", "五(四)", {"Yb"}));  // only in this text
  for (Item& item : en.items) item.name = "English " + item.name;
  std::vector<Announcement> docs = RealSequence();
  docs.push_back(en);
  std::vector<int> order = {0, 1, 2, 3, 4, 5};
  std::string reference;
  do {
    std::vector<Announcement> input;
    for (int i : order) input.push_back(docs[i]);
    Timeline t = Timeline::Build(std::move(input));
    std::string dump = Serialize(t.Events());
    for (const Date& d : kCheckDates) {
      dump.append("@").append(d.ToIso()).append("\n");
      dump += Serialize(t.AsOf(d));
    }
    if (reference.empty()) reference = dump;
    else ASSERT_EQ(dump, reference);
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_NE(reference.find("|item 1C909.a|"), std::string::npos);      // the Chinese name
  EXPECT_EQ(reference.find("|English item 1C909.a|"), std::string::npos);
  EXPECT_NE(reference.find("|English item 1C913.d|"), std::string::npos);
}

// ---- Smaller cases ----------------------------------------------------------

TEST(TimelineSameDay, SuspensionEffectiveOnTheDayTheItemEnters) {
  Announcement a = MakeDoc("test-a", D(2025, 12, 1));
  a.effective = {EffectiveFrom(D(2026, 1, 1))};
  a.items = {MakeItem("1C909.a", "一(一)", {"Ho"})};
  Announcement s = MakeDoc("test-s", D(2026, 1, 1));
  s.effective = {OnPublication(D(2026, 1, 1))};
  s.relations = {MakeRelation(RelationType::kSuspends, "test-a", D(2026, 6, 30))};
  Timeline t = Timeline::Build({a, s});

  EXPECT_EQ(t.AsOf(D(2025, 12, 31)).at(0).status, ItemStatus::kNotYetInForce);
  ItemState first = t.AsOf(D(2026, 1, 1)).at(0);
  EXPECT_EQ(first.status, ItemStatus::kSuspended);
  EXPECT_EQ(first.since, D(2026, 1, 1));
  EXPECT_EQ(first.until, D(2026, 6, 30));
  ItemState after = t.AsOf(D(2026, 7, 1)).at(0);
  EXPECT_EQ(after.status, ItemStatus::kInForce);
  EXPECT_EQ(after.basis, Basis::kInferred);
  EXPECT_EQ(after.since, D(2026, 7, 1));

  ASSERT_GE(t.Events().size(), 2u);
  EXPECT_EQ(t.Events()[0].kind, EventKind::kEnters);
  EXPECT_EQ(t.Events()[1].kind, EventKind::kSuspended);
  EXPECT_EQ(t.Events()[0].date, t.Events()[1].date);
}

TEST(TimelineRepeal, ItemsRepealedFromTheRepealingDateAndReenterWhenRelisted) {
  Announcement a = MakeDoc("test-a", D(2025, 1, 1));
  a.effective = {OnPublication(D(2025, 1, 1))};
  a.items = {MakeItem("1C902.a", "一(一)", {"Sm"}, {"2805301910"})};
  Announcement r = MakeDoc("test-r", D(2025, 5, 20));
  r.effective = {EffectiveFrom(D(2025, 6, 1))};
  r.relations = {MakeRelation(RelationType::kRepeals, "test-a")};
  Announcement c = MakeDoc("test-c", D(2025, 8, 1));
  c.effective = {EffectiveFrom(D(2025, 9, 1))};
  c.items = {MakeItem("1C902.a", "一(一)", {"Sm"}, {"2805301910"})};
  Timeline t = Timeline::Build({c, r, a});

  ItemState before = t.AsOf(D(2025, 5, 31)).at(0);
  EXPECT_EQ(before.status, ItemStatus::kInForce);
  EXPECT_EQ(before.until, D(2025, 5, 31));
  ItemState gone = t.AsOf(D(2025, 6, 1)).at(0);
  EXPECT_EQ(gone.status, ItemStatus::kRepealed);
  EXPECT_EQ(gone.since, D(2025, 6, 1));
  EXPECT_EQ(gone.governing, (std::vector<std::string>{"test-a", "test-r"}));
  ItemState announced = t.AsOf(D(2025, 8, 15)).at(0);
  EXPECT_EQ(announced.status, ItemStatus::kNotYetInForce);
  EXPECT_EQ(announced.listed_by, "test-c");
  ItemState back = t.AsOf(D(2025, 9, 1)).at(0);
  EXPECT_EQ(back.status, ItemStatus::kInForce);
  EXPECT_EQ(back.listed_by, "test-c");
  EXPECT_EQ(back.since, D(2025, 9, 1));
  EXPECT_EQ(t.AsOf(D(2025, 9, 1)).size(), 1u);

  std::string kinds;
  for (const TimelineEvent& e : t.Events())
    kinds += e.date.ToIso() + " " + std::string(EventKindName(e.kind)) + " " + e.doc_id + "\n";
  EXPECT_EQ(kinds,
            "2025-01-01 enters test-a\n"
            "2025-06-01 repealed test-r\n"
            "2025-09-01 enters test-c\n");
}

TEST(TimelineAmendment, LaterListingOfTheSameCodeSupersedesItsHsCodesFromItsDate) {
  Announcement a = MakeDoc("test-a", D(2025, 4, 4));
  a.effective = {OnPublication(D(2025, 4, 4))};
  a.items = {MakeItem("1C902.a", "一(一)", {"Sm"}, {"2805301910"})};
  Announcement b = MakeDoc("test-b", D(2025, 6, 1));
  b.effective = {EffectiveFrom(D(2025, 7, 1))};
  b.items = {MakeItem("1C902.a", "一(一)", {"Sm"}, {"2805301990", "3824999922"})};
  Timeline t = Timeline::Build({b, a});

  for (Date d : {D(2025, 4, 4), D(2025, 6, 15), D(2025, 6, 30)}) {
    std::vector<ItemState> states = t.AsOf(d);
    ASSERT_EQ(states.size(), 1u) << d.ToIso();
    EXPECT_EQ(states[0].status, ItemStatus::kInForce) << d.ToIso();
    EXPECT_EQ(states[0].hs_codes, (std::vector<std::string>{"2805301910"})) << d.ToIso();
    EXPECT_EQ(states[0].listed_by, "test-a") << d.ToIso();
  }
  std::vector<ItemState> states = t.AsOf(D(2025, 7, 1));
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].hs_codes, (std::vector<std::string>{"2805301990", "3824999922"}));
  EXPECT_EQ(states[0].listed_by, "test-b");
  EXPECT_EQ(states[0].since, D(2025, 7, 1));
}

TEST(TimelineResumption, ResumingEndsTheSuspensionEarlyAndTheStatusAfterIsStated) {
  Timeline t = Timeline::Build({No57(), No70(), [] {
                                  Announcement r = MakeDoc("test-resume", D(2026, 3, 1));
                                  r.effective = {OnPublication(D(2026, 3, 1))};
                                  r.relations = {MakeRelation(RelationType::kResumes,
                                                              "mofcom-gacc-2025-57")};
                                  return r;
                                }()});
  std::vector<ItemState> before = t.AsOf(D(2026, 2, 28));
  const ItemState* last_day = Find(before, "1C909.a");
  ASSERT_NE(last_day, nullptr);
  EXPECT_EQ(last_day->status, ItemStatus::kSuspended);
  EXPECT_EQ(last_day->until, D(2026, 2, 28));

  std::vector<ItemState> states = t.AsOf(D(2026, 3, 1));
  const ItemState* s = Find(states, "1C909.a");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->status, ItemStatus::kInForce);
  EXPECT_EQ(s->basis, Basis::kStated);
  EXPECT_EQ(s->since, D(2026, 3, 1));
  EXPECT_NE(std::find(s->governing.begin(), s->governing.end(), "test-resume"),
            s->governing.end());
  EXPECT_EQ(s->evidence, "resumes mofcom-gacc-2025-57");
  // Still stated after the date the suspension would have run out.
  EXPECT_EQ(StateOn(t, D(2026, 11, 11), "1C909.a").basis, Basis::kStated);

  std::string kinds;
  for (const TimelineEvent& e : t.Events()) {
    if (e.key != "1C909.a") continue;
    kinds += e.date.ToIso() + " " + std::string(EventKindName(e.kind)) + " " + e.doc_id + "\n";
  }
  EXPECT_EQ(kinds,
            "2025-11-07 suspended mofcom-gacc-2025-70\n"
            "2025-11-08 enters mofcom-gacc-2025-57\n"
            "2026-03-01 resumed test-resume\n");
}

TEST(TimelineInferred, LaterMentionAfterTheWindowMakesTheStatusStated) {
  Announcement m = MakeDoc("test-mention", D(2026, 12, 1));
  m.effective = {OnPublication(D(2026, 12, 1))};
  m.relations = {MakeRelation(RelationType::kRefersTo, "mofcom-gacc-2025-57")};
  Announcement m2 = MakeDoc("test-mention-2", D(2027, 6, 1));
  m2.effective = {OnPublication(D(2027, 6, 1))};
  m2.relations = {MakeRelation(RelationType::kRefersTo, "mofcom-gacc-2025-57")};
  Timeline t = Timeline::Build({No57(), No70(), m, m2});

  EXPECT_EQ(StateOn(t, D(2026, 11, 11), "1C910.c").basis, Basis::kInferred);
  EXPECT_EQ(StateOn(t, D(2026, 11, 30), "1C910.c").basis, Basis::kInferred);
  EXPECT_EQ(StateOn(t, D(2026, 12, 1), "1C910.c").basis, Basis::kStated);
  // Between the two mentions: the first one already states it.
  EXPECT_EQ(StateOn(t, D(2027, 1, 1), "1C910.c").basis, Basis::kStated);
  EXPECT_EQ(StateOn(t, D(2027, 6, 1), "1C910.c").basis, Basis::kStated);
}

TEST(TimelineInferred, MentionDuringTheWindowDoesNotStateTheStatusAfterIt) {
  Announcement m = MakeDoc("test-mention", D(2026, 1, 5));
  m.effective = {OnPublication(D(2026, 1, 5))};
  m.relations = {MakeRelation(RelationType::kRefersTo, "mofcom-gacc-2025-57")};
  Timeline t = Timeline::Build({No57(), No70(), m});
  EXPECT_EQ(StateOn(t, D(2026, 11, 11), "1C909.a").basis, Basis::kInferred);
}

TEST(TimelineSuspension, OverlappingWindowsReportTheWholeRun) {
  // A second suspension starts inside the first and runs longer.
  Announcement s2 = MakeDoc("test-s2", D(2026, 1, 1));
  s2.effective = {OnPublication(D(2026, 1, 1))};
  s2.relations = {MakeRelation(RelationType::kSuspends, "mofcom-gacc-2025-57", D(2027, 3, 31))};
  Timeline t = Timeline::Build({No57(), No70(), s2});

  std::vector<ItemState> mid_states = t.AsOf(D(2026, 6, 1));
  const ItemState* mid = Find(mid_states, "1C909.a");
  ASSERT_NE(mid, nullptr);
  EXPECT_EQ(mid->status, ItemStatus::kSuspended);
  EXPECT_EQ(mid->since, D(2025, 11, 8));
  EXPECT_EQ(mid->until, D(2027, 3, 31));
  EXPECT_EQ(mid->governing, (std::vector<std::string>{"mofcom-gacc-2025-57",
                                                      "mofcom-gacc-2025-70", "test-s2"}));
  std::vector<ItemState> later_states = t.AsOf(D(2026, 12, 1));
  const ItemState* later = Find(later_states, "1C909.a");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->status, ItemStatus::kSuspended);
  EXPECT_EQ(later->since, D(2025, 11, 8));  // suspended without a break since then

  // After both: back in force from the later end, not the earlier one.
  std::vector<ItemState> after_states = t.AsOf(D(2027, 4, 1));
  const ItemState* after = Find(after_states, "1C909.a");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->status, ItemStatus::kInForce);
  EXPECT_EQ(after->since, D(2027, 4, 1));
  EXPECT_EQ(after->basis, Basis::kInferred);
  EXPECT_EQ(after->governing, (std::vector<std::string>{"mofcom-gacc-2025-57", "test-s2"}));
}

TEST(TimelinePartialClauses, PartsNamedByTheClauseStartOnItsDateTheRestOnPublication) {
  Announcement a = No61();
  EXPECT_EQ(ItemEffectiveDate(a, a.items[0]), D(2025, 12, 1));
  EXPECT_EQ(ItemEffectiveDate(a, a.items[1]), D(2025, 12, 1));
  EXPECT_EQ(ItemEffectiveDate(a, a.items[2]), D(2025, 10, 9));
  EXPECT_EQ(AnnouncementEffectiveDate(a), D(2025, 10, 9));

  Timeline t = Timeline::Build({No61()});
  std::vector<ItemState> states = t.AsOf(D(2025, 11, 1));
  ASSERT_EQ(states.size(), 3u);
  EXPECT_EQ(Find(states, "mofcom-2025-61#一(一)")->status, ItemStatus::kNotYetInForce);
  EXPECT_EQ(Find(states, "mofcom-2025-61#一(二)")->status, ItemStatus::kNotYetInForce);
  EXPECT_EQ(Find(states, "mofcom-2025-61#一(三)")->status, ItemStatus::kInForce);
  EXPECT_EQ(Find(states, "mofcom-2025-61#一(一)")->evidence,
            "自2025-12-01起实施 (第一条第(一)项、第(二)项)");
  for (const ItemState& s : t.AsOf(D(2025, 12, 1)))
    EXPECT_EQ(s.status, ItemStatus::kInForce) << s.key;
}

TEST(TimelinePartialClauses, SubItemsFollowTheirPartAndNumeralsMatchWhole) {
  Announcement a = MakeDoc("test-parts", D(2025, 1, 1));
  a.effective = {EffectiveFrom(D(2025, 3, 1), "第二条"), EffectiveFrom(D(2025, 2, 1), "第一条第(一)项")};
  a.items = {MakeItem(std::nullopt, "一(一)1", {}), MakeItem(std::nullopt, "一(二)", {}),
             MakeItem(std::nullopt, "二(一)", {}), MakeItem(std::nullopt, "二十(一)", {})};
  EXPECT_EQ(ItemEffectiveDate(a, a.items[0]), D(2025, 2, 1));
  EXPECT_EQ(ItemEffectiveDate(a, a.items[1]), D(2025, 1, 1));  // no clause: publication
  EXPECT_EQ(ItemEffectiveDate(a, a.items[2]), D(2025, 3, 1));
  // Article 二十 is not article 二.
  EXPECT_EQ(ItemEffectiveDate(a, a.items[3]), D(2025, 1, 1));
}

TEST(TimelineMerge, ChineseAndEnglishTextsOfOneDocMergeItemsByCode) {
  Announcement zh = No57();
  zh.items.resize(3);  // a copy that stops after holmium
  Announcement en = MakeDoc("mofcom-gacc-2025-57", D(2025, 10, 9), Lang::kEn);
  en.effective = {EffectiveFrom(D(2025, 11, 8))};
  en.items = TripleItems(909, kFive);
  for (Item& item : en.items) item.name = "English " + item.name;

  for (const std::vector<Announcement>& input :
       {std::vector<Announcement>{zh, en}, std::vector<Announcement>{en, zh}}) {
    Timeline t = Timeline::Build(input);
    ASSERT_EQ(t.Announcements().size(), 1u);
    std::vector<ItemState> states = t.AsOf(D(2025, 11, 8));
    ASSERT_EQ(states.size(), 15u) << Serialize(states);  // one state per code
    EXPECT_EQ(Find(states, "1C909.a")->name, "item 1C909.a");         // the Chinese text's
    EXPECT_EQ(Find(states, "1C913.c")->name, "English item 1C913.c");  // only in English
    for (const ItemState& s : states) {
      EXPECT_EQ(s.listed_by, "mofcom-gacc-2025-57");
      EXPECT_EQ(s.status, ItemStatus::kInForce);
    }
  }
  EXPECT_EQ(Serialize(Timeline::Build({zh, en}).Events()),
            Serialize(Timeline::Build({en, zh}).Events()));
}

TEST(TimelineMerge, DateMissingFromTheChineseTextComesFromTheTranslation) {
  Announcement zh = MakeDoc("test-doc", std::nullopt);
  zh.items = {MakeItem("1C909.a", "一(一)", {"Ho"})};
  Announcement en = MakeDoc("test-doc", D(2025, 10, 9), Lang::kEn);
  en.items = {MakeItem("1C909.a", "I(I)", {"Ho"})};
  Timeline t = Timeline::Build({zh, en});
  std::vector<ItemState> states = t.AsOf(D(2025, 10, 9));
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].since, D(2025, 10, 9));
  EXPECT_EQ(states[0].evidence, "2025-10-09");  // the publication date's own evidence
}

TEST(TimelineUndated, AnnouncementWithoutAResolvableDateIsLeftOut) {
  Announcement undated = MakeDoc("test-undated", std::nullopt);
  EffectiveClause unknown;
  unknown.on_publication = true;  // "on publication", publication date unknown
  undated.effective = {unknown};
  undated.items = {MakeItem("1C999.a", "一(一)", {"Ho"})};
  undated.relations = {MakeRelation(RelationType::kSuspends, "mofcom-gacc-2025-18",
                                    D(2025, 12, 31))};
  EXPECT_EQ(ItemEffectiveDate(undated, undated.items[0]), std::nullopt);
  EXPECT_EQ(AnnouncementEffectiveDate(undated), std::nullopt);

  Timeline t = Timeline::Build({No18(), undated});
  for (Date d : {D(1990, 1, 1), D(2025, 6, 1), D(2100, 1, 1)}) {
    std::vector<ItemState> states = t.AsOf(d);
    EXPECT_EQ(Find(states, "1C999.a"), nullptr) << d.ToIso();
    for (const ItemState& s : states) EXPECT_NE(s.status, ItemStatus::kSuspended) << s.key;
  }
  for (const TimelineEvent& e : t.Events()) {
    EXPECT_NE(e.key, "1C999.a");
    EXPECT_NE(e.doc_id, "test-undated");
  }
}

TEST(TimelineNames, StatusBasisAndEventNames) {
  EXPECT_EQ(ItemStatusName(ItemStatus::kNotYetInForce), "not_yet_in_force");
  EXPECT_EQ(ItemStatusName(ItemStatus::kInForce), "in_force");
  EXPECT_EQ(ItemStatusName(ItemStatus::kSuspended), "suspended");
  EXPECT_EQ(ItemStatusName(ItemStatus::kRepealed), "repealed");
  EXPECT_EQ(BasisName(Basis::kInferred), "inferred");
  EXPECT_EQ(EventKindName(EventKind::kSuspensionEnds), "suspension_ends");
  EXPECT_EQ(EventKindName(EventKind::kResumed), "resumed");
}

// ---- Stretches: the consolidated state ----------------------------------------

// The states of the stretches holding `day`, in stretch order.
std::vector<ItemState> StatesOn(const std::vector<ItemStretch>& stretches, const Date& day) {
  std::vector<ItemState> out;
  for (const ItemStretch& s : stretches)
    if (s.Holds(day)) out.push_back(s.state);
  return out;
}

TEST(TimelineStretches, HoldEveryDaysAsOfStateAcrossSuspensionsResumptionAndRepeal) {
  Timeline t = Timeline::Build(EveryRuleSequence());

  const std::vector<ItemStretch> stretches = t.ItemStretches();
  for (Date day = D(2025, 1, 1); day <= D(2028, 1, 1); day = day.AddDays(1))
    ASSERT_EQ(StatesOn(stretches, day), t.AsOf(day)) << day.ToIso();
  // One stretch per change, not one per day: a key's next stretch starts the
  // day after the one before ends, in another state.
  for (size_t i = 1; i < stretches.size(); ++i) {
    const ItemStretch& a = stretches[i - 1];
    const ItemStretch& b = stretches[i];
    if (a.state.key != b.state.key) continue;
    ASSERT_TRUE(a.until) << a.state.key;
    EXPECT_EQ(a.until->AddDays(1), b.from) << a.state.key;
    EXPECT_NE(a.state, b.state) << a.state.key << " from " << b.from.ToIso();
  }
}

TEST(TimelineStretches, AKeyChangesOnlyWhereItsStateDoes) {
  Timeline t = Timeline::Build({No18()});
  std::vector<ItemStretch> stretches = t.ItemStretches();
  ASSERT_FALSE(stretches.empty());
  // No. 18's items are in force from publication on, with nothing after.
  for (const ItemStretch& s : stretches) {
    EXPECT_EQ(s.from, D(2025, 4, 4)) << s.state.key;
    EXPECT_FALSE(s.until) << s.state.key;
  }
  EXPECT_EQ(stretches.size(), t.AsOf(D(2030, 1, 1)).size());
}

}  // namespace
}  // namespace regdiff
