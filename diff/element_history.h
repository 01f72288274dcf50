// Which elements were controlled when: per element (and per control-code
// base for items naming no element, such as technologies "1E902"), the
// spans of days on which at least one of its items was in force, or was
// listed but suspended. Built from a Timeline by asking AsOf at every event
// date; drawn by the HTML renderer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/timeline.h"

namespace regdiff::diff {

enum class SpanState { kInForce, kSuspended };

struct HistorySpan {
  Date begin;
  std::optional<Date> end;  // last day, inclusive; nullopt when still open
  SpanState state = SpanState::kInForce;
  bool inferred = false;  // the state rests on an inferred status (a window ran out)
  std::vector<std::string> governing;  // doc_ids governing the items that day, sorted
};

struct HistoryRow {
  std::string id;      // element symbol ("Ho") or code base ("1E902")
  bool element = true;  // false for a code-base row
  std::vector<HistorySpan> spans;  // ordered, not overlapping
};

struct ElementHistory {
  std::optional<Date> first;  // earliest event date; nullopt when there are no events
  std::optional<Date> last;   // latest event date
  std::vector<HistoryRow> rows;  // by first span, then element rank / code
  bool empty() const { return rows.empty(); }
};

// The history of every element and element-less code base in `timeline`.
// Days on which a row has no item in force or suspended belong to no span.
ElementHistory BuildElementHistory(const Timeline& timeline);

}  // namespace regdiff::diff
