// Issuer table, canonical order and doc_id construction (formats.md).
#include "corpus/issuers.h"

#include <gtest/gtest.h>

namespace regdiff {
namespace {

TEST(DocId, JoinsIssuersInCanonicalOrderThenYearAndNumber) {
  struct Case {
    std::vector<std::string> issuers;
    int year, number;
    const char* expected;
  };
  const Case cases[] = {
      {{"MOFCOM", "GACC"}, 2025, 18, "mofcom-gacc-2025-18"},
      {{"GACC", "MOFCOM"}, 2025, 18, "mofcom-gacc-2025-18"},
      {{"MOFCOM"}, 2025, 61, "mofcom-2025-61"},
      {{"SCS", "GACC", "MIIT", "MOFCOM"}, 2024, 51, "mofcom-miit-gacc-scs-2024-51"},
      {{"COSTIND", "GACC", "MOFCOM"}, 2006, 50, "mofcom-gacc-costind-2006-50"},
      {{"MOFCOM", "MOFCOM"}, 2025, 70, "mofcom-2025-70"},
      // Bodies outside the first four follow in alphabetical order of their
      // acronyms, whatever order a copy names them in.
      {{"MOFCOM", "GACC", "SASTIND", "EDD"}, 2023, 27, "mofcom-gacc-edd-sastind-2023-27"},
      {{"GED", "SASTIND", "GACC", "MOFCOM"}, 2015, 20, "mofcom-gacc-ged-sastind-2015-20"},
      {{"NDRC", "CAEA", "MOFCOM"}, 2020, 1, "mofcom-caea-ndrc-2020-1"},
      {{"UEL"}, 2025, 8, "uel-2025-8"},
  };
  for (const Case& c : cases) EXPECT_EQ(MakeDocId(c.issuers, c.year, c.number), c.expected);
}

TEST(DocId, ParsesBackIntoItsParts) {
  auto parts = ParseDocId("mofcom-miit-gacc-scs-2024-51");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->issuers, (std::vector<std::string>{"MOFCOM", "MIIT", "GACC", "SCS"}));
  EXPECT_EQ(parts->year, 2024);
  EXPECT_EQ(parts->number, 51);
}

TEST(DocId, RejectsWhatIsNotOne) {
  for (const char* bad : {"", "2025-57", "mofcom-2025", "mofcom-25x-57", "mofcom-2025-",
                          "mofcom-1800-3", "mofc0m-2025-1"}) {
    EXPECT_FALSE(ParseDocId(bad).has_value()) << bad;
  }
}

TEST(Issuers, EveryEntryHasChineseAndEnglishNames) {
  for (const IssuerEntry& e : Issuers()) {
    EXPECT_FALSE(e.aliases_zh.empty()) << e.code;
    EXPECT_FALSE(e.aliases_en.empty()) << e.code;
    EXPECT_EQ(FindIssuer(e.code), &e);
  }
  EXPECT_EQ(FindIssuer("NOPE"), nullptr);
}

}  // namespace
}  // namespace regdiff
