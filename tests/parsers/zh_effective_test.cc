// Effective clauses of Chinese announcements: on publication, from a date,
// partial clauses naming articles, and what is no clause.
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

std::vector<EffectiveClause> EffectiveOf(const NormalizedText& n,
                                         std::optional<Date> published = std::nullopt) {
  return testing::Parts(n, Lang::kZh).Effective(published);
}

const Date kPublished{2025, 4, 4};

TEST(ZhEffective, ReadsOneClause) {
  struct Case {
    std::string text;
    std::string date;  // ISO, or empty for null
    bool on_publication;
    std::string evidence;
  };
  // Publication date known: 2025-04-04.
  const Case cases[] = {
      {"八、本公告自公布之日起正式实施。", "2025-04-04", true, "本公告自公布之日起正式实施"},
      {"本公告自发布之日起实施。", "2025-04-04", true, "本公告自发布之日起实施"},
      {"本决定自印发之日起施行。", "2025-04-04", true, "本决定自印发之日起施行"},
      {"经研究,自即日起暂停实施下列措施。", "2025-04-04", true, "自即日起"},
      {"八、本公告自2025年11月8日起正式实施。", "2025-11-08", false,
       "本公告自2025年11月8日起正式实施"},
      {"现公布清单(见附件1),自2024年12月1日起实施。", "2024-12-01", false,
       "自2024年12月1日起实施"},
      {"本公告从2025年11月8日起施行。", "2025-11-08", false, "本公告从2025年11月8日起施行"},
      {"本公告自2025年11月8日零时起施行。", "2025-11-08", false,
       "本公告自2025年11月8日零时起施行"},
      {"本公告于二〇二五年十一月八日起生效。", "2025-11-08", false,
       "本公告于二〇二五年十一月八日起生效"},
  };
  for (const Case& c : cases) {
    NormalizedText n = Simplified(c.text);
    std::vector<EffectiveClause> got = EffectiveOf(n, kPublished);
    ASSERT_EQ(got.size(), 1u) << c.text;
    EXPECT_EQ(got[0].date ? got[0].date->ToIso() : "", c.date) << c.text;
    EXPECT_EQ(got[0].on_publication, c.on_publication) << c.text;
    EXPECT_EQ(got[0].applies_to, "whole") << c.text;
    EXPECT_EQ(got[0].evidence.text, c.evidence) << c.text;
  }
}

TEST(ZhEffective, OnPublicationIsNullWhenThePublicationDateIsUnknown) {
  NormalizedText n = Simplified("本公告自公布之日起正式实施。");
  std::vector<EffectiveClause> got = EffectiveOf(n, std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(got[0].date.has_value());
  EXPECT_TRUE(got[0].on_publication);
}

TEST(ZhEffective, ReadsPartialClausesWithTheirParts) {
  NormalizedText n = Simplified(
      "九、本公告第一条第(一)项、第(二)项自2025年12月1日起实施,其余规定自公布之日起实施。");
  std::vector<EffectiveClause> got = EffectiveOf(n, Date{2025, 10, 9});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, (Date{2025, 12, 1}));
  EXPECT_FALSE(got[0].on_publication);
  EXPECT_EQ(got[0].applies_to, "第一条第(一)项、第(二)项");
  EXPECT_EQ(got[0].evidence.text, "本公告第一条第(一)项、第(二)项自2025年12月1日起实施");
  EXPECT_EQ(got[1].date, (Date{2025, 10, 9}));
  EXPECT_TRUE(got[1].on_publication);
  EXPECT_EQ(got[1].applies_to, "其余规定");
  EXPECT_EQ(got[1].evidence.text, "其余规定自公布之日起实施");
}

TEST(ZhEffective, ReadsAnArticleOnPublicationAndTheRestFromADate) {
  NormalizedText n =
      Simplified("本公告第二条自公布之日起实施,其余条款自2025年12月1日起实施。");
  std::vector<EffectiveClause> got = EffectiveOf(n, Date{2025, 10, 9});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, (Date{2025, 10, 9}));
  EXPECT_TRUE(got[0].on_publication);
  EXPECT_EQ(got[0].applies_to, "第二条");
  EXPECT_EQ(got[1].date, (Date{2025, 12, 1}));
  EXPECT_EQ(got[1].applies_to, "其余条款");
}

TEST(ZhEffective, AClauseQualifyingANounOrInALinkBlockIsNone) {
  EXPECT_TRUE(EffectiveOf(Simplified("根据自2024年12月1日起施行的《两用物项出口管制条例》。"))
                  .empty());
  EXPECT_TRUE(EffectiveOf(Simplified("相关链接:\n· 自2025年12月1日起实施的新规 2025-10-09\n"))
                  .empty());
}

TEST(ZhEffective, AClauseOfAnotherNumberedAnnouncementIsNone) {
  EXPECT_TRUE(EffectiveOf(Simplified("此前发布的商务部 海关总署2025年第18号公告自2025年4月4日起实施。"))
                  .empty());
  EXPECT_TRUE(
      EffectiveOf(Simplified("商务部公告2024年第46号自公布之日起实施,本公告另行规定。")).empty());
}

TEST(ZhEffective, IgnoresWhatIsNoEffectiveClause) {
  const std::string cases[] = {
      "自本公告生效之日起,出口经营者应当申请许可。",
      "商务部应当自收到申请之日起进行审查。",
      "2.自2024年12月1日起废止的公告",
      "实施时间: 2025-11-8",
      "至2026年11月10日。",
      "各地商务主管部门应当自2025年11月8日前完成准备。",
  };
  for (const std::string& c : cases) {
    NormalizedText n = Simplified(c);
    EXPECT_TRUE(EffectiveOf(n, kPublished).empty()) << c;
  }
}

TEST(ZhEffective, CollapsesDuplicateClauses) {
  NormalizedText n = Simplified(
      "本公告自2025年11月8日起正式实施。\n"
      "附:本公告自2025年11月8日起正式实施。\n"
      "本公告自发布之日起实施。\n"
      "本公告自公布之日起实施。");
  std::vector<EffectiveClause> got = EffectiveOf(n, std::nullopt);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, (Date{2025, 11, 8}));
  EXPECT_TRUE(got[1].on_publication);
}

TEST(ZhEffective, ReadsTraditionalText) {
  NormalizedText n = Traditional("本公告自發布之日起實施。", "本公告自发布之日起实施。");
  std::vector<EffectiveClause> got = EffectiveOf(n, kPublished);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].on_publication);
  EXPECT_EQ(got[0].evidence.text, "本公告自發布之日起實施");
}

}  // namespace
}  // namespace regdiff::parsers
