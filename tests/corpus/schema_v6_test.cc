// Schema version 6 (parties): a version-5 database migrates with its rows
// kept, gains a parties table that cascades with its document and refuses
// unknown lists, and marks the documents stored before it as needing a
// re-parse, so that ingesting the same bytes again stores their parties.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corpus/schema.h"
#include "corpus/sha256.h"
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

std::string Text(sqlite::Database& db, const char* sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return {};
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return stmt->ColumnText(0);
}

// The text a version-5 regdiff stored, and parsed without parties.
constexpr char kText[] = "商务部公告2026年第12号\n1. 斯巴鲁株式会社（SUBARU Corporation）\n";
constexpr char kLocator[] = "/tmp/12.txt";

class SchemaV6Test : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = regdiff::testing::MakeTempDir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path() const { return dir_ + "/store.db"; }

  sqlite::Database Open() {
    auto db = sqlite::Database::Open(path());
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(db).value();
  }

  // A database left at version 5 holding kText as version 1 of kLocator,
  // parsed by "rules/3" into document 7 (no parties: version 5 had none).
  sqlite::Database OpenVersion5() {
    sqlite::Database db = Open();
    EXPECT_TRUE(db.Exec("PRAGMA foreign_keys = ON").ok());
    Status s = Migrate(db, 5);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(*SchemaVersion(db), 5);
    auto stmt = db.Prepare(
        "INSERT INTO snapshots (id, sha256, raw, size, first_retrieved_at) "
        "VALUES (3, ?1, ?2, length(?2), '2026-02-25T00:00:00Z')");
    EXPECT_TRUE(stmt.ok());
    stmt->Bind(1, Sha256Hex(kText)).BindBlob(2, std::string_view(kText));
    EXPECT_TRUE(stmt->Run().ok());
    auto text = db.Prepare("INSERT INTO texts (snapshot_id, normalized) VALUES (3, ?1)");
    EXPECT_TRUE(text.ok());
    text->Bind(1, std::string_view(kText));
    EXPECT_TRUE(text->Run().ok());
    s = db.Exec(R"sql(
      INSERT INTO sources (id, kind, locator, first_seen)
        VALUES (1, 'file', '/tmp/12.txt', '2026-02-25T00:00:00Z');
      INSERT INTO source_aliases (alias, source_id) VALUES ('/tmp/12.txt', 1);
      INSERT INTO source_versions (source_id, version, snapshot_id, retrieved_at)
        VALUES (1, 1, 3, '2026-02-25T00:00:00Z');
      INSERT INTO documents (id, snapshot_id, doc_id, issuers, year, number, lang, title,
          published, number_begin, number_end, title_begin, title_end, published_begin,
          published_end, warnings, parser_version, parsed_at)
        VALUES (7, 3, 'mofcom-2026-12', '["MOFCOM"]', 2026, 12, 'zh', '',
          '2026-02-24', 0, 0, 0, 0, 0, 0, '[]', 'rules/3', '2026-02-25T00:00:00Z');
    )sql");
    EXPECT_TRUE(s.ok()) << s.ToString();
    return db;
  }

  std::string dir_;
};

TEST_F(SchemaV6Test, MigrationAddsThePartiesTableAndItsKeyIndexes) {
  sqlite::Database db = OpenVersion5();
  Status s = Migrate(db);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*SchemaVersion(db), kSchemaVersion);
  EXPECT_GE(kSchemaVersion, 6);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM documents WHERE id = 7"), 1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM parties"), 0);
  for (const char* index : {"parties_key", "parties_key_en"}) {
    auto stmt = db.Prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = ?1 "
                           "AND tbl_name = 'parties'");
    ASSERT_TRUE(stmt.ok());
    stmt->Bind(1, index);
    ASSERT_TRUE(*stmt->Step());
    EXPECT_EQ(stmt->ColumnInt(0), 1) << index;
  }
}

TEST_F(SchemaV6Test, DocumentsStoredBeforeAreMarkedForAReparse) {
  sqlite::Database db = OpenVersion5();
  ASSERT_TRUE(Migrate(db).ok());
  EXPECT_EQ(Text(db, "SELECT parser_version FROM documents WHERE id = 7"), "rules/3+pre-v6");
}

TEST_F(SchemaV6Test, PartyRowsCascadeWithTheirDocumentAndStateKnownListsOnly) {
  sqlite::Database db = OpenVersion5();
  ASSERT_TRUE(Migrate(db).ok());
  const char* kParty =
      "INSERT INTO parties (document_id, seq, list, action, name, key, key_en, ev_begin, ev_end) "
      "VALUES (7, 0, 'watch_list', 'add', '斯巴鲁株式会社', '斯巴鲁', 'subaru', 0, 1)";
  Status s = db.Exec(kParty);
  ASSERT_TRUE(s.ok()) << s.ToString();
  for (const char* bad :
       {"INSERT INTO parties (document_id, seq, list, action, name, key, key_en, ev_begin, ev_end) "
        "VALUES (7, 1, 'entity_list', 'add', 'x', '', '', 0, 0)",
        "INSERT INTO parties (document_id, seq, list, action, name, key, key_en, ev_begin, ev_end) "
        "VALUES (7, 1, 'watch_list', 'suspend', 'x', '', '', 0, 0)",
        "INSERT INTO parties (document_id, seq, list, action, name, key, key_en, ev_begin, ev_end) "
        "VALUES (7, 1, 'watch_list', 'add', 'x', '', '', 2, 1)",
        "INSERT INTO parties (document_id, seq, list, action, name, key, key_en, ev_begin, ev_end) "
        "VALUES (99, 0, 'watch_list', 'add', 'x', '', '', 0, 0)"}) {
    EXPECT_EQ(db.Exec(bad).code(), Status::Code::kDatabase) << bad;
  }
  ASSERT_TRUE(db.Exec("DELETE FROM documents WHERE id = 7").ok());
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM parties"), 0);
}

TEST_F(SchemaV6Test, IngestingTheSameBytesAgainStoresTheirParties) {
  { sqlite::Database db = OpenVersion5(); }
  auto store = AnnouncementStore::Open(path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // What ingest checks before parsing: the stored parse is not this parser's.
  auto state = (*store)->GetSourceState(kLocator);
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_NE((*state)->parser_version, "rules/3");

  const std::string text = kText;
  Announcement a;
  a.doc_id = "mofcom-2026-12";
  a.lang = Lang::kZh;
  a.parser_version = "rules/3";  // the same parser as before the migration
  Party subaru;
  subaru.list = PartyList::kWatchList;
  subaru.name = "斯巴鲁株式会社";
  subaru.name_en = "SUBARU Corporation";
  const size_t line = text.find("1. ");
  subaru.evidence = MakeEvidence(text, line, text.size() - 1);
  subaru.key = "斯巴鲁";
  subaru.key_en = "subaru";
  a.parties = {subaru};
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = kLocator;
  r.snapshot.raw = text;
  r.snapshot.sha256 = Sha256Hex(text);
  r.snapshot.retrieved_at = "2026-12-01T00:00:00Z";
  r.normalized_text = text;
  r.announcement = a;
  auto outcome = (*store)->Put(r);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, PutOutcome::kReparsed);

  auto docs = (*store)->FindDocuments("mofcom-2026-12");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].announcement.parser_version, "rules/3");
  EXPECT_EQ((*docs)[0].announcement.parties, a.parties);
  // And the next ingest of those bytes writes nothing.
  outcome = (*store)->Put(r);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, PutOutcome::kUnchanged);
}

}  // namespace
}  // namespace regdiff
