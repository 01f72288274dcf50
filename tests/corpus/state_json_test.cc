// The stored forms of the consolidated state read back as written, and a
// damaged one read as kCorruption, never as a wrong answer.
#include "corpus/state_json.h"

#include <gtest/gtest.h>

#include "corpus/element_history.h"
#include "tests/corpus/timeline_scenarios.h"

namespace regdiff {
namespace {

ElementHistory EveryRuleHistory() {
  return BuildElementHistory(Timeline::Build(timeline_scenarios::EveryRuleSequence()));
}

TEST(ElementHistoryJson, ReadsBackWhatItWrote) {
  const ElementHistory h = EveryRuleHistory();
  ASSERT_GT(h.rows.size(), 3u);
  auto back = ElementHistoryFromJson(ElementHistoryToJson(h));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, h);
}

TEST(ElementHistoryJson, AnEmptyHistoryReadsBackEmpty) {
  auto back = ElementHistoryFromJson(ElementHistoryToJson(ElementHistory{}));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->empty());
  EXPECT_FALSE(back->first);
}

TEST(ElementHistoryJson, ADamagedTextIsCorruption) {
  const std::string good = R"({"docs":["a","b"],"first":"2025-04-04","rows":[{"element":true,)"
                           R"("id":"Ho","spans":[{"begin":"2025-04-04","governing":[1],)"
                           R"("state":"in_force"}]}]})";
  ASSERT_TRUE(ElementHistoryFromJson(good).ok());
  struct Damage {
    const char* what;
    std::string from, to;  // `good` with `from` replaced by `to`
  };
  const Damage damages[] = {
      {"cut short", R"("state":"in_force"}]}]})", R"("state":"in_force"}]})"},
      {"a governing index out of range", R"("governing":[1])", R"("governing":[2])"},
      {"a negative governing index", R"("governing":[1])", R"("governing":[-1])"},
      {"an unknown span state", R"("in_force")", R"("paused")"},
      {"a bad date", R"("begin":"2025-04-04")", R"("begin":"2025-13-01")"},
      {"a span without begin", R"("begin":"2025-04-04",)", ""},
      {"a row without id", R"("id":"Ho",)", ""},
      {"no rows", R"(,"rows":[{"element":true,"id":"Ho","spans":[{"begin":"2025-04-04","governing":[1],"state":"in_force"}]}])", ""},
      {"a null date", R"("first":"2025-04-04")", R"("first":null)"},
  };
  for (const Damage& d : damages) {
    SCOPED_TRACE(d.what);
    std::string json = good;
    const size_t at = json.find(d.from);
    ASSERT_NE(at, std::string::npos);
    json.replace(at, d.from.size(), d.to);
    auto h = ElementHistoryFromJson(json);
    ASSERT_FALSE(h.ok()) << json;
    EXPECT_EQ(h.status().code(), Status::Code::kCorruption);
  }
}

}  // namespace
}  // namespace regdiff
