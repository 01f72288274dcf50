// The HTML form of a DiffReport: one self-contained file (inline CSS, inline
// SVG, no script, no external resource) with the summary and its evidence
// quotes on top, the item table with additions and removals highlighted,
// date, relation and status changes, a timeline picture of which elements
// were controlled when (suspensions hatched), and the text diff side by
// side. Rows carry stable hooks for checks: <tr class="added"
// data-code="1C909.a" id="added-1C909.a">, classes removed, changed,
// recoded, status-change; sections have ids summary, items, effective,
// relations, header, status, timeline, text-diff.
#pragma once

#include <string>

#include "diff/chunked_output.h"
#include "diff/report.h"

namespace regdiff::diff {

// The page, handed to `write` in chunks.
void WriteHtml(const DiffReport& report, const WriteChunk& write);

// The report without the page around it, for a page that embeds it (the
// site of `regdiff serve`): its <header> (title, verdict, the sides) and its
// sections, as WriteHtml writes them between <body> and its footer, without
// the <main> wrapper. The embedding page's style sheet holds
// HtmlReportStyle(); its own rules give body, headings and tables.
void WriteHtmlReport(const DiffReport& report, const WriteChunk& write);

// The report's own CSS rules (row colours, evidence quotes, the text diff,
// the timeline): WriteHtml's style sheet less its page rules.
std::string HtmlReportStyle();

// WriteHtml's bytes as one string.
std::string RenderHtml(const DiffReport& report);

}  // namespace regdiff::diff
