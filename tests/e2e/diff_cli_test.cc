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

// --color as git has it: auto (a terminal without NO_COLOR; these tests run
// with NO_COLOR set and no terminal), always, never.
TEST_F(DiffCliTest, ColorIsAutoAlwaysOrNever) {
  const std::string kEscape = "\x1b[";
  RunResult automatic = Regdiff({"diff", "2025-18", "2025-57"});
  EXPECT_EQ(automatic.out.find(kEscape), std::string::npos);
  RunResult always = Regdiff({"--color", "always", "diff", "2025-18", "2025-57"});
  EXPECT_NE(always.out.find(kEscape), std::string::npos) << always.out.substr(0, 200);
  RunResult never = Regdiff({"--color=never", "diff", "2025-18", "2025-57"});
  EXPECT_EQ(never.out, automatic.out);
  RunResult bad = Regdiff({"--color", "sometimes", "list"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--color"), std::string::npos) << bad.err;
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

// No. 57 does not repeat No. 18's items and does not repeal, suspend or
// replace No. 18: every format says they are listed by No. 18 only and stay
// as they were, none calls them removed.
TEST_F(DiffCliTest, TwoAnnouncementsNeverCallItemsTheSecondDoesNotRepeatRemoved) {
  struct Case {
    const char* format;
    std::vector<std::string> expected;
  } cases[] = {
      {"markdown",
       {"No. 57 of 2025: 15 added, 0 changed, 0 recoded. Listed by No. 18 of 2025 only: 21 (as they were: No. "
        "57 of 2025 does not end them).",
        "| listed by No. 18 of 2025 only (as they were) | 1C902.a | Sm |", "| added by No. 57 of 2025 | 1C909.a |"}},
      {"terminal", {"listed by No. 18 of 2025 only (as they were):\n    = 1C902.a  {Sm}"}},
      {"html", {"<tr class=\"left-only\" id=\"left-only-1C902.a\""}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.format);
    RunResult r = Regdiff({"diff", "2025-18", "2025-57", "--format", c.format});
    ASSERT_EQ(r.exit_code, 1) << r.err;
    for (const std::string& e : c.expected) EXPECT_NE(r.out.find(e), std::string::npos) << e << "\n" << r.out;
    for (const char* wrong : {"removed 1C902", "| removed |", "21 removed", "class=\"removed\""})
      EXPECT_EQ(r.out.find(wrong), std::string::npos) << wrong;
  }
  RunResult json = Regdiff({"diff", "2025-18", "2025-57", "--format", "json"});
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["items"]["removed"].size(), 21u) << "the JSON keeps its structural lists";
  EXPECT_EQ(j["items"]["left_only"]["outcome"], "as_they_were");
  EXPECT_EQ(j["items"]["left_only"]["by"], "mofcom-gacc-2025-57");
  // The dates compared keep their own meaning: removed is a state there.
  RunResult dates = Regdiff({"diff", "2025-57", "2025-18", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(dates.out)["items"]["left_only"]["outcome"], "as_they_were");
}

// No. 70 suspends No. 57: the items of No. 57 it does not list are
// suspended by it, from its effective date until the date it names.
TEST_F(DiffCliTest, TheSecondAnnouncementSuspendingTheFirstSuspendsItsItems) {
  RunResult md = Regdiff({"diff", "2025-57", "2025-70", "--format", "markdown"});
  ASSERT_EQ(md.exit_code, 1) << md.err;
  EXPECT_NE(md.out.find("| suspended by No. 70 of 2025 from 2025-11-07 until 2026-11-10 | 1C909.a |"),
            std::string::npos) << md.out;
  EXPECT_NE(md.out.find("No. 70 of 2025 suspends No. 57 of 2025 from 2025-11-07 until 2026-11-10, and with it"),
            std::string::npos) << md.out;
  RunResult json = Regdiff({"diff", "2025-57", "2025-70", "--format", "json"});
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["items"]["left_only"]["outcome"], "suspended");
  EXPECT_EQ(j["items"]["left_only"]["relation"], "suspends");
  EXPECT_EQ(j["items"]["left_only"]["until"], "2026-11-10");
  EXPECT_TRUE(ValidateJson(Schema(), j).empty());
}

TEST_F(DiffCliTest, ItemNamesFollowTheLanguageAskedFor) {
  struct Case {
    const char* lang;
    std::string expected;
  } cases[] = {
      // The English text of No. 57 is stored: its names are shown.
      {"en", "| 1C909.a | Ho | Holmium metal, alloys and related products |"},
      // No English text of No. 18: its names as printed.
      {"en", "| 1C902.a | Sm | 金属钐、含钐的合金及相关制品 |"},
      {"zh", "| 1C909.a | Ho | 金属钬、含钬的合金及相关制品 |"},
  };
  for (const Case& c : cases) {
    RunResult r = Regdiff({"diff", "2025-18", "2025-57", "--format", "markdown", "--lang", c.lang});
    EXPECT_NE(r.out.find(c.expected), std::string::npos) << c.lang << ": " << c.expected << "\n" << r.out;
  }
}

TEST_F(DiffCliTest, ChineseReportsAreChineseInEveryFormat) {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> expected;
  } cases[] = {
      {{"diff", "2025-18", "2025-57", "--lang", "zh", "--format", "markdown"},
       {"## 摘要", "## 物项", "| 变化 | 管制编码 | 元素 | 名称 | 海关商品编号 |", "……另有12行物项原文（见“物项”）",
        "| 仅2025年第18号公告列入（维持原状） | 1C902.a |"}},
      {{"diff", "2025-18", "2025-57", "--lang", "zh"}, {"摘要\n", "物项：", "有差异。"}},
      {{"diff", "--asof", "2025-06-01", "--asof", "2026-01-01", "--lang", "zh", "--format", "html"},
       {"<html lang=\"zh\">", "<h2>状态变化</h2>", "<td class=\"change\">新列入</td>", "<h2>时间线</h2>"}},
  };
  for (const Case& c : cases) {
    RunResult r = Regdiff(c.args);
    ASSERT_EQ(r.exit_code, 1) << r.err;
    for (const std::string& e : c.expected) EXPECT_NE(r.out.find(e), std::string::npos) << e;
    // What a reader sees: the text outside tags and the style sheet (class
    // names and data attributes are for machines).
    std::string seen;
    const size_t style_end = r.out.find("</style>");
    bool in_tag = false;
    for (char ch : r.out.substr(style_end == std::string::npos ? 0 : style_end)) {
      if (ch == '<') in_tag = true;
      else if (ch == '>') in_tag = false;
      else if (!in_tag) seen += ch;
    }
    for (const char* english : {"Summary", "Items", "added", "removed", "more item lines", "newly_listed"})
      EXPECT_EQ(seen.find(english), std::string::npos) << english;
  }
}

// The date diff of the samples: the No. 70 suspension governs seventeen
// status changes, and its words are on the page once.
TEST_F(DiffCliTest, TheHtmlDateDiffQuotesEachSentenceOnce) {
  RunResult r = Regdiff({"diff", "--asof", "2025-06-01", "--asof", "2026-01-01", "--format", "html"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const std::string quote = "商务部、海关总署公告2025年第55号、56号、57号、58号,及商务部公告2025年第61号、62号暂停实施";
  size_t n = 0;
  for (size_t p = 0; (p = r.out.find(quote, p)) != std::string::npos; p += quote.size()) ++n;
  EXPECT_EQ(n, 1u);
  EXPECT_LT(r.out.find("<section id=\"timeline\">"), r.out.find("<section id=\"summary\">"));
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
  const RunResult run = RunShell(cmd);
  const std::string& out = run.out;
  fs::remove_all(dir);
  EXPECT_EQ(run.exit_code, 0) << out;
  const size_t md = out.find("# regdiff diff: mofcom-gacc-2025-18 \u2192 mofcom-gacc-2025-57");
  ASSERT_NE(md, std::string::npos) << out;
  EXPECT_NE(out.find("holmium", md), std::string::npos);
  EXPECT_NE(out.find("1C909", md), std::string::npos);
  // Then the party listing of the two entity-list samples.
  const size_t parties = out.find("== regdiff diff mofcom-2025-51 mofcom-2026-12", md);
  ASSERT_NE(parties, std::string::npos) << out;
  EXPECT_NE(out.find("+ only in No. 12 of 2026: put on the watch list  斯巴鲁株式会社 (SUBARU Corporation) JP",
                     parties),
            std::string::npos);
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
  EXPECT_NE(r.out.find("Parties: 1 only in No. 12 of 2026, 3 only in No. 51 of 2025, 0 changed."),
            std::string::npos) << r.out;
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
  EXPECT_NE(r.out.find("Parties: 1 only in No. 12 of 2026, 3 only in No. 51 of 2025, 0 changed."),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+ only in No. 12 of 2026: put on the watch list  斯巴鲁株式会社 (SUBARU Corporation) JP"),
            std::string::npos) << r.out;

  RunResult zh = Regdiff({"diff", "2025-51", "2026-12", "--lang", "zh"});
  // The count is the one the text states (等20家), kept by the store.
  EXPECT_NE(zh.out.find("2026年第12号公告将斯巴鲁株式会社（SUBARU Corporation）等20家日本实体列入关注名单。"),
            std::string::npos) << zh.out;

  RunResult md = Regdiff({"diff", "2025-51", "2026-12", "--format", "markdown"});
  EXPECT_NE(md.out.find("| only in No. 12 of 2026 | the watch list | put on | 斯巴鲁株式会社 | SUBARU Corporation | JP |"),
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
