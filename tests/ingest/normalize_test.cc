// Normalisation: character folding, whitespace and line structure.
#include "ingest/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace regdiff::ingest {
namespace {

TEST(Normalize, FoldsCharactersAndWhitespace) {
  struct Case {
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"１Ｃ９０２．ａ", "1C902.a"},
      {"（一）１Ｃ９０９．ａ　金属钬", "(一)1C909.a 金属钬"},
      {"参考海关商品编号：２８０５３０１９；", "参考海关商品编号:28053019;"},
      {"ｘ～！", "x~!"},
      {"a\u3000b", "a b"},
      {"a\u00A0b\u2003c\u200Ad\u202Fe\u205Ff", "a b c d e f"},
      {"钬\u200B合\u200C金\u200D\uFEFF", "钬合金"},
      {"\uFEFF商务部", "商务部"},
      {"、。《》【】", "、。《》【】"},  // CJK punctuation is not full-width ASCII
      {"a\r\nb\rc\nd", "a\nb\nc\nd"},
      {"　　一、钬（Ho）", "一、钬(Ho)"},  // ideographic indentation stripped
      {"  行首空格\n\t制表符缩进", "行首空格\n制表符缩进"},
      {"行尾空格   \n下一行", "行尾空格\n下一行"},
      {"a\n\n\n\n\nb", "a\n\nb"},
      {"a\n \n\u3000\n\nb", "a\n\nb"},  // lines of spaces are blank lines
      {"\n\n\n开头\n结尾\n\n\n", "开头\n结尾"},
      {"bad \xFF byte", "bad \uFFFD byte"},
      {"cut \xE9\x92", "cut \uFFFD"},
      {"stray\x01 control\x7F", "stray control"},
      {"", ""},
  };
  for (const Case& c : cases) {
    NormalizedText n = Normalize(c.input);
    EXPECT_EQ(n.text, c.expected) << c.input;
  }
}

TEST(Normalize, LeavesTheMatchingViewToTheParser) {
  // Traditional characters stay as written; the Simplified matching view is
  // the Chinese parser's to make (parsers/zh_simplified.h).
  NormalizedText n = Normalize("暫停實施");
  EXPECT_EQ(n.text, "暫停實施");
  EXPECT_TRUE(n.match.empty());
}

}  // namespace
}  // namespace regdiff::ingest
