// Schema version 11 (one document per text): the duplicates earlier
// versions stored, a second source with the same bytes as the first, fold
// into aliases of the first with their own provenance; a source with a
// history of its own stays a source; the consolidated state stays current
// when it was (folding changes no answer) and stale when it was not.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "corpus/schema.h"
#include "corpus/sha256.h"
#include "corpus/store.h"
#include "tests/test_paths.h"

namespace regdiff {
namespace {

// A version-10 database as regdiff 10 left it after reading:
//   source 1 /data/57.html      v1 = snapshot 1
//   source 2 /mirror/57.html    v1 = snapshot 1          (a duplicate of 1)
//   source 3 https://x/57.html  v1 = snapshot 1          (another, a URL)
//   source 4 /data/70.html      v1 = snapshot 2
//   source 5 /old/57.html       v1 = snapshot 3, v2 = snapshot 1  (its own history)
// with one document per snapshot.
void WriteVersion10(const std::string& path) {
  auto db = sqlite::Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(db->Exec("PRAGMA foreign_keys = ON").ok());
  ASSERT_TRUE(Migrate(*db, 10).ok());
  const std::string script =
      "INSERT INTO sources (id, kind, locator, first_seen) VALUES "
      "(1, 'file', '/data/57.html', '2026-01-01T00:00:00Z'),"
      "(2, 'file', '/mirror/57.html', '2026-02-01T00:00:00Z'),"
      "(3, 'url', 'https://x/57.html', '2026-03-01T00:00:00Z'),"
      "(4, 'file', '/data/70.html', '2026-01-01T00:00:00Z'),"
      "(5, 'file', '/old/57.html', '2026-01-02T00:00:00Z');"
      "INSERT INTO source_aliases (alias, source_id) SELECT locator, id FROM sources;"
      "INSERT INTO snapshots (id, sha256, raw, size, first_retrieved_at) VALUES "
      "(1, '" + Sha256Hex("57") + "', '57', 2, '2026-01-01T00:00:00Z'),"
      "(2, '" + Sha256Hex("70") + "', '70', 2, '2026-01-01T00:00:00Z'),"
      "(3, '" + Sha256Hex("56") + "', '56', 2, '2026-01-01T00:00:00Z');"
      "INSERT INTO texts (snapshot_id, normalized) VALUES (1, '57'), (2, '70'), (3, '56');"
      "INSERT INTO source_versions (source_id, version, snapshot_id, retrieved_at) VALUES "
      "(1, 1, 1, '2026-01-01T00:00:00Z'), (2, 1, 1, '2026-02-01T00:00:00Z'),"
      "(3, 1, 1, '2026-03-01T00:00:00Z'), (4, 1, 2, '2026-01-01T00:00:00Z'),"
      "(5, 1, 3, '2026-01-02T00:00:00Z'), (5, 2, 1, '2026-04-01T00:00:00Z');"
      "INSERT INTO documents (snapshot_id, doc_id, issuers, lang, title, number_begin, number_end,"
      " title_begin, title_end, published_begin, published_end, warnings, parser_version,"
      " parsed_at) VALUES "
      "(1, 'mofcom-gacc-2025-57', '[]', 'zh', 't57', 0, 0, 0, 0, 0, 0, '[]', 'rules/3', 'x'),"
      "(2, 'mofcom-gacc-2025-70', '[]', 'zh', 't70', 0, 0, 0, 0, 0, 0, '[]', 'rules/3', 'x'),"
      "(3, 'mofcom-gacc-2025-56', '[]', 'zh', 't56', 0, 0, 0, 0, 0, 0, '[]', 'rules/3', 'x');";
  ASSERT_TRUE(db->Exec(script.c_str()).ok());
}

class SchemaV11Test : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    path_ = dir_ + "/v10.db";
    WriteVersion10(path_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<AnnouncementStore> Open() {
    auto store = AnnouncementStore::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  void MarkBuilt() {
    auto db = sqlite::Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("UPDATE consolidation SET built_generation = generation, "
                         "element_history = '{}'; DELETE FROM consolidation_dirty")
                    .ok());
  }

  std::string dir_, path_;
};

TEST_F(SchemaV11Test, DuplicateSourcesFoldIntoAliasesOfTheFirstWithTheirProvenance) {
  auto store = Open();
  ASSERT_TRUE(store);
  const TableCounts counts = *store->Counts();
  EXPECT_EQ(counts.sources, 3);  // 1, 4 and 5 (its history is its own)
  EXPECT_EQ(counts.aliases, 5);  // every locator still names a source
  EXPECT_EQ(counts.source_versions, 4);
  EXPECT_EQ(counts.snapshots, 3);
  EXPECT_EQ(counts.documents, 3);

  auto aliases = store->AliasesOf("/data/57.html");
  ASSERT_TRUE(aliases.ok());
  ASSERT_EQ(aliases->size(), 2u);
  EXPECT_EQ((*aliases)[0].locator, "/mirror/57.html");
  EXPECT_EQ((*aliases)[0].kind, "file");
  EXPECT_EQ((*aliases)[0].first_seen, "2026-02-01T00:00:00Z");
  EXPECT_EQ((*aliases)[0].sha256, Sha256Hex("57"));
  EXPECT_EQ((*aliases)[1].locator, "https://x/57.html");
  EXPECT_EQ((*aliases)[1].kind, "url");

  // 57 from /data/57.html and from /old/57.html (a source with a history):
  // no longer three.
  EXPECT_EQ(store->FindDocuments("2025-57")->size(), 2u);
  EXPECT_EQ(store->List()->size(), 3u);
  // A folded locator read again with its bytes adds nothing.
  PutRequest again;
  again.snapshot.source_kind = "file";
  again.snapshot.locator = "/mirror/57.html";
  again.snapshot.raw = "57";
  again.snapshot.sha256 = Sha256Hex("57");
  again.snapshot.retrieved_at = "2026-12-07T00:00:00Z";
  again.normalized_text = "57";
  EXPECT_EQ(*store->Put(again), PutOutcome::kUnchanged);
}

TEST_F(SchemaV11Test, ACurrentConsolidatedStateStaysCurrent) {
  MarkBuilt();
  auto store = Open();
  ASSERT_TRUE(store);
  ConsolidatedStore kept(store->db());
  EXPECT_TRUE(*kept.Current());
  EXPECT_TRUE(kept.ChangedDocIds()->empty());
}

TEST_F(SchemaV11Test, AStaleConsolidatedStateStaysStale) {
  auto store = Open();
  ASSERT_TRUE(store);
  ConsolidatedStore kept(store->db());
  EXPECT_FALSE(*kept.Current());
}

}  // namespace
}  // namespace regdiff
