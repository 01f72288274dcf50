// Date: strict ISO parsing, validity, day arithmetic and ordering.
#include "corpus/date.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace regdiff {
namespace {

TEST(Date, FromIsoAcceptsRealDays) {
  struct Case {
    const char* text;
    Date expected;
  };
  const Case cases[] = {
      {"2025-04-04", {2025, 4, 4}},
      {"2024-02-29", {2024, 2, 29}},  // leap year
      {"2000-02-29", {2000, 2, 29}},  // divisible by 400: leap
      {"1900-01-01", {1900, 1, 1}},   // first day of the supported range
      {"2199-12-31", {2199, 12, 31}},  // last day
      {"2025-11-30", {2025, 11, 30}},
  };
  for (const Case& c : cases) {
    std::optional<Date> d = Date::FromIso(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(*d, c.expected) << c.text;
    EXPECT_EQ(d->ToIso(), c.text);
  }
}

TEST(Date, FromIsoRejectsAnythingElse) {
  const char* cases[] = {
      "2025-02-29",   // 2025 is no leap year
      "2100-02-29",   // divisible by 100, not by 400
      "2025-04-31",   // April has 30 days
      "2025-13-01",   "2025-00-10", "2025-01-00", "2025-01-32",
      "1899-12-31",   // before the supported range
      "2200-01-01",   // after it
      "2025-4-4",     "2025/04/04", "20250404",   "2025-04-04 ", " 2025-04-04",
      "2025-04-0a",   "abcd-ef-gh", "",           "2025-04-04T00:00:00Z",
      "+025-04-04",   "2025--4-04",
  };
  for (const char* text : cases) EXPECT_FALSE(Date::FromIso(text).has_value()) << text;
}

TEST(Date, FromPartsValidates) {
  EXPECT_TRUE(Date::FromParts(2024, 2, 29).has_value());
  EXPECT_FALSE(Date::FromParts(2025, 2, 29).has_value());
  EXPECT_FALSE(Date::FromParts(2025, 6, 31).has_value());
}

TEST(Date, DaysSinceEpochOfKnownDays) {
  // Reference values from Python's datetime.date subtraction.
  struct Case {
    Date date;
    long days;
  };
  const Case cases[] = {
      {{1970, 1, 1}, 0},       {{2000, 1, 1}, 10957}, {{1900, 1, 1}, -25567},
      {{2199, 12, 31}, 84005}, {{2025, 4, 4}, 20182},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.date.DaysSinceEpoch(), c.days) << c.date.ToIso();
    EXPECT_EQ(Date::FromDaysSinceEpoch(c.days), c.date) << c.days;
  }
}

TEST(Date, AddDaysCrossesMonthsYearsAndLeapDays) {
  struct Case {
    Date from;
    long days;
    Date expected;
  };
  const Case cases[] = {
      {{2024, 2, 28}, 1, {2024, 2, 29}},
      {{2024, 2, 28}, 2, {2024, 3, 1}},
      {{2025, 2, 28}, 1, {2025, 3, 1}},
      {{2025, 12, 31}, 1, {2026, 1, 1}},
      {{2026, 1, 1}, -1, {2025, 12, 31}},
      {{2025, 10, 9}, 30, {2025, 11, 8}},  // published -> effective, 2025 No. 57
      {{2024, 3, 1}, -366, {2023, 3, 1}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.from.AddDays(c.days), c.expected) << c.from.ToIso() << " + " << c.days;
  }
}

TEST(Date, EveryDayOfTheRangeRoundTripsAndFollowsTheLast) {
  const Date first{1900, 1, 1};
  const Date last{2199, 12, 31};
  Date prev = first;
  for (long n = first.DaysSinceEpoch() + 1; n <= last.DaysSinceEpoch(); ++n) {
    const Date d = Date::FromDaysSinceEpoch(n);
    ASSERT_TRUE(d.valid()) << n;
    ASSERT_EQ(d.DaysSinceEpoch(), n) << d.ToIso();
    ASSERT_LT(prev, d);
    ASSERT_EQ(Date::FromIso(d.ToIso()), d);
    prev = d;
  }
  EXPECT_EQ(prev, last);
}

TEST(Date, OrdersByYearThenMonthThenDay) {
  const Date a{2025, 4, 4}, b{2025, 10, 9}, c{2026, 1, 1}, d{2025, 4, 5};
  EXPECT_LT(a, d);
  EXPECT_LT(d, b);
  EXPECT_LT(b, c);
  EXPECT_LT(Date({2024, 12, 31}), a);
  EXPECT_EQ(a, Date({2025, 4, 4}));
  EXPECT_FALSE(a < a);
}

}  // namespace
}  // namespace regdiff
