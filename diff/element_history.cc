// BuildElementHistory: AsOf at every event date, folded per element.
#include "diff/element_history.h"

#include <algorithm>
#include <map>
#include <set>

#include "corpus/elements.h"
#include "diff/wording.h"

namespace regdiff::diff {
namespace {

// The rows an item belongs to: its elements, else its code base.
std::vector<std::pair<std::string, bool>> RowsOf(const ItemState& s) {
  std::vector<std::pair<std::string, bool>> rows;
  for (const std::string& e : s.elements) rows.emplace_back(e, true);
  if (rows.empty() && s.code) rows.emplace_back(s.code->substr(0, s.code->find('.')), false);
  return rows;
}

struct DayState {
  std::optional<SpanState> state;
  bool inferred = false;
  std::set<std::string> governing;
  bool operator==(const DayState&) const = default;
};

}  // namespace

ElementHistory BuildElementHistory(const Timeline& timeline) {
  ElementHistory out;
  std::set<Date> dates;
  for (const TimelineEvent& e : timeline.Events()) dates.insert(e.date);
  if (dates.empty()) return out;
  out.first = *dates.begin();
  out.last = *dates.rbegin();

  std::map<std::string, HistoryRow> rows;
  for (const Date& d : dates) {
    std::map<std::string, DayState> day;
    for (const ItemState& s : timeline.AsOf(d)) {
      if (s.status != ItemStatus::kInForce && s.status != ItemStatus::kSuspended) continue;
      for (const auto& [id, element] : RowsOf(s)) {
        if (!rows.count(id)) rows[id] = HistoryRow{id, element, {}};
        DayState& st = day[id];
        const SpanState state =
            s.status == ItemStatus::kInForce ? SpanState::kInForce : SpanState::kSuspended;
        if (!st.state || (state == SpanState::kInForce && *st.state == SpanState::kSuspended)) {
          st.state = state;
          st.inferred = false;
          st.governing.clear();
        }
        if (*st.state != state) continue;  // in force wins over suspended
        st.inferred = st.inferred || s.basis == Basis::kInferred;
        st.governing.insert(s.governing.begin(), s.governing.end());
      }
    }
    for (auto& [id, row] : rows) {
      auto it = day.find(id);
      std::vector<HistorySpan>& spans = row.spans;
      const bool open = !spans.empty() && !spans.back().end;
      if (it == day.end()) {
        if (open) spans.back().end = d.AddDays(-1);
        continue;
      }
      const DayState& st = it->second;
      std::vector<std::string> governing(st.governing.begin(), st.governing.end());
      if (open && spans.back().state == *st.state && spans.back().inferred == st.inferred &&
          spans.back().governing == governing)
        continue;
      if (open) spans.back().end = d.AddDays(-1);
      spans.push_back({d, std::nullopt, *st.state, st.inferred, std::move(governing)});
    }
  }
  for (auto& [id, row] : rows) out.rows.push_back(std::move(row));
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const HistoryRow& a, const HistoryRow& b) {
    const Date da = a.spans.empty() ? Date{9999, 12, 31} : a.spans.front().begin;
    const Date db = b.spans.empty() ? Date{9999, 12, 31} : b.spans.front().begin;
    if (da != db) return da < db;
    if (a.element != b.element) return a.element;
    if (a.element) return ElementRank(a.id) < ElementRank(b.id);
    return CodeLess(a.id, b.id);
  });
  return out;
}

}  // namespace regdiff::diff
