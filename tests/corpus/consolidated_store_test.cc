// ConsolidatedStore (schema versions 7 to 9): the kept stretches answer "what is in
// force on this date" with the states put in, narrowed by control code and HS
// code through the indexes; the state is current once built and stale again
// after any change to the stored announcements; the element history is kept
// with them.
#include "corpus/consolidated_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/sha256.h"
#include "corpus/state_json.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

ItemState Item(const std::string& code, std::vector<std::string> hs, ItemStatus status) {
  ItemState s;
  s.key = code;
  s.code = code;
  s.name = "item " + code;
  s.elements = {"Ho"};
  s.hs_codes = std::move(hs);
  s.listed_by = "mofcom-gacc-2025-57";
  s.status = status;
  s.since = D(2025, 11, 8);
  s.governing = {"mofcom-gacc-2025-57"};
  s.evidence = "自2025年11月8日起正式实施";
  s.effective_from = D(2025, 11, 8);
  return s;
}

PartyState Party(PartyList list, const std::string& key, const std::string& listed_by) {
  PartyState s;
  s.list = list;
  s.key = key;
  s.name = key + "株式会社";
  s.name_en = key + " Corporation";
  s.country = "JP";
  s.listed_by = listed_by;
  s.since = D(2026, 2, 24);
  s.governing = {listed_by};
  s.evidence = "1. " + s.name;
  return s;
}

// The days the stretches below change on: the event dates of their timeline.
const std::vector<Date> kEventDates = {Date{2025, 11, 8}, Date{2025, 11, 10}, Date{2026, 11, 11}};

Status Replace(ConsolidatedStore& kept, const std::vector<ItemStretch>& items,
               const std::vector<PartyStretch>& parties, int64_t generation) {
  Status s = kept.Begin();
  if (s.ok()) s = kept.Clear();
  for (size_t i = 0; s.ok() && i < items.size(); ++i) s = kept.AddItem(items[i]);
  for (size_t i = 0; s.ok() && i < parties.size(); ++i) s = kept.AddParty(parties[i]);
  for (size_t i = 0; s.ok() && i < kEventDates.size(); ++i)
    s = kept.AddEventDate("mofcom-gacc-2025-57", kEventDates[i]);
  return s.ok() ? kept.Finish(generation) : s;
}

class ConsolidatedStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    kept_ = std::make_unique<ConsolidatedStore>(store_->db());

    // 1C909.a: not yet in force, then in force, then suspended until
    // 2026-11-10 and in force again (inferred); 1C910 in force from
    // 2025-11-08; 1C9090 shares a prefix with 1C909 but is no sub-code.
    // Kept out of AsOf's order (1C910 before 1C9090), which reads restore.
    ItemState a_before = Item("1C909.a", {"2805301950"}, ItemStatus::kNotYetInForce);
    ItemState a_in = Item("1C909.a", {"2805301950"}, ItemStatus::kInForce);
    ItemState a_suspended = Item("1C909.a", {"2805301950"}, ItemStatus::kSuspended);
    ItemState a_after = a_in;
    a_after.basis = Basis::kInferred;
    items_ = {
        {D(2025, 10, 9), D(2025, 11, 7), a_before},
        {D(2025, 11, 8), D(2025, 11, 9), a_in},
        {D(2025, 11, 10), D(2026, 11, 10), a_suspended},
        {D(2026, 11, 11), std::nullopt, a_after},
        {D(2025, 11, 8), std::nullopt, Item("1C910", {"28469019", "3824999922"}, ItemStatus::kInForce)},
        {D(2025, 11, 8), std::nullopt, Item("1C9090", {"8486909110"}, ItemStatus::kInForce)},
    };
    // Stored out of PartiesAsOf's order, which the read restores.
    parties_ = {
        {D(2026, 2, 24), std::nullopt, Party(PartyList::kWatchList, "斯巴鲁", "mofcom-2026-12")},
        {D(2025, 10, 9), std::nullopt, Party(PartyList::kControlList, "甲", "mofcom-2025-51")},
    };
  }

  void Keep() {
    auto generation = kept_->Generation();
    ASSERT_TRUE(generation.ok()) << generation.status().ToString();
    ASSERT_TRUE(Replace(*kept_, items_, parties_, *generation).ok());
  }

  std::vector<std::string> KeysOn(const Date& d, const StretchFilter& f = {}) {
    auto states = kept_->ItemsOn(d, f);
    EXPECT_TRUE(states.ok()) << states.status().ToString();
    std::vector<std::string> out;
    if (states.ok())
      for (const ItemState& s : *states)
        out.push_back(s.key + " " + std::string(ItemStatusName(s.status)));
    return out;
  }

  std::unique_ptr<AnnouncementStore> store_;
  std::unique_ptr<ConsolidatedStore> kept_;
  std::vector<ItemStretch> items_;
  std::vector<PartyStretch> parties_;
};

TEST_F(ConsolidatedStoreTest, KeepsTheElementHistoryOfItsStretches) {
  Keep();
  auto kept = kept_->History();
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  ElementHistoryBuilder builder;
  for (const ItemStretch& s : items_) builder.Add(s);
  EXPECT_EQ(*kept, std::move(builder).Finish(kEventDates));
  // Holmium stays in force through 1C909.a's suspension (1C910 is), and
  // rests on an inferred state once the window has run out.
  ASSERT_EQ(kept->rows.size(), 1u);
  const HistoryRow& ho = kept->rows[0];
  EXPECT_EQ(ho.id, "Ho");
  ASSERT_EQ(ho.spans.size(), 2u);
  EXPECT_EQ(ho.spans[0].begin, D(2025, 11, 8));
  EXPECT_EQ(ho.spans[0].end, D(2026, 11, 10));
  EXPECT_FALSE(ho.spans[0].inferred);
  EXPECT_EQ(ho.spans[1].begin, D(2026, 11, 11));
  EXPECT_FALSE(ho.spans[1].end);
  EXPECT_TRUE(ho.spans[1].inferred);
  EXPECT_EQ(kept->first, D(2025, 11, 8));
  EXPECT_EQ(kept->last, D(2026, 11, 11));
}

TEST_F(ConsolidatedStoreTest, IsStaleUntilBuiltAndAgainAfterAnAnnouncementIsStored) {
  EXPECT_FALSE(*kept_->Current());  // never built
  Keep();
  EXPECT_TRUE(*kept_->Current());

  const std::string text = "商务部公告2026年第12号\n";
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = "/data/12.txt";
  r.snapshot.raw = text;
  r.snapshot.sha256 = Sha256Hex(text);
  r.snapshot.retrieved_at = "2026-02-25T00:00:00Z";
  r.normalized_text = text;
  Announcement a;
  a.doc_id = "mofcom-2026-12";
  a.parser_version = "test";
  r.announcement = a;
  ASSERT_TRUE(store_->Put(r).ok());
  EXPECT_FALSE(*kept_->Current());
  Keep();
  EXPECT_TRUE(*kept_->Current());
}

TEST_F(ConsolidatedStoreTest, AStateBuiltFromAnOlderGenerationIsNotCurrent) {
  auto before = kept_->Generation();
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(Replace(*kept_, items_, parties_, *before - 1).ok());
  EXPECT_FALSE(*kept_->Current());
}

TEST_F(ConsolidatedStoreTest, EachDateGetsTheStretchHoldingItBoundsIncluded) {
  Keep();
  EXPECT_TRUE(KeysOn(D(2025, 10, 8)).empty());
  EXPECT_EQ(KeysOn(D(2025, 10, 9)), (std::vector<std::string>{"1C909.a not_yet_in_force"}));
  // AsOf's order, by key, whatever order the stretches were kept in.
  EXPECT_EQ(KeysOn(D(2025, 11, 8)), (std::vector<std::string>{"1C909.a in_force", "1C9090 in_force",
                                                               "1C910 in_force"}));
  EXPECT_EQ(KeysOn(D(2026, 11, 10))[0], "1C909.a suspended");  // until is the last day
  EXPECT_EQ(KeysOn(D(2026, 11, 11))[0], "1C909.a in_force");
}

TEST_F(ConsolidatedStoreTest, StatesComeBackAsTheyWentIn) {
  Keep();
  auto states = kept_->ItemsOn(D(2027, 1, 1));
  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->size(), 3u);
  EXPECT_EQ((*states)[0], items_[3].state);
  EXPECT_EQ((*states)[1], items_[5].state);  // 1C9090 before 1C910
  EXPECT_EQ((*states)[2], items_[4].state);
  auto parties = kept_->PartiesOn(D(2026, 3, 1));
  ASSERT_TRUE(parties.ok());
  ASSERT_EQ(parties->size(), 2u);
  EXPECT_EQ((*parties)[0], parties_[1].state);  // control list before watch list
  EXPECT_EQ((*parties)[1], parties_[0].state);
}

TEST_F(ConsolidatedStoreTest, ACodeFilterTakesTheCodeAndItsSubCodesOnly) {
  Keep();
  EXPECT_EQ(KeysOn(D(2025, 11, 8), {"1C909", ""}),
            (std::vector<std::string>{"1C909.a in_force"}));
  EXPECT_EQ(KeysOn(D(2025, 11, 8), {"1C9090", ""}),
            (std::vector<std::string>{"1C9090 in_force"}));
  EXPECT_EQ(KeysOn(D(2025, 11, 8), {"1C910", ""}), (std::vector<std::string>{"1C910 in_force"}));
}

TEST_F(ConsolidatedStoreTest, AnHsFilterTakesCodesItPrefixesAndCodesThatPrefixIt) {
  Keep();
  const Date d = D(2025, 11, 8);
  // 2846901940 is prefixed by the stored 28469019; 2805 prefixes 2805301950.
  EXPECT_EQ(KeysOn(d, {"", "2846901940"}), (std::vector<std::string>{"1C910 in_force"}));
  EXPECT_EQ(KeysOn(d, {"", "2805"}), (std::vector<std::string>{"1C909.a in_force"}));
  EXPECT_EQ(KeysOn(d, {"", "3824999922"}), (std::vector<std::string>{"1C910 in_force"}));
  EXPECT_TRUE(KeysOn(d, {"", "28469020"}).empty());
  EXPECT_EQ(KeysOn(d, {"1C909", "8486"}), (std::vector<std::string>{}));
  EXPECT_EQ(KeysOn(d, {"1C9090", "8486"}), (std::vector<std::string>{"1C9090 in_force"}));
}

TEST_F(ConsolidatedStoreTest, VisitingGivesTheStatesItemsOnGives) {
  Keep();
  for (const Date& d : {D(2025, 10, 9), D(2025, 11, 8), D(2026, 11, 10), D(2027, 1, 1)}) {
    for (const StretchFilter& f : {StretchFilter{}, StretchFilter{"1C909", ""},
                                   StretchFilter{"", "2805"}}) {
      std::vector<ItemState> visited;
      Status s = kept_->VisitItemsOn(d, f, [&](const ItemState& state) {
        visited.push_back(state);
        return Status::Ok();
      });
      ASSERT_TRUE(s.ok()) << s.ToString();
      EXPECT_EQ(visited, *kept_->ItemsOn(d, f)) << d.ToIso();
    }
    EXPECT_EQ(*kept_->CountItemsOn(d), static_cast<int64_t>(kept_->ItemsOn(d)->size()));
  }
}

TEST_F(ConsolidatedStoreTest, AVisitorsErrorEndsTheRead) {
  Keep();
  int seen = 0;
  Status s = kept_->VisitItemsOn(D(2025, 11, 8), {}, [&](const ItemState&) {
    ++seen;
    return Status::Corruption("enough");
  });
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(seen, 1);
}

TEST_F(ConsolidatedStoreTest, NotOnLeavesOutTheStretchesHoldingBothDates) {
  Keep();
  auto keys = [&](const Date& date, const Date& other) {
    std::vector<std::string> out;
    Status s = kept_->VisitItemsOnNotOn(date, other, [&](const ItemState& state) {
      out.push_back(state.key + " " + std::string(ItemStatusName(state.status)));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  };
  // 1C910 and 1C9090 hold from 2025-11-08 on; 1C909.a changes stretch.
  EXPECT_EQ(keys(D(2025, 11, 8), D(2026, 11, 11)),
            (std::vector<std::string>{"1C909.a in_force"}));
  EXPECT_EQ(keys(D(2026, 11, 11), D(2025, 11, 8)),
            (std::vector<std::string>{"1C909.a in_force"}));
  EXPECT_EQ(keys(D(2025, 11, 8), D(2025, 10, 9)),
            (std::vector<std::string>{"1C909.a in_force", "1C9090 in_force", "1C910 in_force"}));
  EXPECT_TRUE(keys(D(2025, 11, 10), D(2026, 11, 10)).empty());  // one stretch, both ends
  EXPECT_TRUE(keys(D(2025, 11, 8), D(2025, 11, 8)).empty());
}

TEST(StateJson, AnItemStateComesBackAsItWentIn) {
  ItemState s = Item("1C909.a", {"2805301950", "28053019"}, ItemStatus::kSuspended);
  s.basis = Basis::kInferred;
  s.until = D(2026, 11, 10);
  s.effective_until = D(2027, 1, 31);
  s.governing = {"mofcom-gacc-2025-57", "mofcom-gacc-2025-70"};
  s.suspensions = {{D(2025, 11, 7), D(2026, 11, 10), "mofcom-gacc-2025-70"},
                   {D(2026, 1, 1), std::nullopt, "test-\"quoted\""}};
  s.evidence = "暂停实施至2026年11月10日 \"quoted\" \\ end";
  auto back = ItemStateFromJson(ItemStateToJson(s));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, s);
  // Uncoded, with nothing optional.
  ItemState bare;
  bare.key = "mofcom-2025-61#一(一)";
  back = ItemStateFromJson(ItemStateToJson(bare));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, bare);
}

TEST(StateJson, TextsNeedingEscapesComeBackAsTheyWentIn) {
  ItemState s = Item("1C909.a", {"2805301950"}, ItemStatus::kInForce);
  for (const std::string& text :
       {std::string("\"quoted\" back\\slash /slash"), std::string("nul\0byte", 8),
        std::string("\b\f\n\r\t \x01\x1f\x7f"), std::string("钬 é € 𝄞 😀"), std::string()}) {
    s.name = s.evidence = text;
    s.governing = {text, text};
    s.suspensions = {{D(2026, 1, 1), std::nullopt, text}};
    auto back = ItemStateFromJson(ItemStateToJson(s));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, s) << text;
  }
}

TEST(StateJson, ReadsEveryEscapeAndSpacingJsonAllows) {
  // \u escapes (a surrogate pair among them), \/ and whitespace between
  // tokens, members in another order: not what ItemStateToJson writes, but JSON.
  const std::string json =
      "{ \"status\" : \"in_force\", \"basis\":\"stated\",\n"
      " \"key\": \"1C909\\u002ea\", \"name\": \"\\u94ac \\ud83d\\ude00 a\\/b\",\t"
      " \"elements\": [ ], \"hs_codes\": [\"2805\" , \"28\"], \"listed_by\": \"x\","
      " \"governing\": [], \"evidence\": \"\", \"suspensions\": [ {\"by\":\"y\","
      " \"from\":\"2026-01-01\"} ] }";
  auto s = ItemStateFromJson(json);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->key, "1C909.a");
  EXPECT_EQ(s->name, "钬 😀 a/b");
  EXPECT_EQ(s->hs_codes, (std::vector<std::string>{"2805", "28"}));
  ASSERT_EQ(s->suspensions.size(), 1u);
  EXPECT_EQ(s->suspensions[0].until, std::nullopt);
  EXPECT_EQ(s->code, std::nullopt);
}

TEST(StateJson, ReadingIntoAUsedStateLeavesNothingOfTheLastOne) {
  ItemState full = Item("1C909.a", {"2805301950", "28053019"}, ItemStatus::kSuspended);
  full.until = D(2026, 11, 10);
  full.effective_until = D(2027, 1, 31);
  full.suspensions = {{D(2025, 11, 7), D(2026, 11, 10), "a"}, {D(2026, 1, 1), std::nullopt, "b"}};
  ItemState bare;
  bare.key = "mofcom-2025-61#1";
  ItemState shorter = full;
  shorter.hs_codes = {"28"};
  shorter.suspensions = {{D(2026, 1, 1), std::nullopt, "c"}};
  ItemState into;
  for (const ItemState* s : {&full, &bare, &full, &shorter}) {
    ASSERT_TRUE(ItemStateFromJsonInto(ItemStateToJson(*s), into).ok());
    EXPECT_EQ(into, *s);
  }
}

TEST(StateJson, ACorruptStateIsAnErrorNotACrash) {
  const std::string good = ItemStateToJson(Item("1C909.a", {"2805301950"}, ItemStatus::kInForce));
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string out = good;
    out.replace(out.find(from), from.size(), to);
    return out;
  };
  for (const std::string& json :
       {std::string(""), std::string("[]"), std::string("{}"), std::string("\"text\""),
        std::string(R"({"key":"1C909","status":"gone"})"), good.substr(0, good.size() / 2),
        replaced("\"in_force\"", "7"), replaced("\"in_force\"", "\"gone\""),
        replaced("\"2025-11-08\"", "\"2025-13-40\""), replaced("[\"Ho\"]", "[{\"a\":1}]"),
        replaced("\"suspensions\":[]", "\"suspensions\":[{\"from\":\"2025-11-07\"}]"),
        replaced("\"key\"", "\"kee\""), replaced("\"in_force\"", "null"),
        replaced("item ", "item \xFF"), replaced("item ", "item \x01"),
        replaced("item ", "item \\ud800"), replaced("item ", "item \\udc00"),
        replaced("item ", "item \\q"), replaced("item ", "item \\u12z"),
        replaced("\"name\"", "\"key\":\"again\",\"name\""), good + " {}", good + "x",
        replaced("[\"Ho\"]", "[\"Ho\",]"), replaced("[\"Ho\"]", "[\"Ho\""),
        replaced("\"suspensions\":[]", "\"suspensions\":[{\"from\":\"2025-11-07\",\"by\":\"a\",\"by\":\"b\"}]")}) {
    auto s = ItemStateFromJson(json);
    EXPECT_FALSE(s.ok()) << json;
    EXPECT_EQ(s.status().code(), Status::Code::kCorruption) << json;
  }
  EXPECT_FALSE(PartyStateFromJson(R"({"list":"nowhere"})").ok());
}

}  // namespace
}  // namespace regdiff
