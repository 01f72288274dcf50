// Parties through the timeline on the bundled samples: 2026 No. 12 (SUBARU
// Corporation on the watch list, 2026-02-24). asof lists the parties in force,
// timeline NAME tells one party's history, query --party screens a name by date
// (exit 0 listed, 1 not, 2 error; a near miss is a possible match, never a hit),
// export --parties writes the rule file and its deltas. 2025 No. 51 (three US
// entities on the control list) is ingested too, but its sample states no date
// the parser reads (no publication line, no effective clause), so the timeline
// cannot place its parties on a date and these tests say nothing about them.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/e2e/samples_db.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

class PartyTimelineCliTest : public SamplesDbSuite {
 protected:
  static Json RunJson(std::vector<std::string> args) {
    RunResult r = Run(std::move(args));
    EXPECT_LE(r.exit_code, 1) << r.err;
    return Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }
};

// ---- query --party ------------------------------------------------------------

TEST_F(PartyTimelineCliTest, QueryPartyExitCodesFollowTheListingDate) {
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string says;
  };
  const Case kCases[] = {
      {{"--party", "Subaru Corp.", "--date", "2026-03-01"}, 0, "watch_list"},
      {{"--party", "Subaru Corp.", "--date", "2026-01-01"}, 1, "NOT LISTED"},
      {{"--party", "斯巴鲁株式会社", "--date", "2026-03-01"}, 0, "mofcom-2026-12"},
      {{"--party", "斯巴魯株式會社", "--date", "2026-03-01"}, 0, "SUBARU Corporation"},
      {{"--party", "ＳＵＢＡＲＵ　ＣＯＲＰＯＲＡＴＩＯＮ", "--date", "2026-03-01"}, 0, "LISTED"},
      {{"--party", "Subaro Corp.", "--date", "2026-03-01"}, 1, "possible match"},
      {{"--party", "Toyota Motor Corporation", "--date", "2026-03-01"}, 1, "no listed party"},
      {{"--party", "...", "--date", "2026-03-01"}, 2, ""},
      {{"--party", "Subaru", "--hs", "28053019"}, 2, ""},
      {{"--party", "Subaru", "--date", "2026-02-30"}, 2, ""},
  };
  for (const Case& c : kCases) {
    std::vector<std::string> args = {"query"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args[1] << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find(c.says), std::string::npos) << c.args[1] << "\n" << r.out;
  }
}

TEST_F(PartyTimelineCliTest, QueryPartyJsonNamesTheListTheAnnouncementAndSince) {
  Json j = RunJson({"query", "--party", "Subaru Corp.", "--date", "2026-03-01", "--json"});
  ExpectMatchesSchema("party-query.schema.json", j);
  EXPECT_EQ(j["listed"], true);
  EXPECT_EQ(j["date"], "2026-03-01");
  ASSERT_EQ(j["matches"].size(), 1u);
  EXPECT_EQ(j["matches"][0]["list"], "watch_list");
  EXPECT_EQ(j["matches"][0]["listed_by"], "mofcom-2026-12");
  EXPECT_EQ(j["matches"][0]["since"], "2026-02-24");
  EXPECT_EQ(j["matches"][0]["matched_name"], "SUBARU Corporation");
  EXPECT_TRUE(j["possible_matches"].empty());
}

TEST_F(PartyTimelineCliTest, QueryPartyNearMissIsAPossibleMatchNeverAHit) {
  Json j = RunJson({"query", "--party", "Subaro Corp.", "--date", "2026-03-01", "--json"});
  ExpectMatchesSchema("party-query.schema.json", j);
  EXPECT_EQ(j["listed"], false);
  EXPECT_TRUE(j["matches"].empty());
  ASSERT_FALSE(j["possible_matches"].empty());
  EXPECT_EQ(j["possible_matches"][0]["key_en"], "subaru");
  EXPECT_GE(j["possible_matches"][0]["similarity"].get<double>(), 0.8);
}

// ---- asof -----------------------------------------------------------------------

TEST_F(PartyTimelineCliTest, AsofListsThePartiesOfEachListBesideTheItems) {
  Json j = RunJson({"asof", "2026-03-01", "--json"});
  ExpectMatchesSchema("asof.schema.json", j);
  int watch = 0;
  for (const Json& p : j["parties"]) {
    EXPECT_EQ(p["status"], "in_force") << p.dump();
    if (p["list"] == "watch_list") {
      ++watch;
      EXPECT_EQ(p["name"], "斯巴鲁株式会社");
      EXPECT_EQ(p["since"], "2026-02-24");
      EXPECT_EQ(p["listed_by"], "mofcom-2026-12");
      EXPECT_EQ(p["country"], "JP");
    }
  }
  EXPECT_EQ(watch, 1);
  EXPECT_FALSE(j["items"].empty());

  Json before = RunJson({"asof", "2026-01-01", "--json"});
  for (const Json& p : before["parties"]) EXPECT_NE(p["list"], "watch_list") << p.dump();

  Json items_only = RunJson({"asof", "2026-03-01", "--items-only", "--json"});
  EXPECT_TRUE(items_only["parties"].empty());
  Json parties_only = RunJson({"asof", "2026-03-01", "--parties-only", "--json"});
  EXPECT_TRUE(parties_only["items"].empty());
  EXPECT_EQ(parties_only["parties"].size(), j["parties"].size());
}

TEST_F(PartyTimelineCliTest, AsofTextShowsThePartiesAndCountsThem) {
  RunResult r = Run({"asof", "2026-03-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("斯巴鲁株式会社 (SUBARU Corporation)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("watch_list 1 listed, 0 suspended, 0 removed"), std::string::npos) << r.out;
  RunResult before = Run({"asof", "2026-01-01", "--parties-only"});
  EXPECT_EQ(before.out.find("斯巴鲁"), std::string::npos) << before.out;
  EXPECT_EQ(Run({"asof", "2026-03-01", "--items-only", "--parties-only"}).exit_code, 2);
}

// ---- timeline NAME ----------------------------------------------------------------

TEST_F(PartyTimelineCliTest, TimelineOfAPartyByEitherName) {
  for (const char* name : {"SUBARU Corporation", "斯巴鲁株式会社"}) {
    RunResult r = Run({"timeline", name});
    ASSERT_EQ(r.exit_code, 0) << name << "\n" << r.err;
    EXPECT_NE(r.out.find("2026-02-24  listed"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("mofcom-2026-12"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\u00bb"), std::string::npos) << r.out;  // evidence
  }
  Json j = RunJson({"timeline", "Subaru Corp.", "--json"});
  ExpectMatchesSchema("party-timeline.schema.json", j);
  EXPECT_EQ(j["key"], "subaru");
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["event"], "listed");
  EXPECT_EQ(j["events"][0]["list"], "watch_list");

  EXPECT_EQ(Run({"timeline", "Toyota Motor Corporation"}).exit_code, 1);
  EXPECT_EQ(Run({"timeline", "1C902"}).exit_code, 0);  // items still come first
}

// ---- export --parties ------------------------------------------------------------

TEST_F(PartyTimelineCliTest, ExportPartiesJsonValidatesAndRepeatsByteForByte) {
  RunResult a = Run({"export", "--parties", "--as-of", "2026-03-01"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  Json j = Json::parse(a.out);
  ExpectMatchesSchema("parties.schema.json", j);
  EXPECT_EQ(j["schema"], "regdiff.parties/1");
  ASSERT_FALSE(j["parties"].empty());
  EXPECT_EQ(Run({"export", "--parties", "--as-of", "2026-03-01"}).out, a.out);
}

// Quoting of cells holding commas and quotes: tests/diff/party_rules_test.cc.
TEST_F(PartyTimelineCliTest, ExportPartiesCsvHasAHeaderAndOneRowPerParty) {
  RunResult r = Run({"export", "--parties", "--as-of", "2026-03-01", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("as_of,list,key,key_en,name,name_en,country,status,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("2026-03-01,watch_list,斯巴鲁,subaru,斯巴鲁株式会社,SUBARU Corporation,JP,"
                       "in_force,stated,2026-02-24,"),
            std::string::npos)
      << r.out;
  size_t rows = 0;
  for (size_t at = 0; (at = r.out.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, 1 + Json::parse(Run({"export", "--parties", "--as-of", "2026-03-01"}).out)
                          ["parties"].size());
  RunResult excel =
      Run({"export", "--parties", "--as-of", "2026-03-01", "--format", "csv", "--excel"});
  EXPECT_EQ(excel.out.rfind("\xEF\xBB\xBF" "as_of,", 0), 0u);
}

TEST_F(PartyTimelineCliTest, ExportPartiesDeltaBetweenDatesAddsTheWatchList) {
  RunResult r =
      Run({"export", "--parties", "--delta", "2026-01-01", "2026-03-01", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json j = Json::parse(r.out);
  ExpectMatchesSchema("party-delta.schema.json", j);
  ASSERT_EQ(j["changes"].size(), 1u);
  EXPECT_EQ(j["changes"][0]["op"], "ADD");
  EXPECT_EQ(j["changes"][0]["list"], "watch_list");

  // The same delta from two exported files.
  const std::string from = *dir_ + "/p1.json", to = *dir_ + "/p2.json";
  ASSERT_EQ(Run({"export", "--parties", "--as-of", "2026-01-01", "--out", from}).exit_code, 0);
  ASSERT_EQ(Run({"export", "--parties", "--as-of", "2026-03-01", "--out", to}).exit_code, 0);
  RunResult files = Run({"export", "--parties", "--delta-files", from, to});
  ASSERT_EQ(files.exit_code, 0) << files.err;
  EXPECT_EQ(files.out, r.out);
}

}  // namespace
}  // namespace regdiff::testing
