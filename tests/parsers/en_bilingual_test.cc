// Line-by-line language classification, bilingual detection, and the split
// of a bilingual text into two halves that keep every offset.
#include <gtest/gtest.h>

#include <string>

#include "parsers/lang_detect.h"
#include "parsers/parse.h"
#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::English;
using testing::EnglishFixture;

TEST(LineLang, ClassifiesLinesByScript) {
  struct Case {
    std::string line;
    LineLang lang;
  };
  const Case cases[] = {
      {"商务部公告2025年第62号", LineLang::kZh},
      {"(一)1C902.a 金属钐、含钐的合金及相关制品", LineLang::kZh},
      {"MOFCOM Announcement No. 62 of 2025", LineLang::kEn},
      {"Chinese original (中文原文)", LineLang::kEn},
      // A numbered entry naming a party in both scripts belongs to either half.
      {"1. 示例株式会社(Example Heavy Industries Aerospace Systems Corporation)",
       LineLang::kNeutral},
      {"1. Example Heavy Industries Aerospace Systems Corporation", LineLang::kEn},
      {"28053019", LineLang::kNeutral},
      {"1C909.a", LineLang::kNeutral},  // a code alone is neither language
      {"2025-10-09", LineLang::kNeutral},
      {"", LineLang::kNeutral},
  };
  for (const Case& c : cases) EXPECT_EQ(ClassifyLine(c.line), c.lang) << c.line;
}

const char kZhBlock[] =
    "商务部公告2025年第62号\n"
    "为维护国家安全和利益,依据有关法律法规,经国务院批准,决定对稀土相关技术实施出口管制。\n"
    "本公告自公布之日起实施。\n";
const char kEnBlock[] =
    "MOFCOM Announcement No. 62 of 2025\n"
    "In order to safeguard national security and interests, and under the relevant laws, export "
    "controls are imposed on rare-earth-related technologies with the approval of the State "
    "Council.\n"
    "This announcement shall come into force as of the date of promulgation.\n";

TEST(Bilingual, DetectsAChineseAndAnEnglishVersionOnOnePage) {
  EXPECT_TRUE(IsBilingual(English(std::string(kZhBlock) + kEnBlock)));
  EXPECT_TRUE(IsBilingual(EnglishFixture("mofcom-gacc-2025-70.bilingual.txt")));
  // Interleaved paragraph by paragraph.
  EXPECT_TRUE(IsBilingual(English(
      "商务部公告2025年第62号\nMOFCOM Announcement No. 62 of 2025\n"
      "为维护国家安全和利益,依据有关法律法规,经国务院批准,决定对稀土相关技术实施出口管制。\n"
      "In order to safeguard national security and interests, export controls are imposed on "
      "rare-earth-related technologies.\n"
      "本公告自公布之日起实施。\nThis announcement shall come into force as of the date of "
      "promulgation.\n")));
}

TEST(Bilingual, ChromeInTheOtherLanguageIsNotEnough) {
  // An English page linking its Chinese original.
  EXPECT_FALSE(IsBilingual(English(std::string(kEnBlock) + "Chinese original (中文原文)\n" +
                                   kEnBlock)));
  // A Chinese page with an English menu and copyright line.
  EXPECT_FALSE(IsBilingual(English(std::string("Home | English | Site Map\n") + kZhBlock +
                                   kZhBlock + "Copyright Ministry of Commerce. All rights reserved.\n")));
  // Monolingual texts.
  EXPECT_FALSE(IsBilingual(English(kEnBlock)));
  EXPECT_FALSE(IsBilingual(English(kZhBlock)));
}

TEST(Bilingual, ALineInBothLanguagesStaysInTheChineseHalf) {
  const std::string label = "【发文日期】2025年04月04日 [Date of publication] April 4, 2025\n";
  const std::string text = std::string(kZhBlock) + label + kEnBlock;
  BilingualParts parts = SplitBilingual(English(text));
  EXPECT_EQ(parts.zh.text.compare(text.find(label), label.size(), label), 0);
  // The Chinese record reads its publication date from that line.
  std::vector<Announcement> records = ParseAnnouncements(English(text));
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records.front().lang, Lang::kZh);
  EXPECT_EQ(records.front().published.value_or(Date{}).ToIso(), "2025-04-04");
}

TEST(Bilingual, SplitKeepsEveryOffset) {
  const std::string text = std::string(kZhBlock) + "28053019\n" + kEnBlock;
  BilingualParts parts = SplitBilingual(English(text));
  for (const NormalizedText* half : {&parts.zh, &parts.en}) {
    ASSERT_EQ(half->text.size(), text.size());
    ASSERT_EQ(half->match.size(), text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        EXPECT_EQ(half->text[i], '\n') << i;  // lines stay where they were
      }
    }
  }
  const size_t zh_line = text.find("本公告");
  const size_t en_line = text.find("This announcement");
  const size_t neutral = text.find("28053019");
  // Each half keeps its own lines at their offsets and blanks the other's.
  EXPECT_EQ(parts.zh.text.compare(zh_line, 9, "本公告"), 0);
  EXPECT_EQ(parts.zh.text.substr(en_line, 17), std::string(17, ' '));
  EXPECT_EQ(parts.en.text.compare(en_line, 17, "This announcement"), 0);
  EXPECT_EQ(parts.en.text.substr(zh_line, 9), std::string(9, ' '));
  // Neutral lines stay in both.
  EXPECT_EQ(parts.zh.text.compare(neutral, 8, "28053019"), 0);
  EXPECT_EQ(parts.en.text.compare(neutral, 8, "28053019"), 0);
}

}  // namespace
}  // namespace regdiff::parsers
