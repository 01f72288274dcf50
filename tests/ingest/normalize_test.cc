// Normalisation: character folding, whitespace and line structure, and the
// byte-aligned Traditional-to-Simplified copy.
#include "ingest/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace regdiff::ingest {
namespace {

// Offsets where a UTF-8 character starts.
std::vector<size_t> CharStarts(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  return out;
}

void ExpectAligned(const NormalizedText& n) {
  EXPECT_EQ(n.match.size(), n.text.size()) << n.text;
  EXPECT_EQ(CharStarts(n.match), CharStarts(n.text)) << n.text;
}

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
    ExpectAligned(n);
  }
}

TEST(Normalize, ConvertsTraditionalToSimplifiedForMatching) {
  struct Case {
    std::string traditional;
    std::string simplified;
  };
  const Case cases[] = {
      {"商務部、海關總署公告2025年第55號", "商务部、海关总署公告2025年第55号"},
      {"暫停實施", "暂停实施"},
      {"銻", "锑"},
      {"鈥", "钬"},
      {"金屬鈥、鈥合金及其製品", "金属钬、钬合金及其制品"},
      {"商务部公告，简体不变", "商务部公告，简体不变"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToSimplifiedAligned(c.traditional), c.simplified);
    NormalizedText n = Normalize(c.traditional);
    EXPECT_EQ(n.match, Normalize(c.simplified).text) << c.traditional;
    ExpectAligned(n);
  }
  // `text` keeps the characters as written.
  EXPECT_EQ(Normalize("暫停實施").text, "暫停實施");
}

TEST(Normalize, OffsetsInMatchAreOffsetsInText) {
  NormalizedText n =
      Normalize("經批准，商務部、海關總署公告2025年第57號暫停實施。\n參考海關商品編號：28053019");
  size_t pos = n.match.find("参考海关商品编号");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_EQ(n.text.substr(pos, std::string("參考海關商品編號").size()), "參考海關商品編號");
  ExpectAligned(n);
}

TEST(Normalize, KeepsCharactersWhoseSimplifiedFormHasAnotherLength) {
  // OpenCC maps U+346E (3 UTF-8 bytes) to U+2B748 (4 bytes): the whole-text
  // conversion changes length, so conversion goes character by character and
  // keeps that one while still simplifying the others.
  std::string input = "商務部\u346E海關";
  std::string match = ToSimplifiedAligned(input);
  EXPECT_EQ(match, "商务部\u346E海关");
  EXPECT_EQ(match.size(), input.size());
}

TEST(Normalize, ToSimplifiedAlignedLeavesAsciiAndInvalidBytesAlone) {
  EXPECT_EQ(ToSimplifiedAligned("1C909.a 28053019"), "1C909.a 28053019");
  std::string invalid = "關\xFF總";
  std::string match = ToSimplifiedAligned(invalid);
  EXPECT_EQ(match.size(), invalid.size());
  EXPECT_EQ(match, "关\xFF总");
}

}  // namespace
}  // namespace regdiff::ingest
