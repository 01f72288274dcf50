// The consolidated state in the store's database (schema versions 7 and 8):
// the stretches of corpus/timeline.h, and the element history built from
// them, kept so that a read on a date costs what its answer costs instead of
// loading every document and rebuilding the timeline.
// Each change to the documents or to the versions of the sources makes the
// kept state stale (triggers count them); Replace makes it current again.
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

  // The count of changes to the documents and versions so far.
  Result<int64_t> Generation();

  // Replacing the kept state, stretch by stretch (so that none need be held
  // in memory): BeginReplace clears it, AddItem and AddParty add stretches in
  // the order Timeline gives them, FinishReplace keeps the element history
  // of the item stretches on the timeline's `event_dates` (EventDates()) and
  // marks the state as built from the documents as they were at
  // `generation` (current when no change came in between). One transaction
  // from Begin to Finish, the caller's if one is open; a ConsolidatedStore
  // destroyed before Finish rolls it back.
  Status BeginReplace();
  Status AddItem(const ItemStretch& stretch);
  Status AddParty(const PartyStretch& stretch);
  Status FinishReplace(int64_t generation, const std::vector<Date>& event_dates);

  // The states of the items on `date`, in AsOf's order, narrowed by `filter`.
  // Requires Current(); errors: kDatabase, kCorruption.
  Result<std::vector<ItemState>> ItemsOn(const Date& date, const StretchFilter& filter = {});

  // ItemsOn without holding the states: `visit` sees each in turn, in one
  // ItemState reused (valid during the call only). An error `visit` returns
  // ends the read and is returned.
  Status VisitItemsOn(const Date& date, const StretchFilter& filter,
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

  sqlite::Database* db_;
  std::optional<sqlite::Transaction> replacing_;  // while a replace runs in its own
  int64_t next_item_id_ = 1, next_party_id_ = 1;
  std::optional<ElementHistoryBuilder> history_;  // while a replace runs
  sqlite::StatementCache statements_{*db_};
};

}  // namespace regdiff
