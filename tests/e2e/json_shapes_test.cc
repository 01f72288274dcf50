// Every JSON shape regdiff prints is documented by a schema in schemas/, and
// real output on the bundled samples validates against it.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/e2e/run_regdiff.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class JsonShapesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir());
    RunResult r = RunRegdiff({"--db", *dir_ + "/t.db", "ingest", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  // Runs a command against the samples database and parses its stdout.
  static Json RunJson(std::vector<std::string> args, int expected_exit = 0) {
    args.insert(args.begin(), {"--db", *dir_ + "/t.db"});
    RunResult r = RunRegdiff(args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    return Json::parse(r.out);
  }

  static void ExpectValid(const std::string& schema, const Json& doc) {
    auto problems = ValidateJson(LoadSchema(schema), doc);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    EXPECT_TRUE(problems.empty()) << schema << ":\n" << all;
  }

  static std::string* dir_;
};
std::string* JsonShapesTest::dir_ = nullptr;

TEST_F(JsonShapesTest, ParseOutputOfEverySampleFollowsTheAnnouncementSchema) {
  for (const auto& entry : fs::directory_iterator(SamplesDir())) {
    if (entry.path().extension() != ".html") continue;
    RunResult r = RunRegdiff({"parse", entry.path().string(), "--json"});
    if (r.exit_code != 0) continue;  // a language without a parser yet
    ExpectValid("announcement.schema.json", Json::parse(r.out));
  }
}

TEST_F(JsonShapesTest, ParseOutputOfThePartyFixturesFollowsTheAnnouncementSchema) {
  int with_parties = 0;
  for (const char* lang : {"zh", "en"}) {
    for (const std::string& path : FixtureFilesIn(FixturesDir() + "/" + lang)) {
      if (path.ends_with(".match.txt")) continue;
      RunResult r = RunRegdiff({"parse", path, "--json"});
      if (r.exit_code != 0) continue;  // a news story without a number may be no announcement
      Json doc = Json::parse(r.out);
      ExpectValid("announcement.schema.json", doc);
      if (!doc["parties"].empty()) ++with_parties;
    }
  }
  EXPECT_GT(with_parties, 10) << "the party fixtures gave no parties";
}

TEST_F(JsonShapesTest, ParseOutputOfTheRealCorpusFollowsTheAnnouncementSchema) {
  std::string why;
  if (!SharedCorpusAvailable(&why)) GTEST_SKIP() << why;
  int validated = 0;
  for (const auto& entry : fs::directory_iterator(SharedDir() + "/corpus")) {
    RunResult r = RunRegdiff({"parse", (entry.path() / "input.txt").string(), "--json"});
    // A parse that fails is real_corpus_test's to judge (its known misses).
    if (r.exit_code != 0) continue;
    ExpectValid("announcement.schema.json", Json::parse(r.out));
    ++validated;
  }
  EXPECT_GT(validated, 0) << "no real text parsed";
}

TEST_F(JsonShapesTest, ShowFollowsItsSchema) {
  Json show = RunJson({"show", "2025-57", "--json"});
  ExpectValid("show.schema.json", show);
  for (const auto& text : show["texts"]) ExpectValid("announcement.schema.json", text["announcement"]);
}

TEST_F(JsonShapesTest, ListFollowsItsSchema) { ExpectValid("list.schema.json", RunJson({"list", "--json"})); }

TEST_F(JsonShapesTest, AsofFollowsItsSchema) {
  ExpectValid("asof.schema.json", RunJson({"asof", "2025-11-09", "--json"}));
}

TEST_F(JsonShapesTest, TimelineFollowsItsSchema) {
  ExpectValid("timeline.schema.json", RunJson({"timeline", "Ho", "--json"}));
}

TEST_F(JsonShapesTest, QueryFollowsItsSchema) {
  ExpectValid("query.schema.json", RunJson({"query", "--code", "1C902", "--date", "2025-11-09", "--json"}));
}

TEST_F(JsonShapesTest, SearchFollowsItsSchema) {
  ExpectValid("search.schema.json", RunJson({"search", "钬", "--json"}));
}

TEST(JsonSchemaChecker, ReportsWhatIsWrong) {
  Json schema = Json::parse(R"({"type":"object","required":["a"],
      "properties":{"a":{"enum":["x","y"]},"b":{"type":"string","pattern":"^[0-9]+$"}}})");
  EXPECT_TRUE(ValidateJson(schema, Json::parse(R"({"a":"x","b":"12"})")).empty());
  EXPECT_EQ(ValidateJson(schema, Json::parse(R"({"b":"12"})")).size(), 1u);
  EXPECT_EQ(ValidateJson(schema, Json::parse(R"({"a":"z","b":"1a"})")).size(), 2u);
  EXPECT_EQ(ValidateJson(schema, Json::parse(R"([1])")).size(), 1u);
}

}  // namespace
}  // namespace regdiff::testing
