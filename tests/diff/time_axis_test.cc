// TimeAxis: where a day falls and which ticks are drawn and labelled.
#include "diff/time_axis.h"

#include <gtest/gtest.h>

namespace regdiff {
namespace {

long Day(int y, int m, int d) { return Date{y, m, d}.DaysSinceEpoch(); }

TEST(TimeAxis, MapsThePaddedSpanOntoTheWidthInOrder) {
  const TimeAxis axis(Day(2025, 1, 1), Day(2025, 12, 31), 100, 800);
  EXPECT_LT(axis.first_day(), Day(2025, 1, 1));  // padded
  EXPECT_GT(axis.last_day(), Day(2025, 12, 31));
  EXPECT_DOUBLE_EQ(axis.X(axis.first_day()), 100);
  EXPECT_DOUBLE_EQ(axis.X(axis.last_day()), 900);
  EXPECT_GT(axis.X(Day(2025, 1, 1)), 100);
  EXPECT_LT(axis.X(Day(2025, 12, 31)), 900);
  EXPECT_LT(axis.X(Day(2025, 6, 1)), axis.X(Day(2025, 6, 2)));
}

TEST(TimeAxis, OneDayStillHasAWidth) {
  const TimeAxis axis(Day(2025, 11, 7), Day(2025, 11, 7), 0, 100);
  EXPECT_LT(axis.first_day(), axis.last_day());
  EXPECT_GT(axis.X(Day(2025, 11, 7)), 0);
  EXPECT_LT(axis.X(Day(2025, 11, 7)), 100);
}

TEST(TimeAxis, ShortSpansTickEveryMonthAndLongOnesEveryYear) {
  // Padded by 15 days: 2025-09-24 to 2026-03-11, seven months, each labelled.
  const TimeAxis months(Day(2025, 10, 9), Day(2026, 2, 24), 0, 100);
  std::vector<std::string> labels;
  const std::vector<AxisTick> ticks = months.Ticks();
  for (const AxisTick& t : ticks) {
    EXPECT_EQ(Date::FromDaysSinceEpoch(t.day).day, 1);
    EXPECT_GE(t.day, months.first_day());
    EXPECT_LE(t.day, months.last_day());
    if (!t.label.empty()) labels.push_back(t.label);
  }
  ASSERT_FALSE(labels.empty());
  EXPECT_EQ(labels.front(), "2025-10");
  EXPECT_EQ(labels.back(), "2026-03");
  EXPECT_EQ(labels.size(), ticks.size());

  const TimeAxis years(Day(2000, 3, 1), Day(2026, 2, 24), 0, 100);
  size_t labelled = 0;
  for (const AxisTick& t : years.Ticks()) {
    const Date d = Date::FromDaysSinceEpoch(t.day);
    EXPECT_EQ(d.month, 1);
    EXPECT_EQ(d.day, 1);
    if (!t.label.empty()) {
      ++labelled;
      EXPECT_EQ(t.label, std::to_string(d.year));
    }
  }
  EXPECT_GE(labelled, 5u);
  EXPECT_LE(labelled, 14u);  // about ten, never one per year of 26
}

TEST(TimeAxis, SvgNumbersHaveOneDecimal) {
  EXPECT_EQ(SvgNumber(12.345), "12.3");
  EXPECT_EQ(SvgNumber(0), "0.0");
}

}  // namespace
}  // namespace regdiff
