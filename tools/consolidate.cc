// Consolidate: the whole timeline rebuilt and its stretches kept as they
// come, in one transaction, when the kept state is stale.
#include "tools/consolidate.h"

#include "corpus/consolidated_store.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {

Status Consolidate(AnnouncementStore& store) {
  ConsolidatedStore consolidated(store.db());
  auto current = consolidated.Current();
  if (!current.ok()) return current.status();
  if (*current) return Status::Ok();
  // Read before the documents: a change that lands while they load leaves
  // the state stale rather than marked current.
  auto generation = consolidated.Generation();
  if (!generation.ok()) return generation.status();
  auto timeline = LoadTimeline(store, std::nullopt);
  if (!timeline.ok()) return timeline.status();
  Status s = consolidated.BeginReplace();
  timeline->VisitItemStretches([&](const ItemStretch& stretch) {
    if (s.ok()) s = consolidated.AddItem(stretch);
  });
  timeline->VisitPartyStretches([&](const PartyStretch& stretch) {
    if (s.ok()) s = consolidated.AddParty(stretch);
  });
  if (!s.ok()) return s;
  return consolidated.FinishReplace(*generation, timeline->EventDates());
}

}  // namespace regdiff::tools
