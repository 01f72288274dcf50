// The timeline page, /timeline?element=|code=|hs=|party= (exactly one): the
// dated events of the items of an element, control code or HS code, or of a
// party on MOFCOM's lists, as `regdiff timeline WHAT` answers them (the same
// AnswerTimeline), drawn as an inline SVG (web/timeline_picture.h) and listed
// as a table, each event's announcement linked and its evidence quoted.
// Without a parameter: the form and what the page shows. Bad values (two
// parameters, an unknown element, an HS code not of 4-10 digits):
// kInvalidArgument, a 400 page; nothing stored about it: the form and
// p#timeline-none.
//
// Hooks for browser tests: form#timeline-form (inputs named element, code,
// hs, party); svg#timeline-picture (its hooks in web/timeline_picture.h);
// table#timeline-events with one tr[data-key][data-kind][data-date] per
// event, its evidence in td.evidence q; p#timeline-none; p#timeline-intro.
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

Result<std::string> TimelinePage(AnnouncementStore& store,
                                 const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
