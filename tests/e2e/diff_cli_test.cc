// End-to-end `regdiff diff` on the bundled samples: the four comparison
// kinds in the four formats, exit statuses 0/1/2, the demo's Markdown and
// party listing, and the parties of two entity-list announcements.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/json_schema.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

class DiffCliTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    RunResult r = Regdiff({"ingest", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Stores a second version of the No. 18 sample: one HS code replaced, one
  // control code changed. Returns nothing; the source is dir_/v/...
  void IngestTwoVersionsOf18() {
    const std::string path = dir_ + "/v/mofcom-gacc-2025-18.zh.html";
    std::string html = ReadFileOrDie(SamplesDir() + "/mofcom-gacc-2025-18.zh.html");
    WriteFileOrDie(path, html);
    ASSERT_EQ(Regdiff({"ingest", path}).exit_code, 0);
    for (auto [from, to] : {std::pair<std::string, std::string>{"2846901993", "2846901999"},
                            {"1C908.c", "1C908.d"}}) {
      const size_t at = html.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      html.replace(at, from.size(), to);
    }
    WriteFileOrDie(path, html);
    RunResult r = Regdiff({"ingest", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_NE(r.out.find("new-version"), std::string::npos) << r.out;
  }
};

nlohmann::json Schema() {
  return LoadSchema("diff.schema.json");
}

struct Kind {
  const char* name;
  std::vector<std::string> args;
};

TEST_F(DiffCliTest, FourKindsInFourFormats) {
  IngestTwoVersionsOf18();
  const Kind kinds[] = {
      {"announcements", {"mofcom-gacc-2025-18", "mofcom-gacc-2025-57"}},
      {"versions", {"2025-18@1", "2025-18@2"}},
      {"dates", {"--asof", "2025-04-04", "--asof", "2025-11-09"}},
      {"texts", {"2025-57:zh", "2025-57:en"}},
  };
  const nlohmann::json schema = Schema();
  for (const Kind& k : kinds) {
    for (const char* format : {"terminal", "markdown", "json", "html"}) {
      SCOPED_TRACE(std::string(k.name) + " " + format);
      std::vector<std::string> args = {"diff"};
      args.insert(args.end(), k.args.begin(), k.args.end());
      args.insert(args.end(), {"--format", format});
      RunResult r = Regdiff(args);
      ASSERT_EQ(r.exit_code, 1) << r.err;
      ASSERT_FALSE(r.out.empty());
      EXPECT_EQ(r.out.find('\033'), std::string::npos) << "colour without a terminal";
      if (std::string(format) == "json") {
        nlohmann::json j = nlohmann::json::parse(r.out);
        EXPECT_EQ(j["kind"], k.name);
        EXPECT_EQ(j["differs"], true);
        std::vector<std::string> errors = ValidateJson(schema, j);
        EXPECT_TRUE(errors.empty()) << errors.front();
      }
      if (std::string(format) == "html") {
        EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
        EXPECT_NE(r.out.find("</html>"), std::string::npos);
        EXPECT_EQ(r.out.find("<script"), std::string::npos);
        EXPECT_NE(r.out.find("<svg class=\"timeline\""), std::string::npos);
      }
    }
  }
}

TEST_F(DiffCliTest, AnnouncementsNameTheAddedElements) {
  RunResult r = Regdiff({"diff", "mofcom-gacc-2025-18", "mofcom-gacc-2025-57", "--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["items"]["added"].size(), 15u);
  EXPECT_EQ(j["items"]["removed"].size(), 21u);
  EXPECT_EQ(j["summary"][0]["text"],
            "No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium items (1C909\u20131C913: 15 "
            "codes, 1 HS code on 4 items), effective 2025-11-08; suspended by No. 70 until 2026-11-10.");
  RunResult zh = Regdiff({"diff", "2025-18", "2025-57", "--lang", "zh"});
  ASSERT_EQ(zh.exit_code, 1);
  EXPECT_NE(zh.out.find("2025年第57号公告新增钬、铒、铥、铕、镱相关物项"), std::string::npos) << zh.out;
}

TEST_F(DiffCliTest, VersionsShowTheChangedCodes) {
  IngestTwoVersionsOf18();
  RunResult r = Regdiff({"diff", "2025-18@1", "2025-18@2", "--format", "json", "--text", "--context", "1"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["left"]["version"], 1);
  EXPECT_EQ(j["right"]["version"], 2);
  ASSERT_EQ(j["items"]["changed"].size(), 1u);
  EXPECT_EQ(j["items"]["changed"][0]["key"], "1C902.b");
  ASSERT_EQ(j["items"]["recoded"].size(), 1u);
  EXPECT_EQ(j["items"]["recoded"][0]["right"]["code"], "1C908.d");
  EXPECT_EQ(j["text_diff"]["context"], 1);
  EXPECT_EQ(j["text_diff"]["lines_deleted"], 2);
}

TEST_F(DiffCliTest, TextsCompareTheChineseAndEnglishPages) {
  RunResult r = Regdiff({"diff", "2025-57:zh", "2025-57:en", "--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["left"]["lang"], "zh");
  EXPECT_EQ(j["right"]["lang"], "en");
  EXPECT_FALSE(j["text_diff"].is_null());
  // The bundled pages agree on every fact.
  EXPECT_TRUE(j["items"]["added"].empty());
  EXPECT_TRUE(j["items"]["removed"].empty());
  EXPECT_TRUE(j["items"]["changed"].empty());
}

TEST_F(DiffCliTest, ExitStatusZeroWhenNothingDiffers) {
  EXPECT_EQ(Regdiff({"diff", "2025-57", "mofcom-gacc-2025-57"}).exit_code, 0);
  EXPECT_EQ(Regdiff({"diff", "--asof", "2025-11-09", "--asof", "2025-11-10"}).exit_code, 0);
  RunResult r = Regdiff({"diff", "2025-18", "2025-18", "--format", "json", "--text"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["differs"], false);
}

TEST_F(DiffCliTest, ExitStatusTwoOnErrors) {
  // A second announcement numbered 57 (MOFCOM alone) makes "2025-57" ambiguous.
  WriteFileOrDie(dir_ + "/extra/mofcom-2025-57.txt",
                 "商务部公告2025年第57号\n一、下列技术未经许可不得出口:\n(一)稀土冶炼技术。(管制编码:1E999.a)\n"
                 "二、本公告自公布之日起实施。\n商务部\n2025年10月9日\n");
  ASSERT_EQ(Regdiff({"ingest", dir_ + "/extra"}).exit_code, 0);
  struct Case {
    const char* name;
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {"unknown announcement", {"diff", "2025-99", "2025-57"}, "no announcement matches"},
      {"ambiguous short form", {"diff", "2025-18", "2025-57"}, "ambiguous"},
      {"missing version", {"diff", "2025-18@1", "2025-18@7"}, "no version 7"},
      {"missing language", {"diff", "2025-18:zh", "2025-18:en"}, "no en text"},
      {"unknown language", {"diff", "2025-18:fr", "2025-18:en"}, "unknown language"},
      {"one operand", {"diff", "2025-18"}, "2 required"},
      {"three operands", {"diff", "2025-18", "2025-57", "2025-70"}, "At Most 2"},
      {"dates and announcements", {"diff", "2025-18", "2025-70", "--asof", "2025-04-04", "--asof", "2025-11-09"},
       "no announcements"},
      {"one date", {"diff", "--asof", "2025-11-09"}, "twice"},
      {"bad date", {"diff", "--asof", "2025-13-01", "--asof", "2025-11-09"}, "YYYY-MM-DD"},
      {"text of dates", {"diff", "--asof", "2025-04-04", "--asof", "2025-11-09", "--text"}, "--text"},
      {"bad format", {"diff", "2025-18", "mofcom-gacc-2025-57", "--format", "pdf"}, "format"},
      {"bad lang", {"diff", "2025-18", "mofcom-gacc-2025-57", "--lang", "fr"}, "--lang"},
  };
  for (const Case& c : cases) {
    RunResult r = Regdiff(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.name << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << c.name;
  }
}

TEST_F(DiffCliTest, WritesToAFile) {
  const std::string out = dir_ + "/report.html";
  RunResult r = Regdiff({"diff", "2025-18", "mofcom-gacc-2025-57", "--format", "html", "--out", out});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.empty());
  const std::string html = ReadFileOrDie(out);
  EXPECT_NE(html.find("<tr class=\"added\" id=\"added-1C909.a\" data-code=\"1C909.a\""), std::string::npos);
}

TEST_F(DiffCliTest, HelpDocumentsTheOperandSyntax) {
  RunResult r = Regdiff({"diff", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("DOC:LANG"), std::string::npos);
  EXPECT_NE(r.out.find("DOC@N"), std::string::npos);
  EXPECT_NE(r.out.find("--asof"), std::string::npos);
}

TEST(DiffDemo, PrintsTheHolmiumSummary) {
  const std::string dir = MakeTempDir();
  const std::string build_dir = fs::path(RegdiffBinary()).parent_path().string();
  const std::string cmd = "BUILD_DIR=" + ShellQuote(build_dir) + " DEMO_DB=" + ShellQuote(dir + "/demo.db") +
                          " NO_COLOR=1 " + ShellQuote(SourceDir() + "/tools/demo") + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  fs::remove_all(dir);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
  const size_t md = out.find("# regdiff diff: mofcom-gacc-2025-18 \u2192 mofcom-gacc-2025-57");
  ASSERT_NE(md, std::string::npos) << out;
  EXPECT_NE(out.find("holmium", md), std::string::npos);
  EXPECT_NE(out.find("1C909", md), std::string::npos);
  // Then the party listing of the two entity-list samples.
  const size_t parties = out.find("== regdiff diff mofcom-2025-51 mofcom-2026-12", md);
  ASSERT_NE(parties, std::string::npos) << out;
  EXPECT_NE(out.find("+ watch_list add  斯巴鲁株式会社 (SUBARU Corporation) JP", parties), std::string::npos);
  EXPECT_NE(out.find("3 US entities to the export control list", parties), std::string::npos);
  // And last, a company name screened against the lists on a date.
  const size_t query = out.find("== regdiff query --party", parties);
  ASSERT_NE(query, std::string::npos) << out;
  EXPECT_NE(out.find("LISTED on 2026-03-01: Subaru Corp.", query), std::string::npos) << out;
}

TEST_F(DiffCliTest, EntityListSamplesShowTheirParties) {
  struct Sample {
    const char* file;
    std::vector<std::string> names_en;
    const char* list;
    const char* country;
  } samples[] = {
      {"mofcom-2025-51.zh.html",
       {"Huntington Ingalls Industries, Inc.", "Planate Management Group", "Global Dimensions LLC"},
       "control_list", "US"},
      {"mofcom-2026-12.zh.html", {"SUBARU Corporation"}, "watch_list", "JP"},
  };
  for (const Sample& s : samples) {
    SCOPED_TRACE(s.file);
    RunResult r = Regdiff({"parse", "--json", SamplesDir() + "/" + s.file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json parties = nlohmann::json::parse(r.out)["parties"];
    ASSERT_EQ(parties.size(), s.names_en.size());
    for (size_t i = 0; i < parties.size(); ++i) {
      EXPECT_EQ(parties[i]["name_en"], s.names_en[i]);
      EXPECT_EQ(parties[i]["list"], s.list);
      EXPECT_EQ(parties[i]["action"], "add");
      EXPECT_EQ(parties[i]["country"], s.country);
    }
  }
  // The demo's last command.
  RunResult r = Regdiff({"diff", "mofcom-2025-51", "mofcom-2026-12", "--no-evidence"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("Parties: 1 added, 3 removed, 0 changed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("No. 12 of 2026 adds 20 Japanese entities to the watch list, among them "
                       "SUBARU Corporation (斯巴鲁株式会社)."),
            std::string::npos) << r.out;
}

// Two entity-list announcements ingested from fixture texts: the diff names
// the parties each puts on a list, in every format, with the lines quoted.
class PartyDiffCliTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    RunResult r = Regdiff({"ingest", FixturesDir() + "/zh/mofcom-2025-51.annex.txt",
                           FixturesDir() + "/zh/mofcom-2026-12.portal.txt"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(PartyDiffCliTest, ShowsThePartiesAdded) {
  RunResult r = Regdiff({"diff", "2025-51", "2026-12"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("No. 12 of 2026 adds 20 Japanese entities to the watch list, among them "
                       "SUBARU Corporation (斯巴鲁株式会社)."),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("No. 51 of 2025 adds 3 US entities to the export control list: Huntington "
                       "Ingalls Industries, Inc. (亨廷顿·英格尔斯工业公司)"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Parties: 1 added, 3 removed, 0 changed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+ watch_list add  斯巴鲁株式会社 (SUBARU Corporation) JP"), std::string::npos) << r.out;

  RunResult zh = Regdiff({"diff", "2025-51", "2026-12", "--lang", "zh"});
  // The count is the one the text states (等20家), kept by the store.
  EXPECT_NE(zh.out.find("2026年第12号公告将斯巴鲁株式会社（SUBARU Corporation）等20家日本实体列入关注名单。"),
            std::string::npos) << zh.out;

  RunResult md = Regdiff({"diff", "2025-51", "2026-12", "--format", "markdown"});
  EXPECT_NE(md.out.find("| added | watch_list | add | 斯巴鲁株式会社 | SUBARU Corporation | JP |"),
            std::string::npos) << md.out;
  RunResult html = Regdiff({"diff", "2025-51", "2026-12", "--format", "html"});
  EXPECT_NE(html.out.find("<section id=\"parties\">"), std::string::npos);

  RunResult json = Regdiff({"diff", "2025-51", "2026-12", "--format", "json"});
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_TRUE(ValidateJson(Schema(), j).empty());
  ASSERT_EQ(j["parties"]["added"].size(), 1u);
  EXPECT_EQ(j["parties"]["added"][0]["name_en"], "SUBARU Corporation");
  EXPECT_EQ(j["parties"]["added"][0]["list"], "watch_list");
  EXPECT_EQ(j["parties"]["added"][0]["key"], "斯巴鲁");  // Party::key: company form folded
  EXPECT_EQ(j["parties"]["removed"].size(), 3u);
  EXPECT_EQ(j["summary"][0]["evidence"][0]["what"], "party");
}

TEST_F(PartyDiffCliTest, OneAnnouncementAgainstItselfHasNoPartyDifferences) {
  RunResult r = Regdiff({"diff", "2026-12", "2026-12", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["parties"]["added"].empty());
  EXPECT_TRUE(j["parties"]["removed"].empty());
}

}  // namespace
}  // namespace regdiff::testing
