// Keeping the store's consolidated state (corpus/consolidated_store.h)
// current: the commands that store announcements (ingest, watch) update it
// inside the transaction that stores them (ConsolidateInTransaction), so
// that a reader never sees new texts beside a stale state, and call
// Consolidate once they are done, in case one of those updates failed.
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

// Consolidate inside the transaction open on the store's connection, under
// a savepoint of its own: its failure is rolled back alone (what the
// transaction stored stays, the state stays stale until the next
// Consolidate, which reports the failure) and returned.
Status ConsolidateInTransaction(AnnouncementStore& store);

}  // namespace regdiff::tools
