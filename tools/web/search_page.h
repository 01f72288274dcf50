// The search page of `regdiff serve` (/search?q=TEXT): the lines of the
// stored texts holding TEXT, as `regdiff search TEXT` finds them
// (tools/search_answer.h), each linking to its announcement's page with the
// match marked in the line. Without q (or with an empty one): the form
// alone. Searches the index as it is: the server never writes.
//
// Hooks for browser tests: form.search (input[name=q] holding the text),
// #search-count (data-lines, data-texts, data-shown), #search-empty (no
// line matches), ol#search-results with one li[data-doc][data-source]
// [data-line] per hit (data-doc absent for a text without a doc_id), its
// a.hit-doc to /announcements/{doc}, its .hit-line with mark elements.
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

// The most hits one page shows.
inline constexpr size_t kSearchPageHits = 100;

// Errors: kInvalidArgument for a text of spaces only; the store's.
Result<std::string> SearchPage(AnnouncementStore& store,
                               const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
