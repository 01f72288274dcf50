// CheckStore (corpus/store_check.h) on databases made for each fault: a
// sound store, rows referring to missing rows (declared foreign keys and the
// consolidated state's own references), a state that is not JSON, a newer
// schema, and the notes that are no faults (stale search index and state).
#include <gtest/gtest.h>

#include <string>

#include "corpus/sha256.h"
#include "corpus/store.h"
#include "corpus/store_check.h"
#include "tests/corpus/text_request.h"

namespace regdiff {
namespace {

PutRequest Request() {
  const std::string text = "商务部 海关总署公告2025年第57号\n1C909 金属钬及其制品\n";
  PutRequest r = regdiff::testing::TextRequest("/data/57.txt", text, text, "mofcom-gacc-2025-57");
  Item item;
  item.code = "1C909";
  item.position = "1";
  item.name = "金属钬及其制品";
  r.announcements[0].items = {item};
  return r;
}

class StoreCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->Put(Request()).ok());
  }

  StoreCheck Check(IntegrityDepth depth = IntegrityDepth::kFull) {
    auto check = CheckStore(store_->db(), depth);
    EXPECT_TRUE(check.ok()) << check.status().ToString();
    return check.ok() ? *check : StoreCheck{};
  }

  std::unique_ptr<AnnouncementStore> store_;
};

TEST_F(StoreCheckTest, ASoundStoreIsHealthyAndCounted) {
  for (IntegrityDepth depth : {IntegrityDepth::kFull, IntegrityDepth::kQuick}) {
    StoreCheck check = Check(depth);
    EXPECT_TRUE(check.Healthy());
    EXPECT_TRUE(check.integrity.empty());
    EXPECT_EQ(check.schema_version, kSchemaVersion);
    ASSERT_TRUE(check.counts);
    EXPECT_EQ(check.counts->announcements, 1);
    EXPECT_EQ(check.counts->texts, 1);
    EXPECT_EQ(check.counts->items, 1);
    EXPECT_TRUE(check.orphans.empty());
    // Put leaves the text for search and the state for ingest's update:
    // notes, no faults.
    EXPECT_EQ(check.unindexed_texts, 1);
    EXPECT_FALSE(check.consolidated_current);
    EXPECT_EQ(check.changed_announcements, 1);
  }
}

TEST_F(StoreCheckTest, RowsReferringToMissingRowsAreOrphans) {
  ASSERT_TRUE(store_->db().Exec("PRAGMA foreign_keys = OFF").ok());
  ASSERT_TRUE(store_->db()
                  .Exec("INSERT INTO effective_clauses (document_id, seq, date, on_publication, "
                        "applies_to, ev_begin, ev_end) VALUES (4242, 0, NULL, 1, '', 0, 0)")
                  .ok());
  ASSERT_TRUE(store_->db().Exec("INSERT INTO item_stretch_hs VALUES (77, '28053019')").ok());
  StoreCheck check = Check();
  EXPECT_FALSE(check.Healthy());
  ASSERT_EQ(check.orphans.size(), 2u);
  EXPECT_EQ(check.orphans[0].table, "effective_clauses");
  EXPECT_EQ(check.orphans[0].parent, "documents");
  EXPECT_EQ(check.orphans[0].rows, 1);
  EXPECT_EQ(check.orphans[1].table, "item_stretch_hs");
  EXPECT_EQ(check.orphans[1].parent, "item_stretches");
}

TEST_F(StoreCheckTest, AStateThatIsNotJsonIsAFault) {
  ASSERT_TRUE(store_->db()
                  .Exec("INSERT INTO item_stretches (key, code, listed_by, from_date, state) "
                        "VALUES ('1C909', '1C909', 'x', '2025-01-01', '{\"status\": in_f')")
                  .ok());
  StoreCheck check = Check();
  EXPECT_EQ(check.malformed_states, 1);
  EXPECT_FALSE(check.Healthy());
}

TEST_F(StoreCheckTest, ANewerSchemaIsAFault) {
  ASSERT_TRUE(store_->db()
                  .Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).c_str())
                  .ok());
  StoreCheck check = Check();
  EXPECT_EQ(check.schema_version, kSchemaVersion + 1);
  EXPECT_FALSE(check.counts);
  EXPECT_FALSE(check.Healthy());
}

}  // namespace
}  // namespace regdiff
