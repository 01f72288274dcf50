// The comparison of the control list on two dates: the ItemState rows of
// Timeline::AsOf at each date, matched by key, and what happened to each
// item between them (newly listed, entered control, suspended, resumed,
// repealed, ...), with the announcements that govern its new state and the
// sentence that states it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/timeline.h"

namespace regdiff::diff {

enum class StatusChangeKind {
  kNewlyListed,     // not listed on the left date, listed on the right one
  kDelisted,        // listed on the left date only (the right date is earlier)
  kEnteredControl,  // not yet in force -> in force
  kSuspended,       // -> suspended
  kResumed,         // suspended -> in force
  kRepealed,        // -> repealed
  kStatusChanged,   // any other change of status, or of its window or basis
  kListingChanged,  // same status; HS codes, name or listing announcement differ
};
std::string_view StatusChangeKindName(StatusChangeKind kind);  // "newly_listed", ...

struct StatusChange {
  StatusChangeKind kind = StatusChangeKind::kStatusChanged;
  std::string key;                    // ItemState::key
  std::optional<ItemState> before;    // on the left date; nullopt when not listed
  std::optional<ItemState> after;     // on the right date; nullopt when not listed
  std::vector<std::string> hs_added;    // after's HS codes missing before
  std::vector<std::string> hs_removed;  // before's HS codes missing after
  bool name_changed = false;

  // The state the change leads to: `after`, else `before`.
  const ItemState& current() const { return after ? *after : *before; }
};

struct StatusDiff {
  std::vector<StatusChange> changes;  // right-date order, then left-only items in left order
  bool empty() const { return changes.empty(); }
};

// Compares the states of two dates. Rows are matched by ItemState::key.
StatusDiff DiffStatus(const std::vector<ItemState>& left, const std::vector<ItemState>& right);
// The same, moving the states into the changes.
StatusDiff DiffStatus(std::vector<ItemState>&& left, std::vector<ItemState>&& right);

}  // namespace regdiff::diff
