// Schema version 9 (consolidation of what changed): triggers note the
// announcements each change touches, so that only the keys they list are
// rebuilt; a state built by version 8 is marked never built, and the next
// consolidation rebuilds it whole.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "corpus/schema.h"
#include "corpus/sha256.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

Evidence Ev(std::string_view text) { return MakeEvidence(text, 0, text.size()); }

Announcement Doc(std::string doc_id, std::vector<std::string> relation_targets = {}) {
  Announcement a;
  a.doc_id = std::move(doc_id);
  a.parser_version = "test";
  for (std::string& target : relation_targets) {
    Relation r;
    r.type = RelationType::kSuspends;
    r.target = std::move(target);
    r.evidence = Ev("暂停实施");
    a.relations.push_back(r);
  }
  return a;
}

PutRequest Request(const std::string& locator, const std::string& bytes,
                   std::vector<Announcement> texts) {
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = locator;
  r.snapshot.raw = bytes;
  r.snapshot.sha256 = Sha256Hex(bytes);
  r.snapshot.retrieved_at = "2026-12-07T00:00:00Z";
  r.normalized_text = std::string(100, 'x');
  r.announcements = std::move(texts);
  return r;
}

class SchemaV9Test : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    kept_ = std::make_unique<ConsolidatedStore>(store_->db());
  }

  void Put(const PutRequest& r) {
    auto outcome = store_->Put(r);
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }

  // The changed doc_ids, then forgets them as a consolidation does.
  std::vector<std::string> TakeChanged() {
    auto changed = kept_->ChangedDocIds();
    EXPECT_TRUE(changed.ok()) << changed.status().ToString();
    EXPECT_TRUE(store_->db().Exec("DELETE FROM consolidation_dirty").ok());
    return changed.ok() ? *changed : std::vector<std::string>{};
  }

  std::unique_ptr<AnnouncementStore> store_;
  std::unique_ptr<ConsolidatedStore> kept_;
};

using Ids = std::vector<std::string>;

TEST_F(SchemaV9Test, ANewTextNotesItsAnnouncementAndTheOnesItsRelationsName) {
  Put(Request("/data/70.txt", "70", {Doc("mofcom-gacc-2025-70", {"mofcom-gacc-2025-57",
                                                                 "mofcom-2025-62"})}));
  EXPECT_EQ(TakeChanged(),
            (Ids{"mofcom-2025-62", "mofcom-gacc-2025-57", "mofcom-gacc-2025-70"}));
}

TEST_F(SchemaV9Test, ATextWithoutADocIdNotesOnlyWhatItsRelationsName) {
  Announcement news = Doc("", {"mofcom-gacc-2025-57"});
  news.doc_id.reset();
  Put(Request("/news/1.txt", "news", {news}));
  EXPECT_EQ(TakeChanged(), (Ids{"mofcom-gacc-2025-57"}));
}

TEST_F(SchemaV9Test, ANewVersionNotesTheAnnouncementsOfEveryVersionOfItsSource) {
  Put(Request("/data/page.html", "v1", {Doc("test-old", {"mofcom-2025-61"})}));
  TakeChanged();
  Put(Request("/data/page.html", "v2", {Doc("test-new")}));
  // The old text leaves (and with it its relation), the new one comes.
  EXPECT_EQ(TakeChanged(), (Ids{"mofcom-2025-61", "test-new", "test-old"}));
  // A page that is no announcement is a version too.
  Put(Request("/data/page.html", "v3", {}));
  EXPECT_EQ(TakeChanged(), (Ids{"mofcom-2025-61", "test-new", "test-old"}));
}

TEST_F(SchemaV9Test, AReparseNotesTheAnnouncementBeforeAndAfter) {
  Put(Request("/data/57.txt", "57", {Doc("mofcom-gacc-2025-57", {"mofcom-2025-61"})}));
  TakeChanged();
  Announcement reread = Doc("mofcom-gacc-2025-58");  // the newer parser reads another number
  reread.parser_version = "test-2";
  Put(Request("/data/57.txt", "57", {reread}));
  EXPECT_EQ(TakeChanged(), (Ids{"mofcom-2025-61", "mofcom-gacc-2025-57", "mofcom-gacc-2025-58"}));
}

TEST_F(SchemaV9Test, UnchangedBytesNoteNothing) {
  Put(Request("/data/57.txt", "57", {Doc("mofcom-gacc-2025-57")}));
  TakeChanged();
  Put(Request("/data/57.txt", "57", {Doc("mofcom-gacc-2025-57")}));
  EXPECT_EQ(TakeChanged(), Ids{});
}

TEST(SchemaV9, AStateBuiltByVersion8IsMarkedNeverBuilt) {
  auto db = sqlite::Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(*db, 8).ok());
  ASSERT_TRUE(db->Exec("UPDATE consolidation SET built_generation = generation, "
                       "element_history = '{}'")
                  .ok());
  ASSERT_TRUE(db->Exec("INSERT INTO item_stretches (id, key, code, from_date, state) "
                       "VALUES (1, '1C909', '1C909', '2025-11-08', '{}')")
                  .ok());
  ASSERT_TRUE(Migrate(*db).ok());
  ConsolidatedStore kept(*db);
  EXPECT_FALSE(*kept.Built());
  EXPECT_FALSE(*kept.Current());
  auto items = db->Prepare("SELECT COUNT(*) FROM item_stretches");
  ASSERT_TRUE(items.ok());
  ASSERT_TRUE(*items->Step());
  EXPECT_EQ(items->ColumnInt(0), 0);
}

}  // namespace
}  // namespace regdiff
