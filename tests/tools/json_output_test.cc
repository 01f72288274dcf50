// The party JSON shapes of asof, timeline NAME and query --party, each
// checked against its schema in schemas/.
#include "tools/json_output.h"

#include <gtest/gtest.h>

#include "tests/json_schema.h"
#include "tests/party_test_states.h"

namespace regdiff::tools {
namespace {

using regdiff::testing::LoadSchema;
using regdiff::testing::ValidateJson;

std::vector<std::string> Problems(const std::string& schema, const Json& doc) {
  return ValidateJson(LoadSchema(schema), nlohmann::json::parse(doc.dump()));
}

TEST(JsonOutput, AsofListsPartiesBesideItems) {
  PartyState suspended = testing::SubaruState();
  suspended.status = PartyStatus::kSuspended;
  suspended.suspensions = {{Date{2026, 4, 1}, Date{2026, 4, 30}, "a-2026-5"}};
  Json j = AsofJson(Date{2026, 4, 2}, std::nullopt, Coverage{}, {},
                    {testing::ControlListState(), suspended});
  EXPECT_TRUE(Problems("asof.schema.json", j).empty());
  ASSERT_EQ(j["parties"].size(), 2u);
  EXPECT_EQ(j["parties"][0]["list"], "control_list");
  EXPECT_EQ(j["parties"][1]["status"], "suspended");
  EXPECT_EQ(j["parties"][1]["since"], "2026-02-24");
  EXPECT_EQ(j["parties"][1]["suspensions"][0]["until"], "2026-04-30");
  EXPECT_TRUE(j["items"].empty());
}

TEST(JsonOutput, AsofWrittenItemByItemIsWhatTheWholeTreePrints) {
  ItemState in_force;
  in_force.key = in_force.code.emplace("1C909.a");
  in_force.name = "金属钬、含钬的合金 \"quoted\" \\ and a tab\t";
  in_force.elements = {"Ho"};
  in_force.hs_codes = {"2805301950", "28053019"};
  in_force.listed_by = in_force.governing.emplace_back("mofcom-gacc-2025-57");
  in_force.since = Date{2025, 11, 8};
  in_force.evidence = "自2025年11月8日起正式实施";
  ItemState uncoded;
  uncoded.key = "mofcom-2025-61#一(一)";
  uncoded.status = ItemStatus::kSuspended;
  uncoded.until = Date{2026, 11, 10};
  const std::vector<std::vector<ItemState>> kItems = {{}, {in_force}, {in_force, uncoded, in_force}};
  const std::vector<std::vector<PartyState>> kParties = {{}, {testing::SubaruState()},
                                                          {testing::ControlListState(), testing::SubaruState()}};
  for (const auto& items : kItems) {
    for (const auto& parties : kParties) {
      for (const std::optional<std::string>& known_at :
           {std::optional<std::string>(), std::optional<std::string>("2026-11-27T06:00:00Z")}) {
        const Coverage coverage =
            known_at ? Coverage{3, 4, Date{2026, 2, 24}, "2026-11-27T05:44:44Z"} : Coverage{};
        std::string written;
        WriteAsofJson([&](std::string_view chunk) { written += chunk; }, Date{2026, 4, 2}, known_at,
                      coverage, items, parties);
        EXPECT_EQ(written,
                  AsofJson(Date{2026, 4, 2}, known_at, coverage, items, parties).dump(2) + "\n")
            << items.size() << " items, " << parties.size() << " parties";
      }
    }
  }
}

TEST(JsonOutput, AnswersSayWhatTheyRestOn) {
  const Coverage empty;
  const Coverage three{3, 4, Date{2026, 2, 24}, "2026-11-27T05:44:44Z"};
  Json asof = AsofJson(Date{2026, 4, 2}, std::nullopt, three, {}, {});
  EXPECT_TRUE(Problems("asof.schema.json", asof).empty());
  EXPECT_EQ(asof["coverage"]["announcements"], 3);
  EXPECT_EQ(asof["coverage"]["texts"], 4);
  EXPECT_EQ(asof["coverage"]["latest_published"], "2026-02-24");
  EXPECT_EQ(asof["coverage"]["last_ingest"], "2026-11-27T05:44:44Z");
  Json query = QueryJson(Date{2026, 4, 2}, false, empty, {});
  EXPECT_TRUE(Problems("query.schema.json", query).empty());
  EXPECT_EQ(query["coverage"]["announcements"], 0);
  EXPECT_TRUE(query["coverage"]["latest_published"].is_null());
  EXPECT_TRUE(query["coverage"]["last_ingest"].is_null());
  EXPECT_EQ(CoverageFromJson(CoverageToJson(three)), three);
  EXPECT_EQ(CoverageFromJson(CoverageToJson(empty)), empty);
  EXPECT_FALSE(CoverageFromJson(Json{{"announcements", 1}}).has_value());
}

TEST(JsonOutput, PartyStateWritesAbsentFieldsAsNull) {
  PartyState s = testing::SubaruState();
  s.key_en.clear();
  s.name_en.reset();
  s.country.reset();
  Json j = PartyStateJson(s);
  EXPECT_TRUE(j["key_en"].is_null());
  EXPECT_TRUE(j["name_en"].is_null());
  EXPECT_TRUE(j["country"].is_null());
  EXPECT_TRUE(j["removed_from"].is_null());
}

TEST(JsonOutput, PartyQueryHoldsMatchesAndPossibleMatchesApart) {
  PartyScreening screening;
  screening.query = "Subaru Corp.";
  screening.query_key = "subaru";
  screening.listed = true;
  screening.matches = {{testing::SubaruState(), "SUBARU Corporation", "subaru", 1.0}};
  screening.possible = {{testing::ControlListState(), "Northwind Aerospace, Inc.",
                         "northwindaerospace", 0.83}};
  Json j = PartyQueryJson(Date{2026, 3, 1}, screening, Coverage{});
  EXPECT_TRUE(Problems("party-query.schema.json", j).empty());
  EXPECT_EQ(j["listed"], true);
  EXPECT_EQ(j["date"], "2026-03-01");
  EXPECT_EQ(j["matches"][0]["matched_name"], "SUBARU Corporation");
  EXPECT_EQ(j["matches"][0]["list"], "watch_list");
  EXPECT_EQ(j["possible_matches"][0]["similarity"], 0.83);
}

TEST(JsonOutput, PartyTimelineEvents) {
  PartyEvent listed{Date{2026, 2, 24}, PartyEventKind::kListed, PartyList::kWatchList, "斯巴鲁",
                    "斯巴鲁株式会社", "SUBARU Corporation", "mofcom-2026-12", Basis::kStated,
                    "1. 斯巴鲁株式会社"};
  PartyEvent removed = listed;
  removed.date = Date{2026, 6, 1};
  removed.kind = PartyEventKind::kRemoved;
  removed.doc_id = "a-2026-9";
  Json j = PartyTimelineJson("SUBARU Corporation", "subaru", "2026-12-01T00:00:00Z",
                             {listed, removed});
  EXPECT_TRUE(Problems("party-timeline.schema.json", j).empty());
  EXPECT_EQ(j["events"][0]["event"], "listed");
  EXPECT_EQ(j["events"][1]["event"], "removed");
  EXPECT_EQ(j["known_at"], "2026-12-01T00:00:00Z");
}

}  // namespace
}  // namespace regdiff::tools
