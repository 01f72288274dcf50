// The Simplified matching view of Chinese text: byte-aligned with the text,
// Traditional characters converted, so offsets found in it hold in the text.
#include "parsers/zh_simplified.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace regdiff::parsers {
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

// A normalised text as ingest/ leaves it: no matching view yet.
NormalizedText Raw(std::string text) {
  NormalizedText n;
  n.text = std::move(text);
  return n;
}

TEST(ZhSimplified, ConvertsTraditionalToSimplifiedForMatching) {
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
    NormalizedText n = WithMatchingView(Raw(c.traditional));
    EXPECT_EQ(n.match, c.simplified) << c.traditional;
    ExpectAligned(n);
  }
  // `text` keeps the characters as written.
  EXPECT_EQ(WithMatchingView(Raw("暫停實施")).text, "暫停實施");
}

TEST(ZhSimplified, OffsetsInMatchAreOffsetsInText) {
  NormalizedText n =
      WithMatchingView(Raw("經批准,商務部、海關總署公告2025年第57號暫停實施。\n參考海關商品編號:28053019"));
  size_t pos = n.match.find("参考海关商品编号");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_EQ(n.text.substr(pos, std::string("參考海關商品編號").size()), "參考海關商品編號");
  ExpectAligned(n);
}

TEST(ZhSimplified, KeepsCharactersWhoseSimplifiedFormHasAnotherLength) {
  // OpenCC maps U+346E (3 UTF-8 bytes) to U+2B748 (4 bytes): the whole-text
  // conversion changes length, so conversion goes character by character and
  // keeps that one while still simplifying the others.
  std::string input = "商務部\u346E海關";
  std::string match = ToSimplifiedAligned(input);
  EXPECT_EQ(match, "商务部\u346E海关");
  EXPECT_EQ(match.size(), input.size());
}

TEST(ZhSimplified, ToSimplifiedAlignedLeavesAsciiAndInvalidBytesAlone) {
  EXPECT_EQ(ToSimplifiedAligned("1C909.a 28053019"), "1C909.a 28053019");
  std::string invalid = "關\xFF總";
  std::string match = ToSimplifiedAligned(invalid);
  EXPECT_EQ(match.size(), invalid.size());
  EXPECT_EQ(match, "关\xFF总");
}


TEST(ZhSimplified, AnEnglishTextIsItsOwnMatchingView) {
  NormalizedText n = WithMatchingView(Raw("MOFCOM Announcement No. 61 of 2025"));
  EXPECT_EQ(n.match, n.text);
}

TEST(ZhSimplified, AMatchingViewTheCallerMadeIsKept) {
  NormalizedText n;
  n.text = "商務部";
  n.match = "商务部";
  EXPECT_EQ(WithMatchingView(n).match, "商务部");
}

}  // namespace
}  // namespace regdiff::parsers
