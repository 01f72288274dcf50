// The English parser on the shapes English announcement texts take in the
// wild (tests/fixtures/en/README.md): official english.mofcom.gov.cn pages,
// law-firm alerts, news-agency articles, database records with flattened
// tables, OCR'd PDF copies. One table row per fixture, with the facts the
// scorer counts (formats.md): doc_id, published, effective dates, codes in
// order, HS codes and elements per item, relations.
#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/parsers/parts.h"
#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::EnglishFixture;

struct ItemFacts {
  std::string code;  // "" for an item without a control code
  std::vector<std::string> hs;
  std::vector<std::string> elements;
};

struct RelationFacts {
  std::string type, target, until;  // until "" for none
};

struct ShapeCase {
  std::string file;
  std::string doc_id;     // "" for none
  std::string published;  // "" for none
  std::set<std::string> effective;  // dates
  std::vector<ItemFacts> items;     // coded items in order; code-less ones by facts only
  std::vector<RelationFacts> relations;
};

// Test names and failure messages show the fixture, not the bytes.
void PrintTo(const ShapeCase& c, std::ostream* os) { *os << c.file; }

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

const std::vector<std::string> kSmC = {"2846902810", "2846902910", "2846903910", "2846904820",
                                       "2846904910", "2846909920", "3824999922"};

std::vector<ItemFacts> Rare18() {
  return {{"1C902.a", {"2805301910", "3824999922", "8486909110"}, {"Sm"}},
          {"1C902.b", {"2846901940", "2846901993", "3824999922"}, {"Sm"}},
          {"1C902.c", kSmC, {"Sm"}},
          {"1C903.a", {"2805301910"}, {"Gd"}},
          {"1C903.b", {}, {"Gd"}},
          {"1C903.c", {}, {"Gd"}},
          {"1C904.a", {}, {"Tb"}},
          {"1C904.b", {}, {"Tb"}},
          {"1C904.c", {}, {"Tb"}}};
}

std::vector<ItemFacts> Codes(const std::vector<std::string>& codes) {
  std::vector<ItemFacts> out;
  for (const auto& c : codes) out.push_back({c, {}, {}});
  return out;
}

std::vector<RelationFacts> SuspendedOctoberPackage() {
  std::vector<RelationFacts> out;
  for (const char* t : {"mofcom-gacc-2025-55", "mofcom-gacc-2025-56", "mofcom-gacc-2025-57",
                        "mofcom-gacc-2025-58", "mofcom-2025-61", "mofcom-2025-62"})
    out.push_back({"suspends", t, "2026-11-10"});
  return out;
}

const std::vector<ShapeCase>& Cases() {
  static const auto* kCases = new std::vector<ShapeCase>{
      {"mofcom-gacc-2025-18.english-site.txt", "mofcom-gacc-2025-18", "2025-04-04",
       {"2025-04-04"}, Rare18(), {}},
      {"mofcom-gacc-2025-18.table.txt", "mofcom-gacc-2025-18", "2025-04-04", {"2025-04-04"},
       Rare18(), {}},
      {"mofcom-gacc-2025-18.legal-update.txt",
       "mofcom-gacc-2025-18",
       "2025-04-04",
       {"2025-04-04"},
       {{"1C902.a", {"2805301910", "3824999922", "8486909110"}, {"Sm"}},
        {"1C902.b", {"2846901940", "2846901993", "3824999922"}, {"Sm"}},
        {"1C903.a", {"2805301910"}, {"Gd"}},
        {"1C904.a", {}, {"Tb"}},
        {"1C904.b", {}, {"Tb"}}},
       {}},
      {"mofcom-gacc-2025-10.client-alert.txt",
       "mofcom-gacc-2025-10",
       "2025-02-04",
       {"2025-02-04"},
       Codes({"1C117.b", "1C117.c", "1C117.d", "1C004", "1E004", "1E101.b", "6C002.a",
              "6C002.b", "6E002", "6C001.a", "6C001.b", "6C001.c", "6C001.d", "6E001",
              "3C004.a", "3C004.b", "3C004.c", "3E004"}),
       {{"amends", "mofcom-miit-gacc-scs-2024-51", ""}}},
      {"mofcom-gacc-2025-70.news-agency.txt", "mofcom-gacc-2025-70", "2025-11-07",
       {"2025-11-07"}, {}, SuspendedOctoberPackage()},
      {"mofcom-gacc-2025-70.official.txt", "mofcom-gacc-2025-70", "2025-11-07", {"2025-11-07"},
       {}, SuspendedOctoberPackage()},
      {"gacc-2025-123.translation.txt", "gacc-2025-123", "", {}, {}, {}},
      {"mofcom-2025-72.official.txt",
       "mofcom-2025-72",
       "2025-11-09",
       {"2025-11-09"},
       {},
       {{"suspends", "mofcom-2024-46", "2026-11-27"}}},
      {"mofcom-2025-72.news-wire.txt",
       "mofcom-2025-72",
       "2025-11-09",
       {"2025-11-09"},
       {},
       {{"suspends", "mofcom-2024-46", "2026-11-27"}}},
      {"mofcom-gacc-2025-58.ocr.txt",
       "mofcom-gacc-2025-58",
       "2025-10-09",
       {"2025-11-08"},
       {{"3A001", {}, {"Li"}},
        {"3B901.a", {}, {"Li"}},
        {"3B901.b", {}, {"Li"}},
        {"3B901.c", {}, {"Li"}},
        {"3C901.a.1", {}, {"Li"}},
        {"3C901.a.2", {}, {"Li"}},
        {"3C901.a.3", {}, {"Li"}},
        {"3C901.b.1", {}, {}},
        {"3C901.b.2", {}, {}},
        {"3E901.a", {}, {}}},
       {}},
      {"mofcom-gacc-2023-23.translation.txt",
       "mofcom-gacc-2023-23",
       "2023-07-03",
       {"2023-08-01"},
       {{"", {"8112929010"}, {"Ga", "Ge", "In"}}},
       {}},
      {"mofcom-gacc-2023-39.translation.txt",
       "mofcom-gacc-2023-39",
       "2023-10-20",
       {"2023-12-01"},
       {},
       {{"amends", "mofcom-gacc-2006-50", ""}, {"repeals", "mofcom-gacc-2006-50", ""}}},
      {"mofcom-2025-61.client-alert.txt", "mofcom-2025-61", "2025-10-09",
       {"2025-12-01", "2025-10-09"}, {}, {}},
      {"mofcom-miit-gacc-scs-2024-51.official.txt", "mofcom-miit-gacc-scs-2024-51",
       "2024-11-15", {"2024-12-01"}, {}, {}},
      {"mofcom-gacc-2025-55.official.txt", "mofcom-gacc-2025-55", "2025-10-09", {"2025-11-08"},
       Codes({"2C902.a", "2C902.b", "2C902.c", "2C902.d", "2B005.b", "2E902"}), {}},
      {"mofcom-gacc-2025-56.pipe-table.txt", "mofcom-gacc-2025-56", "2025-10-09",
       {"2025-11-08"},
       Codes({"2B902.a", "2B902.b", "2B902.c", "1C914.a", "1C914.b", "1C914.c"}), {}},
      {"mofcom-gacc-2025-57.english-site.txt",
       "mofcom-gacc-2025-57",
       "2025-10-09",
       {"2025-11-08"},
       {{"1C909.a", {"28053019"}, {"Ho"}},
        {"1C909.b", {}, {"Ho"}},
        {"1C910.a", {"28053019"}, {"Er"}},
        {"1C911.a", {"28053019"}, {"Tm"}},
        {"1C912.a", {"28053019"}, {"Eu"}},
        {"1C913.a", {}, {"Yb"}}},
       {}},
      {"mofcom-gacc-2024-33.news.txt", "mofcom-gacc-2024-33", "2024-08-15", {"2024-09-15"},
       {}, {}},
      {"mofcom-gacc-2025-10.lead-dated.txt",
       "mofcom-gacc-2025-10",
       "2025-02-04",
       {"2025-02-04"},
       Codes({"1C117.b", "1E004", "3E004"}),
       // "This follows … No. 18 of 2025": an alert names an earlier
       // announcement without stating a relation to it.
       {}},
      {"mofcom-gacc-2025-18.joined-columns.txt",
       "mofcom-gacc-2025-18",
       "2025-04-04",
       {"2025-04-04"},
       {{"1C902.a", {}, {"Sm"}}, {"1C902.b", {}, {"Sm"}}, {"1C904.a", {}, {"Tb"}}},
       {}},
      {"mofcom-gacc-2023-39.repeals.txt",
       "mofcom-gacc-2023-39",
       "2023-10-20",
       {"2023-12-01"},
       {},
       {{"repeals", "mofcom-gacc-2006-50", ""}}},
      {"mofcom-2025-61.item-parts.txt", "mofcom-2025-61", "2025-10-09",
       {"2025-12-01", "2025-10-09"}, {}, {}},
      {"mofcom-gacc-2025-18.memo-columns.txt",
       "mofcom-gacc-2025-18",
       "2025-04-04",
       {"2025-04-04"},
       {{"1C902.a", {"2805301910", "3824999922", "8486909110"}, {"Sm"}},
        {"1C902.b", {"2846901940", "2846901993", "3824999922"}, {"Sm"}},
        {"1C903.a", {"2805301910"}, {"Gd"}}},
       {}},
      {"mofcom-gacc-2025-57.ocr-slips.txt",
       "mofcom-gacc-2025-57",
       "2025-10-09",
       {"2025-11-08"},
       {{"1C909.a", {"28053019"}, {"Ho"}}, {"1C909.b", {}, {"Ho"}}, {"1C910.a", {"28053019"}, {"Er"}}},
       {}},
      {"mofcom-gacc-2025-57.family-headings.txt",
       "mofcom-gacc-2025-57",
       "2025-10-09",
       {"2025-11-08"},
       {{"1C909", {}, {"Ho"}},
        {"1C909.a", {"28053019"}, {"Ho"}},
        {"1C909.b", {}, {"Ho"}},
        {"1C910", {}, {"Er"}},
        {"1C910.a", {"28053019"}, {"Er"}}},
       {}},
  };
  return *kCases;
}

class EnShapes : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(EnShapes, ReadsTheFactsOfTheText) {
  const ShapeCase& c = GetParam();
  NormalizedText n = EnglishFixture(c.file);
  Announcement a = testing::EnAnnouncement(n);
  EXPECT_EQ(a.doc_id.value_or(""), c.doc_id);
  EXPECT_EQ(Iso(a.published), c.published);
  std::set<std::string> effective;
  for (const auto& e : a.effective)
    if (e.date) effective.insert(e.date->ToIso());
  EXPECT_EQ(effective, c.effective);

  std::vector<std::string> codes, want_codes;
  std::set<std::pair<std::string, std::string>> hs, want_hs, elements, want_elements;
  for (const auto& item : a.items) {
    std::string code = item.code.value_or("");
    if (!code.empty()) codes.push_back(code);
    for (const auto& h : item.hs_codes) hs.insert({code, h});
    for (const auto& e : item.elements) elements.insert({code, e});
  }
  for (const auto& item : c.items) {
    if (!item.code.empty()) want_codes.push_back(item.code);
    for (const auto& h : item.hs) want_hs.insert({item.code, h});
    for (const auto& e : item.elements) want_elements.insert({item.code, e});
  }
  EXPECT_EQ(codes, want_codes);
  EXPECT_EQ(hs, want_hs);
  EXPECT_EQ(elements, want_elements);

  std::set<std::tuple<std::string, std::string, std::string>> relations, want_relations;
  for (const auto& r : a.relations)
    relations.insert({std::string(RelationTypeName(r.type)), r.target, Iso(r.until)});
  for (const auto& r : c.relations) want_relations.insert({r.type, r.target, r.until});
  EXPECT_EQ(relations, want_relations);

  // Every evidence is the text at its offsets.
  auto check = [&](const Evidence& e) {
    ASSERT_LE(e.end, n.text.size());
    EXPECT_EQ(n.text.substr(e.begin, e.end - e.begin), e.text);
  };
  check(a.number_evidence);
  check(a.published_evidence);
  for (const auto& e : a.effective) check(e.evidence);
  for (const auto& item : a.items) {
    check(item.evidence);
    check(item.hs_evidence);
  }
  for (const auto& r : a.relations) check(r.evidence);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, EnShapes, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<ShapeCase>& param_info) {
                           std::string name;
                           for (char ch : param_info.param.file)
                             name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return name;
                         });

TEST(EnShapes, AnExceptedPartTakesEffectOnItsOwn) {
  Announcement a = testing::EnAnnouncement(EnglishFixture("mofcom-2025-61.client-alert.txt"));
  ASSERT_EQ(a.effective.size(), 2u);
  EXPECT_EQ(a.effective[0].applies_to, "whole");
  EXPECT_FALSE(a.effective[0].on_publication);
  EXPECT_EQ(a.effective[1].applies_to, "Article I(3)");  // the part, not the sentence
  EXPECT_TRUE(a.effective[1].on_publication);
}

TEST(EnShapes, PartialClausesNameTheirPartsWithoutTheArticleHeading) {
  Announcement a = testing::EnAnnouncement(EnglishFixture("mofcom-2025-61.item-parts.txt"));
  ASSERT_EQ(a.effective.size(), 2u);
  EXPECT_EQ(a.effective[0].applies_to, "Items (I) and (II) of Article 1");
  EXPECT_EQ(a.effective[0].date->ToIso(), "2025-12-01");
  EXPECT_EQ(a.effective[1].applies_to, "Item (III) of Article 1");
  EXPECT_TRUE(a.effective[1].on_publication);
  EXPECT_EQ(a.effective[1].date->ToIso(), "2025-10-09");
}

TEST(EnShapes, AWrappedTitleReadsAsOneLine) {
  Announcement a = testing::EnAnnouncement(EnglishFixture("mofcom-gacc-2025-58.ocr.txt"));
  EXPECT_EQ(a.title,
            "Decision on Implementing Export Controls on Lithium Batteries and Artificial "
            "Graphite Anode Materials and Related Items");
}

TEST(EnShapes, PageChromeDatesAreNotThePublicationDate) {
  // "Posted: 2025-04-07", "Updated 09:14 GMT+8, 2025-11-08", "Published: 2024-08-15 18:40".
  for (const char* file : {"mofcom-gacc-2025-18.english-site.txt",
                           "mofcom-gacc-2025-70.news-agency.txt", "mofcom-gacc-2024-33.news.txt"}) {
    Announcement a = testing::EnAnnouncement(EnglishFixture(file));
    ASSERT_TRUE(a.published.has_value()) << file;
    EXPECT_NE(a.published_evidence.text.find_first_of("0123456789"), std::string::npos);
    EXPECT_EQ(a.published_evidence.text.find(':'), std::string::npos) << file;  // no time stamp
  }
}

TEST(EnShapes, ATitleWithoutANumberGivesWhatItCanWithAWarning) {
  NormalizedText n = testing::English(
      "Decision on Implementing Export Controls on Certain Superhard Materials Items\n"
      "(I) Artificial diamond micropowders, 2C902.a;\n"
      "This announcement shall be implemented as of November 8, 2025.\n");
  Announcement a = testing::EnAnnouncement(n);
  EXPECT_FALSE(a.doc_id.has_value());
  EXPECT_EQ(a.title,
            "Decision on Implementing Export Controls on Certain Superhard Materials Items");
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].code, "2C902.a");
  ASSERT_EQ(a.effective.size(), 1u);
  EXPECT_EQ(a.effective[0].date->ToIso(), "2025-11-08");
  ASSERT_FALSE(a.warnings.empty());
  EXPECT_EQ(a.warnings[0], "no announcement number found");
}

TEST(EnShapes, ACitedAnnouncementIsNotTheTextsOwnNumber) {
  // A news text citing an earlier announcement it builds on, with no number of its own.
  NormalizedText n = testing::English(
      "China adds export controls on more items\n"
      "The new curbs follow MOFCOM and GAC Announcement No. 18 of 2025, officials said.\n"
      "The rules take effect on December 1, 2025.\n");
  Announcement a = testing::EnAnnouncement(n);
  EXPECT_FALSE(a.doc_id.has_value());
}

}  // namespace
}  // namespace regdiff::parsers
