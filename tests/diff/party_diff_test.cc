// DiffParties and PartyMatchKey: which parties are the same on two sides,
// which one side alone names, and which changed a field.
#include "diff/party_diff.h"

#include <gtest/gtest.h>

#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

using testing::ControlListAdd;
using testing::MakeParty;
using testing::WatchListAdd;

TEST(PartyMatchKey, FoldsCaseSpacesAndPunctuation) {
  struct Case {
    const char* name;
    const char* key;
  } cases[] = {
      {"Huntington Ingalls Industries, Inc.", "huntingtoningallsindustriesinc"},
      {"SUBARU Corporation", "subarucorporation"},
      {"Global Dimensions LLC", "globaldimensionsllc"},
      {"斯巴鲁株式会社", "斯巴鲁株式会社"},
      {"全球维度公司（美国）", "全球维度公司美国"},
  };
  for (const Case& c : cases) {
    Party p;
    p.name = c.name;
    EXPECT_EQ(PartyMatchKey(p), c.key) << c.name;
  }
}

TEST(PartyMatchKey, IsThePartysKeyWhenItHasOne) {
  Party p;
  p.name = "斯巴鲁株式会社";
  p.key = "斯巴鲁";
  EXPECT_EQ(PartyMatchKey(p), "斯巴鲁");
  p.key.clear();  // none: the printed name folded
  EXPECT_EQ(PartyMatchKey(p), "斯巴鲁株式会社");
}

// A party with the match keys the parser gives it (set by hand here).
Party Keyed(Party p, const std::string& key, const std::string& key_en = "") {
  p.key = key;
  p.key_en = key_en;
  return p;
}

TEST(DiffParties, MatchesByTheStoredKeys) {
  // Names that fold to one key only when company forms and script are
  // folded too, as the parser's keys are.
  const Party zh = Keyed(WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation"), "斯巴鲁", "subaru");
  const Party hant = Keyed(WatchListAdd("斯巴魯株式會社", "Subaru Corp."), "斯巴鲁", "subaru");
  const Party en = Keyed(WatchListAdd("SUBARU CORP"), "subaru");
  const Party other = Keyed(WatchListAdd("斯巴鲁株式会社"), "另一家");

  PartyDiffOptions across;
  across.same_language = false;
  EXPECT_TRUE(DiffParties({zh}, {hant}, across).empty()) << "the same key";
  EXPECT_TRUE(DiffParties({zh}, {en}, across).empty()) << "key_en meets the English text's key";
  EXPECT_TRUE(DiffParties({en}, {zh}, across).empty()) << "and the other way round";
  const PartyDiff d = DiffParties({zh}, {other});
  EXPECT_EQ(d.added.size(), 1u) << "the same printed name, another key";
  EXPECT_EQ(d.removed.size(), 1u);
}

std::vector<std::string> Names(const std::vector<Party>& parties) {
  std::vector<std::string> out;
  for (const Party& p : parties) out.push_back(p.name);
  return out;
}

std::vector<std::string> Names(const std::vector<PartyChange>& changes) {
  std::vector<std::string> out;
  for (const PartyChange& c : changes) out.push_back(c.right.name);
  return out;
}

struct DiffCase {
  const char* what;
  std::vector<Party> left;
  std::vector<Party> right;
  bool same_language;
  std::vector<std::string> added;    // names, right order
  std::vector<std::string> removed;  // names, left order
  std::vector<std::string> changed;  // right names
};

TEST(DiffParties, MatchesByListActionAndKey) {
  const Party subaru = WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation");
  const Party gd = ControlListAdd("Global Dimensions LLC");
  const DiffCase cases[] = {
      {"the same party on both sides", {subaru}, {subaru}, true, {}, {}, {}},
      {"names that differ in case, spaces and punctuation only",
       {gd}, {ControlListAdd("global dimensions, llc")}, true, {}, {}, {}},
      {"another list is another entry",
       {subaru}, {MakeParty(PartyList::kControlList, PartyAction::kAdd, "斯巴鲁株式会社", "SUBARU Corporation", "JP")},
       true, {"斯巴鲁株式会社"}, {"斯巴鲁株式会社"}, {}},
      {"a removal is not the listing",
       {gd}, {MakeParty(PartyList::kControlList, PartyAction::kRemove, "Global Dimensions LLC", {}, "US")},
       true, {"Global Dimensions LLC"}, {"Global Dimensions LLC"}, {}},
      {"an English text's name meets the English name beside a Chinese one",
       {subaru}, {WatchListAdd("SUBARU Corporation")}, false, {}, {}, {}},
      {"a new party on the right, one gone from the left",
       {subaru, WatchListAdd("日本实体2")}, {subaru, WatchListAdd("日本实体3")}, true,
       {"日本实体3"}, {"日本实体2"}, {}},
      {"a stated country changed",
       {gd}, {ControlListAdd("Global Dimensions LLC", {}, "GB")}, true, {}, {}, {"Global Dimensions LLC"}},
      {"a country stated on one side only",
       {gd}, {ControlListAdd("Global Dimensions LLC", {}, std::nullopt)}, true, {}, {}, {"Global Dimensions LLC"}},
      {"an English name changed in one language",
       {subaru}, {WatchListAdd("斯巴鲁株式会社", "Subaru Corp.")}, true, {}, {}, {"斯巴鲁株式会社"}},
      {"a repeat is matched once", {subaru}, {subaru, subaru}, true, {"斯巴鲁株式会社"}, {}, {}},
      {"nothing on either side", {}, {}, true, {}, {}, {}},
  };
  for (const DiffCase& c : cases) {
    SCOPED_TRACE(c.what);
    PartyDiffOptions options;
    options.same_language = c.same_language;
    const PartyDiff d = DiffParties(c.left, c.right, options);
    EXPECT_EQ(Names(d.added), c.added);
    EXPECT_EQ(Names(d.removed), c.removed);
    EXPECT_EQ(Names(d.changed), c.changed);
    EXPECT_EQ(d.empty(), c.added.empty() && c.removed.empty() && c.changed.empty());
  }
}

TEST(DiffParties, SaysWhichFieldChanged) {
  const PartyDiff d = DiffParties({ControlListAdd("Global Dimensions LLC", "GD", "US")},
                                  {ControlListAdd("Global Dimensions LLC", "GD LLC", "GB")});
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_TRUE(d.changed[0].name_en_changed);
  EXPECT_TRUE(d.changed[0].country_changed);
  EXPECT_EQ(d.changed[0].left.country, "US");
  EXPECT_EQ(d.changed[0].right.country, "GB");
}

TEST(DiffParties, EnglishNamesOfTwoLanguagesAreNotAChange) {
  PartyDiffOptions options;
  options.same_language = false;
  const PartyDiff d = DiffParties({WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation")},
                                  {WatchListAdd("SUBARU Corporation", "斯巴鲁株式会社")}, options);
  EXPECT_TRUE(d.empty());
}

}  // namespace
}  // namespace regdiff::diff
