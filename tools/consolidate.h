// Keeping the store's consolidated state (corpus/consolidated_store.h)
// current: the commands that store announcements (ingest, watch) call
// Consolidate once they have committed what they read, so that the read
// commands answer from it.
#pragma once

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools {

// Rebuilds the consolidated state from the timeline of the newest version of
// every source when a document or a version changed since it was built;
// does nothing when it is current.
Status Consolidate(AnnouncementStore& store);

}  // namespace regdiff::tools
