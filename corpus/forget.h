// Forgetting sources (`regdiff forget`): a source goes with every version,
// every alias, the watch events and watched pages of its locators, and the snapshots it
// held go with their texts and documents (items, HS codes, effective
// clauses, relations, parties) unless another source holds them too. The
// consolidation triggers (schema 9) note the announcements that go, so that
// tools/consolidate brings the consolidated state up to date afterwards.
//
// These functions borrow the connection of an AnnouncementStore (db()); each
// runs in one transaction of its own, so no batch may be open on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "corpus/sqlite.h"
#include "corpus/status.h"

namespace regdiff {

// A document that goes with a forgotten source.
struct ForgottenDocument {
  std::optional<std::string> doc_id;
  Lang lang = Lang::kUnknown;
  std::string title;
  int64_t items = 0;
  int64_t parties = 0;
};

// What forgetting some sources removes.
struct ForgetPlan {
  struct Source {
    int64_t id = 0;
    std::string locator;               // its own
    int64_t versions = 0;
    std::vector<std::string> aliases;  // its other names, sorted
  };
  std::vector<Source> sources;              // in the order asked for
  std::vector<ForgottenDocument> documents;  // of the snapshots that go
  int64_t snapshots = 0;       // removed: held by no other source
  int64_t shared_snapshots = 0;  // kept: another source holds them too
  int64_t watch_events = 0;    // reported for one of their locators
  // What `watch` remembers of their locators (a page it listed): forgotten
  // too, so a page still on its source's list is found again, as new.
  int64_t watched_pages = 0;
};

// The source `locator` names, as its own locator or as an alias; nullopt
// when none does.
Result<std::optional<int64_t>> SourceNamed(sqlite::Database& db, std::string_view locator);

// Removes the sources `source_ids` (each once; unknown ids are ignored) and
// what goes with them, in one transaction, and returns what was removed.
// With `dry_run` nothing is changed: the plan is what would be removed.
// Errors: kDatabase.
Result<ForgetPlan> Forget(sqlite::Database& db, const std::vector<int64_t>& source_ids,
                          bool dry_run);

}  // namespace regdiff
