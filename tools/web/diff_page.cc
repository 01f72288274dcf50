// DiffPage: the form, and the report diff/render_html.h writes for the
// question (tools/diff_answer.h builds it, as for `regdiff diff`).
#include "tools/web/diff_page.h"

#include <set>
#include <vector>

#include "corpus/strings.h"
#include "diff/render_html.h"
#include "tools/diff_answer.h"
#include "tools/web/page_frame.h"

namespace regdiff::tools::web {
namespace {

std::string Param(const std::multimap<std::string, std::string>& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

// The form, filled with `from` and `to`; a datalist offers the stored ids.
void AppendForm(const std::vector<DocumentSummary>& rows, const std::string& from,
                const std::string& to, std::string* out) {
  std::set<std::string> ids;
  for (const DocumentSummary& r : rows)
    if (r.doc_id) ids.insert(*r.doc_id);
  *out += "<form id=\"diff-form\" class=\"filters\" method=\"get\" action=\"/diff\">"
          "<label for=\"diff-from\">From<input id=\"diff-from\" name=\"from\" list=\"diff-docs\" "
          "placeholder=\"2025-10-08 or mofcom-gacc-2025-18\" value=\"";
  *out += HtmlEscape(from);
  *out += "\"></label><label for=\"diff-to\">To<input id=\"diff-to\" name=\"to\" list=\"diff-docs\" "
          "placeholder=\"2025-11-09 or mofcom-gacc-2025-57\" value=\"";
  *out += HtmlEscape(to);
  *out += "\"></label><button id=\"diff-submit\" type=\"submit\">Compare</button>"
          "<datalist id=\"diff-docs\">";
  for (const std::string& id : ids) {
    *out += "<option value=\"";
    *out += HtmlEscape(id);
    *out += "\"></option>";
  }
  *out += "</datalist></form>\n";
}

// Example links: the two newest announcements (by publication), and the
// control list on the eve of the older one's publication and on the day of
// the newer one's.
// `rows`: as List gives them, oldest publication first, undated last.
void AppendExamples(const std::vector<DocumentSummary>& rows, std::string* out) {
  std::vector<const DocumentSummary*> newest;
  for (auto it = rows.rbegin(); it != rows.rend() && newest.size() < 2; ++it) {
    if (!it->doc_id || !it->published) continue;
    if (!newest.empty() && newest.front()->doc_id == it->doc_id) continue;
    newest.push_back(&*it);
  }
  if (newest.size() < 2) {
    *out += "<p class=\"muted\" id=\"diff-no-examples\">Two dated announcements are needed for "
            "examples: <code>regdiff ingest</code> reads some.</p>\n";
    return;
  }
  const DocumentSummary& older = *newest[1];
  const DocumentSummary& newer = *newest[0];
  const std::string eve = older.published->AddDays(-1).ToIso();
  const std::string day = newer.published->ToIso();
  *out += "<ul id=\"diff-examples\">\n<li><a href=\"";
  *out += Href("/diff", {{"from", *older.doc_id}, {"to", *newer.doc_id}});
  *out += "\">";
  *out += HtmlEscape(*older.doc_id);
  *out += " \u2192 ";
  *out += HtmlEscape(*newer.doc_id);
  *out += "</a>: what the newer announcement lists, dates and relates that the older does not</li>\n"
          "<li><a href=\"";
  *out += Href("/diff", {{"from", eve}, {"to", day}});
  *out += "\">";
  *out += eve;
  *out += " \u2192 ";
  *out += day;
  *out += "</a>: the control list on the eve of ";
  *out += HtmlEscape(*older.doc_id);
  *out += " and on the day ";
  *out += HtmlEscape(*newer.doc_id);
  *out += " was published</li>\n</ul>\n";
}

}  // namespace

Result<std::string> DiffPage(AnnouncementStore& store,
                             const std::multimap<std::string, std::string>& params) {
  const std::string from = Param(params, "from"), to = Param(params, "to");
  auto rows = store.List();
  if (!rows.ok()) return rows.status();
  if (from.empty() && to.empty()) {
    std::string out = BeginPage("Diff", Section::kDiff);
    out += "<h1>Diff</h1>\n<p>Compare two announcements (an id such as "
           "<code>mofcom-gacc-2025-57</code> or its short form <code>2025-57</code>; "
           "<code>DOC@2</code> names a version, <code>DOC:en</code> a language) or the control "
           "list on two dates (<code>YYYY-MM-DD</code>), as <code>regdiff diff</code> does.</p>\n";
    AppendForm(*rows, from, to, &out);
    AppendExamples(*rows, &out);
    out += EndPage();
    return out;
  }
  auto question = DiffQuestionFrom(from, to);
  if (!question.ok()) return question.status();
  diff::ReportOptions options;
  options.text = question->asof.empty();  // two texts: their diff too
  std::vector<std::string> warnings;
  auto report = BuildDiffReport(store, *question, options, /*with_history=*/true, &warnings);
  if (!report.ok()) return report.status();

  std::string title = "Diff ";
  title += from;
  title += " \u2192 ";
  title += to;
  std::string out = BeginPage(title, Section::kDiff, diff::HtmlReportStyle());
  AppendForm(*rows, from, to, &out);
  for (const std::string& warning : warnings) {
    out += "<p class=\"muted diff-warning\">";
    out += HtmlEscape(warning);
    out += "</p>\n";
  }
  out += "<p><a id=\"diff-json\" href=\"";
  out += Href("/api/diff", {{"from", from}, {"to", to}});
  out += "\">This diff as JSON</a></p>\n<div class=\"diff-report\" id=\"report\">\n";
  diff::WriteHtmlReport(*report, [&out](std::string_view chunk) { out.append(chunk); });
  out += "</div>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
