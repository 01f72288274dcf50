// What a later announcement does to the items an earlier one lists and it
// does not list again: read from its relations naming the earlier one
// (repeals, replaces, suspends, resumes) and its effective date, the way the
// timeline reads them. An announcement that does not name the earlier one,
// or only amends or refers to it, leaves those items as they were.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corpus/model.h"

namespace regdiff::diff {

enum class LeftOnlyKind {
  kAsTheyWere,  // the right announcement does not end them
  kEnded,       // it repeals or replaces the left one
  kSuspended,   // it suspends the left one
  kResumed,     // it resumes the left one
};
// "as_they_were", "ended", "suspended", "resumed": the JSON outcome.
std::string_view LeftOnlyKindName(LeftOnlyKind kind);

struct LeftOnlyOutcome {
  LeftOnlyKind kind = LeftOnlyKind::kAsTheyWere;
  std::optional<RelationType> relation;  // the right side's relation naming the left one
  std::string by;                        // doc_id of the right announcement; "" when it has none
  std::optional<Date> from;   // the right announcement's effective date; nullopt when not known
  std::optional<Date> until;  // kSuspended: the last day suspended, inclusive, when stated
  Evidence evidence;          // the relation's words; empty for kAsTheyWere

  bool operator==(const LeftOnlyOutcome&) const = default;
};

// What `right` does to the items of `left` it does not list again. Of
// several relations naming `left`, the strongest counts: repeals or replaces,
// then suspends, then resumes (the first of a kind in text order).
LeftOnlyOutcome LeftOnlyOutcomeOf(const Announcement& left, const Announcement& right);

}  // namespace regdiff::diff
