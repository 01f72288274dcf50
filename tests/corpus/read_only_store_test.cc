// A store opened for reading (StoreUse::kReading) writes nothing, whoever
// runs it: the connection is read-only. Search on it answers from the index
// as it is and scans the texts the index lacks; a database an older regdiff
// wrote is still migrated first, through a connection that writes.
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

PutRequest Request(const std::string& locator, const std::string& text) {
  return regdiff::testing::TextRequest(locator, text, text,
                                       "mofcom-gacc-" + locator.substr(locator.rfind('/') + 1));
}

class ReadOnlyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = regdiff::testing::MakeTempDir();
    path_ = dir_ + "/store.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<AnnouncementStore> Open(StoreUse use) {
    auto store = AnnouncementStore::Open(path_, use);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::string dir_, path_;
};

TEST_F(ReadOnlyStoreTest, ReadingConnectionsWriteNothing) {
  { ASSERT_TRUE(Open(StoreUse::kWriting)->Put(Request("/data/2025-57", kHolmium)).ok()); }
  auto store = Open(StoreUse::kReading);
  ASSERT_TRUE(store);
  EXPECT_TRUE(store->db().ReadOnly());
  EXPECT_FALSE(store->db().Exec("CREATE TABLE scratch (x)").ok());
  EXPECT_FALSE(store->UpdateSearchIndex().ok());
  auto rows = store->List();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(rows->size(), 1u);

  auto db = sqlite::Database::OpenReadOnly(path_);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE(db->ReadOnly());
  EXPECT_FALSE(db->Exec("DELETE FROM texts").ok());
}

TEST_F(ReadOnlyStoreTest, SearchAnswersFromTheIndexAsItIsAndScansWhatItLacks) {
  {
    auto writer = Open(StoreUse::kWriting);
    ASSERT_TRUE(writer->Put(Request("/data/2025-18", kSamarium)).ok());
    ASSERT_TRUE(writer->UpdateSearchIndex().ok());  // No. 18 indexed
    ASSERT_TRUE(writer->Put(Request("/data/2025-57", kHolmium)).ok());  // No. 57 not
  }
  auto store = Open(StoreUse::kReading);
  ASSERT_TRUE(store);
  for (const char* text : {"钐铁合金", "金属钬", "1C90"}) {
    SCOPED_TRACE(text);
    auto found = store->Search({text}, 10);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->unindexed_texts, 1);
    EXPECT_EQ(found->hits.size(), std::string(text) == "1C90" ? 2u : 1u);
  }
  auto found = store->Search({"金属钬"}, 10);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].line, "1C909 金属钬及其制品");
  auto pending = store->UnindexedTexts();
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(*pending, 1) << "the index was left as it was";

  // A writing connection brings the index up to date; the reading one then
  // finds everything through it.
  { ASSERT_TRUE(Open(StoreUse::kWriting)->UpdateSearchIndex().ok()); }
  auto after = store->Search({"金属钬"}, 10);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->unindexed_texts, 0);
  EXPECT_EQ(after->hits.size(), 1u);
}

TEST_F(ReadOnlyStoreTest, AnOlderSchemaIsMigratedBeforeItIsRead) {
  {
    auto db = sqlite::Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db, 9).ok());
  }
  auto store = Open(StoreUse::kReading);
  ASSERT_TRUE(store);
  EXPECT_EQ(*SchemaVersion(store->db()), kSchemaVersion);
}

TEST_F(ReadOnlyStoreTest, ANewerSchemaIsRefusedAndLeftAsItIs) {
  {
    auto db = sqlite::Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db).ok());
    ASSERT_TRUE(db->Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).c_str())
                    .ok());
  }
  auto store = AnnouncementStore::Open(path_, StoreUse::kReading);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().ToString().find("newer"), std::string::npos)
      << store.status().ToString();
}

}  // namespace
}  // namespace regdiff
