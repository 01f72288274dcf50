// The item list of English announcements: control codes, reference customs
// codes, elements by English name or clear symbol, numbering styles, and
// lists without codes.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "parsers/element_names.h"
#include "tests/parsers/parts.h"
#include "parsers/text_view.h"
#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::English;

struct ExpectedItem {
  std::optional<std::string> code;
  std::string position;
  std::vector<std::string> elements;
  std::vector<std::string> hs_codes;
};

ItemList ItemsOf(const std::string& text) {
  NormalizedText n = English(text);
  ItemList items = testing::Parts(n, Lang::kEn).Items();
  for (const Item& item : items.items) {
    EXPECT_EQ(text.substr(item.evidence.begin, item.evidence.end - item.evidence.begin),
              item.evidence.text);
    EXPECT_EQ(text.substr(item.hs_evidence.begin, item.hs_evidence.end - item.hs_evidence.begin),
              item.hs_evidence.text);
  }
  return items;
}

void ExpectItems(const std::string& text, const std::vector<ExpectedItem>& expected) {
  ItemList items = ItemsOf(text);
  ASSERT_EQ(items.items.size(), expected.size()) << text;
  for (size_t i = 0; i < expected.size(); ++i) {
    const Item& got = items.items[i];
    const ExpectedItem& e = expected[i];
    EXPECT_EQ(got.code, e.code) << text << " item " << i;
    EXPECT_EQ(got.position, e.position) << text << " item " << i;
    EXPECT_EQ(got.elements, e.elements) << text << " item " << i;
    EXPECT_EQ(got.hs_codes, e.hs_codes) << text << " item " << i;
  }
}

TEST(ItemList, ReadsAnOfficialStyleList) {
  ExpectItems(
      "The items below are controlled:\n"
      "I. Holmium-related items\n"
      "(I) 1C909.a Holmium metal, alloys and related products (reference customs commodity "
      "number: 28053019).\n"
      "(II) 1C909.b Holmium oxide and mixtures thereof.\n"
      "II. Erbium-related items\n"
      "(I) 1C910.a Erbium metal, alloys and related products (reference customs commodity "
      "number: 28053019).\n"
      "(II) 1C910.b Erbium oxide and mixtures thereof.\n"
      "III. This announcement shall come into force as of November 8, 2025.\n",
      {{"1C909.a", "I(I)", {"Ho"}, {"28053019"}},
       {"1C909.b", "I(II)", {"Ho"}, {}},
       {"1C910.a", "II(I)", {"Er"}, {"28053019"}},
       {"1C910.b", "II(II)", {"Er"}, {}}});
}

TEST(ItemList, AttachesCodesOfSubItemsAndWrappedListsToTheCodeAbove) {
  ExpectItems(
      "I. Samarium-related items\n"
      "(A) 1C902.a Samarium metal, samarium-containing alloys and related products:\n"
      "1. Samarium metal (Reference HS Code: 2805301910).\n"
      "2. Samarium-containing alloys:\n"
      "a. Samarium-cobalt alloys;\n"
      "b. Samarium-iron alloys.\n"
      "3. Samarium-containing targets (Reference HS Codes: 3824999922, 8486909110):\n"
      "a. Samarium targets.\n"
      "(B) 1C902.b Samarium oxide and its mixtures\n"
      "(Reference HS Codes: 2846901940, 2846901993,\n"
      "3824999922).\n"
      "II. Gadolinium-related items\n"
      "(A) 1C903.a Metal, alloys and related products:\n"
      "1. The metal (Reference HS Code: 2805301910).\n",
      {{"1C902.a", "I(A)", {"Sm"}, {"2805301910", "3824999922", "8486909110"}},
       {"1C902.b", "I(B)", {"Sm"}, {"2846901940", "2846901993", "3824999922"}},
       {"1C903.a", "II(A)", {"Gd"}, {"2805301910"}}});
}

TEST(ItemList, UnnumberedCodeLinesKeepTheirNumberedSubItems) {
  ExpectItems(
      "Samarium-related items\n"
      "1C902.a Samarium metal and related products:\n"
      "1. Samarium metal (Reference HS Code: 2805301910).\n"
      "2. Samarium-containing targets (Reference HS Codes: 3824999922, 8486909110).\n"
      "- 1C902.b Samarium oxide (Reference HS Codes: 2846901940, 2846901993).\n",
      {{"1C902.a", "", {"Sm"}, {"2805301910", "3824999922", "8486909110"}},
       {"1C902.b", "", {"Sm"}, {"2846901940", "2846901993"}}});
}

TEST(ItemList, ReadsLabelledCodesAndNames) {
  ItemList items = ItemsOf(
      "I. The following items shall not be exported without a licence:\n"
      "(1) Technologies for rare-earth smelting and separation (Control code: 1E902.a);\n"
      "(2) Technologies for upgrading such production lines [control number 1E902.b].\n");
  ASSERT_EQ(items.items.size(), 2u);
  EXPECT_EQ(items.items[0].code, "1E902.a");
  EXPECT_EQ(items.items[0].name, "Technologies for rare-earth smelting and separation");
  EXPECT_EQ(items.items[0].position, "I(1)");
  EXPECT_EQ(items.items[1].code, "1E902.b");
  EXPECT_EQ(items.items[0].evidence.text,
            "(1) Technologies for rare-earth smelting and separation (Control code: 1E902.a)");
}

TEST(ItemList, CrossReferencesAreNotItems) {
  ExpectItems(
      "I. 2B902 Rare-earth production equipment\n"
      "(6) 2B902.f Equipment of a first kind.\n"
      "(7) 2B902.g Parts specially designed for the items controlled under 2B902.f.\n"
      "(8) 2B902.h Equipment not controlled under 2B104.\n"
      "2B902.f items exported for repair are also covered.\n",
      {{"2B902", "I", {}, {}},
       {"2B902.f", "I(6)", {}, {}},
       {"2B902.g", "I(7)", {}, {}},
       {"2B902.h", "I(8)", {}, {}}});
}

TEST(ItemList, RepairsTheLetterOInsideACodesDigitsAndSaysSo) {
  ItemList items = ItemsOf(
      "I. Holmium-related items\n"
      "(1) 1C9O9.a Holmium metal (Reference HS Code: 28053019).\n"
      "(2) 1CO9X.b Not a code.\n");
  ASSERT_EQ(items.items.size(), 1u);
  EXPECT_EQ(items.items[0].code, "1C909.a");
  ASSERT_EQ(items.warnings.size(), 1u);
  EXPECT_NE(items.warnings[0].find("1C9O9.a"), std::string::npos);
  EXPECT_NE(items.warnings[0].find("1C909.a"), std::string::npos);
}

TEST(ItemList, ReadsHsListsInEveryUsualSpelling) {
  struct Case {
    std::string line;
    std::vector<std::string> hs;
  };
  const Case cases[] = {
      {"(1) 1C902.b Oxide (reference customs commodity numbers: 2846901940, 2846901993 and "
       "3824999922).",
       {"2846901940", "2846901993", "3824999922"}},
      {"4. Gallium phosphide (refer to customs product numbers: 2853904030, 3818009003).",
       {"2853904030", "3818009003"}},
      {"(1) 1C902.b Oxide (customs commodity codes: 2846.9019.40; 2846901993 / 3824999922)",
       {"2846901940", "2846901993", "3824999922"}},
      {"(1) 1C909.a Metal (HS code(s): 2805.30.19)", {"28053019"}},
      {"(1) 1C909.a Metal (tariff items 28053019)", {"28053019"}},
      {"(1) 1C909.a Metal (Reference Customs Commodity Code: 2805 3019)", {"28053019"}},
      {"(1) 1C902.b Oxide (HS codes: 2846901940 2846901993)", {"2846901940", "2846901993"}},
      // CAS numbers and other numbers are no HS codes.
      {"(1) 1C914.a Material (CAS No. 0000-00-0), 99.99% pure", {}},
      {"(1) 1C909.a Metal (HS code: 2805301)", {}},  // 7 digits: not a code
  };
  for (const Case& c : cases) {
    ItemList items = ItemsOf("I. Items\n" + c.line + "\n");
    ASSERT_EQ(items.items.size(), 1u) << c.line;
    EXPECT_EQ(items.items[0].hs_codes, c.hs) << c.line;
  }
}

TEST(ItemList, WarnsAboutAnHsListPrintedEmpty) {
  ItemList items = ItemsOf("I. Items\n(1) 1C902.a Samarium metal (Reference HS Code: , ).\n");
  ASSERT_EQ(items.items.size(), 1u);
  EXPECT_TRUE(items.items[0].hs_codes.empty());
  ASSERT_EQ(items.warnings.size(), 1u);
  EXPECT_NE(items.warnings[0].find("1C902.a"), std::string::npos);
}

TEST(ItemList, AListRestartingAtOneBelowAnotherStyleNestsInIt) {
  // Translations print 一、 and 1. alike: "1." under "(I)" is a new level.
  ExpectItems(
      "1. Items with the following characteristics shall not be exported without a licence:\n"
      "(I) Antimony-related items.\n"
      "1. Antimony ore (reference customs commodity number: 2617101000).\n"
      "2. Antimony metal (reference customs commodity number: 8110101000).\n"
      "3. Indium antimonide, with the following characteristics:\n"
      "2. Technologies shall not be exported without a licence.\n",
      {{std::nullopt, "1(I)1", {"Sb"}, {"2617101000"}},
       {std::nullopt, "1(I)2", {"Sb"}, {"8110101000"}},
       {std::nullopt, "1(I)3", {"Sb", "In"}, {}}});
}

TEST(ItemList, LearnsTheNestingOfNumberingStyles) {
  // "(i)" after "(h)" is the letter i; "(v)" after "(iv)" is Roman five;
  // "ll." after "I." is an OCR-damaged "II.".
  ExpectItems(
      "I. Equipment\n"
      "(h) 2B902.h Equipment of one kind.\n"
      "(i) 2B902.i Equipment of another kind.\n"
      "(j) 2B902.j Equipment of a third kind.\n"
      "ll. Materials\n"
      "(iv) 1C914.a Materials of one kind.\n"
      "(v) 1C914.b Materials of another kind.\n",
      {{"2B902.h", "I(h)", {}, {}},
       {"2B902.i", "I(i)", {}, {}},
       {"2B902.j", "I(j)", {}, {}},
       {"1C914.a", "ll(iv)", {}, {}},
       {"1C914.b", "ll(v)", {}, {}}});
}

TEST(ItemList, TakesElementsFromTheItemLineAndItsHeadingsOnly) {
  ExpectItems(
      "I. Gadolinium-related items\n"
      "(1) 1C903.a Metal and alloys:\n"
      "a. Gadolinium-magnesium alloys;\n"
      "b. Terbium-free alloys.\n"
      "(2) 1C903.b Oxide of the metal above.\n",
      {{"1C903.a", "I(1)", {"Gd"}, {}}, {"1C903.b", "I(2)", {"Gd"}, {}}});
}

TEST(ItemList, ReadsListsWithoutCodesByPosition) {
  ItemList items = ItemsOf(
      "The following items are controlled:\n"
      "I. Gallium-related items\n"
      "1. Gallium metal (customs commodity number: 8112929010).\n"
      "2. Gallium nitride.\n"
      "3. Gallium oxide.\n"
      "II. Other matters\n"
      "1. Exporters shall apply for a licence.\n");
  ASSERT_EQ(items.items.size(), 3u);
  EXPECT_FALSE(items.items[0].code.has_value());
  EXPECT_EQ(items.items[0].position, "I1");
  EXPECT_EQ(items.items[0].hs_codes, std::vector<std::string>{"8112929010"});
  EXPECT_EQ(items.items[0].elements, std::vector<std::string>{"Ga"});
  EXPECT_EQ(items.items[2].position, "I3");
  EXPECT_EQ(items.items[2].name, "Gallium oxide");
}

TEST(ItemList, WarnsWhenAnAnnouncedListHasNoItems) {
  ItemList items = ItemsOf("Export controls are imposed on the following items:\n(list omitted)\n");
  EXPECT_TRUE(items.items.empty());
  ASSERT_EQ(items.warnings.size(), 1u);
}

TEST(EnElements, NamesCountAsWholeWordsAndSymbolsOnlyInSymbolicWriting) {
  struct Case {
    std::string text;
    std::vector<std::string> elements;
  };
  const Case cases[] = {
      {"Holmium-related items", {"Ho"}},
      {"Compounds of HOLMIUM and mixtures", {"Ho"}},
      {"Bismuth telluride", {"Bi"}},            // telluride: a compound class
      {"tungstates and molybdates", {}},        // compound classes
      {"Indium antimonide wafers", {"In"}},     // antimonide: a compound class
      {"Germanium dioxide", {"Ge"}},
      {"Lithium-ion battery cells", {"Li"}},
      {"Metal (Ho) and its alloys", {"Ho"}},
      {"Sm-Co permanent magnets", {"Sm"}},
      {"Nd-Fe-B magnets", {"Nd"}},
      {"Yttrium (Y) and scandium", {"Sc", "Y"}},
      {"In the case of rare earth metals", {}},  // the word In is no symbol
      {"MPCVD equipment and diamond windows", {}},
      {"Re-export of artificial graphite", {}},
      {"GaN and InSb wafers", {}},  // formulas are not read (conservative)
  };
  for (const Case& c : cases) EXPECT_EQ(ElementSymbols(EnElementSetIn(c.text)), c.elements) << c.text;
}

}  // namespace
}  // namespace regdiff::parsers

namespace regdiff::parsers {
namespace {

TEST(ItemListTables, ReadsRowsByTheirColumnsAndStopsAtNotes) {
  // A table flattened to one row a line: the code column after the name, the
  // HS column unlabelled; a row continuing the HS column; a footer with a
  // phone number is no row.
  ItemList items = ItemsOf(
      "No. Item Control code HS Code(s)\n"
      "1 Samarium metal and products 1C902.a 2805.30.19.10; 3824.99.99.22\n"
      "  8486.90.91.10\n"
      "2 Gadolinium metal and products 1C903.a 2805.30.19.10\n"
      "Hotline: 12345678\n");
  ASSERT_EQ(items.items.size(), 2u);
  EXPECT_EQ(items.items[0].code, "1C902.a");
  EXPECT_EQ(items.items[0].name, "Samarium metal and products");
  EXPECT_EQ(items.items[0].hs_codes,
            (std::vector<std::string>{"2805301910", "3824999922", "8486909110"}));
  EXPECT_EQ(items.items[0].elements, std::vector<std::string>{"Sm"});
  EXPECT_EQ(items.items[1].code, "1C903.a");
  EXPECT_EQ(items.items[1].hs_codes, std::vector<std::string>{"2805301910"});
}

TEST(ItemListTables, ReadsPipeTablesWithARuleRow) {
  ItemList items = ItemsOf(
      "| Control No. | Description | Customs code |\n"
      "|---|---|---|\n"
      "| 1C909.a | Holmium metal | 28053019 |\n"
      "| 1C913.b | Ytterbium oxide | |\n"
      "Source: rows 1C910.a to 1C912.c are not shown.\n");
  ASSERT_EQ(items.items.size(), 2u);
  EXPECT_EQ(items.items[0].hs_codes, std::vector<std::string>{"28053019"});
  EXPECT_EQ(items.items[1].elements, std::vector<std::string>{"Yb"});
}

TEST(ItemListTables, ReadsATableOfGoodsByCustomsCode) {
  // A customs table names goods by HS code and has no control-code column:
  // each row is an entry numbered by its row, named by the cell after the code.
  ItemList items = ItemsOf(
      "| No. | Commodity code | Commodity name | Unit |\n"
      "|---|---|---|---|\n"
      "| 1 | 2805301910 | Samarium metal | kg |\n"
      "| 2 | 2846901920 | Gadolinium oxide | kg |\n"
      "Contact: the licensing office.\n");
  ASSERT_EQ(items.items.size(), 2u);
  EXPECT_EQ(items.items[0].code, std::nullopt);
  EXPECT_EQ(items.items[0].hs_codes, std::vector<std::string>{"2805301910"});
  EXPECT_EQ(items.items[0].name, "Samarium metal");
  EXPECT_EQ(items.items[0].elements, std::vector<std::string>{"Sm"});
  EXPECT_EQ(items.items[1].hs_codes, std::vector<std::string>{"2846901920"});
  EXPECT_EQ(items.items[1].elements, std::vector<std::string>{"Gd"});
  EXPECT_NE(items.items[0].position, items.items[1].position);
}

TEST(ItemListTables, ACodeEndingAProseSentenceIsNoItem) {
  ItemList items = ItemsOf(
      "Exporters shall apply for licences for items such as 1C902.a\n"
      "The list was amended to add 1C117.b\n");
  EXPECT_TRUE(items.items.empty());
}

}  // namespace
}  // namespace regdiff::parsers
