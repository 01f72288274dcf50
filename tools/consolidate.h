// Keeping the store's consolidated state (corpus/consolidated_store.h)
// current: the commands that store announcements (ingest, watch) call
// Consolidate once they have committed what they read, so that the read
// commands answer from it.
#pragma once

#include <cstdint>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools {

// When more than one stored key in this many changed, Consolidate rebuilds
// the whole state: removing most rows key by key costs more than writing
// them afresh.
inline constexpr int64_t kRebuildBeyondOneKeyIn = 4;

// Makes the consolidated state current when a document or a version changed
// since it was built: rebuilds the stretches of the keys the changed
// announcements list (and every party's) from the texts they rest on, or,
// when no state was built yet or more than one key in
// `rebuild_beyond_one_key_in` changed (0: never), the whole state from the
// timeline of the newest version of every source. Does nothing when it is
// current.
Status Consolidate(AnnouncementStore& store,
                   int64_t rebuild_beyond_one_key_in = kRebuildBeyondOneKeyIn);

}  // namespace regdiff::tools
