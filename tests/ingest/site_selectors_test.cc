// The selector table and the simple-selector matcher.
#include "ingest/site_selectors.h"

#include <gtest/gtest.h>

namespace regdiff::ingest {
namespace {

TEST(SiteSelectors, EveryTableRowParses) {
  for (const SiteSelector& row : MainContentSelectors()) {
    EXPECT_TRUE(ParseSimpleSelector(row.selector).has_value()) << row.selector;
  }
  for (const SiteSelector& row : TitleSelectors()) {
    EXPECT_TRUE(ParseSimpleSelector(row.selector).has_value()) << row.selector;
  }
  EXPECT_EQ(MainContentSelectors().front().selector, "div.art-con");
}

TEST(SiteSelectors, ParsesTagClassAndId) {
  std::optional<SimpleSelector> s = ParseSimpleSelector("DIV.TRS_Editor");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->tag, "div");
  EXPECT_EQ(s->class_name, "TRS_Editor");
  EXPECT_EQ(s->id, "");

  s = ParseSimpleSelector("div#zoom");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->id, "zoom");

  s = ParseSimpleSelector("article");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->tag, "article");

  for (const char* bad : {"", ".art-con", "div.", "div > p", "div.a.b", "div[id=x]"}) {
    EXPECT_FALSE(ParseSimpleSelector(bad).has_value()) << bad;
  }
}

TEST(SiteSelectors, MatchesClassTokensNotSubstrings) {
  SimpleSelector art_con = *ParseSimpleSelector("div.art-con");
  struct Case {
    const char* tag;
    const char* class_attr;
    bool expected;
  };
  const Case cases[] = {
      {"div", "art-con", true},
      {"div", "art-con art-con-bottonmLine", true},
      {"div", "  left\tart-con ", true},
      {"DIV", "art-con", true},
      {"div", "art-con-bottonmLine", false},
      {"div", "Art-Con", false},
      {"span", "art-con", false},
      {"div", "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MatchesSelector(art_con, c.tag, c.class_attr, ""), c.expected)
        << c.tag << " class=" << c.class_attr;
  }
  SimpleSelector zoom = *ParseSimpleSelector("div#zoom");
  EXPECT_TRUE(MatchesSelector(zoom, "div", "x", "zoom"));
  EXPECT_FALSE(MatchesSelector(zoom, "div", "zoom", ""));
}

}  // namespace
}  // namespace regdiff::ingest
