// Limits of the parsers' entry point: a text listing more items than
// kMaxItemsPerDocument is refused with a named error, in one language or in
// the half of a bilingual text.
#include <gtest/gtest.h>

#include <string>

#include "corpus/text.h"
#include "parsers/parse.h"

namespace regdiff::parsers {
namespace {

// Our own announcement header and `n` items with distinct control codes
// (made-up codes of the 1C909.a shape; the HS code is No. 57's).
std::string ItemList(size_t n) {
  std::string text = "商务部 海关总署公告2025年第57号\n一、钬相关物项\n";
  for (size_t i = 0; i < n; ++i) {
    text += std::to_string(i % 10) + "C" + std::to_string(100 + (i / 26) % 900) + "." +
            static_cast<char>('a' + i % 26) + " 金属钬（参考税则号列：28053019）。\n";
  }
  return text;
}

NormalizedText Text(const std::string& s) { return NormalizedText{s, s}; }

TEST(ParseLimits, ItemsUpToTheCapAreKept) {
  Result<Announcement> a = ParseAnnouncement(Text(ItemList(kMaxItemsPerDocument)));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->items.size(), kMaxItemsPerDocument);
}

TEST(ParseLimits, OneItemPastTheCapRefusesTheDocument) {
  const NormalizedText text = Text(ItemList(kMaxItemsPerDocument + 1));
  Result<Announcement> a = ParseAnnouncement(text);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(a.status().message().find("10001 items"), std::string::npos)
      << a.status().ToString();
  EXPECT_TRUE(ParseAnnouncements(text).empty());
}

}  // namespace
}  // namespace regdiff::parsers
