// Schema version 4 (one document per snapshot and language): a version-3
// database holding documents migrates with every row and id kept, foreign
// keys still enforced and cascading, and the new uniqueness rule in force.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corpus/schema.h"
#include "corpus/store.h"
#include "tests/test_paths.h"

namespace regdiff {
namespace {

int64_t Scalar(sqlite::Database& db, const char* sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return -1;
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return stmt->ColumnInt(0);
}

// A version-3 store as regdiff wrote it: one source, one snapshot, one
// document (id 7) with an item, its HS code, a clause and a relation.
constexpr char kVersion3Rows[] = R"sql(
  INSERT INTO sources (id, kind, locator, first_seen)
    VALUES (1, 'file', '/tmp/57.txt', '2026-01-01T00:00:00Z');
  INSERT INTO source_aliases (alias, source_id) VALUES ('/tmp/57.txt', 1);
  INSERT INTO snapshots (id, sha256, raw, size, first_retrieved_at)
    VALUES (3, printf('%064d', 0), x'41', 1, '2026-01-01T00:00:00Z');
  INSERT INTO source_versions (source_id, version, snapshot_id, retrieved_at)
    VALUES (1, 1, 3, '2026-01-01T00:00:00Z');
  INSERT INTO texts (snapshot_id, normalized) VALUES (3, 'A');
  INSERT INTO documents (id, snapshot_id, doc_id, issuers, year, number, lang, title,
      published, number_begin, number_end, title_begin, title_end, published_begin,
      published_end, warnings, parser_version, parsed_at)
    VALUES (7, 3, 'mofcom-gacc-2025-57', '["MOFCOM","GACC"]', 2025, 57, 'zh', 't',
      '2025-10-09', 0, 1, 0, 0, 0, 0, '[]', 'rules/2', '2026-01-01T00:00:00Z');
  INSERT INTO items (id, document_id, seq, code, position, name, elements, ev_begin, ev_end,
      hs_begin, hs_end) VALUES (11, 7, 0, '1C909.a', '一(一)', 'x', '["Ho"]', 0, 1, 0, 1);
  INSERT INTO item_hs_codes (item_id, seq, hs_code) VALUES (11, 0, '28053019');
  INSERT INTO effective_clauses (document_id, seq, date, on_publication, applies_to,
      ev_begin, ev_end) VALUES (7, 0, '2025-11-08', 0, 'whole', 0, 1);
  INSERT INTO relations (document_id, seq, type, target, ev_begin, ev_end)
    VALUES (7, 0, 'refers_to', 'mofcom-gacc-2025-18', 0, 1);
)sql";

constexpr char kEnglishDocument[] = R"sql(
  INSERT INTO documents (snapshot_id, doc_id, issuers, lang, title, number_begin, number_end,
      title_begin, title_end, published_begin, published_end, warnings, parser_version,
      parsed_at)
    VALUES (3, 'mofcom-gacc-2025-57', '[]', 'en', 't', 0, 0, 0, 0, 0, 0, '[]', 'rules/2', 't')
)sql";

class SchemaV4Test : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = regdiff::testing::MakeTempDir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  sqlite::Database Open() {
    auto db = sqlite::Database::Open(dir_ + "/store.db");
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(db).value();
  }

  // A database left at version 3 with kVersion3Rows, enforcing foreign keys
  // as AnnouncementStore::Open does.
  sqlite::Database OpenVersion3() {
    sqlite::Database db = Open();
    EXPECT_TRUE(db.Exec("PRAGMA foreign_keys = ON").ok());
    Status s = Migrate(db, 3);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(*SchemaVersion(db), 3);
    s = db.Exec(kVersion3Rows);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return db;
  }

  std::string dir_;
};

TEST_F(SchemaV4Test, Version3AllowsOneDocumentPerSnapshotOnly) {
  sqlite::Database db = OpenVersion3();
  Status s = db.Exec(kEnglishDocument);
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("UNIQUE"), std::string::npos) << s.message();
}

TEST_F(SchemaV4Test, MigrationKeepsDocumentsTheirIdsAndTheirRows) {
  sqlite::Database db = OpenVersion3();
  Status s = Migrate(db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*SchemaVersion(db), kSchemaVersion);
  EXPECT_GE(kSchemaVersion, 4);

  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM documents"), 1);
  EXPECT_EQ(Scalar(db, "SELECT id FROM documents WHERE doc_id = 'mofcom-gacc-2025-57'"), 7);
  EXPECT_EQ(Scalar(db, "SELECT number FROM documents WHERE id = 7"), 57);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM items WHERE document_id = 7"), 1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM item_hs_codes WHERE item_id = 11"), 1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM effective_clauses WHERE document_id = 7"), 1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM relations WHERE document_id = 7"), 1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'documents_v4'"), 0);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' "
                       "AND name = 'documents_doc_id' AND tbl_name = 'documents'"),
            1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
  // Enforcement is back on after the rebuild.
  EXPECT_EQ(Scalar(db, "PRAGMA foreign_keys"), 1);
}

TEST_F(SchemaV4Test, AfterMigrationASnapshotHoldsOneDocumentPerLanguage) {
  sqlite::Database db = OpenVersion3();
  ASSERT_TRUE(Migrate(db).ok());
  Status s = db.Exec(kEnglishDocument);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM documents WHERE snapshot_id = 3"), 2);
  // A second English document of the same snapshot is refused.
  s = db.Exec(kEnglishDocument);
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("UNIQUE"), std::string::npos) << s.message();
}

TEST_F(SchemaV4Test, ChildRowsStillReferenceTheRebuiltTable) {
  sqlite::Database db = OpenVersion3();
  ASSERT_TRUE(Migrate(db).ok());
  // An item of a document that does not exist is refused ...
  Status s = db.Exec(
      "INSERT INTO items (document_id, seq, position, name, elements, ev_begin, ev_end, "
      "hs_begin, hs_end) VALUES (99, 0, '一', 'x', '[]', 0, 0, 0, 0)");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("FOREIGN KEY"), std::string::npos) << s.message();
  // ... and deleting a document still cascades to its rows.
  ASSERT_TRUE(db.Exec("DELETE FROM documents WHERE id = 7").ok());
  for (const char* sql : {"SELECT COUNT(*) FROM items", "SELECT COUNT(*) FROM item_hs_codes",
                          "SELECT COUNT(*) FROM effective_clauses",
                          "SELECT COUNT(*) FROM relations"}) {
    EXPECT_EQ(Scalar(db, sql), 0) << sql;
  }
}

TEST_F(SchemaV4Test, TheStoreOpensAMigratedDatabaseAndFindsItsDocument) {
  { sqlite::Database db = OpenVersion3(); }
  auto store = AnnouncementStore::Open(dir_ + "/store.db");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto docs = (*store)->FindDocuments("2025-57");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].document_id, 7);
  ASSERT_EQ((*docs)[0].announcement.items.size(), 1u);
  EXPECT_EQ((*docs)[0].announcement.items[0].hs_codes, std::vector<std::string>{"28053019"});
}

}  // namespace
}  // namespace regdiff
