// WriteRules writes, rule by rule, the bytes of RulesToJson, RulesToJsonl
// and RulesToCsv of the rule set RulesFromStates makes; WriteRuleDelta,
// change by change, those of DeltaToJson, DeltaToJsonl and DeltaToCsv of
// DiffRuleSets.
#include "diff/rules.h"

#include <gtest/gtest.h>

namespace regdiff::diff {
namespace {

ItemState State(const std::string& key, std::vector<std::string> hs) {
  ItemState s;
  s.key = key;
  if (key.find('#') == std::string::npos) s.code = key;
  s.name = "name of " + key;
  s.elements = {"Ho", "Er"};
  s.hs_codes = std::move(hs);
  s.listed_by = "mofcom-gacc-2025-57";
  s.since = Date{2025, 11, 8};
  s.governing = {"mofcom-gacc-2025-57", "mofcom-gacc-2025-70"};
  s.evidence = "自2025年11月8日起\"正式\"实施\t\\";
  s.effective_from = Date{2025, 11, 8};
  return s;
}

std::string Written(const RuleSet& set, const std::vector<ItemState>& states,
                    const NameLookup& names, RuleFormat format, bool excel_bom) {
  std::string out;
  WriteRules(set.header, states, names, format, excel_bom, [&](std::string_view chunk) {
    out.append(chunk);
  });
  return out;
}

TEST(Rules, WrittenRuleByRuleIsWhatTheRuleSetRenders) {
  ItemState suspended = State("1C909.a", {"2805301950", "28053019", "2805301950"});
  suspended.status = ItemStatus::kSuspended;
  suspended.until = Date{2026, 11, 10};
  suspended.suspensions = {{Date{2025, 11, 10}, Date{2026, 11, 10}, "mofcom-gacc-2025-70"},
                           {Date{2027, 1, 1}, std::nullopt, "x"}};
  ItemState repeated = State("1C909.a", {"28053019", "2805"});  // one key twice
  repeated.basis = Basis::kInferred;
  const std::vector<std::vector<ItemState>> cases = {
      {},
      {State("mofcom-2025-61#一(一)", {})},
      {State("1C910", {"3824999922"}), suspended, State("mofcom-2025-61#1", {}), repeated,
       State("1C902", {"28469019", "28053019"})},
  };
  const NameLookup names = [](const std::string& doc_id, const std::string& key) {
    return key == "1C910" ? ItemNames{} : ItemNames{"钬 " + key, "holmium " + doc_id};
  };
  for (const std::vector<ItemState>& states : cases) {
    for (const NameLookup& lookup : {names, NameLookup()}) {
      RuleSet set;
      set.header.tool_version = "9.9";
      set.header.as_of = "2026-03-01";
      set.header.sources = {{"mofcom-gacc-2025-57", "zh", "a \"b\".html", std::string(64, 'a'),
                             "2026-03-01T00:00:00Z"}};
      set.header.generated_at = "2026-03-02T00:00:00Z";
      set.rules = RulesFromStates(states, lookup);
      EXPECT_EQ(Written(set, states, lookup, RuleFormat::kJson, false), RulesToJson(set));
      EXPECT_EQ(Written(set, states, lookup, RuleFormat::kJsonl, false), RulesToJsonl(set));
      EXPECT_EQ(Written(set, states, lookup, RuleFormat::kCsv, false), RulesToCsv(set, false));
      EXPECT_EQ(Written(set, states, lookup, RuleFormat::kCsv, true), RulesToCsv(set, true));
    }
  }
}

std::string WrittenDelta(const RuleSet& from, const RuleSet& to, RuleFormat format,
                         bool excel_bom) {
  std::string out;
  WriteRuleDelta(from, to, "9.9", format, excel_bom,
                 [&](std::string_view chunk) { out.append(chunk); });
  return out;
}

TEST(Rules, ADeltaWrittenChangeByChangeIsWhatTheDeltaRenders) {
  ItemState in_force = State("1C909.a", {"2805301950", "28053019"});
  ItemState suspended = in_force;
  suspended.status = ItemStatus::kSuspended;
  suspended.until = Date{2026, 11, 10};
  suspended.evidence = "暂停实施\n至2026年11月10日";
  const NameLookup names = [](const std::string&, const std::string& key) {
    return ItemNames{"钬 " + key, "holmium \"" + key + "\""};
  };
  auto set = [&](const std::string& as_of, const std::vector<ItemState>& states) {
    RuleSet s;
    s.header.tool_version = "9.9";
    s.header.as_of = as_of;
    s.rules = RulesFromStates(states, names);
    return s;
  };
  const std::vector<std::pair<RuleSet, RuleSet>> cases = {
      {set("2025-11-08", {}), set("2025-11-10", {})},  // no change
      {set("2025-11-08", {in_force}), set("2025-11-10", {in_force})},
      // MOD of two rules, DEL of one, ADD of one
      {set("2025-11-08", {in_force, State("1C910", {"3824999922"})}),
       set("2025-11-10", {suspended, State("mofcom-2025-61#一", {})})},
      {set("2025-11-10", {}), set("2025-11-08", {in_force, State("1C902", {})})},
  };
  for (const auto& [from, to] : cases) {
    RuleDelta delta = DiffRuleSets(from, to);
    delta.header.tool_version = "9.9";
    EXPECT_EQ(WrittenDelta(from, to, RuleFormat::kJson, false), DeltaToJson(delta));
    EXPECT_EQ(WrittenDelta(from, to, RuleFormat::kJsonl, false), DeltaToJsonl(delta));
    EXPECT_EQ(WrittenDelta(from, to, RuleFormat::kCsv, false), DeltaToCsv(delta, false));
    EXPECT_EQ(WrittenDelta(from, to, RuleFormat::kCsv, true), DeltaToCsv(delta, true));
  }
}

}  // namespace
}  // namespace regdiff::diff
