// "Did you mean": the closest known word to a mistyped one, or none when
// nothing is close or two words are equally close.
#include "tools/suggest.h"

#include <gtest/gtest.h>

namespace regdiff::tools {
namespace {

TEST(Suggest, EditDistanceCountsATranspositionAsOne) {
  EXPECT_EQ(EditDistance("list", "list"), 0u);
  EXPECT_EQ(EditDistance("lst", "list"), 1u);
  EXPECT_EQ(EditDistance("lsit", "list"), 1u);
  EXPECT_EQ(EditDistance("--fromat", "--format"), 1u);
  EXPECT_EQ(EditDistance("LIST", "list"), 0u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(Suggest, ClosestMatchOfCommandsOptionsAndIds) {
  const std::vector<std::string> commands = {"ingest", "list", "show",  "parse", "asof",
                                             "timeline", "diff", "query", "search", "export",
                                             "watch"};
  const std::vector<std::string> options = {"--help", "--format", "--out", "--lang", "--asof"};
  const std::vector<std::string> ids = {"mofcom-gacc-2025-18", "mofcom-gacc-2025-57",
                                        "mofcom-2026-12"};
  const struct {
    const char* typed;
    const std::vector<std::string>* candidates;
    const char* want;
  } cases[] = {
      {"lst", &commands, "list"},
      {"serach", &commands, "search"},
      {"exprot", &commands, "export"},
      {"timelime", &commands, "timeline"},
      {"xyzzy", &commands, ""},
      {"--fromat", &options, "--format"},
      {"--otu", &options, "--out"},
      {"--color", &options, ""},
      {"mofcom-gac-2025-57", &ids, "mofcom-gacc-2025-57"},
      {"2026-12", &ids, "mofcom-2026-12"},      // the end of one id
      {"mofcom-gacc", &ids, ""},                // the start of two
      {"", &commands, ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ClosestMatch(c.typed, *c.candidates), c.want) << c.typed;
  }
  EXPECT_EQ(DidYouMean("lst", commands), "; did you mean 'list'?");
  EXPECT_EQ(DidYouMean("xyzzy", commands), "");
}

TEST(Suggest, TwoEquallyCloseWordsSuggestNeither) {
  // 2025-75 is one step from 2025-57 (a transposition) and from 2025-70.
  EXPECT_EQ(ClosestMatch("2025-75", {"2025-57", "2025-70"}), "");
  EXPECT_EQ(ClosestMatch("2025-75", {"2025-57", "2025-18"}), "2025-57");
}

}  // namespace
}  // namespace regdiff::tools
