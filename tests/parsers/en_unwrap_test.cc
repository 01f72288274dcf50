// Rejoining English lines broken inside sentences (parsers/en_unwrap.h).
#include "parsers/en_unwrap.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::English;

struct UnwrapCase {
  std::string in;
  std::string match;  // the matching view after unwrapping
};

TEST(EnUnwrap, RejoinsBreaksInsideSentencesOnly) {
  const UnwrapCase kCases[] = {
      // A lower-case continuation after a line that ends no sentence.
      {"shall apply for a licence to the competent\ndepartment of the State Council.",
       "shall apply for a licence to the competent department of the State Council."},
      // A word broken at a hyphen is rejoined; the bytes it frees become spaces.
      {"shall be imple-\nmented from", "shall be implemented   from"},
      // A hyphen before a compound head is kept.
      {"Holmium-\nrelated items", "Holmium-related  items"},
      // A line ending in a word that cannot end a sentence, then a number.
      {"as from 8 November\n2025.", "as from 8 November 2025."},
      {"Announcement No.\n58 of 2025", "Announcement No. 58 of 2025"},
      // Page-number lines are blanked and sentences join across them.
      {"the competent\n- 2 -\ndepartment", "the competent       department"},
      // A full stop, a list item or an upper-case line keeps the break.
      {"mixtures thereof.\nalso", "mixtures thereof.\nalso"},
      {"as follows\n(1) 1C902.a Samarium", "as follows\n(1) 1C902.a Samarium"},
      {"Ministry of Commerce\nGeneral Administration of Customs",
       "Ministry of Commerce\nGeneral Administration of Customs"},
      {"items related to\nll. Erbium-related items", "items related to\nll. Erbium-related items"},
  };
  for (const auto& c : kCases) {
    NormalizedText n = English(c.in);
    NormalizedText u = UnwrapEnglishLines(n);
    EXPECT_EQ(u.match, c.match) << c.in;
    EXPECT_EQ(u.text, n.text);  // the display text is unchanged
    EXPECT_EQ(u.match.size(), u.text.size());
  }
}

}  // namespace
}  // namespace regdiff::parsers
