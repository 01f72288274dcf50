// Schema migrations: a fresh database is brought to kSchemaVersion, a current
// one is left alone, and one written by a newer regdiff is refused.
#include "corpus/schema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corpus/store.h"
#include "tests/test_paths.h"

namespace regdiff {
namespace {

int64_t Scalar(sqlite::Database& db, const char* sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return stmt->ColumnInt(0);
}

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = regdiff::testing::MakeTempDir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path() const { return dir_ + "/store.db"; }

  sqlite::Database Open() {
    auto db = sqlite::Database::Open(path());
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(db).value();
  }

  std::string dir_;
};

TEST_F(SchemaTest, FreshDatabaseIsMigratedToCurrentVersion) {
  sqlite::Database db = Open();
  ASSERT_EQ(*SchemaVersion(db), 0);
  Status s = Migrate(db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*SchemaVersion(db), kSchemaVersion);
  EXPECT_EQ(Scalar(db, "PRAGMA user_version"), kSchemaVersion);
  for (const char* table : {"sources", "source_aliases", "snapshots", "source_versions", "texts",
                            "documents", "items", "item_hs_codes", "effective_clauses",
                            "relations", "parties"}) {
    auto stmt = db.Prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    ASSERT_TRUE(stmt.ok());
    stmt->Bind(1, table);
    ASSERT_TRUE(*stmt->Step());
    EXPECT_EQ(stmt->ColumnInt(0), 1) << table;
  }
}

TEST_F(SchemaTest, ReopeningACurrentDatabaseMigratesNothing) {
  {
    sqlite::Database db = Open();
    ASSERT_TRUE(Migrate(db).ok());
    ASSERT_TRUE(db.Exec("INSERT INTO sources (kind, locator, first_seen) "
                        "VALUES ('file', '/tmp/a.html', '2026-01-01T00:00:00Z')")
                    .ok());
  }
  sqlite::Database db = Open();
  // The version-1 script creates tables without IF NOT EXISTS: running it
  // again would fail, so success here means it was skipped.
  Status s = Migrate(db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*SchemaVersion(db), kSchemaVersion);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM sources"), 1);
}

TEST_F(SchemaTest, NewerDatabaseIsRefusedAndLeftUntouched) {
  {
    sqlite::Database db = Open();
    ASSERT_TRUE(db.Exec("PRAGMA user_version = 99").ok());
  }
  sqlite::Database db = Open();
  Status s = Migrate(db);
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_EQ(s.message(), "database schema version 99 is newer than this regdiff (" +
                             std::to_string(kSchemaVersion) + ")");
  EXPECT_EQ(*SchemaVersion(db), 99);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM sqlite_schema"), 0);

  // The store refuses it too, with the same reason.
  auto store = AnnouncementStore::Open(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kDatabase);
  EXPECT_NE(store.status().message().find("schema version 99 is newer"), std::string::npos)
      << store.status().message();
}

TEST_F(SchemaTest, DeletingADocumentCascadesToItsRows) {
  sqlite::Database db = Open();
  ASSERT_TRUE(db.Exec("PRAGMA foreign_keys = ON").ok());
  ASSERT_TRUE(Migrate(db).ok());
  Status s = db.Exec(R"sql(
    INSERT INTO snapshots (id, sha256, raw, size, first_retrieved_at)
      VALUES (1, printf('%064d', 0), x'41', 1, 't');
    INSERT INTO documents (id, snapshot_id, issuers, lang, title, number_begin, number_end,
        title_begin, title_end, published_begin, published_end, warnings, parser_version,
        parsed_at)
      VALUES (1, 1, '[]', 'zh', '', 0, 0, 0, 0, 0, 0, '[]', 'zh/1', 't');
    INSERT INTO items (id, document_id, seq, position, name, elements, ev_begin, ev_end,
        hs_begin, hs_end) VALUES (1, 1, 0, '一', 'x', '[]', 0, 0, 0, 0);
    INSERT INTO item_hs_codes (item_id, seq, hs_code) VALUES (1, 0, '28053019');
    INSERT INTO effective_clauses (document_id, seq, on_publication, applies_to, ev_begin, ev_end)
      VALUES (1, 0, 1, 'whole', 0, 0);
    INSERT INTO relations (document_id, seq, type, target, ev_begin, ev_end)
      VALUES (1, 0, 'suspends', 'mofcom-gacc-2025-57', 0, 0);
    DELETE FROM documents;
  )sql");
  ASSERT_TRUE(s.ok()) << s.ToString();
  for (const char* sql : {"SELECT COUNT(*) FROM items", "SELECT COUNT(*) FROM item_hs_codes",
                          "SELECT COUNT(*) FROM effective_clauses",
                          "SELECT COUNT(*) FROM relations"}) {
    EXPECT_EQ(Scalar(db, sql), 0) << sql;
  }
}

TEST_F(SchemaTest, SnapshotSizeMustMatchItsBytes) {
  sqlite::Database db = Open();
  ASSERT_TRUE(Migrate(db).ok());
  Status s = db.Exec(
      "INSERT INTO snapshots (sha256, raw, size, first_retrieved_at) "
      "VALUES (printf('%064d', 0), x'4142', 3, 't')");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("CHECK constraint failed"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace regdiff
