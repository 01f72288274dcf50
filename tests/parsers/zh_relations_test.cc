// Relations of Chinese announcements to others: suspends with an end date,
// repeals, amends, refers_to; lists expanded with their issuers; titles,
// orders and the own number are no relations.
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

// "type target until" per relation, e.g. "suspends mofcom-2025-61 2026-11-10".
std::vector<std::string> Describe(const std::vector<Relation>& relations) {
  std::vector<std::string> out;
  for (const Relation& r : relations) {
    out.push_back(std::string(RelationTypeName(r.type)) + " " + r.target + " " +
                  (r.until ? r.until->ToIso() : "null"));
  }
  return out;
}

std::vector<Relation> RelationsOf(const NormalizedText& n) {
  return testing::Parts(n, Lang::kZh).Relations();
}

void ExpectEvidenceInText(const NormalizedText& n, const std::vector<Relation>& relations) {
  for (const Relation& r : relations) {
    ASSERT_LE(r.evidence.end, n.text.size());
    EXPECT_EQ(n.text.substr(r.evidence.begin, r.evidence.end - r.evidence.begin),
              r.evidence.text);
    EXPECT_FALSE(r.evidence.empty()) << r.target;
  }
}

TEST(ZhRelations, ExpandsASuspensionListWithIssuersAndEndDate) {
  NormalizedText n = Simplified(
      "现决定:商务部、海关总署公告2025年第55号、56号、57号、58号,以及商务部公告"
      "2025年第61号、62号,自即日起至2026年11月10日暂停实施。");
  std::vector<Relation> got = RelationsOf(n);
  EXPECT_EQ(Describe(got), (std::vector<std::string>{
                               "suspends mofcom-gacc-2025-55 2026-11-10",
                               "suspends mofcom-gacc-2025-56 2026-11-10",
                               "suspends mofcom-gacc-2025-57 2026-11-10",
                               "suspends mofcom-gacc-2025-58 2026-11-10",
                               "suspends mofcom-2025-61 2026-11-10",
                               "suspends mofcom-2025-62 2026-11-10",
                           }));
  ExpectEvidenceInText(n, got);
}

TEST(ZhRelations, ASentenceWrappedAcrossLinesKeepsItsVerbAndEndDate) {
  NormalizedText n = Simplified(
      "经研究,现决定将商务部公告2025年第61号、第62号所列管制措施\n"
      "暂停实施至2026年11月10日。");
  std::vector<Relation> got = RelationsOf(n);
  EXPECT_EQ(Describe(got), (std::vector<std::string>{
                               "suspends mofcom-2025-61 2026-11-10",
                               "suspends mofcom-2025-62 2026-11-10",
                           }));
  ExpectEvidenceInText(n, got);
}

TEST(ZhRelations, ALineThatOpensAnEntryIsANewSentence) {
  // The mention's line is long and has no stop, but the next line opens a
  // numbered entry: that entry's verb is not the mention's.
  NormalizedText n = Simplified(
      "本公告所列物项的管理依照商务部公告2025年第18号的有关规定办理相关手续\n"
      "二、对第一条所列物项暂停实施出口许可。");
  EXPECT_EQ(Describe(RelationsOf(n)),
            (std::vector<std::string>{"refers_to mofcom-2025-18 null"}));
}

TEST(ZhRelations, VerbBeforeTheListAlsoCounts) {
  NormalizedText n = Simplified(
      "自即日起至2026年11月27日,暂停实施商务部公告2024年第46号第二条。");
  EXPECT_EQ(Describe(RelationsOf(n)),
            std::vector<std::string>{"suspends mofcom-2024-46 2026-11-27"});
}

TEST(ZhRelations, ReadsTheTypeFromTheVerb) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"商务部、海关总署、国防科工委公告2006年第50号同时废止。",
       "repeals mofcom-gacc-costind-2006-50 null"},
      {"商务部、海关总署公告2003年第5号等公告(见附件2)予以废止。",
       "repeals mofcom-gacc-2003-5 null"},
      {"决定对商务部、海关总署、国防科工委公告2006年第50号所列物项范围进行优化调整。",
       "amends mofcom-gacc-costind-2006-50 null"},
      {"商务部、海关总署、国防科工委公告2006年第50号中的其他物项取消临时出口管制。",
       "amends mofcom-gacc-costind-2006-50 null"},
      {"商务部、国家密码局、海关总署公告2020年第63号所附清单不再适用。",
       "amends mofcom-gacc-scs-2020-63 null"},
      {"商务部公告2025年第61号恢复实施。", "resumes mofcom-2025-61 null"},
      {"本公告替代商务部公告2024年第46号。", "replaces mofcom-2024-46 null"},
      {"出口经营者应当按照商务部公告2024年第46号的要求办理手续。",
       "refers_to mofcom-2024-46 null"},
      // A verb inside a cited title is not the sentence's verb.
      {"根据商务部公告2025年第61号《关于暂停实施部分管制措施的公告》的规定办理。",
       "refers_to mofcom-2025-61 null"},
      {"《关于废止部分公告的公告》(商务部公告2024年第46号)已经发布。",
       "refers_to mofcom-2024-46 null"},
  };
  for (const Case& c : cases) {
    NormalizedText n = Simplified(c.text);
    std::vector<Relation> got = RelationsOf(n);
    EXPECT_EQ(Describe(got), std::vector<std::string>{c.expected}) << c.text;
    ExpectEvidenceInText(n, got);
  }
}

TEST(ZhRelations, OrdersAndUnnumberedMentionsAreNoRelations) {
  const std::string cases[] = {
      "依照商务部、海关总署令2005年第29号的规定办理。",
      "《中华人民共和国两用物项出口管制清单》同步予以更新。",
      "依据《中华人民共和国出口管制法》第十二条的规定。",
      "公告2025年第18号暂停实施。",  // no issuer: no doc_id to point at
  };
  for (const std::string& c : cases) EXPECT_TRUE(RelationsOf(Simplified(c)).empty()) << c;
}

TEST(ZhRelations, TheOwnNumberIsNeverARelation) {
  NormalizedText n = Simplified(
      "商务部公告2025年第62号\n"
      "现予公布。商务部公告2025年第62号自发布之日起实施,商务部公告2024年第46号同时废止。");
  Announcement a = testing::ZhAnnouncement(n);
  ASSERT_EQ(a.doc_id.value_or(""), "mofcom-2025-62");
  EXPECT_EQ(Describe(a.relations), std::vector<std::string>{"repeals mofcom-2024-46 null"});
  // Given the own span and doc_id directly.
  const testing::Parts parts(n, Lang::kZh);
  EXPECT_EQ(Describe(parts.Relations({}, std::string("mofcom-2025-62"))),
            std::vector<std::string>{"repeals mofcom-2024-46 null"});
  // Only the span excluded: the later mention of the own number is a citation.
  HeaderReading first_line = testing::Parts::OwnHeader();
  first_line.number_end = n.text.find('\n');
  EXPECT_EQ(Describe(parts.Relations(first_line)),
            (std::vector<std::string>{"refers_to mofcom-2025-62 null",
                                      "repeals mofcom-2024-46 null"}));
}

TEST(ZhRelations, TheDocumentUnderAShorterListOfItsIssuersIsNoRelation) {
  // The label names MOFCOM alone; the title names both issuers.
  Announcement a = testing::ZhAnnouncement(Simplified(
      "商务部 海关总署公告2025年第10号 公布对钨相关物项实施出口管制的决定\n"
      "【发布文号】商务部公告2025年第10号\n"
      "本公告依据商务部公告2024年第51号公布的清单。\n"));
  EXPECT_EQ(a.doc_id.value_or("(none)"), "mofcom-gacc-2025-10");
  EXPECT_EQ(Describe(a.relations), std::vector<std::string>{"refers_to mofcom-2024-51 null"});
}

TEST(ZhRelations, ANewsStoryCitesWithoutARelation) {
  // The own number stands in a sentence, not a header: the story names an
  // earlier announcement without stating what one does to the other.
  Announcement a = testing::ZhAnnouncement(Simplified(
      "10月9日,商务部发布公告2025年第62号,对部分稀土相关技术实施出口管制。"
      "此前商务部已发布2025年第18号公告。\n"
      "同日发布的商务部公告2025年第61号暂停实施商务部公告2024年第46号第二条。\n"));
  EXPECT_EQ(a.doc_id.value_or("(none)"), "mofcom-2025-62");
  for (const Relation& r : a.relations) EXPECT_NE(r.type, RelationType::kRefersTo) << r.target;
}

TEST(ZhRelations, AVerbIsSharedOnlyAcrossAListOfMentions) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"商务部公告2024年第46号的附件继续有效,商务部公告2023年第9号同时废止。",
       {"refers_to mofcom-2024-46 null", "repeals mofcom-2023-9 null"}},
      {"对商务部公告2024年第46号进行修改,商务部公告2023年第9号继续有效。",
       {"amends mofcom-2024-46 null", "refers_to mofcom-2023-9 null"}},
      {"商务部公告2024年第46号同时废止,商务部公告2023年第9号继续有效。",
       {"repeals mofcom-2024-46 null", "refers_to mofcom-2023-9 null"}},
      {"商务部公告2024年第46号继续有效,同时废止商务部公告2023年第9号。",
       {"refers_to mofcom-2024-46 null", "repeals mofcom-2023-9 null"}},
      {"商务部公告2024年第46号和商务部公告2023年第9号同时废止。",
       {"repeals mofcom-2024-46 null", "repeals mofcom-2023-9 null"}},
      {"商务部公告2024年第46号、商务部公告2023年第9号同时废止。",
       {"repeals mofcom-2024-46 null", "repeals mofcom-2023-9 null"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(RelationsOf(Simplified(c.text))), c.expected) << c.text;
  }
}

TEST(ZhRelations, DuplicateMentionsCollapse) {
  NormalizedText n = Simplified(
      "商务部公告2024年第46号同时废止。\n附件:商务部公告2024年第46号同时废止。");
  EXPECT_EQ(Describe(RelationsOf(n)), std::vector<std::string>{"repeals mofcom-2024-46 null"});
}

TEST(ZhRelations, ReadsTraditionalText) {
  NormalizedText n = Traditional(
      "商務部、海關總署公告2025年第55號、56號,及商務部公告2025年第61號暫停實施至2026年11月10日。",
      "商务部、海关总署公告2025年第55号、56号,及商务部公告2025年第61号暂停实施至2026年11月10日。");
  std::vector<Relation> got = RelationsOf(n);
  EXPECT_EQ(Describe(got), (std::vector<std::string>{
                               "suspends mofcom-gacc-2025-55 2026-11-10",
                               "suspends mofcom-gacc-2025-56 2026-11-10",
                               "suspends mofcom-2025-61 2026-11-10",
                           }));
  ExpectEvidenceInText(n, got);
  ASSERT_FALSE(got.empty());
  EXPECT_NE(got.back().evidence.text.find("暫停實施"), std::string::npos) << got.back().evidence.text;
}

std::vector<std::string> RelationsOfText(const std::string& text) {
  return Describe(RelationsOf(Simplified(text)));
}

TEST(ZhRelations, LinksToOtherPagesAreNoRelations) {
  const std::string heads[] = {"相关链接:", "相关新闻", "延伸阅读:", "往期推荐:", "推荐阅读",
                               "上一篇:", "本篇法规被以下文件引用:"};
  for (const std::string& head : heads) {
    std::string text =
        "经批准,商务部公告2024年第46号第二条暂停实施至2026年11月27日。\n"
        "商务部\n2025年11月9日\n" +
        head +
        "\n· 商务部 海关总署公告2025年第70号 关于暂停实施部分措施的公告 2025-11-07\n"
        "1. 商务部 海关总署公告2024年第33号(2024.08.15)\n"
        "商务部公告2025年第61号 2025-10-09\n"
        "分享 收藏\n";
    EXPECT_EQ(RelationsOfText(text),
              (std::vector<std::string>{"suspends mofcom-2024-46 2026-11-27"}))
        << head;
  }
}

TEST(ZhRelations, ALinkBlockMayListTitlesBeforeNumbers) {
  EXPECT_EQ(RelationsOfText("正文。\n相关链接\n关于对镓、锗相关物项实施出口管制的公告\n"
                            "关于对锑等物项实施出口管制的公告\n商务部公告2024年第46号 2024-12-03\n"),
            std::vector<std::string>{});
}

TEST(ZhRelations, ALinkBlockEndsAtTheNextSentence) {
  EXPECT_EQ(RelationsOfText("相关链接:\n商务部公告2024年第46号 2024-12-03\n"
                            "经批准,商务部 海关总署公告2025年第55号同时废止。\n"),
            (std::vector<std::string>{"repeals mofcom-gacc-2025-55 null"}));
}

TEST(ZhRelations, ExpandsRangesAndNumbersListedBeforeOneHao) {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"商务部 海关总署公告2025年第55号至第58号暂停实施至2026年11月10日。",
       {"suspends mofcom-gacc-2025-55 2026-11-10", "suspends mofcom-gacc-2025-56 2026-11-10",
        "suspends mofcom-gacc-2025-57 2026-11-10", "suspends mofcom-gacc-2025-58 2026-11-10"}},
      {"商务部公告2025年第61、62号暂停实施。",
       {"suspends mofcom-2025-61 null", "suspends mofcom-2025-62 null"}},
      {"废止商务部公告2025年第1至3号。",
       {"repeals mofcom-2025-1 null", "repeals mofcom-2025-2 null", "repeals mofcom-2025-3 null"}},
      // A date after 至 is the end of the suspension, not a number.
      {"商务部公告2025年第61号暂停实施至2026年11月10日。",
       {"suspends mofcom-2025-61 2026-11-10"}},
      // A range too long to be a list of announcements is not expanded.
      {"商务部公告2025年第1号至第99号废止。", {"repeals mofcom-2025-1 null"}},
  };
  for (const Case& c : cases) EXPECT_EQ(RelationsOfText(c.text), c.want) << c.text;
}

TEST(ZhRelations, AListOneMentionPerLineTakesTheVerbOfItsHeading) {
  EXPECT_EQ(RelationsOfText("自2024年12月1日起废止的公告\n"
                            "1. 商务部、海关总署公告2003年第5号\n"
                            "\n"
                            "2.商务部公告2020年第63号(《关于……的公告》)\n"),
            (std::vector<std::string>{"repeals mofcom-gacc-2003-5 null",
                                      "repeals mofcom-2020-63 null"}));
  EXPECT_EQ(RelationsOfText("下列公告暂停实施至2026年11月10日:\n"
                            "商务部 海关总署公告2025年第55号\n"
                            "商务部公告2025年第61号\n"),
            (std::vector<std::string>{"suspends mofcom-gacc-2025-55 2026-11-10",
                                      "suspends mofcom-2025-61 2026-11-10"}));
  // A sentence above the list is no heading.
  EXPECT_EQ(RelationsOfText("前期废止了部分规定。\n商务部公告2020年第63号\n"),
            (std::vector<std::string>{"refers_to mofcom-2020-63 null"}));
}

TEST(ZhRelations, WhatAnotherAnnouncementDoesToThisOneIsNoRelation) {
  EXPECT_EQ(RelationsOfText("【时效性】本公告已被商务部 海关总署公告2025年第70号暂停实施。"),
            std::vector<std::string>{});
}

TEST(ZhRelations, AddingToAListAmendsTheAnnouncementThatPublishedIt) {
  EXPECT_EQ(RelationsOfText("在商务部 工业和信息化部 海关总署 国家密码管理局公告2024年第51号公布的"
                            "《两用物项出口管制清单》中增列下列物项:"),
            std::vector<std::string>{"amends mofcom-miit-gacc-scs-2024-51 null"});
}

TEST(ZhRelations, ReadsAVerbWhoseObjectStandsBetweenItsParts) {
  EXPECT_EQ(RelationsOfText("决定暂停商务部公告2024年第46号第二条的实施,至2026年11月27日止。"),
            std::vector<std::string>{"suspends mofcom-2024-46 2026-11-27"});
  EXPECT_EQ(RelationsOfText("决定恢复商务部公告2024年第46号第二条的执行。"),
            std::vector<std::string>{"resumes mofcom-2024-46 null"});
}

TEST(ZhRelations, ReadsStopAndEndVerbsAsRepeals) {
  EXPECT_EQ(RelationsOfText("商务部公告2024年第46号同时停止实施。"),
            std::vector<std::string>{"repeals mofcom-2024-46 null"});
  EXPECT_EQ(RelationsOfText("商务部公告2024年第46号自即日起终止执行。"),
            std::vector<std::string>{"repeals mofcom-2024-46 null"});
}

TEST(ZhRelations, AnUndatedMentionAddsNothingToTheSameDatedRelation) {
  NormalizedText n = Simplified(
      "商务部公告2025年第72号 关于暂停实施商务部公告2024年第46号第二条的公告\n"
      "经批准,自即日起至2026年11月27日,暂停实施商务部公告2024年第46号第二条。\n");
  const testing::Parts parts(n, Lang::kZh);
  EXPECT_EQ(Describe(parts.Relations(parts.Header(), std::string("mofcom-2025-72"))),
            (std::vector<std::string>{"suspends mofcom-2024-46 2026-11-27"}));
}

}  // namespace
}  // namespace regdiff::parsers
