// Parties of English texts: the fixtures of tests/fixtures/en/ (see its
// README) with every party they name, every other fixture with none, and
// sentence and list shapes one behaviour at a time.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "corpus/text.h"
#include "tests/parsers/parts.h"
#include "parsers/en_parties.h"
#include "parsers/text_view.h"
#include "tests/parsers/en_test_text.h"
#include "tests/parsers/party_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::DescribeAll;
using testing::English;
using testing::EnglishFixture;
using testing::ExpectPartyEvidence;
using Parties = std::multiset<std::string>;

struct FixtureCase {
  std::string fixture;
  std::string doc_id;  // "null" for none
  Parties parties;
};

const std::vector<FixtureCase>& FixtureCases() {
  static const auto* kCases = new std::vector<FixtureCase>{
      {"mofcom-2026-12.official.txt",
       "mofcom-2026-12",
       {"watch_list add SUBARU Corporation | - | JP"}},
      {"mofcom-2026-12.machine.txt",
       "mofcom-2026-12",
       {"watch_list add Subaru Corporation | - | JP"}},
      {"mofcom-2026-12.news.txt", "null", {"watch_list add SUBARU Corporation | - | JP"}},
      {"mofcom-2026-12.cells.txt",
       "mofcom-2026-12",
       {"watch_list add SUBARU Corporation | - | JP"}},
      {"mofcom-2025-51.translation.txt",
       "mofcom-2025-51",
       {"control_list add Huntington Ingalls Industries, Inc. | - | US",
        "control_list add Planate Management Group | - | US",
        "control_list add Global Dimensions LLC | - | US"}},
      // No. 12's SUBARU Corporation is the act of another announcement.
      {"mofcom-2026-11.client-alert.txt",
       "mofcom-2026-11",
       {"control_list add Kawasaki Heavy Industries Aerospace Systems Company | - | JP"}},
      {"uel-2025-8.translation.txt",
       "uel-2025-8",
       {"unreliable_entity_list add Example Alpha Inc. | - | US",
        "unreliable_entity_list add Example Beta Technologies LLC | - | US"}},
      {"uel-2025-8.table.txt",
       "uel-2025-8",
       {"unreliable_entity_list add Example Alpha Inc. | - | US",
        "unreliable_entity_list add Example Beta Technologies LLC | - | US"}},
      {"mofcom-2099-1.removal.txt",
       "mofcom-2099-1",
       {"control_list remove Example Gamma Corporation | - | -",
        "control_list remove Example Delta Group | - | -"}},
      {"mofcom-2099-2.suspension.txt", "mofcom-2099-2", {}},
  };
  return *kCases;
}

TEST(EnParties, ReadsTheFixtures) {
  for (const FixtureCase& c : FixtureCases()) {
    SCOPED_TRACE(c.fixture);
    NormalizedText n = EnglishFixture(c.fixture);
    Announcement a = testing::EnAnnouncement(n);
    EXPECT_EQ(a.doc_id.value_or("null"), c.doc_id);
    EXPECT_EQ(DescribeAll(a.parties), c.parties);
    ExpectPartyEvidence(n, a.parties);
  }
}

TEST(EnParties, OtherFixturesNameNoParty) {
  std::set<std::string> with_cases;
  for (const FixtureCase& c : FixtureCases()) with_cases.insert(c.fixture);
  for (const std::string& path :
       regdiff::testing::FixtureFilesIn(regdiff::testing::FixturesDir() + "/en")) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (with_cases.count(name)) continue;
    SCOPED_TRACE(name);
    EXPECT_EQ(DescribeAll(testing::EnAnnouncement(EnglishFixture(name)).parties), Parties{});
  }
}

Parties Read(const std::string& text) {
  NormalizedText n = English(text);
  PartyReading p = testing::Parts(n, Lang::kEn).Parties();
  ExpectPartyEvidence(n, p.parties);
  return DescribeAll(p.parties);
}

TEST(EnParties, NamesAfterACount) {
  EXPECT_EQ(Read("MOFCOM added 20 Japanese entities, including SUBARU Corporation, to the Watch List."),
            (Parties{"watch_list add SUBARU Corporation | - | JP"}));
  EXPECT_EQ(Read("China put three U.S. entities, such as Huntington Ingalls Industries, Inc., on "
                 "its export control list."),
            (Parties{"control_list add Huntington Ingalls Industries, Inc. | - | US"}));
}

TEST(EnParties, NamesBeforeACount) {
  EXPECT_EQ(Read("It was decided to include Subaru Corporation and other 20 Japanese entities in "
                 "the concern list."),
            (Parties{"watch_list add Subaru Corporation | - | JP"}));
  EXPECT_EQ(Read("MOFCOM added Huntington Ingalls Industries, Inc. and two other U.S. entities to "
                 "the Export Control List."),
            (Parties{"control_list add Huntington Ingalls Industries, Inc. | - | US"}));
}

TEST(EnParties, NamesAfterTheList) {
  EXPECT_EQ(Read("MOFCOM placed 20 Japanese entities on the export control list, including "
                 "Kawasaki Heavy Industries Aerospace Systems Company."),
            (Parties{"control_list add Kawasaki Heavy Industries Aerospace Systems Company | - | JP"}));
}

TEST(EnParties, EnumerationsSplitAtCommasAndTheLastAnd) {
  EXPECT_EQ(Read("The ministry decided to add Huntington Ingalls Industries, Inc., Planate "
                 "Management Group and Global Dimensions LLC to the Export Control List."),
            (Parties{"control_list add Huntington Ingalls Industries, Inc. | - | -",
                     "control_list add Planate Management Group | - | -",
                     "control_list add Global Dimensions LLC | - | -"}));
  // "and" inside a name stays.
  EXPECT_EQ(Read("The working mechanism decided to include Lockheed Martin Missiles and Fire "
                 "Control in the unreliable entity list."),
            (Parties{"unreliable_entity_list add Lockheed Martin Missiles and Fire Control | - | -"}));
}

TEST(EnParties, PassiveAndRemoval) {
  EXPECT_EQ(Read("On March 2, 2099, Example Gamma Corporation and Example Delta Group Inc. have "
                 "been removed from the Watch List."),
            (Parties{"watch_list remove Example Gamma Corporation | - | -",
                     "watch_list remove Example Delta Group Inc. | - | -"}));
  EXPECT_EQ(Read("MOFCOM delisted Example Gamma Corporation from the export control list."),
            (Parties{"control_list remove Example Gamma Corporation | - | -"}));
}

TEST(EnParties, OtherListsGoodsAndOthersActsAreNoParties) {
  EXPECT_EQ(Read("The U.S. Commerce Department added several Chinese firms to its Entity List."),
            Parties{});
  EXPECT_EQ(Read("Washington kept China on its currency watch list."), Parties{});
  EXPECT_EQ(Read("China Adds Tungsten, Tellurium, Bismuth, Molybdenum and Indium Items to Its "
                 "Export Control List"),
            Parties{});
  EXPECT_EQ(Read("China Places Japanese Defense Suppliers on Its Export Control List"), Parties{});
  EXPECT_EQ(Read("China Adds Gallium and Germanium to Its Export Control List"), Parties{});
  EXPECT_EQ(Read("Exports to end-users listed on the Export Control List and Watchlist are "
                 "generally denied."),
            Parties{});
  EXPECT_EQ(Read("1C902.a and 1C902.b have been added to the Control List."), Parties{});
  EXPECT_EQ(Read("MOFCOM Announcement No. 51 of 2025 added Huntington Ingalls Industries, Inc. "
                 "to the Export Control List."),
            Parties{});
  EXPECT_EQ(Read("MOFCOM suspended the measures under which it had added Example Alpha Inc. to "
                 "the Unreliable Entity List."),
            Parties{});
}

TEST(EnParties, AListAnnouncedByItsSentence) {
  // The colon after "the following entities" opens the list; after other words it does not.
  EXPECT_EQ(Read("MOFCOM decided to add the following entities to the Watch List:\n"
                 "1. Example Alpha Corporation\n2. Example Beta Inc.\n"),
            (Parties{"watch_list add Example Alpha Corporation | - | -",
                     "watch_list add Example Beta Inc. | - | -"}));
  EXPECT_EQ(Read("MOFCOM decided to add Example Alpha Corporation to the Watch List and to take "
                 "the following measures:\n1. Exports of dual-use items to it are prohibited.\n"),
            (Parties{"watch_list add Example Alpha Corporation | - | -"}));
}

TEST(EnParties, ATableOneCellALineWhoseNumbersAreBlanked) {
  // The English reader's view blanks lines holding a number alone.
  EXPECT_EQ(Read("The Ministry of Commerce decided to add 20 Japanese entities to the Watch List "
                 "(see the Annex).\nAnnex: Watch List\nNo.\nName\n\nSUBARU Corporation\n\n"
                 "Example Beta Corporation\nMinistry of Commerce\nFebruary 24, 2026\n"),
            (Parties{"watch_list add SUBARU Corporation | - | JP",
                     "watch_list add Example Beta Corporation | - | JP"}));
}

TEST(EnParties, PossessivesQuotesAndTranslatedNames) {
  EXPECT_EQ(Read("China put Japan's Subaru Corporation and 19 other entities on a \"watch list\"."),
            (Parties{"watch_list add Subaru Corporation | - | JP"}));
  // A machine translation's name with the original in brackets: both names.
  EXPECT_EQ(Read("Appendix: Export Control Control List\n"
                 "1. Global Dimensions Company (Global Dimensions LLC)\n"),
            (Parties{"control_list add Global Dimensions Company | Global Dimensions LLC | -"}));
}

TEST(EnParties, RepeatedListNamesAreReadUpToTheCaps) {
  std::string text;
  for (int l = 0; l < 15; ++l) {
    for (int i = 0; i < 1900; ++i) text += "MOFCOM added Example Alpha Inc. to the watch list ";
    text += "\n";
  }
  NormalizedText n = English(text);
  PartyReading p = testing::Parts(n, Lang::kEn).Parties();
  EXPECT_EQ(DescribeAll(p.parties), (Parties{"watch_list add Example Alpha Inc. | - | -"}));
  EXPECT_FALSE(p.warnings.empty());
}

}  // namespace
}  // namespace regdiff::parsers
