// Which elements were controlled when: per element (and per control-code
// base for items naming no element, such as technologies "1E902"), the
// spans of days on which at least one of its items was in force, or was
// listed but suspended, as AsOf says on each event date of the timeline.
// Drawn by the HTML report; kept with the consolidated state.
//
// Built from the item stretches (corpus/timeline.h) and the event dates, so
// that its cost is that of the stretches, not of AsOf on every event date.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/timeline.h"

namespace regdiff {

enum class SpanState { kInForce, kSuspended };

struct HistorySpan {
  Date begin;
  std::optional<Date> end;  // last day, inclusive; nullopt when still open
  SpanState state = SpanState::kInForce;
  bool inferred = false;  // the state rests on an inferred status (a window ran out)
  // The announcements governing the items that day, as indexes into
  // ElementHistory::docs, ascending (so in doc_id order). Indexes, because
  // one announcement governs many spans of a long history.
  std::vector<uint32_t> governing;
  bool operator==(const HistorySpan&) const = default;
};

struct HistoryRow {
  std::string id;      // element symbol ("Ho") or code base ("1E902")
  bool element = true;  // false for a code-base row
  std::vector<HistorySpan> spans;  // ordered, not overlapping
  bool operator==(const HistoryRow&) const = default;
};

struct ElementHistory {
  std::optional<Date> first;  // earliest event date; nullopt when there are no events
  std::optional<Date> last;   // latest event date
  std::vector<std::string> docs;  // the doc_ids the spans name, sorted, each once
  std::vector<HistoryRow> rows;  // by first span, then element rank / code
  bool empty() const { return rows.empty(); }
  // The doc_ids governing `span`, in order.
  std::vector<std::string> Governing(const HistorySpan& span) const;
  bool operator==(const ElementHistory&) const = default;
};

// Collects the stretches of a timeline, in any order, and turns them into
// its history. Each row is read at the event dates where one of its
// stretches begins or ends, never at every event date.
class ElementHistoryBuilder {
 public:
  void Add(const ItemStretch& stretch);

  // The history as asking AsOf on each of `event_dates` (the timeline's,
  // ascending and unique) would give it.
  ElementHistory Finish(const std::vector<Date>& event_dates) &&;

 private:
  // One stretch's part in a row: an item in force or suspended.
  struct Part {
    Date from;
    std::optional<Date> until;
    SpanState state;
    bool inferred;
    std::vector<int> governing;  // indexes into names_
  };
  struct Row {
    bool element = true;
    std::vector<Part> parts;
  };
  int Intern(const std::string& doc_id);

  std::map<std::string, Row> rows_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> ids_;
};

// The history of every element and element-less code base in `timeline`.
// Days on which a row has no item in force or suspended belong to no span.
ElementHistory BuildElementHistory(const Timeline& timeline);

}  // namespace regdiff
