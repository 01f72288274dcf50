// The `parse --json` contract of shared/docs/formats.md.
#include "corpus/model_json.h"

#include <gtest/gtest.h>

namespace regdiff {
namespace {

TEST(ModelJson, WritesTheFormatsContract) {
  const std::string text = "(一)1C902.a 金属钐";
  Announcement a;
  a.doc_id = "mofcom-gacc-2025-18";
  a.issuers = {"MOFCOM", "GACC"};
  a.year = 2025;
  a.number = 18;
  a.lang = Lang::kZh;
  a.published = Date{2025, 4, 4};
  a.effective.push_back({Date{2025, 4, 4}, true, "whole", {}});
  Item item;
  item.code = "1C902.a";
  item.elements = {"Sm"};
  item.hs_codes = {"2805301910"};
  item.evidence = MakeEvidence(text, 0, text.size());
  a.items.push_back(item);
  a.relations.push_back({RelationType::kSuspends, "mofcom-2025-61", Date{2026, 11, 10}, {}});

  auto j = AnnouncementToJson(a);
  EXPECT_EQ(j["doc_id"], "mofcom-gacc-2025-18");
  EXPECT_EQ(j["issuers"], nlohmann::ordered_json({"MOFCOM", "GACC"}));
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["number"], 18);
  EXPECT_EQ(j["lang"], "zh");
  EXPECT_EQ(j["published"], "2025-04-04");
  EXPECT_EQ(j["effective"][0]["date"], "2025-04-04");
  EXPECT_EQ(j["effective"][0]["on_publication"], true);
  EXPECT_EQ(j["effective"][0]["applies_to"], "whole");
  EXPECT_EQ(j["items"][0]["code"], "1C902.a");
  EXPECT_EQ(j["items"][0]["elements"][0], "Sm");
  EXPECT_EQ(j["items"][0]["hs_codes"][0], "2805301910");
  EXPECT_EQ(j["items"][0]["evidence"], text);
  EXPECT_EQ(j["relations"][0]["type"], "suspends");
  EXPECT_EQ(j["relations"][0]["target"], "mofcom-2025-61");
  EXPECT_EQ(j["relations"][0]["until"], "2026-11-10");
}

TEST(ModelJson, UnknownValuesAreNullNeverGuessed) {
  Announcement a;  // nothing known
  auto j = AnnouncementToJson(a);
  EXPECT_TRUE(j["doc_id"].is_null());
  EXPECT_TRUE(j["issuers"].is_null());
  EXPECT_TRUE(j["year"].is_null());
  EXPECT_TRUE(j["number"].is_null());
  EXPECT_TRUE(j["published"].is_null());
  EXPECT_TRUE(j["title"].is_null());
  EXPECT_TRUE(j["effective"].is_array());
  EXPECT_TRUE(j["items"].is_array());
  EXPECT_TRUE(j["relations"].is_array());
  EXPECT_TRUE(j["parties"].is_array());
  EXPECT_TRUE(j["parties"].empty());
}

TEST(ModelJson, WritesPartiesWithTheirSpans) {
  const std::string text = "1. 亨廷顿·英格尔斯工业公司(Huntington Ingalls Industries, Inc.)";
  Announcement a;
  Party p;
  p.list = PartyList::kControlList;
  p.action = PartyAction::kAdd;
  p.name = "亨廷顿·英格尔斯工业公司";
  p.name_en = "Huntington Ingalls Industries, Inc.";
  p.country = "US";
  p.evidence = MakeEvidence(text, 0, text.size());
  a.parties.push_back(p);
  Party q;
  q.list = PartyList::kUnreliableEntityList;
  q.action = PartyAction::kRemove;
  q.name = "X";
  a.parties.push_back(q);
  auto j = AnnouncementToJson(a);
  EXPECT_EQ(j["parties"][0]["list"], "control_list");
  EXPECT_EQ(j["parties"][0]["action"], "add");
  EXPECT_EQ(j["parties"][0]["name"], "亨廷顿·英格尔斯工业公司");
  EXPECT_EQ(j["parties"][0]["name_en"], "Huntington Ingalls Industries, Inc.");
  EXPECT_EQ(j["parties"][0]["country"], "US");
  EXPECT_EQ(j["parties"][0]["evidence"], text);
  EXPECT_EQ(j["parties"][0]["span"], nlohmann::ordered_json({0, text.size()}));
  EXPECT_EQ(j["parties"][1]["list"], "unreliable_entity_list");
  EXPECT_EQ(j["parties"][1]["action"], "remove");
  EXPECT_TRUE(j["parties"][1]["name_en"].is_null());
  EXPECT_TRUE(j["parties"][1]["country"].is_null());
}

TEST(ModelJson, PartyNamesRoundTrip) {
  for (PartyList l : {PartyList::kControlList, PartyList::kWatchList,
                      PartyList::kUnreliableEntityList})
    EXPECT_EQ(PartyListFromName(PartyListName(l)), l);
  for (PartyAction x : {PartyAction::kAdd, PartyAction::kRemove})
    EXPECT_EQ(PartyActionFromName(PartyActionName(x)), x);
  EXPECT_FALSE(PartyListFromName("entity_list").has_value());
}

TEST(ModelJson, UncodedItemsKeepTheirPosition) {
  Announcement a;
  Item item;
  item.position = "一(一)1";
  a.items.push_back(item);
  auto j = AnnouncementToJson(a);
  EXPECT_TRUE(j["items"][0]["code"].is_null());
  EXPECT_EQ(j["items"][0]["position"], "一(一)1");
}

}  // namespace
}  // namespace regdiff
