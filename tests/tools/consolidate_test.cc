// Consolidate keeps the state a whole rebuild would keep. After each ingest
// of a random sequence (announcements and their English texts, new versions
// of a source that drop items or relations or hold another announcement,
// texts without a doc_id whose relations act, parties listed, removed and
// suspended, uncoded items), the state updated key by key equals, row for
// row, the state rebuilt from every stored text. And what one announcement
// governs on a day, read through the kept state's index on listings
// (StatesListedByOn), is what every state of that day holds for it.
#include "tools/consolidate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "corpus/sha256.h"
#include "corpus/state_json.h"
#include "corpus/store.h"
#include "tests/corpus/timeline_scenarios.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

using namespace regdiff::timeline_scenarios;

// One ingest: `doc` (or none: a page that is no announcement) at `locator`.
struct Step {
  std::string locator;
  std::vector<Announcement> texts;
  bool reparse = false;  // the same bytes as the source's last version, read anew
};

Party MakeParty(PartyList list, PartyAction action, std::string name, std::string key) {
  Party p;
  p.list = list;
  p.action = action;
  p.name = std::move(name);
  p.country = "JP";
  p.key = std::move(key);
  p.evidence = Ev(p.name);
  return p;
}

Announcement Relating(std::optional<std::string> id, Date published, RelationType type,
                      std::string target, std::optional<Date> until = std::nullopt) {
  Announcement a = MakeDoc(std::move(id), published);
  a.effective = {OnPublication(published)};
  a.relations = {MakeRelation(type, std::move(target), until)};
  return a;
}

// The sources and the versions they go through, in the order each source's
// versions must come; sources interleave at random.
std::vector<std::vector<Step>> Sources() {
  std::vector<std::vector<Step>> sources;
  auto add = [&](std::vector<Step> versions) { sources.push_back(std::move(versions)); };
  const std::vector<Announcement> rules = EveryRuleSequence();
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string locator = "/data/rule-" + std::to_string(i) + ".txt";
    add({{locator, {rules[i]}}});
  }
  // No. 57 in English, merged with the Chinese text.
  Announcement en57 = No57();
  en57.lang = Lang::kEn;
  add({{"/data/57-en.txt", {en57}}});
  // No. 57 again, later without its ytterbium items, then with a later date.
  Announcement fewer = No57();
  fewer.items.resize(12);
  Announcement later = fewer;
  later.effective = {EffectiveFrom(D(2025, 12, 1))};
  add({{"/data/57-copy.txt", {No57()}}, {"/data/57-copy.txt", {fewer}},
       {"/data/57-copy.txt", {later}}});
  // A suspension that a new version withdraws, then a page that is no
  // announcement at all.
  add({{"/data/s3.txt", {Relating("test-s3", D(2026, 3, 1), RelationType::kSuspends,
                                  "mofcom-gacc-2025-18", D(2026, 5, 31))}},
       {"/data/s3.txt", {MakeDoc("test-s3", D(2026, 3, 1))}},
       {"/data/s3.txt", {}}});
  // A text without a doc_id whose relation acts (a news copy of a repeal).
  add({{"/news/repeal.txt",
        {Relating(std::nullopt, D(2026, 9, 1), RelationType::kRepeals, "mofcom-2025-62")}}});
  // A page that first holds one announcement, then another.
  Announcement uncoded = MakeDoc("test-old-list", D(2019, 7, 24));
  uncoded.effective = {OnPublication(D(2019, 7, 24))};
  uncoded.items = {MakeItem(std::nullopt, "一", {"In"}), MakeItem(std::nullopt, "二", {"Ga"})};
  Announcement moved = MakeDoc("test-moved", D(2020, 1, 1));
  moved.effective = {OnPublication(D(2020, 1, 1))};
  moved.items = {MakeItem("1C902.a", "一", {"Sm"}, {"2805301910"})};
  add({{"/data/page.html", {uncoded}}, {"/data/page.html", {moved}}});
  // A text read again by a newer parser, which finds one item fewer.
  Announcement read = MakeDoc("test-reparsed", D(2024, 12, 1));
  read.effective = {OnPublication(D(2024, 12, 1))};
  read.items = {MakeItem("1C902.a", "一", {"Sm"}), MakeItem("1C950", "二", {"Ga"})};
  Announcement reread = read;
  reread.items.resize(1);
  reread.parser_version = "test-2";
  add({{"/data/reparsed.txt", {read}}, {"/data/reparsed.txt", {reread}, /*reparse=*/true}});
  // Parties: two listed, one removed later, the listing suspended.
  Announcement listing = MakeDoc("test-parties", D(2026, 2, 24));
  listing.effective = {OnPublication(D(2026, 2, 24))};
  listing.parties = {
      MakeParty(PartyList::kWatchList, PartyAction::kAdd, "甲株式会社", "甲"),
      MakeParty(PartyList::kControlList, PartyAction::kAdd, "乙株式会社", "乙")};
  Announcement removal = MakeDoc("test-removal", D(2026, 6, 1));
  removal.effective = {OnPublication(D(2026, 6, 1))};
  removal.parties = {MakeParty(PartyList::kWatchList, PartyAction::kRemove, "甲株式会社", "甲")};
  add({{"/data/parties.txt", {listing}}});
  add({{"/data/removal.txt", {removal}}});
  add({{"/data/party-suspension.txt",
        {Relating("test-party-suspension", D(2026, 4, 1), RelationType::kSuspends,
                  "test-parties", D(2026, 12, 31))}}});
  return sources;
}

PutRequest Request(const Step& step) {
  // Every version's bytes differ; a re-parse reads the last ones again.
  static int version_counter = 0;
  static std::map<std::string, std::string> last_bytes;
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = step.locator;
  std::string& bytes = last_bytes[step.locator];
  if (!step.reparse) bytes = step.locator + " #" + std::to_string(++version_counter);
  r.snapshot.raw = bytes;
  r.snapshot.sha256 = Sha256Hex(r.snapshot.raw);
  r.snapshot.retrieved_at = "2026-12-07T00:00:00Z";
  r.snapshot.used_charset = "utf-8";
  r.normalized_text = std::string(400, 'x');
  r.announcements = step.texts;
  return r;
}

std::unique_ptr<AnnouncementStore> OpenMemory() {
  auto store = AnnouncementStore::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

// The kept state as rows, without the ids the two ways number differently.
std::string Dump(AnnouncementStore& store) {
  std::string out;
  auto rows = [&](const char* sql, int columns) {
    auto st = store.db().Prepare(sql);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return;
    for (;;) {
      auto row = st->Step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      for (int c = 0; c < columns; ++c) out += st->ColumnText(c) + "|";
      out += "\n";
    }
    out += "--\n";
  };
  rows("SELECT key, listed_by, from_date, until_date, state, "
       "(SELECT group_concat(hs_code, ' ') FROM (SELECT hs_code FROM item_stretch_hs "
       "WHERE stretch_id = s.id ORDER BY hs_code)), "
       "(SELECT suspended || inferred || COALESCE(code, '-') || elements || governing "
       "FROM item_history_parts WHERE stretch_id = s.id) "
       "FROM item_stretches s ORDER BY key, from_date",
       7);
  rows("SELECT list, key, key_en, from_date, until_date, state FROM party_stretches ORDER BY id", 6);
  rows("SELECT doc_id, date FROM item_event_dates ORDER BY doc_id, date", 2);
  rows("SELECT element_history, built_generation = generation FROM consolidation", 2);
  rows("SELECT doc_id FROM consolidation_dirty", 1);
  return out;
}

// The real sequence stored and consolidated; null on a failure, reported.
std::unique_ptr<AnnouncementStore> ConsolidatedRealSequence() {
  auto store = OpenMemory();
  if (!store) return nullptr;
  for (const Announcement& a : RealSequence()) {
    auto put = store->Put(Request({"/data/" + *a.doc_id, {a}}));
    EXPECT_TRUE(put.ok()) << put.status().ToString();
    if (!put.ok()) return nullptr;
  }
  Status s = Consolidate(*store);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return s.ok() ? std::move(store) : nullptr;
}

// The sources' versions interleaved at random, each source's in order.
std::vector<Step> Sequence(unsigned seed) {
  std::vector<std::vector<Step>> sources = Sources();
  std::vector<size_t> next(sources.size(), 0);
  std::vector<Step> steps;
  std::mt19937 random(seed);
  for (;;) {
    std::vector<size_t> open;
    for (size_t i = 0; i < sources.size(); ++i)
      if (next[i] < sources[i].size()) open.push_back(i);
    if (open.empty()) return steps;
    const size_t pick = open[random() % open.size()];
    steps.push_back(sources[pick][next[pick]++]);
  }
}

class ConsolidateTest : public ::testing::TestWithParam<unsigned> {};

TEST_P(ConsolidateTest, KeyByKeyEqualsAWholeRebuildAfterEveryIngest) {
  const std::vector<Step> steps = Sequence(GetParam());
  auto updated = OpenMemory();
  ASSERT_TRUE(updated);
  std::vector<PutRequest> so_far;
  for (size_t i = 0; i < steps.size(); ++i) {
    so_far.push_back(Request(steps[i]));
    ASSERT_TRUE(updated->Put(so_far.back()).ok());
    // Never rebuilt whole once built, however much changed.
    Status s = Consolidate(*updated, /*rebuild_beyond_one_key_in=*/0);
    ASSERT_TRUE(s.ok()) << s.ToString();

    auto rebuilt = OpenMemory();
    ASSERT_TRUE(rebuilt);
    for (const PutRequest& r : so_far) ASSERT_TRUE(rebuilt->Put(r).ok());
    s = Consolidate(*rebuilt);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(Dump(*updated), Dump(*rebuilt))
        << "after step " << i << ": " << steps[i].locator;
  }
  // The updates did rewrite keys one by one (a whole rebuild numbers the
  // stretches from 1 without gaps).
  auto st = updated->db().Prepare("SELECT MAX(id) > COUNT(*) FROM item_stretches");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->ColumnInt(0), 1);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ConsolidateTest, ::testing::Values(1u, 2u, 3u, 4u, 5u, 6u));

TEST(Consolidate, AnIngestOfNothingNewLeavesTheStateAsItWas) {
  auto store = ConsolidatedRealSequence();
  ASSERT_TRUE(store);
  const std::string before = Dump(*store);
  ASSERT_TRUE(Consolidate(*store).ok());
  EXPECT_EQ(Dump(*store), before);
}

TEST(Consolidate, ATextThatActsOnNothingLeavesTheStateAsItWasAndCurrent) {
  auto store = ConsolidatedRealSequence();
  ASSERT_TRUE(store);
  const std::string before = Dump(*store);
  // A news copy with no number and no relation: stored, and of no effect.
  ASSERT_TRUE(store->Put(Request({"/news/2.txt", {MakeDoc(std::nullopt, D(2026, 1, 5))}})).ok());
  ConsolidatedStore kept(store->db());
  EXPECT_FALSE(*kept.Current());
  ASSERT_TRUE(Consolidate(*store).ok());
  EXPECT_TRUE(*kept.Current());
  EXPECT_EQ(Dump(*store), before);
}

// Each announcement's states of a day as StatesListedByOn reads them, one
// line per state (items sorted: the index's order is not AsOf's), by
// doc_id, over a few dates; and the same read off every state of the day.
std::map<std::string, std::string> ListedByReads(AnnouncementStore& store, bool narrowed) {
  std::map<std::string, std::string> out;
  for (const Date& date : {D(2025, 4, 4), D(2025, 10, 9), D(2025, 12, 1), D(2026, 3, 1),
                           D(2026, 5, 1), D(2026, 7, 1), D(2027, 1, 1)}) {
    auto all = StatesOn(store, date, std::nullopt, ItemFilter{}, true, true);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    if (!all.ok()) return out;
    std::set<std::string> doc_ids;
    for (const ItemState& s : all->items) doc_ids.insert(s.listed_by);
    for (const PartyState& s : all->parties) doc_ids.insert(s.listed_by);
    for (const std::string& doc_id : doc_ids) {
      StatesOnDate states;
      if (narrowed) {
        auto read = StatesListedByOn(store, date, {doc_id});
        EXPECT_TRUE(read.ok()) << read.status().ToString();
        if (!read.ok()) return out;
        states = std::move(read).value();
      } else {
        for (const ItemState& s : all->items)
          if (s.listed_by == doc_id) states.items.push_back(s);
        for (const PartyState& s : all->parties)
          if (s.listed_by == doc_id) states.parties.push_back(s);
      }
      std::vector<std::string> lines;
      for (const ItemState& s : states.items) lines.push_back(ItemStateToJson(s));
      std::sort(lines.begin(), lines.end());
      for (const PartyState& s : states.parties) lines.push_back(PartyStateToJson(s));
      std::string& text = out[date.ToIso() + " " + doc_id];
      for (const std::string& line : lines) text += line + "\n";
    }
  }
  return out;
}

TEST(StatesListedByOn, GivesWhatEachAnnouncementGovernsOnADayCurrentOrStale) {
  auto store = OpenMemory();
  ASSERT_TRUE(store);
  for (const Step& step : Sequence(1)) ASSERT_TRUE(store->Put(Request(step)).ok());
  ASSERT_TRUE(Consolidate(*store).ok());
  const auto expected = ListedByReads(*store, /*narrowed=*/false);
  ASSERT_GE(expected.size(), 10u);
  EXPECT_EQ(ListedByReads(*store, /*narrowed=*/true), expected);
  // A text stored since: the kept state is stale and the read falls back to
  // the timeline rebuilt, with the same answers (the text changes nothing).
  ASSERT_TRUE(store->Put(Request({"/news/3.txt", {MakeDoc(std::nullopt, D(2026, 1, 5))}})).ok());
  ConsolidatedStore kept(store->db());
  ASSERT_FALSE(*kept.Current());
  EXPECT_EQ(ListedByReads(*store, /*narrowed=*/true), expected);
}

}  // namespace
}  // namespace regdiff::tools
