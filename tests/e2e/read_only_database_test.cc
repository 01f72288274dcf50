// A database the user may read but not write: a read-only file (chmod 444)
// in a directory the user may write, and a read-only file in a read-only
// directory (as on a read-only mount: no -wal or -shm can be created beside
// it). Every read command answers; `search` answers from the index as it is,
// scanning the texts ingest left unindexed, and says on stderr that the index
// is stale. Permissions are real: when the tests run as root (whom they do
// not bind), regdiff runs as the unprivileged user nobody through setpriv,
// and the suite skips when that cannot be done.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kNobody = 65534;

// The prefix that runs a command without the right to write others' files:
// none for an ordinary user; setpriv to nobody for root; nullopt when root
// cannot drop its privileges here.
std::optional<std::string> Unprivileged() {
  if (geteuid() != 0) return std::string();
  if (std::system("command -v setpriv >/dev/null 2>&1") != 0) return std::nullopt;
  // Appended, not an operator+ chain: GCC 12 warns falsely on those.
  std::string prefix = "setpriv --reuid=";
  prefix.append(std::to_string(kNobody)).append(" --regid=").append(std::to_string(kNobody));
  prefix.append(" --clear-groups ");
  // nobody must reach the binary, too.
  std::string probe = prefix;
  probe.append(ShellQuote(RegdiffBinary())).append(" --version >/dev/null 2>&1");
  if (std::system(probe.c_str()) != 0) {
    return std::nullopt;
  }
  return prefix;
}

// `regdiff --db DB ARGS...` run through `prefix`.
RunResult RunAs(const std::string& prefix, const std::string& db, std::vector<std::string> args) {
  const std::string dir = MakeTempDir();
  const std::string err_path = dir + "/stderr";
  std::string cmd = "NO_COLOR=1 ";
  cmd.append(prefix).append(ShellQuote(RegdiffBinary())).append(" --db ").append(ShellQuote(db));
  for (const std::string& a : args) cmd.append(" ").append(ShellQuote(a));
  cmd.append(" </dev/null 2>").append(ShellQuote(err_path));
  RunResult r = RunShell(cmd);
  r.err = ReadFileOrDie(err_path);
  fs::remove_all(dir);
  return r;
}

class ReadOnlyDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto prefix = Unprivileged();
    if (!prefix) GTEST_SKIP() << "running as root without setpriv: permissions cannot be tested";
    prefix_ = *prefix;
    root_ = MakeTempDir();
    ASSERT_EQ(chmod(root_.c_str(), 0755), 0);  // mkdtemp's 0700 keeps nobody out
    dir_ = root_ + "/db";
    fs::create_directory(dir_);
    db_ = dir_ + "/regdiff.db";
    // Ingest leaves every text for the first search to index.
    RunResult r = RunRegdiff({"--db", db_, "ingest", "-q", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_FALSE(fs::exists(db_ + "-wal")) << "the last connection's close removes the WAL";
    ASSERT_EQ(chmod(db_.c_str(), 0444), 0);
  }
  void TearDown() override {
    if (root_.empty()) return;
    chmod(dir_.c_str(), 0755);
    fs::remove_all(root_);
  }

  // Every read command answers on the read-only database.
  void ExpectEveryReadCommandAnswers() {
    struct Case {
      std::vector<std::string> args;
      int exit_code;
    };
    const Case cases[] = {
        {{"list"}, 0},
        {{"show", "2025-57"}, 0},
        {{"asof", "2025-12-01", "--json"}, 0},
        {{"query", "--hs", "28053019", "--date", "2025-12-01"}, 0},
        {{"timeline", "1C909"}, 0},
        {{"diff", "2025-18", "2025-57"}, 1},  // 1: they differ
        {{"export", "--as-of", "2025-12-01"}, 0},
        {{"search", "--party", "SUBARU"}, 0},
        {{"check"}, 0},
    };
    for (const Case& c : cases) {
      SCOPED_TRACE(c.args[0]);
      RunResult r = RunAs(prefix_, db_, c.args);
      EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
      EXPECT_FALSE(r.out.empty());
      EXPECT_EQ(r.err.find("readonly"), std::string::npos) << r.err;
    }
  }

  // `search` finds a line of No. 57 through texts the index does not hold,
  // says the index is stale, and leaves the file as it was.
  void ExpectSearchAnswersFromAStaleIndex() {
    const auto before = fs::last_write_time(db_);
    RunResult r = RunAs(prefix_, db_, {"search", "1C909"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("mofcom-gacc-2025-57"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("search index is stale"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("searched line by line"), std::string::npos) << r.err;
    EXPECT_EQ(fs::last_write_time(db_), before);
    // A one-character text is a scan in any case: found the same way.
    RunResult one = RunAs(prefix_, db_, {"search", "钬"});
    EXPECT_EQ(one.exit_code, 0) << one.err;
  }

  std::string prefix_, root_, dir_, db_;
};

TEST_F(ReadOnlyDatabaseTest, AReadOnlyFileIsReadAndSearchedWithoutWritingIt) {
  ASSERT_EQ(chmod(dir_.c_str(), 0777), 0);  // the directory writable: SQLite's -shm can be made
  ExpectEveryReadCommandAnswers();
  ExpectSearchAnswersFromAStaleIndex();
}

// No -shm or -wal can be created beside the file: SQLite refuses a plain
// read-only open of a WAL database there (SQLITE_READONLY_DIRECTORY), and
// regdiff opens it immutable.
TEST_F(ReadOnlyDatabaseTest, AReadOnlyFileInAReadOnlyDirectoryIsReadAndSearched) {
  ASSERT_EQ(chmod(dir_.c_str(), 0555), 0);
  ExpectEveryReadCommandAnswers();
  ExpectSearchAnswersFromAStaleIndex();
  EXPECT_FALSE(fs::exists(db_ + "-wal"));
  EXPECT_FALSE(fs::exists(db_ + "-shm"));
}

// Where search may write, it brings the index up to date and says nothing
// of a stale one (the file made writable again).
TEST_F(ReadOnlyDatabaseTest, SearchIndexesTheTextsWhereItMayWrite) {
  ASSERT_EQ(chmod(db_.c_str(), 0644), 0);
  RunResult r = RunRegdiff({"--db", db_, "search", "1C909"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("stale"), std::string::npos) << r.err;
  RunResult check = RunRegdiff({"--db", db_, "check", "--json"});
  EXPECT_NE(check.out.find("\"unindexed_texts\": 0"), std::string::npos) << check.out;
}

}  // namespace
}  // namespace regdiff::testing
