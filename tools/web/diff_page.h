// The diff page of `regdiff serve` (/diff?from=&to=): the HTML report of
// `regdiff diff` (diff/render_html.h, the same sections and hooks) inside the
// site's frame, under a GET form. `from` and `to` are two dates (the control
// list on each, as `diff --asof FROM --asof TO`) or two announcements (DOC,
// DOC@N, DOC:LANG, as `diff FROM TO`, with the text diff). Without
// parameters: the form, what it compares, and example links built from the
// store.
//
// Stable hooks for browser tests:
//   form#diff-form (GET /diff), its inputs input#diff-from[name=from] and
//   input#diff-to[name=to], button#diff-submit;
//   ul#diff-examples > li > a (no parameters only);
//   div#report.diff-report holds the report: header > h1, .verdict.differs or
//   .verdict.same; sections #timeline (svg.timeline), #summary (ol.summary,
//   blockquote.evidence), #items (tr.added|removed|changed|recoded
//   [data-code][data-key], ids added-CODE, ...), #parties, #effective,
//   #relations, #header, #status (tr.status-change[data-kind][data-code]),
//   #text-diff (table.text-diff); a#diff-json links to /api/diff.
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

// The page for `params` (checked against from, to). Errors: kInvalidArgument
// (one side missing, a date with an announcement, a bad date or operand,
// an ambiguous id), kNotFound (no such announcement), kDatabase.
Result<std::string> DiffPage(AnnouncementStore& store,
                             const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
