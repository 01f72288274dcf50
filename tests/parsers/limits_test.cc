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

// Our own announcement with `n` items numbered 1. to n. (no control codes:
// the numbers are what makes them items), in Chinese or English.
std::string NumberedList(size_t n, bool chinese) {
  std::string text = chinese ? "商务部公告2025年第99号\n根据有关规定，决定对下列物项实施出口管制:\n"
                             : "MOFCOM Announcement No. 99 of 2025\n"
                               "The following items are subject to export control:\n";
  for (size_t i = 1; i <= n; ++i) {
    text.append(std::to_string(i)).append(". ");
    text.append(chinese ? "金属钬制品" : "Holmium metal product ").append(std::to_string(i));
    text.append(chinese ? "(参考税则号列:28053019)\n" : " (HS code: 28053019)\n");
  }
  text.append(chinese ? "本公告自2025年11月8日起正式实施。\n"
                      : "This announcement takes effect on November 8, 2025.\n");
  return text;
}

TEST(ParseLimits, ItemsNumberedPast999AreAllRead) {
  // Numbers of four digits were no markers: items 1000 and up ran into 999.
  for (bool chinese : {true, false}) {
    Result<Announcement> a = ParseAnnouncement(Text(NumberedList(1200, chinese)));
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_EQ(a->items.size(), 1200u) << (chinese ? "zh" : "en");
    EXPECT_NE(a->items[999].name.find("1000"), std::string::npos) << a->items[999].name;
    EXPECT_EQ(a->items[999].name.find("1001"), std::string::npos) << a->items[999].name;
    EXPECT_NE(a->items[1199].name.find("1200"), std::string::npos) << a->items[1199].name;
  }
}

TEST(ParseLimits, AListOfTheCapsLengthIsReadWhole) {
  Result<Announcement> a = ParseAnnouncement(Text(NumberedList(kMaxItemsPerDocument, true)));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->items.size(), kMaxItemsPerDocument);
}

}  // namespace
}  // namespace regdiff::parsers
