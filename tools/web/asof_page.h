// The "in force" page, /asof?date=YYYY-MM-DD[&element=|code=|hs=][&list=]:
// the controlled items and the parties on MOFCOM's lists on one date, as
// `regdiff asof DATE` answers (the same StatesOn, the same order), with the
// coverage note saying what the store holds. The date defaults to today
// (UTC), as the CLI's; an item filter leaves the parties out, as the CLI's
// does; list= shows one list's parties only (control_list, watch_list,
// unreliable_entity_list). Bad values: kInvalidArgument (a 400 page).
//
// Hooks for browser tests: form#asof-form (inputs named date, element,
// code, hs; select list); p#coverage; table#asof-items with one
// tr[data-key][data-status] per item (data-code when it has a control code);
// section#parties holding one table[data-list] per list with a party, its
// rows tr[data-key][data-status]; p#asof-empty when no item matches.
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

Result<std::string> AsofPage(AnnouncementStore& store,
                             const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
