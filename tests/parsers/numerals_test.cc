// Chinese numerals: counting numbers, digit-by-digit years, ASCII digits.
#include "parsers/numerals.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace regdiff::parsers {
namespace {

TEST(Numerals, ReadsCountingNumbersYearsAndDigits) {
  struct Case {
    std::string input;
    int expected;
  };
  const Case cases[] = {
      {"一", 1},         {"九", 9},          {"十", 10},        {"十八", 18},
      {"二十", 20},      {"二十六", 26},     {"九十九", 99},    {"一百", 100},
      {"一百零五", 105}, {"一百一十", 110},  {"一千零一", 1001}, {"二〇二五", 2025},
      {"二○二四", 2024}, {"二零二三", 2023}, {"18", 18},        {"2025", 2025},
      {"0", 0},
  };
  for (const Case& c : cases) {
    std::optional<int> got = ParseChineseNumber(c.input);
    ASSERT_TRUE(got.has_value()) << c.input;
    EXPECT_EQ(*got, c.expected) << c.input;
  }
}

TEST(Numerals, RejectsWhatIsNoNumber) {
  const std::string cases[] = {
      "",            // empty
      "号",          // not a numeral
      "十八号",      // trailing text
      "1二",         // mixed scripts
      "二十a",       // mixed scripts
      "十十",        // repeated unit
      "十百",        // units must descend
      "二十三十",    // a unit after a lower one
      "二三十",      // two digits before a unit
      "1234567890",  // too long for an announcement number
  };
  for (const std::string& c : cases) EXPECT_FALSE(ParseChineseNumber(c).has_value()) << c;
}

}  // namespace
}  // namespace regdiff::parsers
