// The pattern table: every pattern compiles, and has a unique name.
#include "parsers/patterns.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace regdiff::parsers {
namespace {

TEST(Patterns, EveryPatternCompiles) {
  ASSERT_FALSE(AllPatterns().empty());
  for (const NamedPattern& p : AllPatterns()) {
    ASSERT_NE(p.re, nullptr) << p.name;
    EXPECT_TRUE(p.re->ok()) << p.name << ": " << p.re->error();
  }
}

TEST(Patterns, NamesAreUnique) {
  std::set<std::string_view> seen;
  for (const NamedPattern& p : AllPatterns())
    EXPECT_TRUE(seen.insert(p.name).second) << "duplicate pattern name " << p.name;
}

TEST(Patterns, MatchAtReturnsSubmatchesAsViewsIntoTheText) {
  const std::string text = "见商务部公告2025年第62号。";
  std::string_view g[3];
  ASSERT_TRUE(MatchAt(P().zh_number, text, 0, text.size(), RE2::UNANCHORED, g, 3));
  EXPECT_EQ(g[0], "公告2025年第62号");
  EXPECT_EQ(g[1], "2025");
  EXPECT_EQ(g[2], "62");
  EXPECT_EQ(static_cast<size_t>(g[0].data() - text.data()), text.find("公告"));
  // Bounded by [pos, end): the number lies outside [0, 9).
  EXPECT_FALSE(MatchAt(P().zh_number, text, 0, 9, RE2::UNANCHORED, g, 3));
}

}  // namespace
}  // namespace regdiff::parsers
