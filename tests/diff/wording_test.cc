// How diffs name announcements, dates, element lists and code ranges, and
// the phrase table their sentences are made of.
#include "diff/wording.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

TEST(Wording, CompressesCodeRangesToBasesAndRuns) {
  struct Case {
    std::vector<std::string> codes;
    std::string expected;
  } cases[] = {
      {{"1C909.a", "1C909.b", "1C910.a", "1C911.c", "1C912.a", "1C913.b"}, "1C909\u20131C913"},
      {{"1C913.a", "1C909.a"}, "1C909, 1C913"},
      {{"1C902.a", "1C903.b", "1E902.a", "1E902.b"}, "1C902\u20131C903, 1E902"},
      {{"2B005.b", "2C902.a", "2E902"}, "2B005, 2C902, 2E902"},
      {{"3C901.a.1", "3C901.b.2", "3B901.a"}, "3B901, 3C901"},
      {{"1C99.a", "1C100.a"}, "1C99\u20131C100"},  // digit runs compare as numbers
      {{}, ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CodeRanges(c.codes), c.expected);
}

TEST(Wording, NamesElementsInGivenOrder) {
  const std::vector<std::string> symbols = {"Ho", "Er", "Tm", "Eu", "Yb"};
  EXPECT_EQ(ElementWords(symbols, SummaryLang::kEn), "holmium, erbium, thulium, europium and ytterbium");
  EXPECT_EQ(ElementWords(symbols, SummaryLang::kZh), "钬、铒、铥、铕、镱");
  EXPECT_EQ(ElementWords({"Sm"}, SummaryLang::kEn), "samarium");
  EXPECT_EQ(ElementWords({"Sm", "Xx"}, SummaryLang::kEn), "samarium and Xx");
}

TEST(Wording, NamesAnnouncementsByNumber) {
  EXPECT_EQ(DocName("mofcom-gacc-2025-70", SummaryLang::kEn), "No. 70 of 2025");
  EXPECT_EQ(DocName("mofcom-gacc-2025-70", SummaryLang::kEn, 2025), "No. 70");
  EXPECT_EQ(DocName("mofcom-gacc-2025-70", SummaryLang::kEn, 2024), "No. 70 of 2025");
  EXPECT_EQ(DocName("mofcom-gacc-2025-70", SummaryLang::kZh, 2025), "2025年第70号公告");
  EXPECT_EQ(DocName("not-a-doc-id", SummaryLang::kEn), "not-a-doc-id");
  Announcement unnumbered;
  EXPECT_EQ(AnnouncementName(unnumbered, SummaryLang::kEn), "the announcement");
  EXPECT_EQ(AnnouncementName(testing::No57(), SummaryLang::kZh), "2025年第57号公告");
}

TEST(Wording, WritesDatesAndListsPerLanguage) {
  EXPECT_EQ(DateWords(Date{2025, 11, 8}, SummaryLang::kEn), "2025-11-08");
  EXPECT_EQ(DateWords(Date{2025, 11, 8}, SummaryLang::kZh), "2025年11月8日");
  EXPECT_EQ(JoinList({"a"}, SummaryLang::kEn), "a");
  EXPECT_EQ(JoinList({"a", "b"}, SummaryLang::kEn), "a and b");
  EXPECT_EQ(JoinList({"a", "b", "c"}, SummaryLang::kEn), "a, b and c");
  EXPECT_EQ(JoinList({"a", "b", "c"}, SummaryLang::kZh), "a、b、c");
  EXPECT_EQ(SayCount(1, Phrase::kCode, Phrase::kCodes, SummaryLang::kEn), "1 code");
  EXPECT_EQ(SayCount(15, Phrase::kCode, Phrase::kCodes, SummaryLang::kEn), "15 codes");
  EXPECT_EQ(SayCount(15, Phrase::kCode, Phrase::kCodes, SummaryLang::kZh), "15个管制编码");
}

TEST(Phrases, PutArgumentsInTheirPlacesPerLanguage) {
  EXPECT_EQ(Say(Phrase::kNameChanged, SummaryLang::kEn, {"a", "b"}), "name changed from a to b");
  EXPECT_EQ(Say(Phrase::kNameChanged, SummaryLang::kZh, {"a", "b"}), "名称由a改为b");
  // Word order differs: the left side comes last in English, first in Chinese.
  EXPECT_EQ(Say(Phrase::kDrops, SummaryLang::kEn, {"R", "L", "items", " (1 code)"}),
            "R drops items (1 code) listed in L");
  EXPECT_EQ(Say(Phrase::kDrops, SummaryLang::kZh, {"R", "L", "物项", "（1个管制编码）"}),
            "R删去了L所列的物项（1个管制编码）");
  EXPECT_EQ(Say(Phrase::kEffectiveNotStated, SummaryLang::kZh), "未载明实施日期");
}

TEST(Phrases, ASentenceStartsWithACapitalInEnglishOnly) {
  EXPECT_EQ(Say(Phrase::kSentence, SummaryLang::kEn, {"no differences"}), "No differences.");
  EXPECT_EQ(Say(Phrase::kSentence, SummaryLang::kEn, {"1C902.a: x"}), "1C902.a: x.");
  EXPECT_EQ(Say(Phrase::kSentence, SummaryLang::kZh, {"mofcom#一"}), "mofcom#一。");
}

// Every language's pattern of a phrase uses the same placeholders: a
// translation says the same things, in its own order. Three phrases differ
// as written: dates (ISO in English; year, month and day in Chinese), this
// year's numbers (English leaves the year out) and a recoded item (English
// leaves the other side unnamed).
TEST(Phrases, EveryLanguageUsesTheSamePlaceholders) {
  auto placeholders = [](std::string_view pattern) {
    std::multiset<char> out;
    for (size_t i = 0; i + 1 < pattern.size(); ++i)
      if (pattern[i] == '{') out.insert(pattern[i + 1]);
    return out;
  };
  for (size_t p = 0; p < static_cast<size_t>(Phrase::kCount); ++p) {
    const Phrase phrase = static_cast<Phrase>(p);
    EXPECT_FALSE(PhrasePattern(phrase, SummaryLang::kEn).empty()) << p;
    // Chinese sentences follow one another without a space.
    if (phrase != Phrase::kSentenceGap) {
      EXPECT_FALSE(PhrasePattern(phrase, SummaryLang::kZh).empty()) << p;
    }
    if (phrase == Phrase::kDate || phrase == Phrase::kNumberNameThisYear ||
        phrase == Phrase::kListsUnderCode) {
      continue;
    }
    EXPECT_EQ(placeholders(PhrasePattern(phrase, SummaryLang::kEn)),
              placeholders(PhrasePattern(phrase, SummaryLang::kZh)))
        << "phrase " << p << ": " << PhrasePattern(phrase, SummaryLang::kEn);
  }
}

}  // namespace
}  // namespace regdiff::diff
