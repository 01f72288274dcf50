// Relations of English announcements to others: the verb that says what this
// announcement does, lists expanded with their issuers, end dates.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/parsers/parts.h"
#include "parsers/text_view.h"
#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::English;

struct Expected {
  std::string type;
  std::string target;
  std::optional<std::string> until;
};

std::vector<Relation> RelationsOf(const std::string& text,
                                  const std::optional<std::string>& own = std::nullopt) {
  NormalizedText n = English(text);
  auto relations = testing::Parts(n, Lang::kEn).Relations(testing::Parts::OwnHeader(), own);
  for (const Relation& r : relations) {
    EXPECT_EQ(text.substr(r.evidence.begin, r.evidence.end - r.evidence.begin), r.evidence.text);
  }
  return relations;
}

void ExpectRelations(const std::string& text, const std::vector<Expected>& expected) {
  auto relations = RelationsOf(text);
  ASSERT_EQ(relations.size(), expected.size()) << text;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(RelationTypeName(relations[i].type), expected[i].type) << text << " #" << i;
    EXPECT_EQ(relations[i].target, expected[i].target) << text << " #" << i;
    EXPECT_EQ(relations[i].until ? std::optional<std::string>(relations[i].until->ToIso())
                                 : std::nullopt,
              expected[i].until)
        << text << " #" << i;
  }
}

TEST(EnRelations, ExpandsListsWithTheirIssuers) {
  const std::vector<Expected> six = {
      {"suspends", "mofcom-gacc-2025-55", "2026-11-10"},
      {"suspends", "mofcom-gacc-2025-56", "2026-11-10"},
      {"suspends", "mofcom-gacc-2025-57", "2026-11-10"},
      {"suspends", "mofcom-gacc-2025-58", "2026-11-10"},
      {"suspends", "mofcom-2025-61", "2026-11-10"},
      {"suspends", "mofcom-2025-62", "2026-11-10"},
  };
  // Issuers after the numbers, passive verb.
  ExpectRelations(
      "Announcements No. 55, No. 56, No. 57 and No. 58 of 2025 of MOFCOM and GAC and "
      "Announcements No. 61 and No. 62 of 2025 of MOFCOM are suspended until November 10, 2026.",
      six);
  // Issuers before the numbers, active verb before the list.
  ExpectRelations(
      "It is decided to suspend the implementation of MOFCOM GAC Announcements Nos. 55, 56, 57, "
      "and 58 of 2025 and MOFCOM Announcements Nos. 61 and 62 of 2025 until November 10, 2026.",
      six);
  // Full names and a range.
  ExpectRelations(
      "The Ministry of Commerce and the General Administration of Customs Announcements No. 55 "
      "to No. 58 of 2025 and Ministry of Commerce Announcements No. 61 and No. 62 of 2025 shall "
      "be suspended through November 10, 2026.",
      six);
}

TEST(EnRelations, ReadsEachKindOfRelation) {
  struct Case {
    std::string text;
    Expected expected;
  };
  const Case cases[] = {
      {"The measures of MOFCOM Announcement No. 61 of 2025 are put on hold until November 10, "
       "2026.",
       {"suspends", "mofcom-2025-61", "2026-11-10"}},
      {"The commerce ministry paused MOFCOM Announcement No. 62 of 2025 until November 10, 2026.",
       {"suspends", "mofcom-2025-62", "2026-11-10"}},
      {"The implementation of Article II of the Announcement of the Ministry of Commerce No. 46 "
       "[2024] (Announcement on Strengthening Export Control) shall be suspended until November "
       "27, 2026.",
       {"suspends", "mofcom-2024-46", "2026-11-27"}},
      {"The implementation of Article 2 of MOFCOM Announcement No. 46 of 2024 is suspended until "
       "November 27, 2026.",
       {"suspends", "mofcom-2024-46", "2026-11-27"}},
      {"Suspend the implementation of Article 2 of Announcement No. 46 of 2024 of the Ministry of "
       "Commerce until Nov. 27, 2026.",
       {"suspends", "mofcom-2024-46", "2026-11-27"}},
      {"The implementation of MOFCOM Announcement No. 46 of 2024 shall resume.",
       {"resumes", "mofcom-2024-46", std::nullopt}},
      {"Announcement No. 50 of 2006 of the Ministry of Commerce, the Commission of Science, "
       "Technology and Industry for National Defense and the General Administration of Customs "
       "is repealed at the same time.",
       {"repeals", "mofcom-gacc-costind-2006-50", std::nullopt}},
      {"MOFCOM GAC Announcement No. 5 of 2003 and ten other announcements are hereby abolished.",
       {"repeals", "mofcom-gacc-2003-5", std::nullopt}},
      {"The scope of the items listed in MOFCOM, COSTIND and GAC Announcement No. 50 of 2006 is "
       "adjusted as follows.",
       {"amends", "mofcom-gacc-costind-2006-50", std::nullopt}},
      {"The export control list attached to MOFCOM, SCA and GAC Announcement No. 63 of 2020 shall "
       "no longer apply.",
       {"amends", "mofcom-gacc-scs-2020-63", std::nullopt}},
      {"This announcement replaces MOFCOM GAC Announcement No. 39 of 2023.",
       {"replaces", "mofcom-gacc-2023-39", std::nullopt}},
      {"Licences are granted in accordance with MOFCOM Announcement No. 62 of 2025.",
       {"refers_to", "mofcom-2025-62", std::nullopt}},
  };
  for (const Case& c : cases) ExpectRelations(c.text, {c.expected});
}

TEST(EnRelations, TheEndDateMayStandInASentenceBeforeThatNamesOnlyTheDocument) {
  // The lead names the document and the suspension's end; the list follows.
  Announcement a = testing::EnAnnouncement(English(
      "On November 7, 2025, MOFCOM and the GAC jointly issued Announcement No. 70 of 2025, "
      "announcing the suspension of several announcements until November 10, 2026. The "
      "suspended announcements include MOFCOM and GAC Announcements No. 55 and 56 of 2025.\n"));
  EXPECT_EQ(a.doc_id.value_or("(none)"), "mofcom-gacc-2025-70");
  ASSERT_EQ(a.relations.size(), 2u);
  for (const Relation& r : a.relations) {
    EXPECT_EQ(r.type, RelationType::kSuspends);
    EXPECT_EQ(r.until.value_or(Date{}).ToIso(), "2026-11-10") << r.target;
  }
  // A sentence before it that names another announcement lends it nothing.
  ExpectRelations(
      "MOFCOM Announcement No. 46 of 2024 was suspended until November 27, 2026. The "
      "suspended measures also include MOFCOM Announcement No. 61 of 2025.",
      {{"suspends", "mofcom-2024-46", "2026-11-27"}, {"suspends", "mofcom-2025-61", std::nullopt}});
}

TEST(EnRelations, AListOfMentionsTakesTheVerbOfItsHeading) {
  ExpectRelations(
      "The following announcements will also be invalidated on the same day:\n"
      "- Ministry of Commerce and General Administration of Customs Announcement No. 5 of 2003 "
      "(on tributyl phosphate);\n"
      "- Ministry of Commerce, General Administration of Customs, State Administration of "
      "Science, Technology and Industry for National Defense, and General Equipment Department "
      "Announcement No. 20 of 2015 (on drones).\n",
      {{"repeals", "mofcom-gacc-2003-5", std::nullopt},
       {"repeals", "mofcom-gacc-ged-sastind-2015-20", std::nullopt}});
  // Without a heading ending in ":" the entries are plain citations.
  ExpectRelations(
      "Announcements invalidated last year are listed elsewhere.\n"
      "- Ministry of Commerce Announcement No. 5 of 2003\n",
      {{"refers_to", "mofcom-2003-5", std::nullopt}});
}

TEST(EnRelations, IssuersAfterAQuotedTitleInBracketsBelongToTheMention) {
  Announcement a = testing::EnAnnouncement(English(
      "It was decided to adjust the scope of items listed in the Announcement No. 50 of 2006 of "
      "the Commission and the Customs.\n"
      "2. Other items in the Announcement No. 50 of 2006 (\"Decision to Implement Temporary "
      "Export Control Measures on Graphite\") issued by the Ministry of Commerce, the State "
      "Commission of Science, Technology and Industry for National Defense, and the General "
      "Administration of Customs have canceled the temporary export controls.\n"));
  // The text acts on No. 50 of 2006: it is a target, never the text's own number.
  EXPECT_FALSE(a.doc_id.has_value());
  ASSERT_EQ(a.relations.size(), 1u);
  EXPECT_EQ(a.relations[0].type, RelationType::kAmends);
  EXPECT_EQ(a.relations[0].target, "mofcom-gacc-costind-2006-50");
}

TEST(EnSummaries, ASummaryOfSeveralAnnouncementsIsAboutTheOneItsListBelongsTo) {
  // A news summary names three announcements in prose; the one whose line
  // introduces the list, with its effective date, is its subject.
  Announcement a = testing::EnAnnouncement(English(
      "MOFCOM issued further announcements on October 9 (MOFCOM and GAC Announcement No. 57 of "
      "2025, and MOFCOM Announcement No. 61 of 2025).\n"
      "The MOFCOM and GAC Announcement No. 18 of 2025, issued on April 4, covered seven "
      "elements.\n"
      "The MOFCOM and GAC Announcement No. 57 of 2025, issued on October 9, adds five more "
      "elements to the control list, effective from November 8, 2025:\n"
      "Holmium (Ho, 1C909): Including holmium metal, alloys and targets.\n"
      "Erbium (Er, 1C910): Including erbium metal and targets.\n"));
  EXPECT_EQ(a.doc_id.value_or("(none)"), "mofcom-gacc-2025-57");
  ASSERT_EQ(a.items.size(), 2u);
  EXPECT_EQ(a.items[0].code.value_or(""), "1C909");
  EXPECT_EQ(a.items[0].name, "Holmium");
  EXPECT_EQ(a.items[0].elements, std::vector<std::string>{"Ho"});
  EXPECT_EQ(a.items[1].code.value_or(""), "1C910");
  // The other announcements are named, not acted on: no relation.
  EXPECT_TRUE(a.relations.empty());
}

TEST(EnSummaries, TwoAnnouncementsThatFitGiveNoSubject) {
  Announcement a = testing::EnAnnouncement(English(
      "The ministry said that MOFCOM Announcement No. 61 of 2025 applies, effective December 1, "
      "2025.\nIt added that MOFCOM Announcement No. 62 of 2025 applies, effective October 9, "
      "2025.\n"));
  EXPECT_FALSE(a.doc_id.has_value());
}

TEST(EnRelations, TheEndDateMayStandInTheNextSentence) {
  ExpectRelations(
      "MOFCOM Announcement No. 61 of 2025 is suspended. The suspension lasts until November "
      "10, 2026.",
      {{"suspends", "mofcom-2025-61", "2026-11-10"}});
  ExpectRelations(
      "Implementation of MOFCOM Announcement No. 62 of 2025 is paused.\nIt stays paused "
      "until November 10, 2026.",
      {{"suspends", "mofcom-2025-62", "2026-11-10"}});
  // A next sentence about something else, or about another announcement,
  // gives no end date.
  ExpectRelations(
      "MOFCOM Announcement No. 61 of 2025 is suspended. Licences issued before then stay "
      "valid until December 31, 2026.",
      {{"suspends", "mofcom-2025-61", std::nullopt}});
  ExpectRelations(
      "MOFCOM Announcement No. 61 of 2025 is suspended. MOFCOM Announcement No. 62 of 2025 "
      "is suspended until November 10, 2026.",
      {{"suspends", "mofcom-2025-61", std::nullopt},
       {"suspends", "mofcom-2025-62", "2026-11-10"}});
}

TEST(EnRelations, WordsOfCitedTitlesAreNoVerbs) {
  ExpectRelations(
      "See MOFCOM GAC Announcement No. 70 of 2025 on Suspending the Implementation of Certain "
      "Measures.",
      {{"refers_to", "mofcom-gacc-2025-70", std::nullopt}});
  ExpectRelations(
      "MOFCOM Announcement No. 46 of 2024 (\"Announcement on suspending certain exports\") is "
      "cited here.",
      {{"refers_to", "mofcom-2024-46", std::nullopt}});
}

TEST(EnRelations, AnActingMentionIsNotSuspended) {
  // "…, suspending …": the mention acts on what follows; it is cited only.
  ExpectRelations(
      "MOFCOM Announcement No. 72 of 2025, suspending part of an earlier measure, was issued.",
      {{"refers_to", "mofcom-2025-72", std::nullopt}});
}

TEST(EnRelations, APlainCitationOfATargetActedOnAddsNothing) {
  ExpectRelations(
      "MOFCOM Announcement No. 46 of 2024 is suspended until November 27, 2026. Its text is "
      "in MOFCOM Announcement No. 46 of 2024 as published.",
      {{"suspends", "mofcom-2024-46", "2026-11-27"}});
}

TEST(EnRelations, SkipsMentionsWhoseIssuersAreOnlyPartlyRead) {
  EXPECT_TRUE(RelationsOf("Announcement No. 18 of 2025 of the Ministry of Commerce and the "
                          "Genera1 Administration of Customs is cited.")
                  .empty());
}

TEST(EnRelations, SkipsTheOwnNumberAndMentionsWithoutIssuers) {
  auto relations = RelationsOf(
      "MOFCOM GAC Announcement No. 70 of 2025\nAnnouncement No. 46 of 2024 is suspended.\n",
      std::string("mofcom-gacc-2025-70"));
  EXPECT_TRUE(relations.empty());
}

}  // namespace
}  // namespace regdiff::parsers
