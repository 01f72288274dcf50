// The consolidated state in the store's database (schema versions 7 to 9):
// the stretches of corpus/timeline.h, and the element history built from
// them, kept so that a read on a date costs what its answer costs instead of
// loading every document and rebuilding the timeline.
// Each change to the documents or to the versions of the sources makes the
// kept state stale (triggers count them) and notes the announcements it
// touches (ChangedDocIds); an update makes it current again, rewriting
// either everything or only the keys those announcements list.
//
// A ConsolidatedStore borrows the connection of an AnnouncementStore (db())
// and must not outlive it. Not thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/element_history.h"
#include "corpus/sqlite.h"
#include "corpus/status.h"
#include "corpus/timeline.h"

namespace regdiff {

// What a read of items narrows to; the indexes answer it, the caller applies
// its exact rule to what comes back. Empty fields do not narrow.
struct StretchFilter {
  std::string code;  // the code and its sub-codes (1C909 -> 1C909, 1C909.a, ...)
  std::string hs;    // HS codes it prefixes, or that prefix it
};

class ConsolidatedStore {
 public:
  explicit ConsolidatedStore(sqlite::Database& db) : db_(&db) {}
  ConsolidatedStore(const ConsolidatedStore&) = delete;
  ConsolidatedStore& operator=(const ConsolidatedStore&) = delete;

  // True when the kept state was built from the documents as they are now.
  Result<bool> Current();

  // True when a state was ever built and kept with its element history: the
  // condition for updating it key by key rather than rebuilding it.
  Result<bool> Built();

  // The count of changes to the documents and versions so far.
  Result<int64_t> Generation();

  // The doc_ids of the announcements changed since the state was last
  // built: whose texts came, went or were re-parsed, whose source has a new
  // or a removed version, or that a relation of such a text names. Sorted.
  Result<std::vector<std::string>> ChangedDocIds();

  // The keys of the item stretches governed by a listing of one of
  // `doc_ids` (ItemState::listed_by), each once, sorted.
  Result<std::vector<std::string>> KeysListedBy(const std::vector<std::string>& doc_ids);

  // The number of distinct item keys kept.
  Result<int64_t> KeyCount();

  // Writing the kept state, stretch by stretch (so that none need be held in
  // memory). Begin opens the transaction (the caller's, if one is open); then
  // either Clear (everything is rewritten) or Remove* of what is rewritten;
  // then Add* in the order Timeline gives them; Finish rebuilds the element
  // history from the kept stretches and event dates (unless `items_changed`
  // is false: no item stretch or event date was removed or added), forgets
  // the changed doc_ids and marks the state as built from the documents as
  // they were at `generation` (current when no change came in between). A
  // ConsolidatedStore destroyed before Finish rolls its transaction back.
  Status Begin();
  Status Clear();
  Status RemoveItemKeys(const std::vector<std::string>& keys);
  Status RemoveParties();
  Status RemoveEventDatesOf(const std::vector<std::string>& doc_ids);
  Status AddItem(const ItemStretch& stretch);
  Status AddParty(const PartyStretch& stretch);
  // A date an event of an item listed by `doc_id` falls on (repeats allowed).
  Status AddEventDate(const std::string& doc_id, const Date& date);
  Status Finish(int64_t generation, bool items_changed = true);

  // The states of the items on `date`, in AsOf's order, narrowed by `filter`.
  // Requires Current(); errors: kDatabase, kCorruption.
  Result<std::vector<ItemState>> ItemsOn(const Date& date, const StretchFilter& filter = {});

  // ItemsOn without holding the states: `visit` sees each in turn, in one
  // ItemState reused (valid during the call only). An error `visit` returns
  // ends the read and is returned.
  Status VisitItemsOn(const Date& date, const StretchFilter& filter,
                      const std::function<Status(const ItemState&)>& visit);

  // VisitItemsOn(date) of only the items whose listing is the announcement
  // `doc_id` (ItemState::listed_by), through the index on listings: what
  // one announcement governs that day.
  Status VisitItemsListedByOn(const Date& date, const std::string& doc_id,
                              const std::function<Status(const ItemState&)>& visit);

  // VisitItemsOn(date) of only the stretches that do not also hold `other`:
  // the items whose state on `date` may differ from that on `other` (a
  // stretch holding both dates is one state on both).
  Status VisitItemsOnNotOn(const Date& date, const Date& other,
                           const std::function<Status(const ItemState&)>& visit);

  // The number of states ItemsOn(date) gives, counted on the index alone.
  Result<int64_t> CountItemsOn(const Date& date);

  // The states of the parties on `date`, in PartiesAsOf's order.
  Result<std::vector<PartyState>> PartiesOn(const Date& date);

  // The element history of the kept state, as BuildElementHistory gives it.
  Result<ElementHistory> History();

 private:
  Status RunAll(const std::string_view* sqls, size_t count, std::string_view context);
  Result<int64_t> NextId(std::string_view sql);
  // The element history of the kept parts and event dates, as JSON.
  Result<std::string> BuildHistory();

  sqlite::Database* db_;
  std::optional<sqlite::Transaction> writing_;  // while an update runs in its own
  bool writing_started_ = false;
  int64_t next_item_id_ = 1, next_party_id_ = 1;
  sqlite::StatementCache statements_{*db_};
};

}  // namespace regdiff
