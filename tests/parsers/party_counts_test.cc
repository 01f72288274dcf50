// The counts of parties an announcement states for a list ("等20家日本实体",
// "20 Japanese entities"), kept whether or not the copy prints every name.
#include <gtest/gtest.h>

#include "parsers/parse.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;
using testing::Traditional;

TEST(PartyCounts, AChineseSentenceStatesTheCountAndCountryOfItsList) {
  auto a = ParseAnnouncement(Simplified(
      "商务部公告2026年第12号\n商务部决定将斯巴鲁株式会社等20家日本实体列入关注名单。\n"));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->party_counts.size(), 1u);
  const PartyCount& c = a->party_counts[0];
  EXPECT_EQ(c.list, PartyList::kWatchList);
  EXPECT_EQ(c.action, PartyAction::kAdd);
  EXPECT_EQ(c.count, 20);
  EXPECT_EQ(c.country, "JP");
  EXPECT_NE(c.evidence.text.find("等20家日本实体"), std::string::npos) << c.evidence.text;
}

TEST(PartyCounts, TraditionalTextsAndEnglishTextsToo) {
  auto hant = ParseAnnouncement(
      Traditional("商務部公告2026年第11號\n商務部決定將三菱重工業株式會社等20家日本實體列入出口管制管控名單。\n",
                  "商务部公告2026年第11号\n商务部决定将三菱重工业株式会社等20家日本实体列入出口管制管控名单。\n"));
  ASSERT_TRUE(hant.ok());
  ASSERT_EQ(hant->party_counts.size(), 1u);
  EXPECT_EQ(hant->party_counts[0].list, PartyList::kControlList);
  EXPECT_EQ(hant->party_counts[0].count, 20);

  auto en = ParseAnnouncement(Simplified(
      "MOFCOM Announcement No. 12 of 2026\n"
      "20 Japanese entities, including SUBARU Corporation, have been added to the Watch List.\n"));
  ASSERT_TRUE(en.ok());
  ASSERT_EQ(en->party_counts.size(), 1u);
  EXPECT_EQ(en->party_counts[0].list, PartyList::kWatchList);
  EXPECT_EQ(en->party_counts[0].count, 20);
  EXPECT_EQ(en->party_counts[0].country, "JP");
}

TEST(PartyCounts, AnotherAnnouncementsCountIsNotThisOnes) {
  // The citation acts, not this announcement: neither its names nor its count are ours.
  auto a = ParseAnnouncement(Simplified(
      "商务部公告2026年第30号\n商务部公告2026年第12号将斯巴鲁株式会社等20家日本实体列入关注名单。"
      "现决定暂停实施有关措施。\n"));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->party_counts.empty());
  EXPECT_TRUE(a->parties.empty());
}

}  // namespace
}  // namespace regdiff::parsers
