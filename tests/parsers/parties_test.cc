// The language-neutral half of the party readers: name cells, list
// entries, folding and merging names, and the word tables.
#include "parsers/parties.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/party_words.h"
#include "parsers/text_view.h"
#include "tests/parsers/party_test_text.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;

struct Names {
  std::string han, latin, country;
};

Names Split(const std::string& cell) {
  NameParts n = SplitNameCell(cell, 0, cell.size());
  return {cell.substr(n.han_begin, n.han_end - n.han_begin),
          cell.substr(n.latin_begin, n.latin_end - n.latin_begin), n.country.value_or("")};
}

TEST(SplitNameCell, ASecondLatinNameInBracketsIsTheAlternative) {
  const std::string cell = "Global Dimensions Company (Global Dimensions LLC)";
  NameParts n = SplitNameCell(cell, 0, cell.size());
  EXPECT_EQ(cell.substr(n.alt_begin, n.alt_end - n.alt_begin), "Global Dimensions LLC");
}

TEST(SplitNameCell, ReadsTheShapesOfNameCells) {
  struct Case {
    std::string cell;
    Names want;
  };
  const Case cases[] = {
      {"亨廷顿·英格尔斯工业公司(Huntington Ingalls Industries, Inc.)",
       {"亨廷顿·英格尔斯工业公司", "Huntington Ingalls Industries, Inc.", ""}},
      {"SUBARU Corporation (斯巴鲁株式会社)", {"斯巴鲁株式会社", "SUBARU Corporation", ""}},
      {"斯巴鲁株式会社 SUBARU Corporation", {"斯巴鲁株式会社", "SUBARU Corporation", ""}},
      {"示例甲公司(Example Alpha Inc.)(美国)", {"示例甲公司", "Example Alpha Inc.", "US"}},
      {"Raytheon Missiles & Defense (RMD)", {"", "Raytheon Missiles & Defense (RMD)", ""}},
      {"Huntington Ingalls Industrial Company (Huntington Ingalls Industries, Inc.)",
       {"", "Huntington Ingalls Industrial Company", ""}},
      {"Example Alpha Inc. (Japan)", {"", "Example Alpha Inc.", "JP"}},
      {"示例甲公司,地址:示例州示例市示例路1号", {"示例甲公司", "", ""}},
      {"Example Alpha Inc. Address: 1 Example Street", {"", "Example Alpha Inc.", ""}},
      {"示例甲公司(简称示例甲)", {"示例甲公司", "", ""}},
      {"示例甲公司。", {"示例甲公司", "", ""}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cell);
    Names got = Split(c.cell);
    EXPECT_EQ(got.han, c.want.han);
    EXPECT_EQ(got.latin, c.want.latin);
    EXPECT_EQ(got.country, c.want.country);
  }
}

std::vector<std::string> Entries(const std::string& text) {
  NormalizedText n = Simplified(testing::FoldWidthLikeIngest(text));
  TextView tv(n);
  size_t end = 0;
  std::vector<std::string> out;
  for (const ListEntry& e : ReadListEntries(tv, 0, [](size_t) { return false; }, &end)) {
    std::string v(tv.view());
    out.push_back(v.substr(e.names.han_begin, e.names.han_end - e.names.han_begin) + "|" +
                  v.substr(e.names.latin_begin, e.names.latin_end - e.names.latin_begin) + "|" +
                  e.names.country.value_or(""));
  }
  return out;
}

TEST(ReadListEntries, NumberingMustCountUpByOne) {
  EXPECT_EQ(Entries("1. 示例甲公司\n2. 示例乙公司\n4. 示例丁公司\n"),
            (std::vector<std::string>{"示例甲公司||", "示例乙公司||"}));
  EXPECT_EQ(Entries("(1) 示例甲公司\n(2) 示例乙公司\n"),
            (std::vector<std::string>{"示例甲公司||", "示例乙公司||"}));
}

TEST(ReadListEntries, HeaderColumnsNameTheCells) {
  EXPECT_EQ(Entries("No. | Name | Address | Country\n"
                    "1 | Example Alpha Inc. | 1 Example Street, Example City | United States\n"),
            (std::vector<std::string>{"|Example Alpha Inc.|US"}));
  EXPECT_EQ(Entries("序号 中文名称 英文名称 地址\n1  示例甲公司  Example Alpha Inc.  示例市示例路1号\n"),
            (std::vector<std::string>{"示例甲公司|Example Alpha Inc.|"}));
}

TEST(ReadListEntries, LinesUnderAnEntryBelongToIt) {
  EXPECT_EQ(Entries("1. 示例甲公司\nExample Alpha Inc.\n地址：示例市示例路1号\n国家：美国\n"
                    "2. 示例乙公司\n别名：示例乙\n"),
            (std::vector<std::string>{"示例甲公司|Example Alpha Inc.|US", "示例乙公司||"}));
}

TEST(ReadListEntries, SentencesAndCodesEndTheList) {
  EXPECT_EQ(Entries("1. 示例甲公司\n2. 禁止向上述实体出口两用物项，已在进行的出口应即停止。\n"),
            (std::vector<std::string>{"示例甲公司||"}));
  EXPECT_EQ(Entries("- 1C117.b\n- 1C117.c\n"), (std::vector<std::string>{}));
  EXPECT_EQ(Entries("1. Example Alpha Inc.\n2. Exporters shall apply to the Ministry of Commerce.\n"),
            (std::vector<std::string>{"|Example Alpha Inc.|"}));
}

TEST(FoldPartyName, FoldsAsTheScorerDoes) {
  EXPECT_EQ(FoldPartyName("Huntington Ingalls Industries, Inc."), "huntingtoningallsindustriesinc");
  EXPECT_EQ(FoldPartyName("亨廷顿·英格尔斯工业公司"), "亨廷顿英格尔斯工业公司");
  EXPECT_EQ(FoldPartyName("“斯巴鲁株式会社”"), "斯巴鲁株式会社");
}

FoundParty Found(const std::string& name, bool from_list, size_t at,
                 std::optional<std::string> name_en = std::nullopt) {
  FoundParty f;
  f.party.name = name;
  f.party.name_en = name_en;
  f.party.evidence.begin = at;
  f.key = FoldPartyName(name);
  f.key_en = name_en ? FoldPartyName(*name_en) : "";
  f.from_list = from_list;
  return f;
}

TEST(MergeParties, OneEntryPerNameListEntriesFirst) {
  std::vector<Party> merged = MergeParties({Found("美国示例甲公司", false, 0),
                                            Found("示例甲公司", true, 50, "Example Alpha Inc."),
                                            Found("示例甲公司", true, 90),
                                            Found("示例甲公司名古屋制作所", true, 120)});
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].name, "示例甲公司");
  EXPECT_EQ(merged[0].name_en, "Example Alpha Inc.");
  EXPECT_EQ(merged[1].name, "示例甲公司名古屋制作所");  // two entries of a list stay two
}

TEST(MergeParties, TheFullerNameOfTwoSentences) {
  std::vector<Party> merged =
      MergeParties({Found("斯巴鲁", false, 0), Found("斯巴鲁株式会社", false, 40)});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].name, "斯巴鲁株式会社");
}

TEST(PartyWords, CountriesAndColumns) {
  EXPECT_EQ(ZhCountryCode("美国"), "US");
  EXPECT_EQ(ZhCountryCode("纽西兰"), "NZ");  // Taiwan's name, as the Simplified view reads it
  EXPECT_EQ(EnCountryCode("U.S."), "US");
  EXPECT_EQ(EnCountryCode("Japanese"), "JP");
  EXPECT_FALSE(EnCountryCode("japanese").has_value());
  EXPECT_FALSE(ZhCountryCode("美国实体").has_value());
  EXPECT_EQ(ColumnOf("English Name"), Column::kNameEn);
  EXPECT_EQ(ColumnOf("国家/地区"), Column::kCountry);
  for (const Country& c : Countries()) {
    EXPECT_EQ(c.code.size(), 2u);
    EXPECT_FALSE(c.zh.empty());
    EXPECT_FALSE(c.en.empty());
  }
}

}  // namespace
}  // namespace regdiff::parsers
