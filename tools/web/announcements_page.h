// The home page of `regdiff serve`: the stored announcements, newest first,
// each linking to its own page (/announcements/{doc}).
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

// The page for `params` (the request's query parameters, already checked
// against the route's names).
Result<std::string> AnnouncementsPage(AnnouncementStore& store,
                                      const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
