// Parties through the regdiff binary on the bundled samples: ingest stores
// them, `show` prints them (text and JSON), `list` counts them, and
// `search --party` finds the announcements that list a party by its name in
// either language, in any case.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

class PartiesCliTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    RunResult r = Regdiff({"ingest", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(PartiesCliTest, ShowPrintsTheWatchListedParty) {
  RunResult r = Regdiff({"show", "mofcom-2026-12"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  parties:   1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    watch_list add  斯巴鲁株式会社 (SUBARU Corporation) JP\n"),
            std::string::npos)
      << r.out;
  // The line it was read from is quoted under it.
  const size_t party = r.out.find("watch_list add");
  ASSERT_NE(party, std::string::npos);
  EXPECT_NE(r.out.find("\u00bb", party), std::string::npos) << r.out;

  RunResult quiet = Regdiff({"show", "mofcom-2026-12", "--no-evidence"});
  EXPECT_EQ(quiet.out.find("\u00bb"), std::string::npos) << quiet.out;
}

TEST_F(PartiesCliTest, ShowJsonCarriesThePartiesAndFollowsItsSchema) {
  RunResult r = Regdiff({"show", "2025-51", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json show = Json::parse(r.out);
  ExpectMatchesSchema("show.schema.json", show);
  ASSERT_EQ(show["texts"].size(), 1u);
  const Json& announcement = show["texts"][0]["announcement"];
  ExpectMatchesSchema("announcement.schema.json", announcement);
  const Json& parties = announcement["parties"];
  ASSERT_EQ(parties.size(), 3u) << parties.dump(2);
  EXPECT_EQ(parties[0]["name_en"], "Huntington Ingalls Industries, Inc.");
  EXPECT_EQ(parties[0]["list"], "control_list");
  EXPECT_EQ(parties[0]["country"], "US");
  EXPECT_FALSE(parties[0]["evidence"].get<std::string>().empty());
}

TEST_F(PartiesCliTest, ListCountsThePartiesOfEachAnnouncement) {
  RunResult r = Regdiff({"list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json list = Json::parse(r.out);
  ExpectMatchesSchema("list.schema.json", list);
  std::map<std::string, int> parties;
  for (const Json& row : list)
    if (row["doc_id"].is_string()) parties[row["doc_id"]] = row["parties"];
  EXPECT_EQ(parties["mofcom-2025-51"], 3);
  EXPECT_EQ(parties["mofcom-2026-12"], 1);
  EXPECT_EQ(parties["mofcom-gacc-2025-57"], 0);

  RunResult text = Regdiff({"list"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("PARTIES"), std::string::npos) << text.out;
  const auto rows = LinesContaining(text.out, "mofcom-2025-51 ");
  ASSERT_EQ(rows.size(), 1u) << text.out;
  EXPECT_NE(rows[0].find("      3  "), std::string::npos) << rows[0];
}

TEST_F(PartiesCliTest, SearchByPartyFindsTheListingAnnouncement) {
  for (const char* name : {"subaru corporation", "SUBARU Corp.", "斯巴鲁株式会社", "斯巴魯株式會社", "ＳＵＢＡＲＵ"}) {
    SCOPED_TRACE(name);
    RunResult r = Regdiff({"search", "--party", name});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = LinesContaining(r.out, "mofcom-2026-12");
    ASSERT_EQ(rows.size(), 1u) << r.out;
    EXPECT_NE(rows[0].find("watch_list"), std::string::npos) << rows[0];
    EXPECT_NE(rows[0].find("add"), std::string::npos) << rows[0];
    EXPECT_NE(rows[0].find("斯巴鲁株式会社 (SUBARU Corporation) JP"), std::string::npos) << rows[0];
    EXPECT_EQ(LinesContaining(r.out, "mofcom-2025-51").size(), 0u) << r.out;
  }
}

TEST_F(PartiesCliTest, SearchByPartyPrintsJsonAndExitsOneWhenNothingIsFound) {
  RunResult r = Regdiff({"search", "--party", "huntington ingalls", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json hits = Json::parse(r.out);
  ExpectMatchesSchema("search-party.schema.json", hits);
  ASSERT_EQ(hits.size(), 1u) << hits.dump(2);
  EXPECT_EQ(hits[0]["doc_id"], "mofcom-2025-51");
  EXPECT_EQ(hits[0]["list"], "control_list");
  EXPECT_EQ(hits[0]["name_en"], "Huntington Ingalls Industries, Inc.");

  RunResult none = Regdiff({"search", "--party", "No Such Entity Ltd.", "--json"});
  EXPECT_EQ(none.exit_code, 1) << none.err;
  EXPECT_EQ(Json::parse(none.out), Json::array());
}

TEST_F(PartiesCliTest, SearchWantsTextOrAPartyNotBoth) {
  EXPECT_EQ(Regdiff({"search", "钬", "--party", "subaru"}).exit_code, 2);
  EXPECT_EQ(Regdiff({"search"}).exit_code, 2);
}

TEST_F(PartiesCliTest, DiffReadsThePartiesFromTheStore) {
  RunResult r = Regdiff({"diff", "mofcom-2025-51", "mofcom-2026-12", "--no-evidence"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("Parties: 1 only in No. 12 of 2026, 3 only in No. 51 of 2025, 0 changed."),
            std::string::npos) << r.out;
}

}  // namespace
}  // namespace regdiff::testing
