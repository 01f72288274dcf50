// Effective clauses of English announcements: dates, on-publication clauses
// resolved to the publication date, and the parts a clause names.
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
  std::optional<std::string> date;  // ISO
  bool on_publication;
  std::string applies_to;
  std::string evidence;
};

std::vector<EffectiveClause> EffectiveOf(const std::string& text,
                                         std::optional<Date> published) {
  NormalizedText n = English(text);
  return testing::Parts(n, Lang::kEn).Effective(published);
}

void ExpectClauses(const std::string& text, std::optional<Date> published,
                   const std::vector<Expected>& expected) {
  auto clauses = EffectiveOf(text, published);
  ASSERT_EQ(clauses.size(), expected.size()) << text;
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& c = clauses[i];
    const auto& e = expected[i];
    EXPECT_EQ(c.date ? std::optional<std::string>(c.date->ToIso()) : std::nullopt, e.date) << text;
    EXPECT_EQ(c.on_publication, e.on_publication) << text;
    EXPECT_EQ(c.applies_to, e.applies_to) << text;
    EXPECT_EQ(c.evidence.text, e.evidence) << text;
    EXPECT_EQ(text.substr(c.evidence.begin, c.evidence.end - c.evidence.begin), c.evidence.text);
  }
}

const Date kOct9{2025, 10, 9};

TEST(EnEffective, ReadsClausesWithADate) {
  struct Case {
    std::string text;
    Expected expected;
  };
  const Case cases[] = {
      {"This announcement shall come into force as of November 8, 2025.",
       {"2025-11-08", false, "whole", "This announcement shall come into force as of November 8, 2025"}},
      {"VIII. This announcement shall be implemented from November 8, 2025.",
       {"2025-11-08", false, "whole", "This announcement shall be implemented from November 8, 2025"}},
      {"This announcement shall take effect on 8 November 2025.",
       {"2025-11-08", false, "whole", "This announcement shall take effect on 8 November 2025"}},
      {"The measures will apply from December 1, 2025.",
       {"2025-12-01", false, "whole", "The measures will apply from December 1, 2025"}},
      {"The announcement will enter into force with effect from Nov. 8, 2025.",
       {"2025-11-08", false, "whole",
        "The announcement will enter into force with effect from Nov. 8, 2025"}},
      {"In addition, this announcement shall be formally implemented starting from 2025-11-08.",
       {"2025-11-08", false, "whole",
        "this announcement shall be formally implemented starting from 2025-11-08"}},
      {"From November 8, 2025, this announcement shall be implemented.",
       {"2025-11-08", false, "whole", "From November 8, 2025, this announcement shall be implemented"}},
      {"(1) Items made abroad that contain Chinese rare earths (effective December 1, 2025);",
       {"2025-12-01", false, "whole", "effective December 1, 2025"}},
      {"Effective Date: 2025-11-08", {"2025-11-08", false, "whole", "Effective Date: 2025-11-08"}},
      {"Pursuant to the Export Control Law, this announcement shall take effect on November 8, "
       "2025.",
       {"2025-11-08", false, "whole",
        "Pursuant to the Export Control Law, this announcement shall take effect on November 8, "
        "2025"}},
  };
  for (const Case& c : cases) ExpectClauses(c.text, kOct9, {c.expected});
}

TEST(EnEffective, ResolvesOnPublicationClausesToThePublicationDate) {
  struct Case {
    std::string text;
    std::string evidence;
  };
  const Case cases[] = {
      {"This announcement shall come into force as of the date of promulgation.",
       "This announcement shall come into force as of the date of promulgation"},
      {"The announcement took effect upon its release.",
       "The announcement took effect upon its release"},
      {"This announcement will officially take effect from the date of publication, and the list "
       "is updated at the same time.",
       "This announcement will officially take effect from the date of publication"},
      {"This Announcement shall be implemented as of the date of its issuance.",
       "This Announcement shall be implemented as of the date of its issuance"},
      {"This announcement is effective upon release.", "This announcement is effective upon release"},
      {"This announcement shall take effect immediately.",
       "This announcement shall take effect immediately"},
      {"(3) Items of Annex 1 originating in China. (Effective from the date of promulgation)",
       "Effective from the date of promulgation"},
      {"With approval, with effect from today, the measures below are suspended.",
       "with effect from today"},
  };
  for (const Case& c : cases) {
    ExpectClauses(c.text, kOct9, {{"2025-10-09", true, "whole", c.evidence}});
    // Without a publication date the clause stays, with no date.
    ExpectClauses(c.text, std::nullopt, {{std::nullopt, true, "whole", c.evidence}});
  }
}

TEST(EnEffective, NamesThePartsAPartialClauseCovers) {
  ExpectClauses(
      "III. Items (I) and (II) of Article 1 of this Announcement shall be implemented from "
      "December 1, 2025, and the remaining provisions shall take effect as of the date of "
      "publication.",
      kOct9,
      {{"2025-12-01", false, "Items (I) and (II) of Article 1",
        "Items (I) and (II) of Article 1 of this Announcement shall be implemented from December "
        "1, 2025"},
       {"2025-10-09", true, "the remaining provisions",
        "the remaining provisions shall take effect as of the date of publication"}});
  ExpectClauses(
      "Items (I), (II), and (III) of Article 1 shall take effect on December 1, 2025.", kOct9,
      {{"2025-12-01", false, "Items (I), (II), and (III) of Article 1",
        "Items (I), (II), and (III) of Article 1 shall take effect on December 1, 2025"}});
  // An aside naming an annex does not make the clause partial.
  ExpectClauses(
      "The list (see Annex 1) is hereby issued and shall be implemented as of December 1, 2024.",
      kOct9,
      {{"2024-12-01", false, "whole",
        "The list (see Annex 1) is hereby issued and shall be implemented as of December 1, 2024"}});
  ExpectClauses("Item (III) of Article 1 shall take effect as of the date of publication.", kOct9,
                {{"2025-10-09", true, "Item (III) of Article 1",
                  "Item (III) of Article 1 shall take effect as of the date of publication"}});
}

TEST(EnEffective, IgnoresDeadlinesVaguePhrasesAndDaysWithoutYear) {
  const char* cases[] = {
      "Applications shall be submitted within 30 days from the date of publication.",
      "The measures took effect on Sunday.",
      "This announcement shall come into force on November 8.",  // no year
      "The licence is valid for one year from the date of issuance.",
      "Exporters shall comply with the effective export control rules.",
      "The Export Control List of Dual-use Items is updated at the same time.",
      // Other instruments taking effect.
      "Under the Export Control Law, which came into force on December 1, 2020, licences apply.",
      "MOFCOM Announcement No. 46 of 2024 took effect on December 3, 2024.",
  };
  for (const char* text : cases) EXPECT_TRUE(EffectiveOf(text, kOct9).empty()) << text;
}

TEST(EnEffective, ReportsARepeatedClauseOnce) {
  auto clauses = EffectiveOf(
      "Effective date: November 8, 2025\nThis announcement shall be implemented from November 8, "
      "2025.",
      kOct9);
  ASSERT_EQ(clauses.size(), 1u);
  EXPECT_EQ(clauses[0].date->ToIso(), "2025-11-08");
}

}  // namespace
}  // namespace regdiff::parsers
