// Date recognition: the forms announcements use, with their byte offsets, and
// the look-alikes that are no date.
#include "parsers/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace regdiff::parsers {
namespace {

struct DateCase {
  std::string text;
  std::string iso;    // the one date expected
  std::string found;  // the bytes [begin, end) must spell exactly this
};

TEST(Dates, FindsEveryFormWithItsOffsets) {
  const DateCase cases[] = {
      {"本公告自2025年4月4日起实施", "2025-04-04", "2025年4月4日"},
      {"【发文日期】2025年04月04日", "2025-04-04", "2025年04月04日"},
      {"2025 年 11 月 8 日", "2025-11-08", "2025 年 11 月 8 日"},
      {"落款:二〇二五年四月四日", "2025-04-04", "二〇二五年四月四日"},
      {"二○二五年十月九日", "2025-10-09", "二○二五年十月九日"},
      {"二〇二四年十二月三十一日止", "2024-12-31", "二〇二四年十二月三十一日"},
      {"发文时间: 2025-04-04", "2025-04-04", "2025-04-04"},
      {"发文时间: 2025-10-9", "2025-10-09", "2025-10-9"},
      {"2025/4/4", "2025-04-04", "2025/4/4"},
      {"2025.11.8", "2025-11-08", "2025.11.8"},
      {"财闻 2025-10-09 09:47:23", "2025-10-09", "2025-10-09"},
      {"Beijing, April 4, 2025.", "2025-04-04", "April 4, 2025"},
      {"dated 4 April 2025", "2025-04-04", "4 April 2025"},
      {"on Apr. 4, 2025", "2025-04-04", "Apr. 4, 2025"},
      {"until Sept. 30, 2025", "2025-09-30", "Sept. 30, 2025"},
      {"November 10th, 2026", "2026-11-10", "November 10th, 2026"},
      {"4th April 2025", "2025-04-04", "4th April 2025"},
      {"on the 4th of April, 2025", "2025-04-04", "4th of April, 2025"},
      {"15 Sept. 2024", "2024-09-15", "15 Sept. 2024"},
      {"2024年2月29日", "2024-02-29", "2024年2月29日"},  // leap day
  };
  for (const DateCase& c : cases) {
    std::vector<DateMatch> found = FindDates(c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].date.ToIso(), c.iso) << c.text;
    ASSERT_LE(found[0].end, c.text.size()) << c.text;
    EXPECT_EQ(c.text.substr(found[0].begin, found[0].end - found[0].begin), c.found) << c.text;
  }
}

TEST(Dates, IgnoresWhatIsNoFullDate) {
  const std::string cases[] = {
      "10月9日,商务部发布公告",      // no year
      "7月3日",                      // no year
      "October 9, the ministry said",  // no year
      "2025年2月30日",               // no such day
      "2025年13月1日",               // no such month
      "2025-02-29",                  // 2025 is no leap year
      "February 30, 2025",           // no such day
      "12025-04-04",                 // part of a longer number
      "2025-04-041",                 // part of a longer number
      "2025-04/04",                  // mixed separators
      "电话:010-65197390",           // phone numbers
      "传真:+86-10-6519-8888",
      "咨询电话 8610-6519-7390",
      "公告2025年第18号",            // year and number, no day
      "2025年",
  };
  for (const std::string& c : cases) EXPECT_TRUE(FindDates(c).empty()) << c;
}

TEST(Dates, FindsSeveralInOrder) {
  const std::string text = "自2025年12月1日起实施,至2026年11月10日止;发布于2025-10-9。";
  std::vector<DateMatch> found = FindDates(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].date.ToIso(), "2025-12-01");
  EXPECT_EQ(found[1].date.ToIso(), "2026-11-10");
  EXPECT_EQ(found[2].date.ToIso(), "2025-10-09");
  EXPECT_LT(found[0].end, found[1].begin);
  EXPECT_LT(found[1].end, found[2].begin);
}

TEST(Dates, DateAtStartAllowsLeadingSpacesOnly) {
  auto at = DateAtStart("  2025年4月4日 商务部");
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->date.ToIso(), "2025-04-04");
  EXPECT_EQ(at->begin, 2u);
  EXPECT_FALSE(DateAtStart("发布于2025年4月4日").has_value());
}

TEST(Dates, ParseDateAcceptsOneDateAndNothingElse) {
  struct Case {
    std::string text;
    std::string iso;  // empty: no date
  };
  const Case cases[] = {
      {"2025-10-9", "2025-10-09"},
      {" 二〇二五年四月四日 ", "2025-04-04"},
      {"2025年04月04日", "2025-04-04"},
      {"2025-10-09 09:47:23", ""},  // a time of day follows
      {"2025年4月4日起", ""},
      {"商务部 2025年4月4日", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    auto d = ParseDate(c.text);
    EXPECT_EQ(d ? d->ToIso() : "", c.iso) << c.text;
  }
}

}  // namespace
}  // namespace regdiff::parsers
