// OCR slips in English copies: letters read for digits inside numbers, and
// the letters l and I read for each other, are repaired in the matching view,
// so numbers, years, HS codes, labels and names are read, and the evidence
// still quotes the text as printed.
#include <gtest/gtest.h>

#include <string>

#include "parsers/en_ocr_repair.h"
#include "tests/parsers/parts.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

std::string Repaired(std::string s) {
  RepairOcrDigits(s);
  return s;
}

TEST(EnOcrDigits, LettersInsideNumbersBecomeDigits) {
  EXPECT_EQ(Repaired("No. l8 of 2O25"), "No. 18 of 2025");
  EXPECT_EQ(Repaired("HS code 28O53O19"), "HS code 28053019");
  EXPECT_EQ(Repaired("2o25-1O-09"), "2025-10-09");
  EXPECT_EQ(Repaired("No.I8"), "No.18");
}

TEST(EnOcrDigits, WordsThatAreNotNumbersAreLeftAlone) {
  for (const std::string s : {"H2O", "1C902", "IO", "I", "l", "Oil", "lOl1", "Sm-Co",
                              "Article I", "Tm2O3", "No. 18 of 2025"}) {
    EXPECT_EQ(Repaired(s), s);
  }
}

std::string LettersRepaired(std::string s) {
  RepairOcrLetters(s);
  return s;
}

TEST(EnOcrLetters, ACapitalIInsideALowercaseWordIsTheLetterL) {
  EXPECT_EQ(LettersRepaired("the GeneraI Administration"), "the General Administration");
  EXPECT_EQ(LettersRepaired("[ReIease Date] ApriI 4, 2025"), "[Release Date] April 4, 2025");
  EXPECT_EQ(LettersRepaired("PeopIe's RepubIic"), "People's Republic");
}

TEST(EnOcrLetters, AnInitialLBeforeAConsonantIsTheLetterI) {
  EXPECT_EQ(LettersRepaired("[lssuing Authority]"), "[Issuing Authority]");
  EXPECT_EQ(LettersRepaired("lndium antimonide"), "Indium antimonide");
}

TEST(EnOcrLetters, WordsSpelledRightAreLeftAlone) {
  for (const std::string s : {"Indium", "InSb", "MIIT", "Article II", "I", "lead", "llama",
                              "lymph", "Ministry of Industry", "IEEE", "Sm-Co", "Ltd."}) {
    EXPECT_EQ(LettersRepaired(s), s);
  }
}

TEST(EnOcrLetters, TheParserReadsARepairedHeader) {
  const NormalizedText text = testing::Simplified(
      "[Document Number] Announcement No. 18 [2025] of the Ministry of\n"
      "Commerce and the GeneraI Administration of Customs\n"
      "[ReIease Date] ApriI 4, 2025\n");
  Announcement a = testing::EnAnnouncement(text);
  EXPECT_EQ(a.doc_id.value_or("(none)"), "mofcom-gacc-2025-18");
  EXPECT_EQ(a.published.value_or(Date{}).ToIso(), "2025-04-04");
  EXPECT_EQ(a.published_evidence.text, "ApriI 4, 2025");
}

TEST(EnOcrDigits, TheParserReadsTheRepairedNumberAndQuotesThePrintedOne) {
  const NormalizedText text = testing::Simplified(
      "MOFCOM GAC Announcement No. l8 of 2O25\n"
      "Samarium, gadolinium and five other rare earths come under export control\n");
  Announcement a = testing::EnAnnouncement(text);
  EXPECT_EQ(a.doc_id.value_or("(none)"), "mofcom-gacc-2025-18");
  EXPECT_EQ(a.number_evidence.text, "MOFCOM GAC Announcement No. l8 of 2O25");
}

}  // namespace
}  // namespace regdiff::parsers
