// Properties of the renderers that golden files cannot state: the HTML is
// well formed, self-contained and escaped; colour appears only when asked;
// the Markdown quotes evidence.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "diff/render_announcement.h"
#include "diff/render_html.h"
#include "diff/render_markdown.h"
#include "diff/render_terminal.h"
#include "tests/diff/reports.h"

namespace regdiff::testing {
namespace {

// Problems with the tag structure of `html`: unbalanced or misnested tags
// (void elements and self-closed tags aside) and repeated ids.
std::vector<std::string> TagProblems(const std::string& html) {
  static const std::set<std::string> kVoid = {"meta", "br", "col", "img", "input", "link", "hr", "wbr"};
  std::vector<std::string> problems, stack;
  std::set<std::string> ids;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i);
      continue;
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) {
      problems.push_back("unterminated tag");
      break;
    }
    std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty() || tag[0] == '!') continue;
    const bool closing = tag[0] == '/';
    const bool self_closed = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" \n/", closing ? 1 : 0) - (closing ? 1 : 0));
    if (closing) {
      if (stack.empty() || stack.back() != name) problems.push_back("misnested </" + name + ">");
      else stack.pop_back();
      continue;
    }
    const size_t id = tag.find(" id=\"");
    if (id != std::string::npos) {
      std::string value = tag.substr(id + 5, tag.find('"', id + 5) - id - 5);
      if (!ids.insert(value).second) problems.push_back("repeated id " + value);
    }
    if (!self_closed && !kVoid.count(name)) stack.push_back(name);
    if (name == "style" || name == "title") {  // raw text up to the closing tag
      i = html.find("</" + name + ">", i);
    }
  }
  for (const auto& open : stack) problems.push_back("unclosed <" + open + ">");
  return problems;
}

TEST(RenderHtml, IsWellFormedAndSelfContained) {
  for (const diff::DiffReport& r : {AnnouncementsReport(), VersionsReport(), TextsReport(), DatesReport()}) {
    SCOPED_TRACE(diff::DiffKindName(r.kind));
    const std::string html = diff::RenderHtml(r);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    std::vector<std::string> problems = TagProblems(html);
    EXPECT_TRUE(problems.empty()) << problems.front();
    for (const char* banned : {"<script", "src=", "@import", "url(http", "<link"}) {
      EXPECT_EQ(html.find(banned), std::string::npos) << banned;
    }
    // Links only within the page: a quote shown earlier.
    for (size_t p = 0; (p = html.find("href=", p)) != std::string::npos; ++p)
      EXPECT_EQ(html.compare(p, 7, "href=\"#"), 0) << html.substr(p, 40);
  }
}

TEST(RenderHtml, MarksAddedAndRemovedRowsForDomChecks) {
  const std::string html = diff::RenderHtml(AnnouncementsReport());
  EXPECT_NE(html.find("<tr class=\"added\" id=\"added-1C909.a\" data-code=\"1C909.a\""), std::string::npos);
  // No. 57 does not list No. 18's items and does not end them: they are
  // listed by No. 18 only, not removed.
  EXPECT_NE(html.find("<tr class=\"left-only\" id=\"left-only-1C902.a\" data-code=\"1C902.a\""),
            std::string::npos);
  EXPECT_EQ(html.find("<tr class=\"removed\""), std::string::npos);
  size_t added = 0;
  for (size_t p = 0; (p = html.find("<tr class=\"added\"", p)) != std::string::npos; ++p) ++added;
  EXPECT_EQ(added, 15u);
  EXPECT_NE(html.find("<svg class=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("class=\"suspended\""), std::string::npos);  // the No. 70 window
  const std::string dates = diff::RenderHtml(DatesReport());
  EXPECT_NE(dates.find("<tr class=\"status-change added\" id=\"status-1C909.a\" data-kind=\"newly_listed\" "
                       "data-code=\"1C909.a\""),
            std::string::npos);
}

TEST(RenderHtml, TheEmbeddedReportIsThePagesOwnHeaderAndSections) {
  for (const diff::DiffReport& r : {AnnouncementsReport(), VersionsReport(), TextsReport(), DatesReport()}) {
    SCOPED_TRACE(diff::DiffKindName(r.kind));
    const std::string page = diff::RenderHtml(r);
    std::string report;
    diff::WriteHtmlReport(r, diff::AppendTo(report));
    // The page is the report with <main> opened after its header.
    const size_t header_end = report.find("</header>\n");
    ASSERT_NE(header_end, std::string::npos);
    std::string wrapped = report;
    wrapped.insert(header_end + 10, "<main>\n");
    EXPECT_NE(page.find(wrapped), std::string::npos);
    EXPECT_EQ(report.find("<main"), std::string::npos);
    EXPECT_EQ(report.find("<body"), std::string::npos);
    EXPECT_TRUE(TagProblems(report).empty());
    // Every rule of the embedded sheet is in the page's.
    const std::string css = diff::HtmlReportStyle();
    EXPECT_NE(css.find("tr.added td{"), std::string::npos);
    EXPECT_EQ(css.find("body{"), std::string::npos);
    size_t from = 0;
    for (size_t nl; (nl = css.find('\n', from)) != std::string::npos; from = nl + 1)
      EXPECT_NE(page.find(css.substr(from, nl - from)), std::string::npos) << css.substr(from, nl - from);
  }
}

TEST(RenderHtml, EscapesText) {
  Announcement a = No57(), b = No57();
  b.items[0].name = "<script>alert('x')</script> & \"q\"";
  b.items[0].code = "1C9<b>";
  diff::ReportOptions options;
  diff::DiffReport r = diff::CompareDocuments(diff::DiffKind::kVersions, FixtureSide(a, 1, "<i>\n"),
                                              FixtureSide(b, 2, "</table>\n"), options);
  r.summary.push_back({"<b>bold</b>", {{"left", "x\"y", "item", "", "<evidence>"}}});
  const std::string html = diff::RenderHtml(r);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), std::string::npos);
  EXPECT_NE(html.find("data-doc=\"x&quot;y\""), std::string::npos);
  std::vector<std::string> problems = TagProblems(html);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

// A span governed by many announcements names the first five in its
// tooltip and counts the rest; one governed by six names all six.
TEST(RenderHtml, ALongGoverningListIsCutInTheTooltip) {
  diff::DiffReport r = DatesReport(diff::SummaryLang::kEn);
  ASSERT_FALSE(r.history.rows.empty());
  ElementHistory& h = r.history;
  const uint32_t first = static_cast<uint32_t>(h.docs.size());
  for (int i = 0; i < 12; ++i) h.docs.push_back("mofcom-2030-" + std::to_string(100 + i));
  HistorySpan& many = h.rows[0].spans[0];
  many.governing.clear();
  for (uint32_t i = 0; i < 12; ++i) many.governing.push_back(first + i);
  const std::string html = diff::RenderHtml(r);
  EXPECT_NE(html.find("mofcom-2030-100, mofcom-2030-101, mofcom-2030-102, mofcom-2030-103, "
                      "mofcom-2030-104 and 7 more</title>"),
            std::string::npos);
  EXPECT_EQ(html.find("mofcom-2030-105"), std::string::npos);

  many.governing.resize(6);
  const std::string six = diff::RenderHtml(r);
  EXPECT_NE(six.find("mofcom-2030-104, mofcom-2030-105</title>"), std::string::npos);
}

// The page of a report of thousands of status changes is handed on in
// pieces, and the pieces are the whole page.
TEST(RenderHtml, ALargeReportIsWrittenInChunks) {
  diff::DiffReport r = DatesReport();
  const std::vector<diff::StatusChange> one = r.status.changes;
  while (r.status.changes.size() < 3000)
    r.status.changes.insert(r.status.changes.end(), one.begin(), one.end());
  std::vector<std::string> chunks;
  diff::WriteHtml(r, [&chunks](std::string_view c) { chunks.emplace_back(c); });
  ASSERT_GT(chunks.size(), 10u);
  std::string whole;
  for (const std::string& c : chunks) {
    EXPECT_LT(c.size(), 2 * diff::ChunkedOutput::kChunk);
    whole += c;
  }
  EXPECT_EQ(whole, diff::RenderHtml(r));
}

TEST(RenderTerminal, ColoursOnlyWhenAsked) {
  const diff::DiffReport r = VersionsReport();
  EXPECT_EQ(diff::RenderTerminal(r).find('\033'), std::string::npos);
  diff::TerminalOptions colour;
  colour.color = true;
  EXPECT_NE(diff::RenderTerminal(r, colour).find("\033[31m"), std::string::npos);
}

TEST(RenderTerminal, BracketsChangedRunsWithoutColour) {
  const std::string out = diff::RenderTerminal(VersionsReport());
  EXPECT_NE(out.find("-(二)1C902.b 氧化钐及其混合物(参考海关商品编号:2846901940、[-2846901993、-]3824999922)"),
            std::string::npos)
      << out;
}

TEST(RenderMarkdown, QuotesEvidenceUnderEachSentence) {
  const std::string md = diff::RenderMarkdown(AnnouncementsReport());
  EXPECT_NE(md.find("1. No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium items"),
            std::string::npos);
  EXPECT_NE(md.find("   > 本公告自2025年11月8日起实施 — *mofcom-gacc-2025-57*"), std::string::npos);
  EXPECT_NE(md.find("   > … and 12 more item lines (see Items)"), std::string::npos);
  EXPECT_NE(md.find("| added by No. 57 of 2025 | 1C909.a | Ho | 金属钬、含钬的合金及相关制品 | 28053019 |"),
            std::string::npos);
}

TEST(RenderMarkdown, EscapesMarkupInCells) {
  Announcement a = No57(), b = No57();
  b.items[0].name = "a|b*c_d";
  diff::ReportOptions options;
  diff::DiffReport r =
      diff::CompareDocuments(diff::DiffKind::kVersions, FixtureSide(a, 1, ""), FixtureSide(b, 2, ""), options);
  const std::string md = diff::RenderMarkdown(r);
  EXPECT_NE(md.find("a\\|b\\*c\\_d"), std::string::npos);
}

// True when `out` holds a control character other than a line feed: C0,
// DEL, or C1 (U+0080 to U+009F as UTF-8, or a stray byte).
bool HoldsControl(const std::string& out) {
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) <= 0x9f) return true;
  }
  return false;
}

// A report whose file names and texts hold terminal commands: ESC sequences
// that retitle the window and clear the screen, BEL, C1 CSI, a line feed in
// a file name, a backtick and HTML in it.
diff::DiffReport HostileReport() {
  Announcement a = No57(), b = No57();
  b.title = "title\x1b]0;pwned\x07\x1b[2J";
  b.items[0].name = "name\xc2\x9b" "31m<b>x</b>";
  b.items[0].evidence = Ev("quote\x1b[31m");
  b.effective[0].evidence = Ev("clause\x1b[5m");
  diff::Side left = FixtureSide(a, 1, "line\x1b[1m one\n", "mofcom-gacc-2025-57@1");
  diff::Side right = FixtureSide(b, 2, "line\x1b[2m two\n", "mofcom-gacc-2025-57@2");
  right.source = "/in/x\x1b]0;pwned\x07\nforged`<img src=x>`.html";
  diff::ReportOptions options;
  options.text = true;
  return diff::CompareDocuments(diff::DiffKind::kVersions, left, right, options);
}

TEST(RenderTerminal, ShowsControlCharactersOfNamesAndTextsInsteadOfSendingThem) {
  const std::string out = diff::RenderTerminal(HostileReport());
  EXPECT_FALSE(HoldsControl(out)) << out;
  EXPECT_NE(out.find("/in/x\\x1b]0;pwned\\x07\\x0aforged`<img src=x>`.html"), std::string::npos)
      << out;
  EXPECT_NE(out.find("title\\x1b]0;pwned\\x07\\x1b[2J"), std::string::npos) << out;
  EXPECT_NE(out.find("+line\\x1b["), std::string::npos) << out;
  // With colour, the only ESC bytes are the report's own colours.
  diff::TerminalOptions colour;
  colour.color = true;
  const std::string coloured = diff::RenderTerminal(HostileReport(), colour);
  EXPECT_EQ(coloured.find("\x1b]"), std::string::npos);
  EXPECT_EQ(coloured.find('\x07'), std::string::npos);
}

TEST(RenderMarkdown, ShowsControlCharactersAndKeepsAFileNameInItsCodeSpan) {
  const std::string md = diff::RenderMarkdown(HostileReport());
  EXPECT_FALSE(HoldsControl(md)) << md;
  // A backtick in the name: the span is fenced by two.
  EXPECT_NE(md.find("``/in/x\\x1b]0;pwned\\x07\\x0aforged`<img src=x>`.html``"), std::string::npos)
      << md;
  EXPECT_EQ(md.find("<b>"), std::string::npos) << md;
}

TEST(RenderAnnouncementText, ShowsControlCharactersOfTheDocument) {
  Announcement a = No57();
  a.title = "title\x1b]0;pwned\x07";
  a.items[0].name = "name\x1b[2J\xc2\x9b";
  a.effective[0].evidence = Ev("quote\x1b[31m\r");
  const std::string out = diff::RenderAnnouncementText(a);
  EXPECT_FALSE(HoldsControl(out)) << out;
  EXPECT_NE(out.find("  title:     title\\x1b]0;pwned\\x07\n"), std::string::npos) << out;
  EXPECT_NE(out.find("name\\x1b[2J\\x9b\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace regdiff::testing
