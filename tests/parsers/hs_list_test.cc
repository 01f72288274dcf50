// Lists of HS codes as announcements print them, read by one reader for
// every language with each language's separators.
#include "parsers/hs_list.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace regdiff::parsers {
namespace {

using Strings = std::vector<std::string>;

TEST(HsList, ReadsEveryPrintedForm) {
  struct Case {
    std::string text;  // what follows the label
    bool zh;
    Strings codes;
  };
  const Case cases[] = {
      {"2805301910、2846901940)", true, {"2805301910", "2846901940"}},
      {"2846.9019.40; 2846 9019 93 / 3824999922", false,
       {"2846901940", "2846901993", "3824999922"}},
      {"2846901940, 2846901993 and 3824999922.", false,
       {"2846901940", "2846901993", "3824999922"}},
      {"28053019 28053011", true, {"28053019", "28053011"}},  // a space only between codes
      {"2846901940、\n2846901993)", true, {"2846901940", "2846901993"}},  // wrapped after 、
      {"\n2805301910\n2846901940\n", true, {"2805301910", "2846901940"}},  // one a line
      {"2805301910\n2846901940\n", false, {"2805301910", "2846901940"}},   // a column
      {"2805301910)\n2846901940 is another item", false, {"2805301910"}},
      {"382569005、3825690005", true, {"3825690005"}},  // nine digits: no code
      {"2805301910和2846901940", true, {"2805301910", "2846901940"}},
      {"2805301910 or 2846901940", false, {"2805301910", "2846901940"}},
      {"2805301910or2846901940", false, {"2805301910"}},  // a word needs spaces around it
  };
  for (const Case& c : cases) {
    HsList list = ReadHsList(c.text, 0, c.text.size(), c.zh ? ZhHsSeparators() : EnHsSeparators());
    EXPECT_EQ(list.codes, c.codes) << c.text;
  }
}

TEST(HsList, TheSpanRunsFromTheFirstCodeToTheLast) {
  const std::string text = ": 2846.9019.40, 2846901993)";
  HsList list = ReadHsList(text, 1, text.size(), EnHsSeparators());
  ASSERT_EQ(list.codes.size(), 2u);
  EXPECT_EQ(text.substr(list.begin, list.end - list.begin), "2846.9019.40, 2846901993");
}

TEST(HsList, StopsAtItsLimit) {
  const std::string text = "2805301910 | 2846901940";
  HsList list = ReadHsList(text, 0, 10, ZhHsSeparators());
  EXPECT_EQ(list.codes, Strings{"2805301910"});
}

}  // namespace
}  // namespace regdiff::parsers
