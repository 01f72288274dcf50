#include "corpus/name_match.h"

#include <gtest/gtest.h>

#include <string>

namespace regdiff {
namespace {

struct KeyCase {
  const char* name;
  const char* key;
};

class PartyNameKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(PartyNameKeyTest, FoldsTheNameToItsKey) {
  EXPECT_EQ(PartyNameKey(GetParam().name), GetParam().key) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Names, PartyNameKeyTest,
    ::testing::Values(
        // Case, spaces and punctuation.
        KeyCase{"SUBARU CORPORATION", "subaru"}, KeyCase{"Subaru Corp.", "subaru"},
        KeyCase{"subaru", "subaru"},
        // Full-width letters and the ideographic space.
        KeyCase{"ＳＵＢＡＲＵ\u3000Ｃｏｒｐｏｒａｔｉｏｎ", "subaru"},
        // Several company forms in a row, and the comma before them.
        KeyCase{"Huntington Ingalls Industries, Inc.", "huntingtoningallsindustries"},
        KeyCase{"Mitsubishi Heavy Industries Co., Ltd.", "mitsubishiheavyindustries"},
        KeyCase{"Kawasaki Kisen Kabushiki Kaisha", "kawasakikisen"},
        KeyCase{"The Boeing Company", "boeing"},
        // Chinese and Japanese forms at either end.
        KeyCase{"斯巴鲁株式会社", "斯巴鲁"}, KeyCase{"株式会社斯巴鲁", "斯巴鲁"},
        KeyCase{"某某科技股份有限公司", "某某科技"}, KeyCase{"某某航空有限责任公司", "某某航空"},
        KeyCase{"亨廷顿·英格尔斯工业公司", "亨廷顿英格尔斯工业"},
        KeyCase{"亨廷顿・英格尔斯工业公司", "亨廷顿英格尔斯工业"},
        KeyCase{"“某某”有限公司", "某某"},
        // A name that is only a company form keeps it: nothing else names it.
        KeyCase{"有限公司", "有限公司"}, KeyCase{"Limited", "limited"},
        // Words that look like forms inside a name stay.
        KeyCase{"Co-operative Bank of Kenya", "cooperativebankofkenya"},
        // Nothing but punctuation.
        KeyCase{" .,（）", ""}));

TEST(PartyNameKey, LeavesTraditionalScriptToTheCaller) {
  // corpus/ has no OpenCC: 斯巴魯 and 斯巴鲁 differ here and are folded by
  // the parser (Party::key) or the command line before the key is made.
  EXPECT_NE(PartyNameKey("斯巴魯株式會社"), PartyNameKey("斯巴鲁株式会社"));
}

TEST(NameSimilarity, IsOneForEqualKeysAndZeroForAnEmptyOne) {
  EXPECT_DOUBLE_EQ(NameSimilarity("subaru", "subaru"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("", "subaru"), 0.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("subaru", ""), 0.0);
}

TEST(NameSimilarity, CountsEditsOverCodePoints) {
  // One letter of six replaced.
  EXPECT_NEAR(NameSimilarity("subaru", "subarv"), 5.0 / 6.0, 1e-9);
  // One character of three left out: 2 of 3 remain.
  EXPECT_NEAR(NameSimilarity("斯巴鲁", "斯鲁"), 2.0 / 3.0, 1e-9);
  EXPECT_LT(NameSimilarity("subaru", "toyota"), 0.5);
}

}  // namespace
}  // namespace regdiff
