// The search index (schema version 5): Put stores texts without indexing
// them, Search brings the index up to date before it looks, a text replaced
// by a re-parse is taken out of the index and indexed again with its new
// words, and a version-4 database (indexed by triggers) migrates with all its
// texts waiting to be indexed and still found.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/schema.h"
#include "corpus/sha256.h"
#include "corpus/store.h"
#include "tests/test_paths.h"
#include "tests/corpus/text_request.h"

namespace regdiff {
namespace {

// Texts written for these tests around facts of MOFCOM/GACC 2025 No. 18
// (1C902 samarium) and No. 57 (1C909 holmium).
constexpr char kSamarium[] = "商务部 海关总署公告2025年第18号\n1C902 钐、钐铁合金\n";
constexpr char kHolmium[] = "商务部 海关总署公告2025年第57号\n1C909 金属钬及其制品\n";

PutRequest Request(const std::string& locator, const std::string& raw,
                   const std::string& text, const std::string& parser_version) {
  return regdiff::testing::TextRequest(locator, raw, text, "mofcom-gacc-test", parser_version);
}

// The lines found for `query`, as "line_number: line".
std::vector<std::string> Found(AnnouncementStore& store, const std::string& query) {
  auto found = store.Search({query}, 100);
  EXPECT_TRUE(found.ok()) << found.status().ToString();
  std::vector<std::string> out;
  if (!found.ok()) return out;
  for (const SearchHit& h : found->hits)
    out.push_back(std::to_string(h.line_number) + ": " + h.line);
  return out;
}

int64_t Unindexed(AnnouncementStore& store) {
  auto n = store.UnindexedTexts();
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? *n : -1;
}

// FTS5's own consistency check of the index.
void ExpectIndexConsistent(AnnouncementStore& store) {
  Status s = store.db().Exec("INSERT INTO text_search(text_search) VALUES ('integrity-check')");
  EXPECT_TRUE(s.ok()) << s.ToString();
}

class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  void Put(const PutRequest& r) {
    auto outcome = store_->Put(r);
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }

  std::unique_ptr<AnnouncementStore> store_;
};

TEST_F(SearchIndexTest, PutLeavesTextsForSearchToIndex) {
  Put(Request("/data/18.txt", kSamarium, kSamarium, "rules/2"));
  Put(Request("/data/57.txt", kHolmium, kHolmium, "rules/2"));
  EXPECT_EQ(Unindexed(*store_), 2);
  ExpectIndexConsistent(*store_);

  EXPECT_EQ(Found(*store_, "金属钬"), std::vector<std::string>{"2: 1C909 金属钬及其制品"});
  EXPECT_EQ(Unindexed(*store_), 0);
  ExpectIndexConsistent(*store_);
  // Indexed once: a second search adds nothing and finds the same.
  auto added = store_->UpdateSearchIndex();
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(*added, 0);
  EXPECT_EQ(Found(*store_, "钐铁合金"), std::vector<std::string>{"2: 1C902 钐、钐铁合金"});
}

TEST_F(SearchIndexTest, TextsStoredAfterASearchAreFoundByTheNext) {
  Put(Request("/data/18.txt", kSamarium, kSamarium, "rules/2"));
  EXPECT_TRUE(Found(*store_, "金属钬").empty());
  Put(Request("/data/57.txt", kHolmium, kHolmium, "rules/2"));
  EXPECT_EQ(Unindexed(*store_), 1);
  EXPECT_EQ(Found(*store_, "金属钬").size(), 1u);
}

TEST_F(SearchIndexTest, AReplacedTextIsSearchedByItsNewWordsOnly) {
  Put(Request("/data/x.txt", "raw bytes", kSamarium, "rules/1"));
  ASSERT_EQ(Found(*store_, "钐铁合金").size(), 1u);
  // A newer parser reads the same bytes into another text.
  Put(Request("/data/x.txt", "raw bytes", kHolmium, "rules/2"));
  EXPECT_EQ(Unindexed(*store_), 1);
  EXPECT_TRUE(Found(*store_, "钐铁合金").empty());
  EXPECT_EQ(Found(*store_, "金属钬").size(), 1u);
  ExpectIndexConsistent(*store_);
}

TEST_F(SearchIndexTest, ShortQueriesScanTextsNotYetIndexed) {
  Put(Request("/data/57.txt", kHolmium, kHolmium, "rules/2"));
  EXPECT_EQ(Found(*store_, "钬"), std::vector<std::string>{"2: 1C909 金属钬及其制品"});
}

// A text and its other script's spelling, as `regdiff search` passes them:
// a line holding either is a hit, once, by the index and by the scan alike.
TEST_F(SearchIndexTest, AnyFormOfTheTextFindsALineOnce) {
  Put(Request("/data/57.txt", kHolmium, kHolmium, "rules/2"));
  Put(Request("/data/57-hant.txt", "trad", "商務部公告\n1C909 金屬鈥及其製品\n", "rules/2"));
  for (const std::vector<std::string>& forms :
       {std::vector<std::string>{"金属钬", "金屬鈥"}, std::vector<std::string>{"钬", "鈥"}}) {
    auto found = store_->Search(forms, 100);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->lines, 2u) << forms[0];
    EXPECT_EQ(found->texts, 2u) << forms[0];
    ASSERT_EQ(found->hits.size(), 2u) << forms[0];
  }
}

TEST_F(SearchIndexTest, CountsEveryMatchingLineBeyondTheLimit) {
  Put(Request("/data/18.txt", kSamarium, kSamarium, "rules/2"));
  Put(Request("/data/57.txt", kHolmium, kHolmium, "rules/2"));
  auto found = store_->Search({"1C90"}, 1);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->lines, 2u);
  EXPECT_EQ(found->texts, 2u);
}

TEST_F(SearchIndexTest, NoFormOrTooManyFormsAreInvalid) {
  EXPECT_EQ(store_->Search({}, 10).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->Search({"a", "b", "c", "d"}, 10).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->Search({"钬", ""}, 10).status().code(), Status::Code::kInvalidArgument);
}

TEST(SearchIndexMigrationTest, Version4TextsWaitToBeIndexedAndAreFound) {
  const std::string dir = regdiff::testing::MakeTempDir();
  const std::string path = dir + "/store.db";
  {
    auto db = sqlite::Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(Migrate(*db, 4).ok());
    // Version 4 indexed every text through a trigger as it was inserted.
    Status s = db->Exec(
        "INSERT INTO snapshots (id, sha256, raw, size, first_retrieved_at) "
        "  VALUES (3, printf('%064d', 0), x'41', 1, '2026-01-01T00:00:00Z');"
        "INSERT INTO texts (snapshot_id, normalized) VALUES (3, '1C909 金属钬及其制品');"
        "INSERT INTO sources (id, kind, locator, first_seen)"
        "  VALUES (1, 'file', '/tmp/57.txt', '2026-01-01T00:00:00Z');"
        "INSERT INTO source_versions (source_id, version, snapshot_id, retrieved_at)"
        "  VALUES (1, 1, 3, '2026-01-01T00:00:00Z');");
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  {
    auto store = AnnouncementStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(*SchemaVersion((*store)->db()), kSchemaVersion);
    EXPECT_EQ(Unindexed(**store), 1);
    EXPECT_EQ(Found(**store, "金属钬"), std::vector<std::string>{"1: 1C909 金属钬及其制品"});
    EXPECT_EQ(Unindexed(**store), 0);
    ExpectIndexConsistent(**store);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace regdiff
