// ElementHistoryBuilder: per row, a sweep over its stretches' ends, read at
// the first event date on or after each.
#include "corpus/element_history.h"

#include <algorithm>
#include <set>

#include "corpus/elements.h"
#include "corpus/strings.h"

namespace regdiff {
namespace {

// The rows an item belongs to: its elements, else its code base.
std::vector<std::pair<std::string, bool>> RowsOf(const ItemState& s) {
  std::vector<std::pair<std::string, bool>> rows;
  for (const std::string& e : s.elements) rows.emplace_back(e, true);
  if (rows.empty() && s.code) rows.emplace_back(s.code->substr(0, s.code->find('.')), false);
  return rows;
}

// The parts of one row holding a day, counted per state: the day's state is
// in force when any part is, else suspended when any is.
struct Tally {
  int parts = 0;
  int inferred = 0;
  std::map<int, int> governing;  // name index -> parts naming it
};

}  // namespace

int ElementHistoryBuilder::Intern(const std::string& doc_id) {
  auto [it, added] = ids_.try_emplace(doc_id, static_cast<int>(names_.size()));
  if (added) names_.push_back(doc_id);
  return it->second;
}

void ElementHistoryBuilder::Add(const ItemStretch& stretch) {
  const ItemState& s = stretch.state;
  if (s.status != ItemStatus::kInForce && s.status != ItemStatus::kSuspended) return;
  Part part{stretch.from, stretch.until,
            s.status == ItemStatus::kInForce ? SpanState::kInForce : SpanState::kSuspended,
            s.basis == Basis::kInferred, {}};
  for (const std::string& g : s.governing) part.governing.push_back(Intern(g));
  std::sort(part.governing.begin(), part.governing.end());
  part.governing.erase(std::unique(part.governing.begin(), part.governing.end()),
                       part.governing.end());
  for (const auto& [id, element] : RowsOf(s)) {
    auto [it, added] = rows_.try_emplace(id);
    if (added) it->second.element = element;
    it->second.parts.push_back(part);
  }
}

ElementHistory ElementHistoryBuilder::Finish(const std::vector<Date>& event_dates) && {
  ElementHistory out;
  if (event_dates.empty()) return out;
  out.first = event_dates.front();
  out.last = event_dates.back();
  // The first event date on or after `d`, when there is one.
  auto read_on = [&](const Date& d) -> std::optional<Date> {
    auto it = std::lower_bound(event_dates.begin(), event_dates.end(), d);
    if (it == event_dates.end()) return std::nullopt;
    return *it;
  };

  for (auto& [id, row] : rows_) {
    // Each part begins on `from` and ends the day after `until`.
    struct Change {
      Date day;
      size_t part;
      bool begins;
    };
    std::vector<Change> changes;
    std::vector<Date> reads;
    for (size_t i = 0; i < row.parts.size(); ++i) {
      const Part& p = row.parts[i];
      changes.push_back({p.from, i, true});
      if (p.until) changes.push_back({p.until->AddDays(1), i, false});
    }
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.day < b.day; });
    for (const Change& c : changes)
      if (auto d = read_on(c.day)) reads.push_back(*d);
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());  // changes are sorted

    Tally tally[2];
    HistoryRow out_row{id, row.element, {}};
    std::vector<HistorySpan>& spans = out_row.spans;
    size_t next = 0;
    for (const Date& d : reads) {
      for (; next < changes.size() && changes[next].day <= d; ++next) {
        const Part& p = row.parts[changes[next].part];
        Tally& t = tally[static_cast<int>(p.state)];
        const int step = changes[next].begins ? 1 : -1;
        t.parts += step;
        if (p.inferred) t.inferred += step;
        for (int g : p.governing)
          if ((t.governing[g] += step) == 0) t.governing.erase(g);
      }
      const bool open = !spans.empty() && !spans.back().end;
      const int in_force = static_cast<int>(SpanState::kInForce);
      const int suspended = static_cast<int>(SpanState::kSuspended);
      const int held = tally[in_force].parts > 0 ? in_force
                       : tally[suspended].parts > 0 ? suspended
                                                    : -1;
      if (held < 0) {
        if (open) spans.back().end = d.AddDays(-1);
        continue;
      }
      const SpanState state = static_cast<SpanState>(held);
      const bool inferred = tally[held].inferred > 0;
      // Interned indexes for now; turned into indexes of `docs` below.
      std::vector<uint32_t> governing;
      for (const auto& [g, count] : tally[held].governing)
        governing.push_back(static_cast<uint32_t>(g));
      if (open && spans.back().state == state && spans.back().inferred == inferred &&
          spans.back().governing == governing)
        continue;
      if (open) spans.back().end = d.AddDays(-1);
      spans.push_back({d, std::nullopt, state, inferred, std::move(governing)});
    }
    if (!spans.empty()) out.rows.push_back(std::move(out_row));
  }

  // The doc_ids the spans name, sorted; each span's indexes into them.
  std::vector<bool> used(names_.size(), false);
  for (const HistoryRow& r : out.rows)
    for (const HistorySpan& s : r.spans)
      for (uint32_t g : s.governing) used[g] = true;
  std::vector<uint32_t> order;
  for (uint32_t g = 0; g < used.size(); ++g)
    if (used[g]) order.push_back(g);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return names_[a] < names_[b]; });
  std::vector<uint32_t> rank(names_.size(), 0);
  for (uint32_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = i;
    out.docs.push_back(names_[order[i]]);
  }
  for (HistoryRow& r : out.rows) {
    for (HistorySpan& s : r.spans) {
      for (uint32_t& g : s.governing) g = rank[g];
      std::sort(s.governing.begin(), s.governing.end());
    }
  }

  std::stable_sort(out.rows.begin(), out.rows.end(), [](const HistoryRow& a, const HistoryRow& b) {
    const Date da = a.spans.front().begin, db = b.spans.front().begin;
    if (da != db) return da < db;
    if (a.element != b.element) return a.element;
    if (a.element) return ElementRank(a.id) < ElementRank(b.id);
    return CodeLess(a.id, b.id);
  });
  return out;
}

std::vector<std::string> ElementHistory::Governing(const HistorySpan& span) const {
  std::vector<std::string> out;
  for (uint32_t g : span.governing) out.push_back(docs.at(g));
  return out;
}

ElementHistory BuildElementHistory(const Timeline& timeline) {
  ElementHistoryBuilder builder;
  timeline.VisitItemStretches([&](const ItemStretch& s) { builder.Add(s); });
  return std::move(builder).Finish(timeline.EventDates());
}

}  // namespace regdiff
