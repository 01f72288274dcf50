// One document per text (issue #20): the same bytes at a second path are an
// alias of the first, listed once and never counted as another match; a
// page regdiff wrote itself, or one the parser rejects, is skipped, not
// stored; and `forget` removes a text so that every answer is as if it had
// never been ingested.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

const std::string k57 = "mofcom-gacc-2025-57.zh.html";
const std::string k70 = "mofcom-gacc-2025-70.zh.html";

// The sample files, by name, each a path in corpus/samples.
std::vector<std::string> Samples(const std::vector<std::string>& leave_out = {}) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(SamplesDir())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".html") continue;
    bool left_out = false;
    for (const std::string& l : leave_out) left_out = left_out || name == l;
    if (!left_out) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class IdentityTest : public DbFixture {
 protected:
  // The lines of `list` naming `doc_id`.
  size_t ListRows(const std::string& doc_id) {
    RunResult r = Regdiff({"list"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return LinesContaining(r.out, doc_id).size();
  }
};

TEST_F(IdentityTest, SameBytesAtASecondPathAreAnAliasListedOnceAndNeverAnotherMatch) {
  ASSERT_EQ(Ingest(Samples()).exit_code, 0);
  const std::string copy = WriteInput("mirror/copy-of-57.html",
                                      ReadFileOrDie(SamplesDir() + "/" + k57));
  RunResult r = Ingest({copy});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(LinesContaining(r.out, "alias").size(), 1u) << r.out;
  EXPECT_NE(r.err.find("1 alias(es)"), std::string::npos) << r.err;
  // Read again: unchanged, still no second source.
  RunResult again = Ingest({copy});
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;

  EXPECT_EQ(ListRows("mofcom-gacc-2025-57"), 2u) << "the zh and the en text, each once";
  RunResult show = Regdiff({"show", "2025-57"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(LinesContaining(show.out, "alias:").size(), 1u) << show.out;
  EXPECT_NE(show.out.find(copy), std::string::npos) << show.out;
  RunResult diff = Regdiff({"diff", "2025-18", "2025-57"});
  EXPECT_EQ(diff.exit_code, 1) << diff.err;
  EXPECT_EQ(diff.err.find("matches"), std::string::npos) << diff.err;
  EXPECT_EQ(Counts().sources, static_cast<int64_t>(Samples().size()));
}

TEST_F(IdentityTest, TwoCopiesInOneRunAreOneDocument) {
  const std::string bytes = ReadFileOrDie(SamplesDir() + "/" + k57);
  WriteInput("a/57.html", bytes);
  WriteInput("b/57.html", bytes);
  WriteInput("c/57.html", bytes);
  RunResult r = Ingest({dir_ + "/in"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ListRows("mofcom-gacc-2025-57"), 1u);
  RunResult show = Regdiff({"show", "2025-57", "--json"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("\"aliases\""), std::string::npos) << show.out;
  EXPECT_EQ(LinesContaining(show.out, "\"locator\"").size(), 2u) << show.out;
  const TableCounts counts = Counts();
  EXPECT_EQ(counts.sources, 1);
  EXPECT_EQ(counts.aliases, 3);
  EXPECT_EQ(counts.documents, 1);
}

TEST_F(IdentityTest, RegdiffsOwnHtmlReportIsSkippedNotStored) {
  const std::string in = dir_ + "/in/pages";
  fs::create_directories(in);
  for (const std::string& path : Samples()) fs::copy_file(path, in + "/" + fs::path(path).filename().string());
  ASSERT_EQ(Ingest({in}).exit_code, 0);
  const TableCounts before = Counts();
  RunResult report = Regdiff({"diff", "2025-18", "2025-57", "--format", "html", "--out",
                              in + "/r.html"});
  ASSERT_EQ(report.exit_code, 1) << report.err;

  RunResult r = Ingest({in});
  EXPECT_EQ(r.exit_code, 0) << "a skipped page is no failure: " << r.err;
  const std::vector<std::string> lines = LinesContaining(r.err, in + "/r.html");
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_NE(lines[0].find("skipped: not an announcement"), std::string::npos) << lines[0];
  EXPECT_NE(r.err.find("1 skipped (not an announcement)"), std::string::npos) << r.err;
  EXPECT_EQ(Counts(), before);
  RunResult list = Regdiff({"list"});
  for (const std::string& line : LinesContaining(list.out, " zh ")) {
    EXPECT_NE(line.rfind("mofcom", 0), std::string::npos) << "no unnumbered row: " << line;
  }
}

TEST_F(IdentityTest, APageTheParserRejectsIsSkippedAndARunOfOnlySuchPagesFindsNothing) {
  const std::string index = WriteInput("site/index.html",
                                       "<html><body><ul><li><a href=\"/a\">首页</a></li>"
                                       "<li><a href=\"/b\">联系我们</a></li></ul></body></html>");
  RunResult alone = Ingest({index});
  EXPECT_EQ(alone.exit_code, 1) << "nothing found";
  EXPECT_NE(alone.err.find("skipped: not an announcement"), std::string::npos) << alone.err;
  RunResult with_one = Ingest({index, SamplesDir() + "/" + k57});
  EXPECT_EQ(with_one.exit_code, 0) << with_one.err;
  EXPECT_EQ(Counts().documents, 1);
}

TEST_F(IdentityTest, ForgetDryRunPrintsWhatWouldGoAndChangesNothing) {
  ASSERT_EQ(Ingest(Samples()).exit_code, 0);
  const std::string copy = WriteInput("copy.html", ReadFileOrDie(SamplesDir() + "/" + k70));
  ASSERT_EQ(Ingest({copy}).exit_code, 0);
  const TableCounts before = Counts();
  const std::string asof = Regdiff({"asof", "2025-12-01", "--json"}).out;
  RunResult r = Regdiff({"forget", "2025-70", "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("would forget mofcom-gacc-2025-70"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("alias:  " + copy), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing changed"), std::string::npos) << r.out;
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(Regdiff({"asof", "2025-12-01", "--json"}).out, asof);
}

TEST_F(IdentityTest, ForgetUnknownOrAmbiguousChangesNothing) {
  ASSERT_EQ(Ingest(Samples()).exit_code, 0);
  const TableCounts before = Counts();
  RunResult none = Regdiff({"forget", "1999-1"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no announcement"), std::string::npos) << none.err;
  RunResult none_path = Regdiff({"forget", dir_ + "/in/never-ingested.html"});
  EXPECT_EQ(none_path.exit_code, 1);
  RunResult partial = Regdiff({"forget", "2025"});  // the end of no doc_id
  EXPECT_EQ(partial.exit_code, 1);
  EXPECT_EQ(Counts(), before);
}

// What `forget` must leave: every answer of a database that never held the
// forgotten text.
class ForgetTest : public DbFixture {
 protected:
  std::vector<std::vector<std::string>> Questions() {
    std::vector<std::vector<std::string>> q;
    for (const char* date : {"2025-04-04", "2025-10-09", "2025-11-08", "2025-12-01",
                             "2026-03-01", "2026-12-01"}) {
      q.push_back({"asof", date, "--json"});
    }
    q.push_back({"query", "--hs", "28053019", "--date", "2025-12-01", "--json"});
    q.push_back({"query", "--party", "SUBARU Corporation", "--date", "2026-03-01", "--json"});
    q.push_back({"timeline", "1C909.a"});
    q.push_back({"list", "--json"});
    q.push_back({"export", "--as-of", "2025-12-01"});
    return q;
  }

  // The answers of `db` to Questions(), without the times the sources were
  // read and the last ingest (the two databases read them at different
  // times).
  std::vector<std::string> Answers(const std::string& db) {
    std::vector<std::string> out;
    for (std::vector<std::string> args : Questions()) {
      args.insert(args.begin(), {"--db", db});
      RunResult r = RunRegdiff(args);
      std::string answer = std::to_string(r.exit_code) + "\n";
      for (size_t start = 0; start < r.out.size();) {
        size_t end = r.out.find('\n', start);
        end = end == std::string::npos ? r.out.size() : end + 1;
        const std::string line = r.out.substr(start, end - start);
        if (line.find("\"retrieved_at\"") == std::string::npos &&
            line.find("\"last_ingest\"") == std::string::npos)
          answer += line;
        start = end;
      }
      out.push_back(std::move(answer));
    }
    return out;
  }

  void ExpectSameAnswers(const std::string& forgotten_db, const std::string& never_db) {
    const std::vector<std::string> a = Answers(forgotten_db), b = Answers(never_db);
    const auto q = Questions();
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[i]) << q[i][0] << " " << q[i][1];
  }
};

TEST_F(ForgetTest, ForgettingAnAnnouncementAnswersAsIfItWasNeverIngested) {
  ASSERT_EQ(Ingest(Samples()).exit_code, 0);
  // Consolidated before the forget: the update must follow, key by key.
  ASSERT_EQ(Regdiff({"asof", "2025-12-01"}).exit_code, 0);
  RunResult r = Regdiff({"forget", "2025-70"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("forgot mofcom-gacc-2025-70"), std::string::npos) << r.out;

  const std::string never = dir_ + "/never.db";
  ASSERT_EQ(RunRegdiff([&] {
              std::vector<std::string> args = {"--db", never, "ingest"};
              for (const std::string& p : Samples({k70})) args.push_back(p);
              return args;
            }())
                .exit_code,
            0);
  ExpectSameAnswers(db_, never);
  const TableCounts forgotten = Counts();
  auto store = AnnouncementStore::Open(never);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(forgotten, *(*store)->Counts());
}

TEST_F(ForgetTest, ForgettingByPathTakesTheTextWithItsAliases) {
  ASSERT_EQ(Ingest(Samples()).exit_code, 0);
  const std::string copy = WriteInput("copy-of-57.html", ReadFileOrDie(SamplesDir() + "/" + k57));
  ASSERT_EQ(Ingest({copy}).exit_code, 0);
  // By the alias's path: the text it carries goes, the English text stays.
  RunResult r = Regdiff({"forget", copy});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("forgot mofcom-gacc-2025-57 (zh)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("(en)"), std::string::npos) << r.out;

  const std::string never = dir_ + "/never.db";
  std::vector<std::string> args = {"--db", never, "ingest"};
  for (const std::string& p : Samples({k57})) args.push_back(p);
  ASSERT_EQ(RunRegdiff(args).exit_code, 0);
  ExpectSameAnswers(db_, never);
  // And the path can be ingested again from scratch.
  RunResult back = Ingest({copy});
  EXPECT_NE(back.out.find("new "), std::string::npos) << back.out;
}

}  // namespace
}  // namespace regdiff::testing
