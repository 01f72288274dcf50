// The watch page, /watch: what `regdiff watch` keeps in the store, as
// `regdiff watch --status` reads it (WatchStore): each watched source with
// its index URL, last good poll, last change (its newest event), last
// attempt and error (with the failures in a row), next due time, pages known
// and deliveries pending; then the latest events, each linked to its
// announcement's page when it has a number. With nothing watched: how to
// start (`regdiff watch --once`).
//
// Hooks for browser tests: table#watch-sources with one tr[data-source]
// per source (class "failing" while its last poll failed; td.error its
// error); table#watch-events with one tr[data-event][data-source][data-kind]
// per event; p#watch-empty when nothing is watched; p#watch-no-events.
#pragma once

#include <map>
#include <string>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

// How many of the newest events the page lists.
inline constexpr size_t kWatchPageEvents = 50;

Result<std::string> WatchPage(AnnouncementStore& store,
                              const std::multimap<std::string, std::string>& params);

}  // namespace regdiff::tools::web
