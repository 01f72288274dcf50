// `regdiff check`: a healthy database passes (exit 0); a page overwritten
// with garbage, which `list` reads past without a word, and a row referring
// to a document that is not there are faults named in the report (exit 1);
// a missing database is a usage error (exit 2).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/sqlite.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/samples_db.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

class CheckCliTest : public SamplesDbSuite {
 protected:
  void SetUp() override { dir_copy_ = MakeTempDir(); }
  void TearDown() override { fs::remove_all(dir_copy_); }

  // A copy of the samples database (closed: one file, no WAL).
  std::string Copy(const std::string& name) {
    const std::string path = dir_copy_ + "/" + name;
    fs::copy_file(Db(), path);
    return path;
  }

  // One integer answer of `sql` on the database at `path`.
  static int64_t QueryInt(const std::string& path, const std::string& sql) {
    auto db = sqlite::Database::OpenReadOnly(path);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (!db.ok()) return -1;
    auto st = db->Prepare(sql);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return -1;
    auto row = st->Step();
    EXPECT_TRUE(row.ok() && *row);
    return row.ok() && *row ? st->ColumnInt(0) : -1;
  }

  std::string dir_copy_;
};

TEST_F(CheckCliTest, AHealthyDatabasePasses) {
  RunResult r = Run({"check"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("integrity  ok (integrity_check)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("orphans    none"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("state      current"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nhealthy\n"), std::string::npos) << r.out;

  RunResult j = Run({"check", "--quick", "--json"});
  EXPECT_EQ(j.exit_code, 0) << j.err;
  const auto json = nlohmann::json::parse(j.out);
  EXPECT_EQ(json["healthy"], true);
  EXPECT_EQ(json["integrity_check"], "quick_check");
  EXPECT_EQ(json["schema_version"], json["expected_schema_version"]);
  // The counts are the database's, not constants.
  EXPECT_EQ(json["counts"]["announcements"],
            QueryInt(Db(), "SELECT COUNT(DISTINCT doc_id) FROM documents"));
  EXPECT_EQ(json["counts"]["items"], QueryInt(Db(), "SELECT COUNT(*) FROM items"));
  EXPECT_EQ(json["counts"]["parties"], QueryInt(Db(), "SELECT COUNT(*) FROM parties"));
  EXPECT_GT(json["counts"]["items"].get<int64_t>(), 0);
  EXPECT_TRUE(json["orphans"].empty());
}

// Garbage over the first page of the index of HS codes: `list` never reads
// it and answers as if nothing were wrong; check names the fault.
TEST_F(CheckCliTest, APageOfGarbageIsAnIntegrityFaultThatListDoesNotSee) {
  const std::string path = Copy("flipped.db");
  const int64_t page_size = QueryInt(path, "PRAGMA page_size");
  const int64_t root_page =
      QueryInt(path, "SELECT rootpage FROM sqlite_master WHERE name = 'item_hs_codes_code'");
  ASSERT_GT(page_size, 0);
  ASSERT_GT(root_page, 1) << "past the file's header page";
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((root_page - 1) * page_size);
    const std::string garbage(static_cast<size_t>(page_size), '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    ASSERT_TRUE(file.good());
  }
  RunResult list = RunRegdiff({"--db", path, "list"});
  EXPECT_EQ(list.exit_code, 0) << "the fault this check is for: " << list.err;

  RunResult r = RunRegdiff({"--db", path, "check"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("integrity  FAULT: integrity_check names"), std::string::npos) << r.out;
  // SQLite's own words, naming the damaged page.
  std::string page = "Page ";
  page.append(std::to_string(root_page)).append(": ");
  EXPECT_NE(r.out.find(page), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nFAULTS FOUND\n"), std::string::npos) << r.out;

  RunResult j = RunRegdiff({"--db", path, "check", "--json"});
  EXPECT_EQ(j.exit_code, 1);
  const auto json = nlohmann::json::parse(j.out);
  EXPECT_EQ(json["healthy"], false);
  EXPECT_FALSE(json["integrity"].empty());
}

// An item of a document that is not there, inserted as another program
// would (a plain connection: foreign keys are not enforced).
TEST_F(CheckCliTest, ARowReferringToAMissingDocumentIsAnOrphan) {
  const std::string path = Copy("orphan.db");
  {
    auto db = sqlite::Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Status s = db->Exec(
        "INSERT INTO items (document_id, seq, code, position, name, elements, ev_begin, ev_end, "
        "hs_begin, hs_end) VALUES ((SELECT MAX(id) + 1000 FROM documents), 0, '1C999', '1', "
        "'orphan', '[]', 0, 0, 0, 0)");
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  RunResult r = RunRegdiff({"--db", path, "check"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("integrity  ok"), std::string::npos) << "the pages are sound: " << r.out;
  EXPECT_NE(r.out.find("orphans    FAULT: 1 items row refers to a missing documents row"),
            std::string::npos)
      << r.out;

  RunResult j = RunRegdiff({"--db", path, "check", "--json"});
  EXPECT_EQ(j.exit_code, 1);
  const auto json = nlohmann::json::parse(j.out);
  ASSERT_EQ(json["orphans"].size(), 1u) << j.out;
  EXPECT_EQ(json["orphans"][0]["table"], "items");
  EXPECT_EQ(json["orphans"][0]["refers_to"], "documents");
  EXPECT_EQ(json["orphans"][0]["rows"], 1);
}

TEST_F(CheckCliTest, AFileThatIsNoDatabaseIsAFaultAndAMissingOneAUsageError) {
  const std::string text = dir_copy_ + "/notes.db";
  WriteFileOrDie(text, std::string(8192, 'x'));
  RunResult r = RunRegdiff({"--db", text, "check"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("not a database"), std::string::npos) << r.out;

  RunResult missing = RunRegdiff({"--db", dir_copy_ + "/none.db", "check"});
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_FALSE(fs::exists(dir_copy_ + "/none.db"));
}

}  // namespace
}  // namespace regdiff::testing
