// The page of one announcement (/announcements/{doc}, DOC a doc_id or a short
// form `show` accepts: tools/show_answer.h FindAnnouncement): what was read
// from each stored text of it (number, issuers, title, dates, effective
// clauses, items with control and HS codes, relations, parties) beside the
// source text, each fact's evidence marked in the text. Where a Chinese and
// an English text are both stored, their sources stand side by side, and the
// facts begin with where the two disagree (diff/text_pair.h, as `show`
// reports it): each fact with what each text states and links to both
// statements. With q=TEXT (the one parameter it takes; the search page's
// hits link here), every match of the text in the sources is marked as a
// search finds it.
//
// Hooks for browser tests:
//   #facts                     the facts; one section.text-facts[data-lang]
//                              [data-source] per stored text, after one
//                              section.disagreements[data-count] per
//                              Chinese-English pair, its table's rows
//                              tr[data-kind][data-key] (kinds as `show
//                              --json` names them)
//   #source                    the source texts; one section.source-text
//                              [data-lang][data-source] per distinct source,
//                              its text in pre.source; where an attachment or
//                              a PDF page begins, an empty
//                              span.text-break[data-place] ("page 2",
//                              "附件1.pdf"), its label drawn by the style sheet
//   #source-zh, #source-en     the Chinese and English source sections when
//                              both are stored (then inside div.doc-pair)
//   a.evidence-link            a fact's link to its evidence (id fact-N,
//                              href #ev-N)
//   mark[id^=ev-]              the first mark of evidence N (data-ev="ev-N");
//                              a span crossing another goes on in
//                              mark.ev-cont[data-ev="ev-N"]; the marks'
//                              texts, in order, are the evidence's text;
//                              a.ev-back inside the first links to #fact-N
//   table.items tr[data-code], table.parties tr[data-list][data-action],
//   table.relations tr[data-type][data-target], #status[data-status]
//   #hits[data-count] and mark.hit (the first of each match with id hit-N,
//   from 1 in page order) with q=
//   a.json-link (/api/announcements/{doc}), a.timeline-link
//   (/timeline?code=... or /timeline?party=...)
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

// The page of the announcement `params`'s "doc" names (the route puts the
// path's last segment there; the request itself takes no parameter).
// Errors: kNotFound (nothing matches, with a suggestion), kInvalidArgument
// (an ambiguous short form), the store's.
Result<std::string> AnnouncementPage(AnnouncementStore& store,
                                     const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
