// The home page of `regdiff serve`: the stored announcements (one row per
// stored text), newest first, narrowed by filters, each linking to its own
// page (/announcements/{doc}).
//
// Filters, query parameters of a GET form; an empty value does not narrow,
// an unknown one is a 400 page saying which values are known:
//   issuer=MOFCOM|GACC|...|joint   an issuer's code (any letter case) among
//                                  the announcement's issuers; joint: more
//                                  than one issuer
//   year=YYYY                      the year of its number (else of its
//                                  publication date)
//   list=control_list|watch_list|unreliable_entity_list
//                                  it adds parties to, or removes them from,
//                                  that list (or states how many it does)
//   element=Sm|钐|samarium|...     one of its items names that element
//   status=in_force|suspended|not_yet_in_force|repealed|superseded
//                                  its standing today (AnnouncementStatus);
//                                  the one filter that reads every text
//
// The rows come kRowsPerPage (100) at a time: page=N (from 1; past the last
// is a 400 page), links to the others in nav.pages (a[rel=prev] newer,
// a[rel=next] older) keeping the filters. A page reads the list (the store
// applies the filters but the status) and loads the texts of its own rows
// only, for their status: its cost grows with its rows, not with the store.
//
// Hooks for browser tests: form.filters (its fields named as the
// parameters, each holding the current value), #count (data-count: the rows
// matching on all pages, data-total: the rows stored), #empty (no row matches, or nothing
// is stored), table#announcements with one tr[data-doc][data-lang]
// [data-status] per text, its first cell's link to the announcement's page.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

// The page for `params` (the request's query parameters, already checked
// against the route's names). Errors: kInvalidArgument for a filter's value
// it does not know; the store's.
Result<std::string> AnnouncementsPage(AnnouncementStore& store,
                                      const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
