// Element names in text, by Chinese name and by English name or symbol, and
// the per-line sets the item readers share between items.
#include "parsers/element_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

TEST(ZhElementNames, FindsEveryNamedElementInTableOrder) {
  struct Case {
    std::string text;
    std::vector<std::string> elements;
  };
  const Case cases[] = {
      {"金属钐及其制品", {"Sm"}},
      {"钐钴永磁体、钕铁硼", {"Nd", "Sm"}},        // table order, not text order
      {"碲化铋", {"Bi"}},                         // 碲化: a compound class
      {"锗酸铋晶体", {"Bi"}},                      // 锗酸: a compound class
      {"碲化镉与金属碲", {"Te"}},                   // another mention of 碲 counts
      {"以下任何一种的碲化合物单晶", {"Te"}},        // 化合物: compounds of tellurium
      {"碲化", {}},                               // at the very end
      {"钐", {"Sm"}},                             // a name at the very end
      {"稀土", {}},
      {"", {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(ElementSymbols(ZhElementSetIn(c.text)), c.elements) << c.text;
}

TEST(EnElementNames, ReadsSymbolsInBracketsOfOneAndTwoLetters) {
  EXPECT_EQ(ElementSymbols(EnElementSetIn("Metal (Y), oxide (Dy)")),
            (std::vector<std::string>{"Y", "Dy"}));
  EXPECT_EQ(ElementSymbols(EnElementSetIn("(Xy) (ho) ()")), std::vector<std::string>{});
}

TEST(LineElements, GivesEachLineItsOwnSet) {
  NormalizedText text = testing::Simplified("一、钐\n(一)钕\n(二)钬与holmium");
  TextView tv(text);
  LineElements zh(tv, ZhElementSetIn);
  EXPECT_EQ(ElementSymbols(zh.Of(1)), std::vector<std::string>{"Nd"});
  EXPECT_EQ(ElementSymbols(zh.Of(0) | zh.Of(2)), (std::vector<std::string>{"Sm", "Ho"}));
  EXPECT_EQ(ElementSymbols(zh.Of(0)), std::vector<std::string>{"Sm"});  // asked again
}

}  // namespace
}  // namespace regdiff::parsers
