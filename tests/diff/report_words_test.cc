// The words the renderers share: two announcements compared say what the
// second adds, changes or ends, never "removed" for items it does not
// repeat; every renderer speaks the report's language; the HTML report
// draws its timeline first and shows each quote once.
#include "diff/report_words.h"

#include <gtest/gtest.h>

#include "diff/render_html.h"
#include "diff/render_json.h"
#include "diff/render_markdown.h"
#include "diff/render_terminal.h"
#include "tests/diff/reports.h"

namespace regdiff::testing {
namespace {

using diff::ItemRowKind;
using diff::SummaryLang;

// No. 18 against a later announcement listing one of its items again with
// another HS code and one new item, related to No. 18 by `relations`.
diff::DiffReport AgainstLater(std::vector<Relation> relations, SummaryLang lang = SummaryLang::kEn) {
  Announcement b = Header("mofcom-gacc-2025-90", {"MOFCOM", "GACC"}, 90, D(2025, 11, 20), "后来的公告");
  b.items.push_back(MakeItem("1C902.a", "一(一)", "金属钐、含钐的合金及相关制品", {"Sm"}, {"2805301910"}));
  b.items.push_back(MakeItem("1C909.a", "一(二)", "金属钬、含钬的合金及相关制品", {"Ho"}));
  b.effective.push_back(Clause(D(2025, 12, 1), false, "本公告自2025年12月1日起实施"));
  b.relations = std::move(relations);
  diff::ReportOptions options;
  options.lang = lang;
  return diff::CompareDocuments(diff::DiffKind::kAnnouncements, FixtureSide(No18(), 1, ""),
                                FixtureSide(b, 1, ""), options);
}

// The label of each row of kind `kind`, all of them equal.
std::string LabelOf(const diff::DiffReport& r, ItemRowKind kind) {
  std::string label;
  for (const diff::ItemRow& row : diff::ItemRows(r)) {
    if (row.kind != kind) continue;
    if (!label.empty()) {
      EXPECT_EQ(row.label, label);
    }
    label = row.label;
  }
  return label;
}

TEST(ItemRows, TwoAnnouncementsSayWhatTheSecondAddsChangesOrEnds) {
  const std::string a = "mofcom-gacc-2025-18";
  struct Case {
    const char* name;
    std::vector<Relation> relations;
    SummaryLang lang;
    ItemRowKind left_kind;
    std::string left_label;
    std::string counts;
  } cases[] = {
      {"not named", {}, SummaryLang::kEn, ItemRowKind::kLeftOnly, "listed by No. 18 of 2025 only (as they were)",
       "No. 90 of 2025: 1 added, 1 changed, 0 recoded. Listed by No. 18 of 2025 only: 5 (as they were: No. 90 "
       "of 2025 does not end them)."},
      {"repealed", {Rel(RelationType::kRepeals, a, std::nullopt, "第18号公告同时废止")}, SummaryLang::kEn,
       ItemRowKind::kEnded, "ended: repealed by No. 90 of 2025 from 2025-12-01",
       "No. 90 of 2025: 1 added, 1 changed, 0 recoded. Listed by No. 18 of 2025 only: 5 (ended: repealed by "
       "No. 90 of 2025 from 2025-12-01)."},
      {"replaced", {Rel(RelationType::kReplaces, a, std::nullopt, "代替第18号公告")}, SummaryLang::kEn,
       ItemRowKind::kEnded, "ended: replaced by No. 90 of 2025 from 2025-12-01", ""},
      {"suspended", {Rel(RelationType::kSuspends, a, D(2026, 11, 10), "暂停实施至2026年11月10日")},
       SummaryLang::kEn, ItemRowKind::kSuspended, "suspended by No. 90 of 2025 from 2025-12-01 until 2026-11-10",
       ""},
      {"resumed", {Rel(RelationType::kResumes, a, std::nullopt, "恢复实施")}, SummaryLang::kEn,
       ItemRowKind::kResumed, "resumed by No. 90 of 2025 from 2025-12-01", ""},
      {"not named, Chinese", {}, SummaryLang::kZh, ItemRowKind::kLeftOnly, "仅2025年第18号公告列入（维持原状）",
       "2025年第90号公告：新增1项，变化1项，编码变更0项。仅2025年第18号公告列入：5项（维持原状：2025年第90号公告未予终止）。"},
      {"repealed, Chinese", {Rel(RelationType::kRepeals, a, std::nullopt, "废止")}, SummaryLang::kZh,
       ItemRowKind::kEnded, "终止：2025年第90号公告自2025年12月1日起废止", ""},
      {"suspended, Chinese", {Rel(RelationType::kSuspends, a, D(2026, 11, 10), "暂停")}, SummaryLang::kZh,
       ItemRowKind::kSuspended, "2025年第90号公告自2025年12月1日起暂停实施至2026年11月10日", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const diff::DiffReport r = AgainstLater(c.relations, c.lang);
    ASSERT_EQ(r.items.removed.size(), 5u);
    EXPECT_EQ(LabelOf(r, c.left_kind), c.left_label);
    EXPECT_EQ(LabelOf(r, ItemRowKind::kRemoved), "") << "two announcements never say removed";
    EXPECT_EQ(LabelOf(r, ItemRowKind::kChanged), c.lang == SummaryLang::kEn ? "changed" : "有变化");
    EXPECT_EQ(LabelOf(r, ItemRowKind::kAdded),
              c.lang == SummaryLang::kEn ? "added by No. 90 of 2025" : "2025年第90号公告新增");
    if (!c.counts.empty()) {
      EXPECT_EQ(diff::ItemCounts(r), c.counts);
    }
  }
}

TEST(ItemRows, VersionsAndTextsKeepTheirOwnWords) {
  const diff::DiffReport versions = VersionsReport();
  EXPECT_EQ(LabelOf(versions, ItemRowKind::kRemoved), "removed");
  EXPECT_EQ(LabelOf(versions, ItemRowKind::kRecoded), "recoded");
  EXPECT_FALSE(versions.left_only.has_value());
  EXPECT_EQ(diff::ItemCounts(versions), "0 added, 1 removed, 1 changed, 1 recoded.");
  const diff::DiffReport texts = TextsReport();
  EXPECT_EQ(LabelOf(texts, ItemRowKind::kChanged), "changed");
  EXPECT_FALSE(texts.left_only.has_value());
}

TEST(SummaryOfTwoAnnouncements, SaysWhatTheSecondEnds) {
  struct Case {
    std::vector<Relation> relations;
    std::string sentence;
  } cases[] = {
      {{Rel(RelationType::kRepeals, "mofcom-gacc-2025-18", std::nullopt, "第18号公告同时废止")},
       "No. 90 of 2025 repeals No. 18 of 2025 from 2025-12-01, ending samarium and gadolinium items "
       "(1C902\u20131C903: 5 codes, 10 HS codes on 3 items) that it does not list again."},
      {{Rel(RelationType::kSuspends, "mofcom-gacc-2025-18", D(2026, 11, 10), "暂停实施至2026年11月10日")},
       "No. 90 of 2025 suspends No. 18 of 2025 from 2025-12-01 until 2026-11-10, and with it samarium and "
       "gadolinium items (1C902\u20131C903: 5 codes, 10 HS codes on 3 items)."},
  };
  for (const Case& c : cases) {
    const diff::DiffReport r = AgainstLater(c.relations);
    std::vector<std::string> texts;
    for (const diff::Sentence& s : r.summary) texts.push_back(s.text);
    EXPECT_NE(std::find(texts.begin(), texts.end(), c.sentence), texts.end())
        << c.sentence << "\nnot among:\n" << ::testing::PrintToString(texts);
  }
}

// English words a Chinese report must not hold outside quotes and codes.
const char* const kEnglishWords[] = {"added", "removed", "changed", "recoded", "Summary", "Items",
                                     "Status changes", "Effective dates", "more item line", "left",
                                     "right", "compared", "newly listed", "in force", "not listed",
                                     "Differences", "version", "evidence", "Timeline"};

TEST(ChineseReports, HoldNoEnglishWordsInAnyRenderer) {
  const diff::DiffReport reports[] = {AnnouncementsReport(SummaryLang::kZh), DatesReport(SummaryLang::kZh),
                                      PartiesReport(SummaryLang::kZh)};
  for (const diff::DiffReport& r : reports) {
    SCOPED_TRACE(diff::DiffKindName(r.kind));
    diff::TerminalOptions plain;
    plain.evidence = false;
    std::string html = diff::RenderHtml(r);
    // Attributes and class names are for machines; look at the text only.
    std::string text;
    bool in_tag = false;
    const size_t style_end = html.find("</style>");
    ASSERT_NE(style_end, std::string::npos);
    for (char ch : html.substr(style_end)) {
      if (ch == '<') in_tag = true;
      else if (ch == '>') in_tag = false;
      else if (!in_tag) text += ch;
    }
    for (const auto& [name, out] : {std::pair{"terminal", diff::RenderTerminal(r, plain)},
                                    std::pair{"markdown", diff::RenderMarkdown(r)}, std::pair{"html", text}}) {
      for (const char* word : kEnglishWords) {
        EXPECT_EQ(out.find(word), std::string::npos) << name << ": \"" << word << "\"";
      }
    }
    EXPECT_NE(html.find("<html lang=\"zh\">"), std::string::npos);
  }
}

TEST(ChineseReports, SayTheirHeadingsAndCountsInChinese) {
  const std::string md = diff::RenderMarkdown(AnnouncementsReport(SummaryLang::kZh));
  for (const char* expected :
       {"# regdiff 比较：mofcom-gacc-2025-18 → mofcom-gacc-2025-57", "比较对象：两份公告。有差异。", "## 摘要",
        "## 物项", "| 变化 | 管制编码 | 元素 | 名称 | 海关商品编号 |", "……另有12行物项原文（见“物项”）",
        "| 2025年第57号公告新增 | 1C909.a |", "| 仅2025年第18号公告列入（维持原状） | 1C902.a |"}) {
    EXPECT_NE(md.find(expected), std::string::npos) << expected;
  }
  const std::string dates = diff::RenderMarkdown(DatesReport(SummaryLang::kZh));
  for (const char* expected : {"## 状态变化", "| 新列入 | 1C909.a | 未列入 |", "2025年4月4日至2025年11月9日期间，"}) {
    EXPECT_NE(dates.find(expected), std::string::npos) << expected;
  }
}

TEST(ItemNames, ComeFromAnotherTextInTheReportsLanguageWhenGiven) {
  diff::DiffReport r = AnnouncementsReport();
  r.right.item_names["1C909.a"] = "Holmium metal, alloys and related products";
  const std::string md = diff::RenderMarkdown(r);
  EXPECT_NE(md.find("| 1C909.a | Ho | Holmium metal, alloys and related products |"), std::string::npos);
  EXPECT_NE(md.find("| 1C909.b | Ho | 氧化钬及其混合物 |"), std::string::npos) << "no English name: as printed";
  EXPECT_NE(diff::RenderHtml(r).find(">Holmium metal, alloys and related products</td>"), std::string::npos);
  // JSON keeps the names as printed.
  EXPECT_EQ(diff::RenderJson(r).find("Holmium metal"), std::string::npos);
}

// How often `needle` occurs in `hay`.
size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = 0; (p = hay.find(needle, p)) != std::string::npos; p += needle.size()) ++n;
  return n;
}

TEST(HtmlReport, ShowsEachQuoteOnceAndRefersBackToIt) {
  diff::DiffReport r = DatesReport(SummaryLang::kEn);
  ASSERT_GE(r.status.changes.size(), 15u);
  const std::string html = diff::RenderHtml(r);
  const std::string quote = "第55号、56号、57号、58号公告暂停实施至2026年11月10日";
  EXPECT_EQ(Count(html, quote), 1u);
  EXPECT_GT(Count(html, "class=\"quote-ref\" href=\"#quote-"), 0u);
  // The fifteen No. 57 rows share one evidence cell.
  EXPECT_NE(html.find("rowspan=\"15\""), std::string::npos);
  const std::string announcements = diff::RenderHtml(AnnouncementsReport());
  for (const Item& item : No57().items) EXPECT_EQ(Count(announcements, item.evidence.text), 1u) << item.evidence.text;
}

TEST(HtmlReport, DrawsTheTimelineBeforeTheSummaryAndLabelsForPeople) {
  const std::string html = diff::RenderHtml(DatesReport(SummaryLang::kEn));
  const size_t timeline = html.find("<section id=\"timeline\">");
  const size_t summary = html.find("<section id=\"summary\">");
  ASSERT_NE(timeline, std::string::npos);
  ASSERT_NE(summary, std::string::npos);
  EXPECT_LT(timeline, summary);
  EXPECT_NE(html.find("<td class=\"change\">newly listed</td>"), std::string::npos);
  EXPECT_EQ(html.find(">newly_listed<"), std::string::npos);
  EXPECT_EQ(html.find(">in_force"), std::string::npos);
  EXPECT_NE(html.find("data-kind=\"newly_listed\""), std::string::npos) << "machine hooks keep the names";
  const std::string zh = diff::RenderHtml(DatesReport(SummaryLang::kZh));
  EXPECT_NE(zh.find("<td class=\"change\">新列入</td>"), std::string::npos);
}

}  // namespace
}  // namespace regdiff::testing
