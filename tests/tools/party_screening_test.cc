// query --party's matching: the query folded as stored keys are, equal keys a
// match, near misses possible matches and never hits.
#include "tools/party_screening.h"

#include <gtest/gtest.h>

#include "tests/party_test_states.h"

namespace regdiff::tools {
namespace {

using testing::ControlListState;
using testing::SubaruState;

struct Case {
  const char* query;
  bool listed;
  size_t matches;
  size_t possible;
};

TEST(PartyScreening, MatchesAnySpellingOfTheNameAndReportsNearMissesApart) {
  const Case kCases[] = {
      {"SUBARU Corporation", true, 1, 0},
      {"Subaru Corp.", true, 1, 0},
      {"ＳＵＢＡＲＵ　ＣＯＲＰ", true, 1, 0},
      {"斯巴鲁株式会社", true, 1, 0},
      {"斯巴魯株式會社", true, 1, 0},  // Traditional
      {"斯巴鲁", true, 1, 0},
      {"Northwind Aerospace Inc", true, 1, 0},
      {"Subaro Corporation", false, 0, 1},        // one letter off
      {"Northwind Aerospace Systems", false, 0, 1},  // holds the listed key
      {"Toyota Motor Corporation", false, 0, 0},
  };
  const std::vector<PartyState> parties = {ControlListState(), SubaruState()};
  for (const Case& c : kCases) {
    PartyScreening s = ScreenParty(c.query, parties);
    EXPECT_EQ(s.listed, c.listed) << c.query;
    EXPECT_EQ(s.matches.size(), c.matches) << c.query;
    EXPECT_EQ(s.possible.size(), c.possible) << c.query;
  }
}

TEST(PartyScreening, ReportsTheNameMatchedAndTheList) {
  PartyScreening s = ScreenParty("Subaru Corp.", {SubaruState()});
  ASSERT_EQ(s.matches.size(), 1u);
  EXPECT_EQ(s.query_key, "subaru");
  EXPECT_EQ(s.matches[0].matched_name, "SUBARU Corporation");
  EXPECT_EQ(s.matches[0].state.list, PartyList::kWatchList);
  EXPECT_EQ(s.matches[0].state.listed_by, "mofcom-2026-12");
}

TEST(PartyScreening, ARemovedOrSuspendedPartyMatchesButIsNotListed) {
  for (PartyStatus status : {PartyStatus::kRemoved, PartyStatus::kSuspended,
                             PartyStatus::kNotYetInForce}) {
    PartyState removed = SubaruState();
    removed.status = status;
    PartyScreening s = ScreenParty("SUBARU Corporation", {removed});
    EXPECT_FALSE(s.listed) << PartyStatusName(status);
    EXPECT_EQ(s.matches.size(), 1u);
  }
}

TEST(PartyScreening, ANameOfOnlyPunctuationMatchesNothing) {
  EXPECT_EQ(QueryNameKey("..."), "");
  PartyScreening s = ScreenParty("...", {SubaruState()});
  EXPECT_FALSE(s.listed);
  EXPECT_TRUE(s.matches.empty());
  EXPECT_TRUE(s.possible.empty());
}

}  // namespace
}  // namespace regdiff::tools
