// Every JSON shape regdiff prints is documented by a schema in schemas/, and
// real output on the bundled samples validates against it.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/e2e/samples_db.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class JsonShapesTest : public SamplesDbSuite {
 protected:
  // Runs a command against the samples database and parses its stdout.
  static Json RunJson(std::vector<std::string> args, int expected_exit = 0) {
    RunResult r = Run(std::move(args));
    EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    return Json::parse(r.out);
  }
};

TEST_F(JsonShapesTest, ParseOutputOfEverySampleFollowsTheAnnouncementSchema) {
  for (const auto& entry : fs::directory_iterator(SamplesDir())) {
    if (entry.path().extension() != ".html") continue;
    RunResult r = RunRegdiff({"parse", entry.path().string(), "--json"});
    if (r.exit_code != 0) continue;  // a language without a parser yet
    ExpectMatchesSchema("announcement.schema.json", Json::parse(r.out));
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
      ExpectMatchesSchema("announcement.schema.json", doc);
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
    ExpectMatchesSchema("announcement.schema.json", Json::parse(r.out));
    ++validated;
  }
  EXPECT_GT(validated, 0) << "no real text parsed";
}

TEST_F(JsonShapesTest, ShowFollowsItsSchema) {
  Json show = RunJson({"show", "2025-57", "--json"});
  ExpectMatchesSchema("show.schema.json", show);
  for (const auto& text : show["texts"]) ExpectMatchesSchema("announcement.schema.json", text["announcement"]);
}

TEST_F(JsonShapesTest, ListFollowsItsSchema) { ExpectMatchesSchema("list.schema.json", RunJson({"list", "--json"})); }

TEST_F(JsonShapesTest, AsofFollowsItsSchema) {
  ExpectMatchesSchema("asof.schema.json", RunJson({"asof", "2025-11-09", "--json"}));
}

TEST_F(JsonShapesTest, TimelineFollowsItsSchema) {
  ExpectMatchesSchema("timeline.schema.json", RunJson({"timeline", "Ho", "--json"}));
}

TEST_F(JsonShapesTest, QueryFollowsItsSchema) {
  ExpectMatchesSchema("query.schema.json", RunJson({"query", "--code", "1C902", "--date", "2025-11-09", "--json"}));
}

TEST_F(JsonShapesTest, SearchFollowsItsSchema) {
  ExpectMatchesSchema("search.schema.json", RunJson({"search", "钬", "--json"}));
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
