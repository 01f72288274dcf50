// The controlled-item list of Chinese announcements: control codes in nested
// numbering, reference customs codes, elements, cross-references that are no
// items, lists numbered by position only, and the checks that warn.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "parsers/text_view.h"
#include "tests/parsers/parts.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;
using testing::Traditional;
using Strings = std::vector<std::string>;

ItemList ItemsOf(const NormalizedText& n) { return testing::Parts(n, Lang::kZh).Items(); }

Strings CodesOf(const ItemList& items) {
  Strings out;
  for (const Item& i : items.items) out.push_back(i.code.value_or("(null)"));
  return out;
}

const Item* FindCode(const ItemList& items, const std::string& code) {
  for (const Item& i : items.items)
    if (i.code == code) return &i;
  return nullptr;
}

// Every evidence of every item is a substring of the text at its offsets.
void ExpectEvidenceInText(const NormalizedText& n, const ItemList& items) {
  for (const Item& i : items.items) {
    for (const Evidence* e : {&i.evidence, &i.hs_evidence}) {
      ASSERT_LE(e->end, n.text.size()) << i.position;
      EXPECT_EQ(n.text.substr(e->begin, e->end - e->begin), e->text) << i.position;
    }
  }
}

TEST(ItemList, ReadsCodesWithHsListsAttachedToTheNearestCodeAbove) {
  NormalizedText n = Simplified(
      "决定对下列物项实施出口管制:\n"
      "一、钐相关物项\n"
      "(一)1C902.a 金属钐、钐合金及其制品:\n"
      "1. 金属钐(参考海关商品编号:2805301910)。\n"
      "2. 钐的靶材(参考海关商品编号:3824999922、8486909110):\n"
      "a. 钐靶。\n"
      "(二)1C902.b 氧化钐及其混合物(参考海关商品编号:2846901940,2846901993)。\n"
      "(三)1C902.c 含钐的化合物(参考海关商品编号:2846902810;2846902910)。\n"
      "二、出口经营者应当办理许可手续。\n"
      "(一)申请表(参考海关商品编号:2846909920)。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C902.a", "1C902.b", "1C902.c"}));
  EXPECT_EQ(got.items[0].hs_codes, (Strings{"2805301910", "3824999922", "8486909110"}));
  EXPECT_EQ(got.items[1].hs_codes, (Strings{"2846901940", "2846901993"}));
  // The HS list under the next, code-less heading belongs to no item.
  EXPECT_EQ(got.items[2].hs_codes, (Strings{"2846902810", "2846902910"}));
  EXPECT_EQ(got.items[0].position, "一(一)");
  EXPECT_EQ(got.items[2].position, "一(三)");
  EXPECT_EQ(got.items[0].name, "金属钐、钐合金及其制品");
  EXPECT_EQ(got.items[1].name, "氧化钐及其混合物");
  EXPECT_EQ(got.items[0].evidence.text, "(一)1C902.a 金属钐、钐合金及其制品");
  EXPECT_EQ(got.items[0].hs_evidence.text.substr(0, 10), "2805301910");
  for (const Item& i : got.items) EXPECT_EQ(i.elements, Strings{"Sm"}) << *i.code;
  EXPECT_TRUE(got.warnings.empty());
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsHsListsInEveryPrintedForm) {
  struct Case {
    std::string line;
    Strings hs;
  };
  const Case cases[] = {
      {"(一)1C902.a 金属钐(参考海关商品编号:2805301910)", {"2805301910"}},
      {"(一)1C902.a 金属钐(参考海关商品编号:2805301910、3824999922)",
       {"2805301910", "3824999922"}},
      {"(一)1C902.a 金属钐(参考海关商品编号:2805301910,3824999922)",
       {"2805301910", "3824999922"}},
      {"(一)1C902.a 金属钐(参考海关商品编号:2805301910;3824999922)",
       {"2805301910", "3824999922"}},
      {"(一)1C902.a 金属钐(参考海关商品编号:2805.3019.10)", {"2805301910"}},
      {"(一)1C902.a 金属钐(参考海关商品编号: 2805301910 3824999922)",
       {"2805301910", "3824999922"}},
      {"(一)1C909.a 金属钬(参考税则号列:28053019)", {"28053019"}},
      {"(一)1C909.a 金属钬(参考税则号:28053019)", {"28053019"}},
      {"(一)1C909.a 金属钬(参考商品编码:28053019)", {"28053019"}},
      {"(一)1C909.a 金属钬(参考海关商品编号:28053019)。另见(参考税则号列:38249999)",
       {"28053019", "38249999"}},
      // A list broken over two lines after a separator.
      {"(一)1C902.b 氧化钐(参考海关商品编号:2846901940、\n2846901993)。",
       {"2846901940", "2846901993"}},
      // A line ending on a separator does not take the next numbered line.
      {"(一)1C902.b 氧化钐(参考海关商品编号:2846901940;\n1. 2846901993项所列物品",
       {"2846901940"}},
      {"(一)1C902.a 金属钐,参考海关商品编号为2805301910。", {"2805301910"}},
      {"(一)1C909.a 金属钬(税号:28053019)", {"28053019"}},
      {"(一)1C909.a 金属钬(海关编码:28053019)", {"28053019"}},
      // The list on the lines after its label, one code per line.
      {"(一)1C902.a 金属钐(参考海关商品编号:\n2805301910\n3824999922)",
       {"2805301910", "3824999922"}},
      // Not 8 or 10 digits: no code.
      {"(一)1C909.a 金属钬(参考税则号列:280530)", {}},
      // CAS numbers are no HS codes.
      {"(一)1C914.c 氟化铵(CAS号:12125-02-9)", {}},
      {"(一)1C914.c 某化合物(CAS号:7664-39-3,参考税则号列:28111100)", {"28111100"}},
      {"(一)1C914.c 某化合物(参考税则号列:28111100;CAS号:7664-39-3)", {"28111100"}},
  };
  for (const Case& c : cases) {
    NormalizedText n = Simplified(c.line);
    ItemList got = ItemsOf(n);
    ASSERT_EQ(got.items.size(), 1u) << c.line;
    EXPECT_EQ(got.items[0].hs_codes, c.hs) << c.line;
    ExpectEvidenceInText(n, got);
  }
}

TEST(ItemList, ReadsHeadingCodesSubCodesAndLabelledCodes) {
  NormalizedText n = Simplified(
      "一、2B902 稀土加工设备\n"
      "(一)2B902.a.用于稀土萃取的设备。\n"
      "二、3C901 电池正极材料\n"
      "(一)3C901.a 磷酸铁锂:\n"
      "1. 3C901.a.1 压实密度较高的磷酸铁锂(参考税则号列:28429000);\n"
      "2. 3C901.a.2 其他磷酸铁锂。\n"
      "三、相关技术\n"
      "(一)稀土冶炼技术(管制编码:1E902.a)\n"
      "(二)磁材制造技术(出口管制编码:1E902.b)(参考税则号列:、)\n");
  ItemList got = ItemsOf(n);
  EXPECT_EQ(CodesOf(got), (Strings{"2B902", "2B902.a", "3C901", "3C901.a", "3C901.a.1",
                                   "3C901.a.2", "1E902.a", "1E902.b"}));
  const Item* a1 = FindCode(got, "3C901.a.1");
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->hs_codes, Strings{"28429000"});
  EXPECT_EQ(a1->position, "二(一)1");
  EXPECT_EQ(a1->elements, Strings{"Li"});
  const Item* tech = FindCode(got, "1E902.a");
  ASSERT_NE(tech, nullptr);
  EXPECT_EQ(tech->name, "稀土冶炼技术");
  EXPECT_EQ(FindCode(got, "2B902")->name, "稀土加工设备");
  EXPECT_EQ(FindCode(got, "2B902.a")->name, "用于稀土萃取的设备");
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsAnUnbracketedControlCodeLabel) {
  NormalizedText n = Simplified(
      "一、下列物项未经许可不得出口:\n"
      "(一)氧化钬及其混合物,管制编码:1C909.b。\n"
      "(二)含钬的化合物,管制编码为1C909.c\n"
      "(三)本项所称管制编码的含义见附件。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C909.b", "1C909.c"}));
  EXPECT_EQ(got.items[0].name, "氧化钬及其混合物");
  EXPECT_EQ(got.items[0].elements, Strings{"Ho"});
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsATableFlattenedWithBars) {
  NormalizedText n = Simplified(
      "一、下列物项未经许可不得出口:\n"
      "序号 | 物项名称 | 管制编码 | 参考税则号列\n"
      "1 | 金属钬、含钬的合金及相关制品 | 1C909.a | 28053019\n"
      "2 | 氧化钬及其混合物 | 1C909.b | —\n"
      "3 | 金属铒及其制品 | 1C910.a | 28053019、28053090\n"
      "二、出口经营者应当办理许可手续。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C909.a", "1C909.b", "1C910.a"}));
  EXPECT_EQ(got.items[0].name, "金属钬、含钬的合金及相关制品");
  EXPECT_EQ(got.items[0].hs_codes, Strings{"28053019"});
  EXPECT_EQ(got.items[0].hs_evidence.text, "28053019");
  EXPECT_TRUE(got.items[1].hs_codes.empty());
  EXPECT_EQ(got.items[2].hs_codes, (Strings{"28053019", "28053090"}));
  EXPECT_EQ(got.items[0].elements, Strings{"Ho"});
  EXPECT_EQ(got.items[2].elements, Strings{"Er"});
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsATableFlattenedOneCellPerLine) {
  NormalizedText n = Simplified(
      "一、下列物项未经许可不得出口:\n"
      "序号\n物项名称\n管制编码\n参考税则号列\n"
      "1\n金属钬、含钬的合金及相关制品\n1C909.a\n28053019\n"
      "2\n\n氧化铒及其混合物\n1C910.b\n—\n"
      "二、出口经营者应当办理许可手续。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C909.a", "1C910.b"}));
  EXPECT_EQ(got.items[0].name, "金属钬、含钬的合金及相关制品");
  EXPECT_EQ(got.items[0].hs_codes, Strings{"28053019"});
  EXPECT_EQ(got.items[0].elements, Strings{"Ho"});
  EXPECT_TRUE(got.items[1].hs_codes.empty());
  EXPECT_EQ(got.items[1].elements, Strings{"Er"});
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsATableOfGoodsFlattenedOneCellPerLine) {
  // A customs table without control codes: every row is an entry on its
  // commodity code, named by its name cell and numbered by its first cell.
  NormalizedText n = Simplified(
      "附件:实施出口许可证管理的货物\n"
      "序号\n商品编码\n商品名称\n计量单位\n"
      "1\n2805301910\n金属钐\n千克\n"
      "2\n2846901920\n氧化钆\n千克\n"
      "以上货物自2025年4月4日起实施管理。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 2u);
  EXPECT_EQ(got.items[0].code, std::nullopt);
  EXPECT_EQ(got.items[0].hs_codes, Strings{"2805301910"});
  EXPECT_EQ(got.items[0].name, "金属钐");
  EXPECT_EQ(got.items[0].elements, Strings{"Sm"});
  EXPECT_EQ(got.items[1].hs_codes, Strings{"2846901920"});
  EXPECT_EQ(got.items[1].elements, Strings{"Gd"});
  EXPECT_NE(got.items[0].position, got.items[1].position);
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsCircledNumbersAsItemMarkers) {
  NormalizedText n = Simplified(
      "一、满足以下特性的物项,未经许可,不得出口:\n"
      "①金属镓(单质)。(参考海关商品编号:8110929010)\n"
      "②氮化镓。(参考海关商品编号:8110929010)\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 2u);
  EXPECT_EQ(got.items[1].position, "一②");
  EXPECT_EQ(got.items[1].elements, Strings{"Ga"});
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsTableRowsFlattenedWithSpaces) {
  NormalizedText n = Simplified(
      "一、下列物项未经许可不得出口:\n"
      "序号 管制编码 物项类别\n"
      "1 1C117.b 相关材料\n"
      "2 金属钬及其制品 1C909.a 28053019\n"
      "3 氧化钬及其混合物 1C909.b —\n"
      "4. 用于 2B902.f 项所管制物项的零部件\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C117.b", "1C909.a", "1C909.b"}));
  EXPECT_EQ(got.items[1].name, "金属钬及其制品");
  EXPECT_EQ(got.items[1].hs_codes, Strings{"28053019"});
  EXPECT_TRUE(got.items[2].hs_codes.empty());
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsTheLeavesOfAListWithoutHsCodes) {
  NormalizedText n = Simplified(
      "一、满足以下特性的物项,未经许可,不得出口:\n"
      "(一)锑相关物项。\n"
      "1.金属锑及其制品。\n"
      "2.锑化铟。\n"
      "(二)超硬材料相关物项。\n"
      "1.六面顶压机设备。\n"
      "二、出口经营者应当提交下列文件:\n"
      "(一)出口合同;\n"
      "(二)最终用户证明。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 3u);
  EXPECT_EQ(got.items[0].position, "一(一)1");
  EXPECT_EQ(got.items[0].elements, Strings{"Sb"});
  EXPECT_EQ(got.items[1].elements, (Strings{"Sb", "In"}));
  EXPECT_EQ(got.items[2].position, "一(二)1");
  EXPECT_TRUE(got.items[2].elements.empty());
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, AMeasuresListIsNoItemList) {
  ItemList got = ItemsOf(Simplified(
      "一、禁止两用物项对美国军事用户出口。\n"
      "二、原则上不予许可镓、锗、锑相关两用物项对美国出口。\n"));
  EXPECT_TRUE(got.items.empty());
}

TEST(ItemList, ReadsHsCodesOnTheLinesUnderAPositionItem) {
  NormalizedText n = Simplified(
      "一、满足以下特性的物项,未经许可,不得出口:\n"
      "(一)镓相关物项。\n"
      "1.金属镓(单质)。\n"
      "参考海关商品编号:8110929010\n"
      "2.氮化镓。\n"
      "二、本公告自2023年8月1日起正式实施。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 2u);
  EXPECT_EQ(got.items[0].hs_codes, Strings{"8110929010"});
  EXPECT_TRUE(got.items[1].hs_codes.empty());
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ASectionWithHsListsIsAnItemListWithoutItsHeading) {
  NormalizedText n = Simplified(
      "(一)镓相关物项。\n"
      "1.金属镓(单质)。\n"
      "参考海关商品编号:8110929010\n"
      "2.氮化镓。\n"
      "(二)出口经营者应当提交下列文件。\n"
      "1.出口合同。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 2u);
  EXPECT_EQ(got.items[0].hs_codes, Strings{"8110929010"});
  EXPECT_EQ(got.items[1].elements, Strings{"Ga"});
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, CrossReferencesAreNotItems) {
  NormalizedText n = Simplified(
      "一、2B902 稀土加工设备\n"
      "(六)2B902.f 稀土沉淀反应罐。\n"
      "(七)2B902.g 用于2B902.f项所管制物项的零部件:\n"
      "1. 搅拌器(参考税则号列:84798999);\n"
      "2B902.f项所管制物项的其他零部件(参考税则号列:84799090);\n"
      "(二十二)2B902.v 非2B104项所管制的等静压机(参考税则号列:84798310)。\n");
  ItemList got = ItemsOf(n);
  EXPECT_EQ(CodesOf(got), (Strings{"2B902", "2B902.f", "2B902.g", "2B902.v"}));
  EXPECT_TRUE(FindCode(got, "2B902.f")->hs_codes.empty());
  EXPECT_EQ(FindCode(got, "2B902.g")->hs_codes, (Strings{"84798999", "84799090"}));
  EXPECT_EQ(FindCode(got, "2B902.v")->hs_codes, Strings{"84798310"});
  EXPECT_EQ(FindCode(got, "2B104"), nullptr);
}

TEST(ItemList, ReadsFoldedFullWidthText) {
  // ingest/ folds "（一）１Ｃ９０２．ａ" to ASCII before parsing; the parser reads the folded form.
  NormalizedText n = Simplified("(一)1C902.a 金属钐(参考海关商品编号:2805301910)。");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), Strings{"1C902.a"});
  EXPECT_EQ(got.items[0].hs_codes, Strings{"2805301910"});
}

TEST(ItemList, EmptyHsListsWarnAndGiveNoCodes) {
  NormalizedText n = Simplified(
      "一、钐相关物项\n"
      "(一)1C902.a 金属钐:\n"
      "1. 金属钐(参考海关商品编号:)。\n"
      "(二)1C902.b 氧化钐(参考海关商品编号:、、)。\n"
      "(三)1C902.c 含钐的化合物(参考海关商品编号: 、、、)。\n"
      "(四)1C902.d 钐的其他制品(参考海关商品编号见附件)。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C902.a", "1C902.b", "1C902.c", "1C902.d"}));
  for (const Item& i : got.items) EXPECT_TRUE(i.hs_codes.empty()) << *i.code;
  // "(参考海关商品编号:)" is as empty as "(参考海关商品编号:、、)".
  EXPECT_EQ(got.warnings,
            (Strings{"1C902.a: the reference customs code list is printed empty",
                     "1C902.b: the reference customs code list is printed empty",
                     "1C902.c: the reference customs code list is printed empty"}));
}

TEST(ItemList, ElementsComeFromTheItemLineAndItsSectionHeadingOnly) {
  NormalizedText n = Simplified(
      "一、钐相关物项\n"
      "(一)1C902.a 金属钐及其合金:\n"
      "a. 钐钴合金;\n"
      "b. 钐钕合金。\n"
      "二、钆相关物项\n"
      "(一)1C903.a 相关合金及制品:\n"
      "1. 钐钆合金;\n"
      "2. 含铽的钆合金。\n"
      "三、其他材料\n"
      "(一)1C915.a 碲化镉晶体。\n"
      "(二)1C915.b 锗酸铋晶体。\n"
      "(三)1C915.c 碲化镉及金属碲。\n"
      "(四)1C915.d 氧化镝。\n"
      "(五)1C915.e 稀土永磁材料及石墨。\n");
  ItemList got = ItemsOf(n);
  struct Want {
    std::string code;
    Strings elements;
  };
  const Want want[] = {
      {"1C902.a", {"Sm"}},        // not Co (no such element) nor Nd from sub-item b.
      {"1C903.a", {"Gd"}},        // from the heading; not Sm or Tb from sub-item lines
      {"1C915.a", {}},            // 碲化: telluride, a compound class
      {"1C915.b", {"Bi"}},        // 锗酸: germanate; 铋 is a constituent
      {"1C915.c", {"Te"}},        // 碲 on its own later in the line
      {"1C915.d", {"Dy"}},        // 氧化 does not hide the element named after it
      {"1C915.e", {}},            // 稀土, 石墨 are no elements
  };
  ASSERT_EQ(got.items.size(), std::size(want));
  for (size_t k = 0; k < std::size(want); ++k) {
    EXPECT_EQ(got.items[k].code.value_or(""), want[k].code);
    EXPECT_EQ(got.items[k].elements, want[k].elements) << want[k].code;
  }
}

TEST(ItemList, ElementsAreSortedInTableOrder) {
  NormalizedText n = Simplified("(一)1C999.a 铟锑合金与钐钴合金");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 1u);
  // Rare earths first, then the others in table order: Sm, Sb, In.
  EXPECT_EQ(got.items[0].elements, (Strings{"Sm", "Sb", "In"}));
}

TEST(ItemList, ALostHeadingDoesNotLeakThePreviousSectionsElement) {
  NormalizedText n = Simplified(
      "一、钐相关物项\n"
      "(一)1C902.a 金属及合金。\n"
      "(二)1C902.b 相关氧化物。\n"
      "(一)1C903.a 金属及合金。\n"
      "(二)1C903.b 相关氧化物。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C902.a", "1C902.b", "1C903.a", "1C903.b"}));
  EXPECT_EQ(got.items[0].elements, Strings{"Sm"});
  EXPECT_EQ(got.items[1].elements, Strings{"Sm"});
  EXPECT_TRUE(got.items[2].elements.empty());
  EXPECT_TRUE(got.items[3].elements.empty());
  EXPECT_EQ(got.items[2].position, "(一)");
}

TEST(ItemList, ReadsCodeLessListsByPosition) {
  NormalizedText n = Simplified(
      "一、符合以下特性的物项,未经许可不得出口:\n"
      "(一)锑相关物项。\n"
      "1.锑矿及其原料,包括块状和粉末。(参考海关商品编号:2617101000、2617109001)\n"
      "2.金属锑及其制品。(参考海关商品编号:8110101000、8110102000)\n"
      "3.锑的冶炼分离技术。\n"
      "(二)超硬材料相关物项。\n"
      "1.六面顶压机设备。(参考海关商品编号:8479899956)\n"
      "2.金刚石窗口材料。(参考海关商品编号:7104911010)\n"
      "二、出口经营者应当提交下列文件:\n"
      "(一)出口合同的原件或复印件;\n"
      "(二)最终用户和最终用途说明。\n"
      "三、本公告自2024年9月15日起正式实施。\n");
  ItemList got = ItemsOf(n);
  struct Want {
    std::string position;
    Strings hs;
    Strings elements;
  };
  const Want want[] = {
      {"一(一)1", {"2617101000", "2617109001"}, {"Sb"}},
      {"一(一)2", {"8110101000", "8110102000"}, {"Sb"}},
      {"一(一)3", {}, {"Sb"}},
      {"一(二)1", {"8479899956"}, {}},
      {"一(二)2", {"7104911010"}, {}},
  };
  ASSERT_EQ(got.items.size(), std::size(want));
  for (size_t k = 0; k < std::size(want); ++k) {
    const Item& i = got.items[k];
    EXPECT_FALSE(i.code.has_value());
    EXPECT_EQ(i.position, want[k].position);
    EXPECT_EQ(i.hs_codes, want[k].hs) << i.position;
    EXPECT_EQ(i.elements, want[k].elements) << i.position;
  }
  EXPECT_EQ(got.items[0].name, "锑矿及其原料,包括块状和粉末");
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsTraditionalCodeLessLists) {
  NormalizedText n = Traditional(
      "(一)銻相關物項。\n1.金屬銻。(參考海關商品編號:8110101000)",
      "(一)锑相关物项。\n1.金属锑。(参考海关商品编号:8110101000)");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 1u);
  EXPECT_EQ(got.items[0].position, "(一)1");
  EXPECT_EQ(got.items[0].hs_codes, Strings{"8110101000"});
  EXPECT_EQ(got.items[0].elements, Strings{"Sb"});
  EXPECT_EQ(got.items[0].name, "金屬銻");
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ReadsEveryEntryOfARunOnList) {
  // A copy printed the germanium entries on one line, numbered bare.
  NormalizedText n = Traditional(
      "(二)鍺相關物項。\n"
      "1金屬鍺(參考海關商品編號:8112921010、8112921090)。 2區熔鍺錠(參考海關商品編號:8112921090)。"
      " 3二氧化鍺(參考海關商品編號:2825600002)。",
      "(二)锗相关物项。\n"
      "1金属锗(参考海关商品编号:8112921010、8112921090)。 2区熔锗锭(参考海关商品编号:8112921090)。"
      " 3二氧化锗(参考海关商品编号:2825600002)。");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(got.items.size(), 3u);
  EXPECT_EQ(got.items[0].position, "(二)1");
  EXPECT_EQ(got.items[0].name, "金屬鍺");
  EXPECT_EQ(got.items[0].hs_codes, (Strings{"8112921010", "8112921090"}));
  EXPECT_EQ(got.items[1].position, "(二)2");
  EXPECT_EQ(got.items[1].hs_codes, Strings{"8112921090"});
  EXPECT_EQ(got.items[2].name, "二氧化鍺");
  EXPECT_EQ(got.items[2].hs_codes, Strings{"2825600002"});
  for (const Item& item : got.items) EXPECT_EQ(item.elements, Strings{"Ge"}) << item.position;
  ExpectEvidenceInText(n, got);
  // Entries with separators, run on without a space.
  got = ItemsOf(Simplified("(一)镓相关物项。\n1.金属镓(参考海关商品编号:8112929010)。2.氮化镓(参考海关商品编号:"
                           "2850001901)。"));
  ASSERT_EQ(got.items.size(), 2u);
  EXPECT_EQ(got.items[1].name, "氮化镓");
  EXPECT_EQ(got.items[1].hs_codes, Strings{"2850001901"});
}

TEST(ItemList, ANumberOpeningASentenceIsNoEntry) {
  // "3家" opens a sentence, not a list: no sequence follows it.
  ItemList got = ItemsOf(Simplified(
      "决定将3家美国实体列入管控名单。\n3家实体名单见附件。 4月起禁止出口。\n"));
  EXPECT_TRUE(got.items.empty());
}

TEST(ItemList, WarnsWhenTheStatedCountDiffers) {
  struct Case {
    std::string text;
    size_t warnings;
  };
  const Case cases[] = {
      {"决定对下列3种物项实施出口管制:\n(一)1C902.a 金属钐。\n(二)1C902.b 氧化钐。", 1},
      {"决定对下列2种物项实施出口管制:\n(一)1C902.a 金属钐。\n(二)1C902.b 氧化钐。", 0},
      {"决定对下列二种物项实施出口管制:\n(一)1C902.a 金属钐。\n(二)1C902.b 氧化钐。", 0},
      {"决定对下列三种物项实施出口管制:\n(一)1C902.a 金属钐。\n(二)1C902.b 氧化钐。", 1},
      // The count may be of code families: 2 families, 3 codes.
      {"决定对以下2种物项实施出口管制:\n(一)1C902.a 金属钐。\n(二)1C902.b 氧化钐。\n"
       "(三)1C903.a 金属钆。",
       0},
  };
  for (const Case& c : cases) {
    ItemList got = ItemsOf(Simplified(c.text));
    EXPECT_EQ(got.warnings.size(), c.warnings) << c.text;
  }
  ItemList got = ItemsOf(Simplified(cases[0].text));
  ASSERT_EQ(got.warnings.size(), 1u);
  EXPECT_NE(got.warnings[0].find("下列3种物项"), std::string::npos) << got.warnings[0];
}

TEST(ItemList, WarnsWhenAnAnnouncedListIsMissing) {
  ItemList got = ItemsOf(Simplified("决定对下列物项实施出口管制:\n(清单见附件)"));
  EXPECT_TRUE(got.items.empty());
  EXPECT_EQ(got.warnings, Strings{"the text announces an item list, but no item was read"});
}

TEST(ItemList, ATextCutOffMidListKeepsWhatIsThere) {
  const std::string full =
      "一、铽相关物项\n"
      "(一)1C904.a 金属铽(参考海关商品编号:2805301910)。\n"
      "(二)1C904.b 氧化铽(参考海关商品编号:2846901940、2846901993)。\n";
  // Cut after every byte: never crashes, never invents an item.
  for (size_t cut = 0; cut <= full.size(); ++cut) {
    NormalizedText n = Simplified(full.substr(0, cut));
    ItemList got = ItemsOf(n);
    EXPECT_LE(got.items.size(), 2u);
    for (const Item& i : got.items) {
      // A code cut short ("1C904.") reads as its family; nothing else appears.
      ASSERT_TRUE(i.code.has_value()) << cut;
      EXPECT_TRUE(std::string("1C904.a").starts_with(*i.code) ||
                  std::string("1C904.b").starts_with(*i.code))
          << cut << ": " << *i.code;
      for (const std::string& hs : i.hs_codes)
        EXPECT_TRUE(hs.size() == 8 || hs.size() == 10) << hs;
    }
  }
  NormalizedText n = Simplified(full.substr(0, full.find("2846901993") + 5));
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C904.a", "1C904.b"}));
  EXPECT_EQ(got.items[0].hs_codes, Strings{"2805301910"});
  EXPECT_EQ(got.items[1].hs_codes, Strings{"2846901940"});
  ExpectEvidenceInText(n, got);
}

TEST(ItemList, ACodeLineWithoutNumberingKeepsItsSubLines) {
  // Copies sometimes drop the "(一)" before a code; the sub-items stay its own.
  NormalizedText n = Simplified(
      "一、钐相关物项\n"
      "1C902.a 金属钐及其合金:\n"
      "1. 金属钐(参考海关商品编号:2805301910)。\n"
      "2. 钐的靶材(参考海关商品编号:3824999922)。\n"
      "1C902.b 氧化钐(参考海关商品编号:2846901940)。\n"
      "二、钆相关物项\n"
      "(一)其他(参考海关商品编号:2846909920)。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), (Strings{"1C902.a", "1C902.b"}));
  EXPECT_EQ(got.items[0].hs_codes, (Strings{"2805301910", "3824999922"}));
  EXPECT_EQ(got.items[1].hs_codes, Strings{"2846901940"});
  EXPECT_EQ(got.items[0].elements, Strings{"Sm"});
}

TEST(ItemList, RepeatedCodesMakeOneItem) {
  NormalizedText n = Simplified(
      "(一)1C902.a 金属钐(参考海关商品编号:2805301910)。\n"
      "(一)1C902.a 金属钐(参考海关商品编号:8486909110)。\n");
  ItemList got = ItemsOf(n);
  ASSERT_EQ(CodesOf(got), Strings{"1C902.a"});
  EXPECT_EQ(got.items[0].hs_codes, (Strings{"2805301910", "8486909110"}));
}

}  // namespace
}  // namespace regdiff::parsers
