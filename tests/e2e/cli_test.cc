// End-to-end behaviour of the regdiff binary on a temporary database: ingest
// of the bundled samples, idempotence, list/show/parse, and bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "corpus/store.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

using CliTest = DbFixture;

// A short announcement of our own, in the structure of the real ones.
const char kSmallAnnouncement[] =
    "商务部公告2025年第62号\n"
    "一、下列技术未经许可不得出口：\n"
    "（一）稀土冶炼分离相关技术。（管制编码：1E902.a）\n"
    "二、本公告自公布之日起实施。\n"
    "商务部\n"
    "2025年10月9日\n";

TEST_F(CliTest, IngestsTheSamplesAndListsThem) {
  RunResult r = Regdiff({"ingest", SamplesDir()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("new"), std::string::npos);
  EXPECT_NE(r.out.find("mofcom-gacc-2025-57"), std::string::npos);

  RunResult list = Regdiff({"list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* id : {"mofcom-gacc-2025-18", "mofcom-gacc-2025-57", "mofcom-2025-61",
                         "mofcom-2025-62", "mofcom-gacc-2025-70"}) {
    EXPECT_NE(list.out.find(id), std::string::npos) << id << " missing from:\n" << list.out;
  }
}

TEST_F(CliTest, ListPrintsAlignedTextMarkdownAndCsv) {
  ASSERT_EQ(Regdiff({"ingest", SamplesDir()}).exit_code, 0);
  RunResult text = Regdiff({"list"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  // Every title starts where the TITLE heading does.
  const size_t title_at = text.out.find("TITLE");
  ASSERT_NE(title_at, std::string::npos) << text.out;
  size_t rows = 0;
  for (size_t begin = text.out.find('\n') + 1; begin < text.out.size(); ++rows) {
    const size_t end = text.out.find('\n', begin);
    const std::string line = text.out.substr(begin, end - begin);
    ASSERT_GT(line.size(), title_at) << line;
    EXPECT_EQ(line[title_at - 1], ' ') << line;
    EXPECT_NE(line[title_at], ' ') << line;
    begin = end + 1;
  }
  EXPECT_GE(rows, 5u);

  RunResult csv = Regdiff({"list", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("DOC_ID,LANG,PUBLISHED,ITEMS,PARTIES,TITLE\r\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\r\nmofcom-gacc-2025-18,zh,2025-04-04,"), std::string::npos) << csv.out;
  RunResult md = Regdiff({"list", "--format", "markdown"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out.rfind("| DOC\\_ID | LANG | PUBLISHED | ITEMS | PARTIES | TITLE |\n|---|", 0), 0u) << md.out;
  EXPECT_NE(md.out.find("\n| mofcom-gacc-2025-18 | zh | 2025-04-04 | "), std::string::npos) << md.out;
  EXPECT_EQ(Regdiff({"list", "--format", "xml"}).exit_code, 2);
}

TEST_F(CliTest, SecondIngestReportsEveryFileUnchangedAndAddsNoRow) {
  ASSERT_EQ(Regdiff({"ingest", SamplesDir()}).exit_code, 0);
  TableCounts before = Counts();
  RunResult again = Regdiff({"ingest", SamplesDir()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  size_t lines = 0, unchanged = 0;
  for (size_t pos = 0; (pos = again.out.find('\n', pos)) != std::string::npos; ++pos) ++lines;
  for (size_t pos = 0; (pos = again.out.find("unchanged", pos)) != std::string::npos; ++pos)
    ++unchanged;
  EXPECT_GT(lines, 0u);
  EXPECT_EQ(unchanged, lines) << again.out;
  EXPECT_EQ(Counts(), before);
}

TEST_F(CliTest, ChangedBytesAddANewVersionAndKeepTheOld) {
  std::string path = WriteInput("a.txt", kSmallAnnouncement);
  ASSERT_EQ(Regdiff({"ingest", path}).exit_code, 0);
  WriteFileOrDie(path, std::string(kSmallAnnouncement) + "（二）稀土金属冶炼相关技术。（管制编码：1E902.b）\n");
  RunResult r = Regdiff({"ingest", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("new-version"), std::string::npos) << r.out;
  TableCounts c = Counts();
  EXPECT_EQ(c.snapshots, 2);
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.source_versions, 2);
}

TEST_F(CliTest, ShowListsTheItemsOfNo57WithElementsAndEffectiveDate) {
  ASSERT_EQ(Regdiff({"ingest", SamplesDir()}).exit_code, 0);
  RunResult r = Regdiff({"show", "mofcom-gacc-2025-57"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* code : {"1C909", "1C910", "1C911", "1C912", "1C913"})
    EXPECT_NE(r.out.find(code), std::string::npos) << code;
  for (const char* el : {"{Ho}", "{Er}", "{Tm}", "{Eu}", "{Yb}"})
    EXPECT_NE(r.out.find(el), std::string::npos) << el;
  EXPECT_NE(r.out.find("2025-11-08"), std::string::npos);
}

TEST_F(CliTest, ShowAcceptsAShortFormAndJson) {
  ASSERT_EQ(Regdiff({"ingest", SamplesDir()}).exit_code, 0);
  RunResult r = Regdiff({"show", "2025-18", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\": \"mofcom-gacc-2025-18\""), std::string::npos);
  EXPECT_NE(r.out.find("1C908.c"), std::string::npos);
}

TEST_F(CliTest, ShowOfAnUnknownDocumentFailsWithAMessage) {
  ASSERT_EQ(Regdiff({"ingest", SamplesDir()}).exit_code, 0);
  RunResult r = Regdiff({"show", "2031-999"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2031-999"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;  // nothing is close
  // A slip in a stored id is answered with the id.
  RunResult slip = Regdiff({"show", "mofcom-gac-2025-57"});
  EXPECT_EQ(slip.exit_code, 1);
  EXPECT_NE(slip.err.find("did you mean 'mofcom-gacc-2025-57'?"), std::string::npos) << slip.err;
  RunResult diff = Regdiff({"diff", "2025-18", "2025-577"});
  EXPECT_NE(diff.err.find("did you mean 'mofcom-gacc-2025-57'?"), std::string::npos) << diff.err;
}

TEST_F(CliTest, ParsePrintsTheJsonContract) {
  RunResult r = RunRegdiff({"parse", SamplesDir() + "/mofcom-gacc-2025-70.zh.html", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* key : {"\"doc_id\"", "\"issuers\"", "\"year\"", "\"number\"", "\"lang\"",
                          "\"title\"", "\"published\"", "\"effective\"", "\"items\"",
                          "\"relations\"", "\"evidence\""})
    EXPECT_NE(r.out.find(key), std::string::npos) << key;
  EXPECT_NE(r.out.find("\"until\": \"2026-11-10\""), std::string::npos);
}

TEST_F(CliTest, ParseExplainsEachFactAndWhatItPassedOver) {
  std::string path = WriteInput("a.txt", kSmallAnnouncement);
  RunResult text = Regdiff({"parse", path, "--explain"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("doc_id     mofcom-2025-62"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("rule:"), std::string::npos);
  EXPECT_NE(text.out.find("Passed over:"), std::string::npos);

  RunResult json = Regdiff({"parse", path, "--explain", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["doc_id"], "mofcom-2025-62");
  int facts = 0;
  for (const auto& e : j["explanation"]) {
    if (!e["accepted"].get<bool>()) continue;
    ++facts;
    EXPECT_FALSE(e["rule"].get<std::string>().empty()) << e.dump();
  }
  EXPECT_EQ(facts, 4) << json.out;  // doc_id, published, effective, item 1E902.a
}

// Usage errors say what was wrong and what was probably meant, as git does;
// help is a command too.
TEST_F(CliTest, UsageErrorsNameTheMistakeAndTheClosestKnownWord) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"lst"}, "'lst' is not a regdiff command; did you mean 'list'?"},
      {{}, "a command is required"},
      {{"--dbb", "x.db", "list"}, "unknown option '--dbb'; did you mean '--db'?"},
      {{"diff", "--fromat", "json", "2025-18", "2025-57"},
       "regdiff diff: unknown option '--fromat'; did you mean '--format'?"},
      {{"asof", "--evidance", "2025-01-01"}, "did you mean '--evidence'?"},
      {{"help", "lsit"}, "no command 'lsit'; did you mean 'list'?"},
      {{"diff", "a", "b", "c"}, "regdiff diff: DOCS: At Most 2"},
  };
  for (const Case& c : cases) {
    RunResult r = RunRegdiff(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  // The whole list of commands where none was given.
  EXPECT_NE(RunRegdiff({}).err.find("  timeline"), std::string::npos);
}

TEST_F(CliTest, HelpIsACommand) {
  RunResult all = RunRegdiff({"help"});
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_NE(all.out.find("Usage: regdiff"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("timeline"), std::string::npos);
  RunResult one = RunRegdiff({"help", "diff"});
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_NE(one.out.find("Usage: regdiff diff"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("--format"), std::string::npos);
  EXPECT_EQ(one.out, RunRegdiff({"help", "diff"}).out);
}

TEST_F(CliTest, ParseReadsStandardInputForADash) {
  const std::string file = SamplesDir() + "/mofcom-gacc-2025-70.zh.html";
  RunResult from_file = RunRegdiff({"parse", file, "--json"});
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  RunResult from_stdin = RunRegdiffWithInput({"parse", "-", "--json"}, ReadFileOrDie(file));
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
  RunResult empty = RunRegdiffWithInput({"parse", "-"}, "");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.err.find("standard input"), std::string::npos) << empty.err;
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunRegdiff({"parse"}).exit_code, 2);
  EXPECT_EQ(RunRegdiff({"no-such-command"}).exit_code, 2);
  RunResult help = RunRegdiff({"ingest", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Files or directories"), std::string::npos);
  RunResult version = RunRegdiff({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("regdiff"), std::string::npos);
}

}  // namespace
}  // namespace regdiff::testing
