// The header of English announcements: the document's own number and
// issuers, its publication date and its title.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "corpus/issuers.h"
#include "tests/parsers/parts.h"
#include "parsers/text_view.h"
#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::English;

HeaderReading HeaderOf(const NormalizedText& n) { return testing::Parts(n, Lang::kEn).Header(); }

std::optional<std::string> DocIdOf(const HeaderReading& h) {
  if (!h.year || !h.number || h.issuers.empty()) return std::nullopt;
  return MakeDocId(h.issuers, *h.year, *h.number);
}

TEST(EnHeader, ReadsTheOwnNumberInEveryUsualForm) {
  struct Case {
    std::string text;
    std::string doc_id;
    std::string evidence;  // the own mention as the text shows it
  };
  const Case cases[] = {
      {"MOFCOM GAC Announcement No. 57 of 2025 on Imposing Export Controls on Holmium-Related "
       "Items\nThe items below are controlled.",
       "mofcom-gacc-2025-57", "MOFCOM GAC Announcement No. 57 of 2025"},
      {"[Document Number] Announcement No. 18 [2025] of the Ministry of Commerce and the General "
       "Administration of Customs\nBody.",
       "mofcom-gacc-2025-18",
       "Announcement No. 18 [2025] of the Ministry of Commerce and the General Administration of "
       "Customs"},
      {"Document No.: MOFCOM Announcement [2025] No. 62\nBody.", "mofcom-2025-62",
       "MOFCOM Announcement [2025] No. 62"},
      {"Ministry of Commerce & General Administration of Customs Announcement No.18 of 2025\n",
       "mofcom-gacc-2025-18",
       "Ministry of Commerce & General Administration of Customs Announcement No.18 of 2025"},
      {"MOFCOM Public Announcement No. 61, 2025\nBody.", "mofcom-2025-61",
       "MOFCOM Public Announcement No. 61, 2025"},
      {"[Issuance Number]: MOFCOM GACC Announcement No. 55 (2025)\n", "mofcom-gacc-2025-55",
       "MOFCOM GACC Announcement No. 55 (2025)"},
      {"Ministry of Commerce, Ministry of Industry and Information Technology, General "
       "Administration of Customs and State Cryptography Administration Announcement No. 51 of "
       "2024\n",
       "mofcom-miit-gacc-scs-2024-51",
       "Ministry of Commerce, Ministry of Industry and Information Technology, General "
       "Administration of Customs and State Cryptography Administration Announcement No. 51 of "
       "2024"},
      {"Announcement No. 72 of 2025 by the Ministry of Commerce: Suspension of Part of an Earlier "
       "Measure\n",
       "mofcom-2025-72", "Announcement No. 72 of 2025 by the Ministry of Commerce"},
      {"MOFCOM's Announcement No. 62 of 2025\n", "mofcom-2025-62",
       "MOFCOM's Announcement No. 62 of 2025"},
      {"Full text of MOFCOM GAC Announcement No. 58 of 2025\n", "mofcom-gacc-2025-58",
       "MOFCOM GAC Announcement No. 58 of 2025"},
      {"MOFCOM-GACC Announcement No. 56 of 2025\n", "mofcom-gacc-2025-56",
       "MOFCOM-GACC Announcement No. 56 of 2025"},
      // A news lead: the issuers stand before the verb of publishing.
      {"Beijing, November 7 -- On November 7, 2025, China's Ministry of Commerce and the General "
       "Administration of Customs jointly issued Announcement No. 70 of 2025, suspending several "
       "October measures.",
       "mofcom-gacc-2025-70",
       "Ministry of Commerce and the General Administration of Customs jointly issued "
       "Announcement No. 70 of 2025"},
      // A title with a lowercase verb after "on" is a title, not a citation.
      {"MOFCOM GAC Announcement No. 70 of 2025 on suspending the implementation of certain "
       "measures\n",
       "mofcom-gacc-2025-70", "MOFCOM GAC Announcement No. 70 of 2025"},
  };
  for (const Case& c : cases) {
    HeaderReading h = HeaderOf(English(c.text));
    EXPECT_EQ(DocIdOf(h), c.doc_id) << c.text;
    EXPECT_EQ(h.number_evidence.text, c.evidence) << c.text;
  }
}

TEST(EnHeader, ReadsTheYearAfterIssuersNamedAfterTheNumber) {
  const std::pair<std::string, std::string> cases[] = {
      {"Announcement No. 23 of the Ministry of Commerce in 2023\nBody.", "mofcom-2023-23"},
      {"Announcement No. 2026-11 of the Ministry of Commerce\nBody.", "mofcom-2026-11"},
      // A machine translation of 商务部公告2025年第61号.
      {"Decision No. 61 of the Ministry of Commerce No. 2025 on Rare-Earth Items\nBody.",
       "mofcom-2025-61"},
  };
  for (const auto& [text, doc_id] : cases)
    EXPECT_EQ(DocIdOf(HeaderOf(English(text))).value_or("(none)"), doc_id) << text;
}

TEST(EnHeader, ANewsLeadNamesAllTheIssuersOfAMentionInBrackets) {
  // The bracket names one body, the sentence four: the issuers are the four.
  HeaderReading h = HeaderOf(English(
      "On November 15, 2024, the Ministry of Commerce, the Ministry of Industry and Information "
      "Technology, the General Administration of Customs, and the State Cryptography "
      "Administration jointly issued the \"List of Dual-Use Items\" (Ministry of Commerce "
      "Announcement No. 51 of 2024), which will be implemented from December 1, 2024.\n"));
  EXPECT_EQ(DocIdOf(h).value_or("(none)"), "mofcom-miit-gacc-scs-2024-51");
  EXPECT_EQ(h.own_from, OwnNumberFrom::kProse);
  EXPECT_EQ(h.published.value_or(Date{}).ToIso(), "2024-11-15");
}

TEST(EnHeader, PrefersTheOwnNumberOverCitedOnes) {
  struct Case {
    std::string text;
    std::string doc_id;
  };
  const Case cases[] = {
      // A list at the start of a line is cited, not the own number.
      {"Announcements No. 55 and No. 56 of 2025 of MOFCOM and GAC are suspended.\n"
       "MOFCOM GAC Announcement No. 70 of 2025\n",
       "mofcom-gacc-2025-70"},
      // A mention followed by a citing verb is cited.
      {"MOFCOM Announcement No. 46 of 2024 shall be suspended until November 27, 2026.\n"
       "[Document Number] MOFCOM Announcement No. 72 of 2025\n",
       "mofcom-2025-72"},
      // Inside a sentence, a mention is no own number.
      {"Under MOFCOM Announcement No. 61 of 2025 a licence is needed.\n"
       "Title: MOFCOM Announcement No. 62 of 2025\n",
       "mofcom-2025-62"},
  };
  for (const Case& c : cases) EXPECT_EQ(DocIdOf(HeaderOf(English(c.text))), c.doc_id) << c.text;
}

TEST(EnHeader, TakesIssuersFromTheSignatureWhenTheNumberNamesNone) {
  HeaderReading h = HeaderOf(English(
      "Announcement No. 62 of 2025\nThis announcement shall come into force as of the date of "
      "promulgation.\nMinistry of Commerce\nOctober 9, 2025\n"));
  EXPECT_EQ(DocIdOf(h), "mofcom-2025-62");
}

TEST(EnHeader, ReadsIssuerNamesWrappedAcrossLines) {
  HeaderReading h = HeaderOf(English(
      "[Document Number] Announcement No. 18 [2025] of the Ministry of\nCommerce and the General "
      "Administration of Customs\nBody.\n"));
  EXPECT_EQ(DocIdOf(h), "mofcom-gacc-2025-18");
}

TEST(EnHeader, RefusesIssuersWhenAnUnreadableBodyIsNamedWithThem) {
  // OCR damaged the second name: MOFCOM alone would be a wrong doc_id.
  HeaderReading h = HeaderOf(English(
      "[Document Number] Announcement No. 18 [2025] of the Ministry of Commerce and the Genera1 "
      "Administration of Customs\nBody.\n"));
  EXPECT_EQ(h.number, 18);
  EXPECT_EQ(h.year, 2025);
  EXPECT_FALSE(DocIdOf(h).has_value());
}

TEST(EnHeader, PrefersANewsLeadToAnAnnouncementListedBelowIt) {
  HeaderReading h = HeaderOf(English(
      "On November 7, 2025, the Ministry of Commerce and the General Administration of Customs "
      "jointly issued Announcement No. 70 of 2025.\n"
      "Announcement No. 55 of 2025 of the Ministry of Commerce and the General Administration of "
      "Customs: Decision on Imposing Export Controls on Superhard Materials\n"));
  EXPECT_EQ(DocIdOf(h), "mofcom-gacc-2025-70");
}

TEST(EnHeader, GivesNoDocIdWithoutANumberAndYear) {
  const char* cases[] = {
      "The Ministry of Commerce announced new export controls today.",
      "MOFCOM GAC Announcement No. 70 suspends several measures.",  // no year
      "Decision No. 61 of the Ministry of Commerce",                // no announcement keyword
  };
  for (const char* text : cases) {
    HeaderReading h = HeaderOf(English(text));
    EXPECT_FALSE(h.number.has_value()) << text;
    EXPECT_FALSE(DocIdOf(h).has_value()) << text;
  }
}

TEST(EnHeader, ReadsThePublicationDate) {
  struct Case {
    std::string text;
    std::string published;  // ISO
    std::string evidence;
  };
  const Case cases[] = {
      {"Date of publication: October 9, 2025\nBody.", "2025-10-09", "October 9, 2025"},
      {"[Date of Issuance]: April 4, 2025\n", "2025-04-04", "April 4, 2025"},
      {"[Issuing Date] October 9, 2025\n", "2025-10-09", "October 9, 2025"},
      {"Release Date: 2025-11-09\n", "2025-11-09", "2025-11-09"},
      {"Released on November 7, 2025\n", "2025-11-07", "November 7, 2025"},
      {"Source: MOFCOM | Date of Publication: 9 October 2025\n", "2025-10-09", "9 October 2025"},
      {"IssuanceDate: 2025-04-04\n", "2025-04-04", "2025-04-04"},
      // The dated signature under the issuers' names.
      {"This announcement takes effect upon release.\nMinistry of Commerce  General "
       "Administration of Customs\nOctober 9, 2025\n",
       "2025-10-09", "October 9, 2025"},
      {"Body.\nMinistry of Commerce\nGeneral Administration of Customs\n\nNov. 7, 2025\n",
       "2025-11-07", "Nov. 7, 2025"},
      {"Body.\nMinistry of Commerce, October 9, 2025\n", "2025-10-09", "October 9, 2025"},
  };
  for (const Case& c : cases) {
    HeaderReading h = HeaderOf(English(c.text));
    ASSERT_TRUE(h.published.has_value()) << c.text;
    EXPECT_EQ(h.published->ToIso(), c.published) << c.text;
    EXPECT_EQ(h.published_evidence.text, c.evidence) << c.text;
  }
}

TEST(EnHeader, NeverReadsPageTimesOrDatesWithoutAYear) {
  const char* cases[] = {
      "Posted on October 12, 2025 by the editors\nMOFCOM Announcement No. 62 of 2025\n",
      "October 12, 2025\nMOFCOM Announcement No. 62 of 2025\nBody.\n",  // a page date, no signature
      "Date of publication: October 9\n",                                // no year
      "These six announcements were all issued on October 9, 2025.\n",   // not a label
      "2025-10-09 09:47:23\nMOFCOM Announcement No. 62 of 2025\n",      // a reprint timestamp
      "Body.\nMinistry of Commerce\nOctober 9\n",                         // signature without a year
  };
  for (const char* text : cases) {
    HeaderReading h = HeaderOf(English(text));
    EXPECT_FALSE(h.published.has_value()) << text << " gave " << h.published->ToIso();
  }
}

TEST(EnHeader, ReadsTheTitle) {
  struct Case {
    std::string text;
    std::string title;
  };
  const Case cases[] = {
      {"MOFCOM GAC Announcement No. 57 of 2025 on Imposing Export Controls on Holmium-Related "
       "Items\nBody.",
       "on Imposing Export Controls on Holmium-Related Items"},
      {"Announcement No. 18 of 2025 of the Ministry of Commerce and the General Administration of "
       "Customs: Decision to Implement Export Controls on Certain Rare-Earth Items\n",
       "Decision to Implement Export Controls on Certain Rare-Earth Items"},
      {"Title: Announcement on Suspending Certain Export Control Measures\nBody.",
       "Announcement on Suspending Certain Export Control Measures"},
      {"MOFCOM Announcement No. 62 of 2025\nDecision on Imposing Export Controls on "
       "Rare-Earth-Related Technologies\nIn order to safeguard national security, the following "
       "is decided:",
       "Decision on Imposing Export Controls on Rare-Earth-Related Technologies"},
  };
  for (const Case& c : cases) {
    HeaderReading h = HeaderOf(English(c.text));
    EXPECT_EQ(h.title, c.title) << c.text;
    EXPECT_EQ(h.title_evidence.text, c.title) << c.text;
  }
}

TEST(EnHeader, ReadsNoTitleFromAnIntroductorySentence) {
  HeaderReading h = HeaderOf(English(
      "MOFCOM Announcement No. 62 of 2025\nThe decision to impose controls on the following "
      "items is announced as follows:\n"));
  EXPECT_EQ(h.title, "");
}

}  // namespace
}  // namespace regdiff::parsers
