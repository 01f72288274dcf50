// The parties rule file: stable order, the three renderings, reading back,
// and deltas between two dates.
#include "diff/party_rules.h"

#include <gtest/gtest.h>

#include "tests/json_schema.h"
#include "tests/party_test_states.h"

namespace regdiff::diff {
namespace {

PartyRuleSet SetOf(std::vector<PartyState> states, const std::string& as_of) {
  PartyRuleSet set;
  set.header.tool_version = "test";
  set.header.as_of = as_of;
  set.header.sources = {{"mofcom-2026-12", "zh", "mofcom-2026-12.zh.html", std::string(64, 'a'),
                  "2026-03-01T00:00:00Z"}};
  set.rules = PartyRulesFromStates(states);
  return set;
}

TEST(PartyRules, SortedByListThenKeyWhateverTheInputOrder) {
  auto a = PartyRulesFromStates({testing::SubaruState(), testing::ControlListState()});
  auto b = PartyRulesFromStates({testing::ControlListState(), testing::SubaruState()});
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].list, "control_list");
  EXPECT_EQ(a[1].list, "watch_list");
  EXPECT_EQ(a[1].listed_from, "2026-02-24");
  EXPECT_EQ(a[1].removed_from, "");
}

TEST(PartyRules, JsonFollowsItsSchemaAndReadsBack) {
  PartyRuleSet set = SetOf({testing::SubaruState(), testing::ControlListState()}, "2026-03-01");
  const std::string json = PartyRulesToJson(set);
  auto problems = regdiff::testing::ValidateJson(regdiff::testing::LoadSchema("parties.schema.json"),
                                                 nlohmann::json::parse(json));
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0]);
  auto back = PartyRulesFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->rules, set.rules);
  EXPECT_EQ(back->header.as_of, "2026-03-01");
  EXPECT_EQ(PartyRulesToJson(*back), json);
}

TEST(PartyRules, ReadingRefusesAnotherSchema) {
  EXPECT_FALSE(PartyRulesFromJson(R"({"schema":"regdiff.rules/1"})").ok());
  EXPECT_FALSE(PartyRulesFromJson("not json").ok());
  EXPECT_FALSE(PartyRulesFromJson(R"({"schema":"regdiff.parties/1"})").ok());
}

TEST(PartyRules, JsonlHasAHeaderLineThenOnePartyPerLine) {
  const std::string jsonl = PartyRulesToJsonl(SetOf({testing::SubaruState()}, "2026-03-01"));
  std::vector<nlohmann::json> lines;
  size_t begin = 0;
  for (size_t end; (end = jsonl.find('\n', begin)) != std::string::npos; begin = end + 1)
    lines.push_back(nlohmann::json::parse(jsonl.substr(begin, end - begin)));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["type"], "header");
  EXPECT_EQ(lines[0]["schema"], "regdiff.parties/1");
  EXPECT_EQ(lines[1]["type"], "party");
  EXPECT_EQ(lines[1]["name_en"], "SUBARU Corporation");
}

TEST(PartyRules, CsvEscapesCellsAsTheItemCsvDoes) {
  const std::string csv = PartyRulesToCsv(SetOf({testing::ControlListState()}, "2026-03-01"),
                                          /*excel_bom=*/true);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "as_of,list,key,key_en,name,name_en,country,status,", 0), 0u);
  EXPECT_NE(csv.find(",\"Northwind Aerospace, Inc.\",US,in_force,stated,2025-10-09,"),
            std::string::npos);
  EXPECT_NE(csv.find("\"Northwind航空公司（Northwind Aerospace, Inc.）, \"\"quoted\"\"\""),
            std::string::npos);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(PartyRules, DeltaAddsModifiesAndDeletesByListAndKey) {
  PartyState removed = testing::ControlListState();
  removed.status = PartyStatus::kRemoved;
  removed.removed_from = Date{2026, 6, 1};
  PartyRuleSet from = SetOf({testing::ControlListState()}, "2026-01-01");
  PartyRuleSet to = SetOf({removed, testing::SubaruState()}, "2026-07-01");
  PartyRuleDelta d = DiffPartyRuleSets(from, to);
  ASSERT_EQ(d.changes.size(), 2u);
  EXPECT_EQ(d.changes[0].op, "MOD");
  EXPECT_EQ(d.changes[0].list, "control_list");
  EXPECT_EQ(d.changes[0].fields, (std::vector<std::string>{"status", "removed_from"}));
  EXPECT_EQ(d.changes[1].op, "ADD");
  EXPECT_EQ(d.changes[1].key, "斯巴鲁");
  PartyRuleDelta back = DiffPartyRuleSets(to, from);
  EXPECT_EQ(back.changes[1].op, "DEL");
  auto problems = regdiff::testing::ValidateJson(
      regdiff::testing::LoadSchema("party-delta.schema.json"),
      nlohmann::json::parse(PartyDeltaToJson(d)));
  EXPECT_TRUE(problems.empty());
  const std::string csv = PartyDeltaToCsv(d, false);
  EXPECT_EQ(csv.rfind("op,fields,as_of,list,", 0), 0u);
  EXPECT_NE(csv.find("MOD,status removed_from,2026-07-01,control_list,"), std::string::npos);
}

}  // namespace
}  // namespace regdiff::diff
