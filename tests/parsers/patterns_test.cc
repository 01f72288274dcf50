// The pattern tables: every pattern compiles, and has a name unique in its table.
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace regdiff::parsers {
namespace {

TEST(Patterns, EveryPatternOfEveryTableCompiles) {
  ASSERT_EQ(AllPatternTables().size(), 3u);
  for (const PatternTable* table : AllPatternTables()) {
    ASSERT_FALSE(table->patterns().empty()) << table->name();
    for (const Pattern* p : table->patterns())
      EXPECT_TRUE(p->ok()) << table->name() << "." << p->name() << ": " << p->error();
  }
}

TEST(Patterns, NamesAreUniqueInTheirTable) {
  for (const PatternTable* table : AllPatternTables()) {
    std::set<std::string_view> seen;
    for (const Pattern* p : table->patterns())
      EXPECT_TRUE(seen.insert(p->name()).second) << "duplicate pattern " << table->name() << "."
                                                 << p->name();
  }
}

TEST(Patterns, ATableListsItsPatternsInDeclarationOrder) {
  EXPECT_EQ(P().patterns().front(), &P().date_zh);
  EXPECT_EQ(P().patterns().front()->name(), "date_zh");
  EXPECT_EQ(ZhP().patterns().front()->name(), "number");
}

TEST(Patterns, MatchAtReturnsSubmatchesAsViewsIntoTheText) {
  const std::string text = "见商务部公告2025年第62号。";
  std::string_view g[3];
  ASSERT_TRUE(MatchAt(ZhP().number, text, 0, text.size(), RE2::UNANCHORED, g, 3));
  EXPECT_EQ(g[0], "公告2025年第62号");
  EXPECT_EQ(g[1], "2025");
  EXPECT_EQ(g[2], "62");
  EXPECT_EQ(static_cast<size_t>(g[0].data() - text.data()), text.find("公告"));
  // Bounded by [pos, end): the number lies outside [0, 9).
  EXPECT_FALSE(MatchAt(ZhP().number, text, 0, 9, RE2::UNANCHORED, g, 3));
}

}  // namespace
}  // namespace regdiff::parsers
