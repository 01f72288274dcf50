// Parties of Chinese texts: the fixtures of tests/fixtures/zh/ (see its
// README) with every party they name, every other fixture with none, and
// sentence and list shapes one behaviour at a time.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "parsers/parse.h"
#include "parsers/text_view.h"
#include "tests/parsers/parts.h"
#include "parsers/zh_parties.h"
#include "tests/parsers/party_test_text.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::DescribeAll;
using testing::ExpectPartyEvidence;
using testing::FoldWidthLikeIngest;
using testing::Simplified;
using testing::Traditional;
using testing::ZhFixture;
using Parties = std::multiset<std::string>;

struct FixtureCase {
  std::string fixture;
  std::string doc_id;  // "" when the test does not check it
  Parties parties;
};

const std::vector<FixtureCase>& FixtureCases() {
  static const auto* kCases = new std::vector<FixtureCase>{
      {"mofcom-2025-51.annex.txt",
       "mofcom-2025-51",
       {"control_list add 亨廷顿·英格尔斯工业公司 | Huntington Ingalls Industries, Inc. | US",
        "control_list add 扁平地球管理公司 | Planate Management Group | US",
        "control_list add 全球维度公司 | Global Dimensions LLC | US"}},
      {"mofcom-2026-12.portal.txt",
       "mofcom-2026-12",
       {"watch_list add 斯巴鲁株式会社 | SUBARU Corporation | JP"}},
      {"mofcom-2026-12.tw.zh-hant.txt",
       "mofcom-2026-12",
       {"watch_list add 斯巴魯株式會社 | SUBARU Corporation | JP"}},
      // The header reads the own number from the reading list (a header
      // weakness, not a party one): only the parties are checked.
      {"mofcom-2026-12.cells.txt", "", {"watch_list add 斯巴鲁株式会社 | SUBARU Corporation | JP"}},
      {"uel-2025-8.decision.txt",
       "uel-2025-8",
       {"unreliable_entity_list add 示例甲公司 | Example Alpha Inc. | US",
        "unreliable_entity_list add 示例乙科技公司 | Example Beta Technologies LLC | US"}},
      {"uel-2025-8.table.txt",
       "uel-2025-8",
       {"unreliable_entity_list add 示例甲公司 | Example Alpha Inc. | US",
        "unreliable_entity_list add 示例乙科技公司 | Example Beta Technologies LLC | US"}},
      {"mofcom-2099-1.removal.txt",
       "mofcom-2099-1",
       {"control_list remove 示例丙公司 | Example Gamma Corporation | -",
        "control_list remove 示例丁集团 | Example Delta Group | -"}},
      {"mofcom-2099-2.suspension.txt", "mofcom-2099-2", {}},
      {"mofcom-2026-12.news-passing.txt", "", {}},
  };
  return *kCases;
}

TEST(ZhParties, ReadsTheFixtures) {
  for (const FixtureCase& c : FixtureCases()) {
    SCOPED_TRACE(c.fixture);
    NormalizedText n = ZhFixture(c.fixture);
    Announcement a = testing::ZhAnnouncement(n);
    if (!c.doc_id.empty()) {
      EXPECT_EQ(a.doc_id.value_or("null"), c.doc_id);
    }
    EXPECT_EQ(DescribeAll(a.parties), c.parties);
    ExpectPartyEvidence(n, a.parties);
  }
}

TEST(ZhParties, OtherFixturesNameNoParty) {
  std::set<std::string> with_cases;
  for (const FixtureCase& c : FixtureCases()) with_cases.insert(c.fixture);
  for (const std::string& path :
       regdiff::testing::FixtureFilesIn(regdiff::testing::FixturesDir() + "/zh")) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (with_cases.count(name) || name.ends_with(".match.txt")) continue;
    SCOPED_TRACE(name);
    EXPECT_EQ(DescribeAll(testing::ZhAnnouncement(ZhFixture(name)).parties), Parties{});
  }
}

TEST(ZhParties, CountsThatTheListDoesNotMatchAreWarned) {
  Announcement a = testing::ZhAnnouncement(ZhFixture("mofcom-2026-12.portal.txt"));
  EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(),
                      "the text counts 20 entities for the watch_list, its list names 1"),
            a.warnings.end());
}

// The parties of one text read alone, its own number unknown.
Parties Read(const NormalizedText& n) {
  PartyReading p = testing::Parts(n, Lang::kZh).Parties();
  ExpectPartyEvidence(n, p.parties);
  return DescribeAll(p.parties);
}

// A Simplified text with full-width forms folded, as ingest/ folds them.
Parties Read(const std::string& text) { return Read(Simplified(FoldWidthLikeIngest(text))); }

TEST(ZhParties, NamesInASentenceWithoutAList) {
  // "与" inside a name does not split it; the English names are name_en.
  EXPECT_EQ(Read("不可靠实体清单工作机制决定，将参与对台军售的洛克希德·马丁导弹与火控公司"
                 "（Lockheed Martin Missiles and Fire Control）、雷神导弹与防务公司（Raytheon "
                 "Missiles & Defense）列入不可靠实体清单。"),
            (Parties{"unreliable_entity_list add 洛克希德·马丁导弹与火控公司 | Lockheed Martin "
                     "Missiles and Fire Control | -",
                     "unreliable_entity_list add 雷神导弹与防务公司 | Raytheon Missiles & Defense | -"}));
}

TEST(ZhParties, PassiveNewsSentenceAndCountryOfTheCount) {
  EXPECT_EQ(Read("新华社北京2月24日电 斯巴鲁株式会社等20家日本实体被列入关注名单。"),
            (Parties{"watch_list add 斯巴鲁株式会社 | - | JP"}));
}

TEST(ZhParties, RemovalsInBothWordOrders) {
  EXPECT_EQ(Read("商务部决定将示例丙公司从出口管制管控名单中移出。"),
            (Parties{"control_list remove 示例丙公司 | - | -"}));
  EXPECT_EQ(Read("工作机制决定将示例甲公司移出不可靠实体清单。"),
            (Parties{"unreliable_entity_list remove 示例甲公司 | - | -"}));
}

TEST(ZhParties, ListingsOfOthersAreNoParties) {
  // Cited as the act of another announcement, suspended, earlier, or by another country.
  EXPECT_EQ(Read("商务部公告2099年第2号\n暂停实施商务部公告2025年第51号将亨廷顿·英格尔斯工业公司"
                 "等3家美国实体列入出口管制管控名单的措施。"),
            Parties{});
  EXPECT_EQ(Read("商务部公告2025年第51号将亨廷顿·英格尔斯工业公司等3家美国实体列入出口管制管控名单。"),
            Parties{});
  EXPECT_EQ(Read("发言人说，中方此前已将斯巴鲁株式会社列入关注名单。"), Parties{});
  EXPECT_EQ(Read("美方将示例戊公司列入关注名单。"), Parties{});
  // Descriptions of those on a list, and goods, are no listings.
  EXPECT_EQ(Read("向出口管制管控名单和关注名单所列的进口商出口，原则上不予许可。"), Parties{});
  EXPECT_EQ(Read("将相关两用物项列入出口管制管控名单。"), Parties{});
}

TEST(ZhParties, TheOwnNumberBeforeTheVerbIsNoCitation) {
  NormalizedText n = Simplified(
      "商务部公告2025年第51号 公布将亨廷顿·英格尔斯工业公司等3家美国实体列入出口管制管控名单决定");
  HeaderReading own;
  own.issuers = {"MOFCOM"};
  own.year = 2025;
  own.number = 51;
  own.number_end = n.match.find("号") + std::string("号").size();
  PartyReading p = testing::Parts(n, Lang::kZh).Parties(own);
  EXPECT_EQ(DescribeAll(p.parties),
            (Parties{"control_list add 亨廷顿·英格尔斯工业公司 | - | US"}));
}

TEST(ZhParties, AnAnnexHeadingNamesItsList) {
  // No sentence acts; the heading names the list, the entries their countries.
  EXPECT_EQ(Read("附件\n关注名单\n1. 示例甲公司（Example Alpha Inc.）（美国）\n"
                 "2. 示例乙株式会社（Example Beta Corporation）（日本）\n"),
            (Parties{"watch_list add 示例甲公司 | Example Alpha Inc. | US",
                     "watch_list add 示例乙株式会社 | Example Beta Corporation | JP"}));
}

TEST(ZhParties, AnnexOfASentenceThatNamesNoList) {
  // "附件" without a list name: the list of the sentence above.
  EXPECT_EQ(Read("商务部决定将下列2家美国实体列入出口管制管控名单（见附件）。\n附件：实体名单\n"
                 "1. 示例甲公司\n英文名称：Example Alpha Inc.\n地址：示例州示例市示例路1号\n"
                 "2. 示例乙公司\n英文名称：Example Beta LLC\n"),
            (Parties{"control_list add 示例甲公司 | Example Alpha Inc. | US",
                     "control_list add 示例乙公司 | Example Beta LLC | US"}));
}

TEST(ZhParties, TablesWithAddressAndCountryColumns) {
  EXPECT_EQ(Read("决定将下列实体列入关注名单：\n序号\t中文名称\t英文名称\t国家\t地址\n"
                 "1\t示例甲株式会社\tExample Alpha Corporation\t日本\t示例县示例市1-2-3\n"
                 "2\t示例乙公司\tExample Beta Inc.\t美国\t示例州示例市示例路4号\n"),
            (Parties{"watch_list add 示例甲株式会社 | Example Alpha Corporation | JP",
                     "watch_list add 示例乙公司 | Example Beta Inc. | US"}));
  // A table flattened one cell a line, without a header.
  EXPECT_EQ(Read("附件：出口管制管控名单\n1\n示例甲公司\nExample Alpha Inc.\n示例州示例市示例路1号\n"
                 "2\n示例乙公司\nExample Beta LLC\n示例州示例市示例路2号\n"),
            (Parties{"control_list add 示例甲公司 | Example Alpha Inc. | -",
                     "control_list add 示例乙公司 | Example Beta LLC | -"}));
}

TEST(ZhParties, MeasuresNumberedLikeEntriesAreNoList) {
  // "并采取以下措施：" announces measures, not parties.
  EXPECT_EQ(Read("商务部决定将示例甲公司列入出口管制管控名单，并采取以下措施：\n"
                 "1. 禁止向其出口两用物项；\n2. 正在开展的出口活动应当立即停止。\n"),
            (Parties{"control_list add 示例甲公司 | - | -"}));
}

TEST(ZhParties, TraditionalNamesStayAsPrinted) {
  NormalizedText n = Traditional("商務部決定將斯巴魯株式會社等20家日本實體列入關注名單。",
                                 "商务部决定将斯巴鲁株式会社等20家日本实体列入关注名单。");
  EXPECT_EQ(Read(n), (Parties{"watch_list add 斯巴魯株式會社 | - | JP"}));
}

TEST(ZhParties, OneNameOnceThoughThePreambleAndTheAnnexBothNameIt) {
  Parties p = Read("决定将美国示例甲公司等2家美国实体列入出口管制管控名单（见附件）。\n"
                   "附件：出口管制管控名单\n1. 示例甲公司（Example Alpha Inc.）\n"
                   "2. 示例乙公司（Example Beta LLC）\n");
  EXPECT_EQ(p, (Parties{"control_list add 示例甲公司 | Example Alpha Inc. | US",
                        "control_list add 示例乙公司 | Example Beta LLC | US"}));
}

TEST(ZhParties, ALongAnnexOfEnglishNamesAndAddressesKeepsTheTextChinese) {
  // Twenty rows whose letters outnumber the text's Chinese characters: the
  // text is still Chinese and one record, and every row is read.
  std::string text =
      "商务部公告2099年第3号\n商务部决定将下列20家日本实体列入出口管制管控名单（见附件）。\n"
      "附件：出口管制管控名单\n序号 中文名称 英文名称 地址\n";
  for (int i = 1; i <= 20; ++i) {
    const std::string n = std::to_string(i);
    text += n + " 示例" + n + "株式会社 Example Number " + n +
            " Heavy Industries Aerospace Systems Corporation " + n +
            "-2-3 Example-cho, Example-ku, Example City, Japan\n";
  }
  text += "商务部\n2099年1月7日\n";
  Result<Announcement> a = ParseAnnouncement(Simplified(text));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->lang, Lang::kZh);
  ASSERT_EQ(a->parties.size(), 20u);
  EXPECT_EQ(testing::Describe(a->parties[19]),
            "control_list add 示例20株式会社 | Example Number 20 Heavy Industries Aerospace "
            "Systems Corporation | JP");
}

TEST(ZhParties, QuotedListsLabelledNamesAndNumeralEntries) {
  EXPECT_EQ(Read("商务部宣布，将示例甲公司列入「关注名单」。"),
            (Parties{"watch_list add 示例甲公司 | - | -"}));
  EXPECT_EQ(Read("附件：不可靠实体清单\n一、中文名称：示例甲公司\n英文名称：Example Alpha Inc.\n"
                 "二、示例乙公司（General Example Systems, Inc.，别名：GES）\n"),
            (Parties{"unreliable_entity_list add 示例甲公司 | Example Alpha Inc. | -",
                     "unreliable_entity_list add 示例乙公司 | General Example Systems, Inc. | -"}));
}

TEST(ZhParties, RepeatedListNamesAreReadUpToTheCaps) {
  std::string line;
  for (int i = 0; i < 1900; ++i) line += "将示例公司列入关注名单";
  std::string text;
  for (int i = 0; i < 15; ++i) text += line + "\n";
  NormalizedText n = Simplified(text);
  PartyReading p = testing::Parts(n, Lang::kZh).Parties();
  EXPECT_EQ(DescribeAll(p.parties), (Parties{"watch_list add 示例公司 | - | -"}));
  EXPECT_NE(std::find(p.warnings.begin(), p.warnings.end(),
                      "the text names a list more than 500 times; sentences after that are not read"),
            p.warnings.end());
}

}  // namespace
}  // namespace regdiff::parsers
