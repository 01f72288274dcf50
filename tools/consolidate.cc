// Consolidate: when the kept state is stale, the stretches of only the keys
// the changed announcements list are rebuilt, from the texts those keys rest
// on (tools/timeline_query.h, LoadTimelineOf); the whole timeline when no
// state was built yet or when most keys changed. One transaction.
#include "tools/consolidate.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "corpus/sqlite.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

// Adds the item stretches of `timeline` (of the keys `want_key` accepts,
// when given) and its event dates (of the announcements `want_dates`
// accepts, when given).
Status AddFrom(const Timeline& timeline, ConsolidatedStore& kept,
               const std::function<bool(const std::string&)>& want_key,
               const std::function<bool(const std::string&)>& want_dates) {
  Status s;
  timeline.VisitItemStretches(
      [&](const ItemStretch& stretch) {
        if (s.ok()) s = kept.AddItem(stretch);
      },
      want_key);
  timeline.VisitEventDates(
      [&](const std::string& doc_id, const Date& date) {
        if (s.ok()) s = kept.AddEventDate(doc_id, date);
      },
      want_dates);
  return s;
}

Status AddParties(const Timeline& timeline, ConsolidatedStore& kept) {
  Status s;
  timeline.VisitPartyStretches([&](const PartyStretch& stretch) {
    if (s.ok()) s = kept.AddParty(stretch);
  });
  return s;
}

Status RebuildAll(AnnouncementStore& store, ConsolidatedStore& kept, int64_t generation) {
  auto timeline = LoadTimeline(store, std::nullopt);
  if (!timeline.ok()) return timeline.status();
  if (Status s = kept.Clear(); !s.ok()) return s;
  if (Status s = AddFrom(*timeline, kept, {}, {}); !s.ok()) return s;
  if (Status s = AddParties(*timeline, kept); !s.ok()) return s;
  return kept.Finish(generation);
}

// The keys whose stretches may differ once `changed` changed: those listed
// by a text of a changed announcement now, and those a listing of one
// governed before (a listing that governed no day changes no state).
Result<std::set<std::string>> ChangedKeys(AnnouncementStore& store, ConsolidatedStore& kept,
                                          const std::vector<std::string>& changed) {
  std::set<std::string> keys;
  for (const std::string& doc_id : changed) {
    auto listed = store.ItemKeysOf(doc_id);
    if (!listed.ok()) return listed.status();
    keys.insert(listed->begin(), listed->end());
  }
  auto governed = kept.KeysListedBy(changed);
  if (!governed.ok()) return governed.status();
  keys.insert(governed->begin(), governed->end());
  return keys;
}

// The announcements listing `keys`: an uncoded key names its own
// ("doc_id#position"), a coded one is looked up.
Result<std::set<std::string>> ListingDocIds(AnnouncementStore& store,
                                            const std::set<std::string>& keys) {
  std::set<std::string> doc_ids;
  for (const std::string& key : keys) {
    if (const size_t hash = key.find('#'); hash != std::string::npos) {
      doc_ids.insert(key.substr(0, hash));
      continue;
    }
    auto listing = store.DocIdsListingCode(key);
    if (!listing.ok()) return listing.status();
    doc_ids.insert(listing->begin(), listing->end());
  }
  return doc_ids;
}

Status UpdateChanged(AnnouncementStore& store, ConsolidatedStore& kept, int64_t generation,
                     const std::vector<std::string>& changed, int64_t rebuild_beyond_one_key_in) {
  // A text without a doc_id and without relations changes nothing kept.
  if (changed.empty()) return kept.Finish(generation, /*items_changed=*/false);
  auto keys = ChangedKeys(store, kept, changed);
  if (!keys.ok()) return keys.status();
  auto key_count = kept.KeyCount();
  if (!key_count.ok()) return key_count.status();
  if (rebuild_beyond_one_key_in > 0 &&
      static_cast<int64_t>(keys->size()) * rebuild_beyond_one_key_in > *key_count)
    return RebuildAll(store, kept, generation);

  // Every listing of those keys, and the changed announcements (whose event
  // dates are rewritten), with the texts relating to them: their courses are
  // then whole.
  auto doc_ids = ListingDocIds(store, *keys);
  if (!doc_ids.ok()) return doc_ids.status();
  doc_ids->insert(changed.begin(), changed.end());
  auto timeline = LoadTimelineOf(store, *doc_ids);
  if (!timeline.ok()) return timeline.status();
  const std::set<std::string> changed_set(changed.begin(), changed.end());
  const std::vector<std::string> key_list(keys->begin(), keys->end());
  if (Status s = kept.RemoveItemKeys(key_list); !s.ok()) return s;
  if (Status s = kept.RemoveEventDatesOf(changed); !s.ok()) return s;
  if (Status s = AddFrom(
          *timeline, kept, [&](const std::string& key) { return keys->count(key) > 0; },
          [&](const std::string& doc_id) { return changed_set.count(doc_id) > 0; });
      !s.ok())
    return s;

  // Parties are few: all of them, from the texts naming one.
  if (Status s = kept.RemoveParties(); !s.ok()) return s;
  auto party_docs = store.DocIdsWithParties();
  if (!party_docs.ok()) return party_docs.status();
  if (!party_docs->empty()) {
    auto parties = LoadTimelineOf(store, std::set<std::string>(party_docs->begin(),
                                                               party_docs->end()));
    if (!parties.ok()) return parties.status();
    if (Status s = AddParties(*parties, kept); !s.ok()) return s;
  }
  return kept.Finish(generation);
}

}  // namespace

Status Consolidate(AnnouncementStore& store, int64_t rebuild_beyond_one_key_in) {
  ConsolidatedStore kept(store.db());
  auto current = kept.Current();
  if (!current.ok()) return current.status();
  if (*current) return Status::Ok();
  // Everything below reads and writes in one write transaction, so that no
  // change lands between what is read and the state marked built from it.
  if (Status s = kept.Begin(); !s.ok()) return s;
  current = kept.Current();  // another writer may have built it meanwhile
  if (!current.ok()) return current.status();
  if (*current) return Status::Ok();  // `kept` rolls its empty transaction back
  auto generation = kept.Generation();
  if (!generation.ok()) return generation.status();
  auto built = kept.Built();
  if (!built.ok()) return built.status();
  if (!*built) return RebuildAll(store, kept, *generation);
  auto changed = kept.ChangedDocIds();
  if (!changed.ok()) return changed.status();
  return UpdateChanged(store, kept, *generation, *changed, rebuild_beyond_one_key_in);
}

Status ConsolidateInTransaction(AnnouncementStore& store) {
  auto savepoint = sqlite::Savepoint::Begin(store.db());
  if (!savepoint.ok()) return savepoint.status();
  if (Status s = Consolidate(store); !s.ok()) return s;  // rolled back to the savepoint
  return savepoint->Release();
}

}  // namespace regdiff::tools
