// Rule files and look-ups for other systems (issue 7), end to end on the
// bundled samples: exports validate against their schemas and are
// byte-identical when repeated, deltas list what changed between two dates,
// CSV is readable by Python's csv module, query exit codes serve scripts and
// search finds Chinese and English substrings.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "tests/e2e/samples_db.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

using ExportTest = SamplesDbSuite;

TEST_F(ExportTest, JsonExportValidatesAgainstTheRulesSchema) {
  RunResult r = Run({"export", "--as-of", "2025-11-09"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json doc = Json::parse(r.out);
  ExpectMatchesSchema("rules.schema.json", doc);
  EXPECT_EQ(doc["as_of"], "2025-11-09");
  EXPECT_EQ(doc["schema"], "regdiff.rules/1");
  EXPECT_FALSE(doc.contains("generated_at"));
  bool seen = false;
  for (const auto& rule : doc["rules"]) {
    if (rule["code"] == "1C909.a") {
      seen = true;
      EXPECT_EQ(rule["hs_code"], "28053019");
      EXPECT_EQ(rule["status"], "suspended");
      EXPECT_EQ(rule["suspensions"][0]["until"], "2026-11-10");
      EXPECT_EQ(rule["suspensions"][0]["by"], "mofcom-gacc-2025-70");
    }
  }
  EXPECT_TRUE(seen);
  for (const auto& source : doc["sources"]) EXPECT_EQ(source["sha256"].get<std::string>().size(), 64u);
}

TEST_F(ExportTest, JsonLinesStartWithAHeaderAndEveryRuleValidates) {
  RunResult r = Run({"export", "--as-of", "2026-11-11", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<Json> lines;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\n', start);
    lines.push_back(Json::parse(r.out.substr(start, end - start)));
    start = end + 1;
  }
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines[0]["type"], "header");
  Json schema = LoadSchema("rules.schema.json");
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i]["type"], "rule");
    EXPECT_TRUE(ValidateJson(schema["$defs"]["rule"], lines[i]).empty()) << lines[i].dump();
  }
}

TEST_F(ExportTest, TheSameCorpusExportsTheSameBytes) {
  for (const char* format : {"json", "jsonl", "csv"}) {
    RunResult a = Run({"export", "--as-of", "2026-11-11", "--format", format});
    RunResult b = Run({"export", "--as-of", "2026-11-11", "--format", format});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << format;
  }
}

TEST_F(ExportTest, StampAddsTheGenerationTime) {
  RunResult r = Run({"export", "--as-of", "2026-11-11", "--stamp"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Json::parse(r.out).contains("generated_at"));
}

TEST_F(ExportTest, DeltaBetweenTwoDatesAddsNo57And62AsSuspended) {
  RunResult r = Run({"export", "--delta", "2025-04-04", "2025-11-09"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json delta = Json::parse(r.out);
  ExpectMatchesSchema("delta.schema.json", delta);
  std::set<std::string> added;
  for (const auto& c : delta["changes"]) {
    EXPECT_EQ(c["op"], "ADD") << c.dump();
    added.insert(c["key"].get<std::string>());
    EXPECT_EQ(c["after"]["status"], "suspended");
  }
  for (const char* code : {"1C909.a", "1C913.c", "1E902.a", "1E902.b"}) EXPECT_TRUE(added.count(code)) << code;
  EXPECT_FALSE(added.count("1C902.a"));  // unchanged since 2025-04-04
}

TEST_F(ExportTest, DeltaWhenASuspensionRunsOutIsAModification) {
  RunResult r = Run({"export", "--delta", "2025-11-09", "2026-11-11", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json delta = Json::parse(r.out);
  ASSERT_FALSE(delta["changes"].empty());
  for (const auto& c : delta["changes"]) {
    EXPECT_EQ(c["op"], "MOD");
    EXPECT_EQ(c["before"]["status"], "suspended");
    EXPECT_EQ(c["after"]["status"], "in_force");
    EXPECT_EQ(c["after"]["basis"], "inferred");
  }
}

TEST_F(ExportTest, DeltaBetweenTwoExportFilesEqualsDeltaBetweenDates) {
  std::string a = *dir_ + "/a.json", b = *dir_ + "/b.json";
  ASSERT_EQ(Run({"export", "--as-of", "2025-04-04", "--out", a}).exit_code, 0);
  ASSERT_EQ(Run({"export", "--as-of", "2025-11-09", "--out", b}).exit_code, 0);
  RunResult files = Run({"export", "--delta-files", a, b});
  RunResult dates = Run({"export", "--delta", "2025-04-04", "2025-11-09"});
  ASSERT_EQ(files.exit_code, 0) << files.err;
  EXPECT_EQ(files.out, dates.out);
}

TEST_F(ExportTest, CsvIsReadByPythonsCsvModule) {
  std::string path = *dir_ + "/rules.csv";
  ASSERT_EQ(Run({"export", "--as-of", "2026-11-11", "--format", "csv", "--excel", "--out", path})
                .exit_code,
            0);
  std::string bytes = ReadFileOrDie(path);
  ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");  // the BOM Excel needs
  std::string script =
      "import csv,sys\n"
      "rows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\n"
      "r=[x for x in rows if x['code']=='1C909.a'][0]\n"
      "assert r['hs_code']=='28053019', r\n"
      "assert r['name_zh'].startswith('金属钬'), r['name_zh']\n"
      "assert ',' in r['name_en'], r['name_en']\n"
      "print(len(rows))\n";
  std::string py = *dir_ + "/check.py";
  WriteFileOrDie(py, script);
  std::string cmd = "python3 " + ShellQuote(py) + " " + ShellQuote(path) + " > " +
                    ShellQuote(*dir_ + "/py.out") + " 2>&1";
  int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << ReadFileOrDie(*dir_ + "/py.out");
}

TEST_F(ExportTest, QueryExitCodesTellScriptsWhetherSomethingIsControlled) {
  EXPECT_EQ(Run({"query", "--hs", "2805301910", "--date", "2025-04-04"}).exit_code, 0);
  EXPECT_EQ(Run({"query", "--code", "1C909", "--date", "2025-11-09"}).exit_code, 1);  // suspended
  EXPECT_EQ(Run({"query", "--code", "1C909", "--date", "2026-11-11"}).exit_code, 0);
  EXPECT_EQ(Run({"query", "--element", "Ho", "--date", "2025-04-04"}).exit_code, 1);  // not yet
  EXPECT_EQ(Run({"query", "--hs", "9999999999", "--date", "2026-11-11"}).exit_code, 1);
  EXPECT_EQ(Run({"query", "--hs", "12x"}).exit_code, 2);
  EXPECT_EQ(Run({"query"}).exit_code, 2);
}

TEST_F(ExportTest, SearchFindsChineseAndEnglishSubstrings) {
  RunResult zh = Run({"search", "钬"});
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_NE(zh.out.find("mofcom-gacc-2025-57"), std::string::npos);
  RunResult en = Run({"search", "holmium"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("mofcom-gacc-2025-57.en.html"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("Holmium"), std::string::npos);
  RunResult phrase = Run({"search", "暂停实施"});
  EXPECT_NE(phrase.out.find("mofcom-gacc-2025-70"), std::string::npos);
  EXPECT_EQ(Run({"search", "no such words anywhere"}).exit_code, 1);
}

TEST_F(ExportTest, SearchFoldsScriptAndWidth) {
  RunResult simplified = Run({"search", "金属钬"});
  ASSERT_EQ(simplified.exit_code, 0) << simplified.err;
  // The samples are Simplified: the Traditional spelling finds the same lines.
  RunResult traditional = Run({"search", "金屬鈥"});
  EXPECT_EQ(traditional.exit_code, 0) << traditional.err;
  EXPECT_EQ(traditional.out, simplified.out);
  // Full-width letters and digits, as a Chinese input method types them.
  RunResult wide = Run({"search", "\xEF\xBC\x91\xEF\xBC\xA3\xEF\xBC\x99\xEF\xBC\x90\xEF\xBC\x99"});
  EXPECT_EQ(wide.out, Run({"search", "1C909"}).out);
}

TEST_F(ExportTest, SearchSaysOnStderrWhenTheLimitCutsItsOutput) {
  RunResult all = Run({"search", "钬", "--limit", "100000"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const size_t lines = static_cast<size_t>(std::count(all.out.begin(), all.out.end(), '\n'));
  ASSERT_GT(lines, 1u);
  EXPECT_EQ(all.err.find("showing"), std::string::npos) << all.err;
  RunResult one = Run({"search", "钬", "--limit", "1"});
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 1);
  EXPECT_NE(one.err.find("showing 1 of " + std::to_string(lines) + " matching lines"),
            std::string::npos)
      << one.err;
}

}  // namespace
}  // namespace regdiff::testing
