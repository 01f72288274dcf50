// Timestamp: strict ISO parsing and formatting in UTC, calendar days, and
// arithmetic in seconds.
#include "corpus/timestamp.h"

#include <gtest/gtest.h>

#include <chrono>

namespace regdiff {
namespace {

using namespace std::chrono_literals;

TEST(Timestamp, FormatsAndParsesUtc) {
  const auto t = Timestamp::FromIso("2026-11-27T05:44:44Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->ToIso(), "2026-11-27T05:44:44Z");
  EXPECT_EQ((*t + 3600s).ToIso(), "2026-11-27T06:44:44Z");
  EXPECT_EQ((*t + 24h * 35).ToIso(), "2027-01-01T05:44:44Z");
  EXPECT_EQ(t->date(), (Date{2026, 11, 27}));
  EXPECT_EQ(Timestamp().ToIso(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Timestamp::FromIso("1969-12-31T23:59:59Z")->ToIso(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Timestamp::FromIso("1969-12-31T23:59:59Z")->date(), (Date{1969, 12, 31}));
}

TEST(Timestamp, RejectsAnythingButTheFullUtcForm) {
  for (const char* bad : {"", "2026-11-27", "2026-11-27T05:44:44", "2026-11-27 05:44:44Z",
                          "2026-11-27T24:00:00Z", "2026-11-27T05:60:00Z", "2026-11-27T05:44:61Z",
                          "2026-02-30T05:44:44Z", "2026-11-27T5:44:44Z ", "2026-11-27T05:44:4xZ"}) {
    EXPECT_FALSE(Timestamp::FromIso(bad).has_value()) << bad;
  }
}

TEST(Timestamp, ALeapSecondIsTheNextMinutesFirst) {
  EXPECT_EQ(Timestamp::FromIso("2016-12-31T23:59:60Z")->ToIso(), "2017-01-01T00:00:00Z");
}

TEST(Timestamp, OrdersAsTheIsoFormOrders) {
  const Timestamp a = *Timestamp::FromIso("2025-11-09T23:59:59Z");
  const Timestamp b = *Timestamp::FromIso("2025-11-10T00:00:00Z");
  EXPECT_LT(a, b);
  EXPECT_EQ(a + 1s, b);
  EXPECT_LT(a.ToIso(), b.ToIso());
}

TEST(Timestamp, NowIsTruncatedToTheSecond) {
  const auto before = std::chrono::floor<std::chrono::seconds>(Timestamp::Clock::now());
  const Timestamp now = Timestamp::Now();
  EXPECT_GE(now.time_point(), before);
  EXPECT_EQ(now.time_point(), std::chrono::floor<std::chrono::seconds>(now.time_point()));
  EXPECT_EQ(Timestamp::FromIso(now.ToIso()), now);
}

}  // namespace
}  // namespace regdiff
