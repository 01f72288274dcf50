// ElementHistory: the rows of the HTML report's picture, built from the
// stretches, equal what asking AsOf on every event date gives (the
// definition, written out here as the reference).
#include "corpus/element_history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "corpus/elements.h"
#include "corpus/strings.h"
#include "tests/corpus/timeline_scenarios.h"

namespace regdiff {
namespace {

using namespace timeline_scenarios;

// A history with the governing announcements named, as the reference below
// writes it.
struct NamedSpan {
  Date begin;
  std::optional<Date> end;
  SpanState state;
  bool inferred;
  std::vector<std::string> governing;
  bool operator==(const NamedSpan&) const = default;
};
struct NamedRow {
  std::string id;
  bool element;
  std::vector<NamedSpan> spans;
  bool operator==(const NamedRow&) const = default;
};
struct NamedHistory {
  std::optional<Date> first, last;
  std::vector<NamedRow> rows;
  bool operator==(const NamedHistory&) const = default;
};

NamedHistory Named(const ElementHistory& h) {
  NamedHistory out{h.first, h.last, {}};
  for (const HistoryRow& r : h.rows) {
    NamedRow row{r.id, r.element, {}};
    for (const HistorySpan& s : r.spans)
      row.spans.push_back({s.begin, s.end, s.state, s.inferred, h.Governing(s)});
    out.rows.push_back(std::move(row));
  }
  return out;
}

// The definition: on each event date, per element (or code base), in force
// when one of its items is, else suspended when one is; a span runs while
// the state, the basis and the governing announcements stay the same.
NamedHistory AskedOnEveryEventDate(const Timeline& timeline) {
  NamedHistory out;
  const std::vector<Date> dates = timeline.EventDates();
  if (dates.empty()) return out;
  out.first = dates.front();
  out.last = dates.back();
  struct Day {
    SpanState state;
    bool inferred = false;
    std::set<std::string> governing;
  };
  std::map<std::string, NamedRow> rows;
  for (const Date& d : dates) {
    std::map<std::string, Day> day;
    for (const ItemState& s : timeline.AsOf(d)) {
      if (s.status != ItemStatus::kInForce && s.status != ItemStatus::kSuspended) continue;
      std::vector<std::pair<std::string, bool>> ids;
      for (const std::string& e : s.elements) ids.emplace_back(e, true);
      if (ids.empty() && s.code) ids.emplace_back(s.code->substr(0, s.code->find('.')), false);
      const SpanState state =
          s.status == ItemStatus::kInForce ? SpanState::kInForce : SpanState::kSuspended;
      for (const auto& [id, element] : ids) {
        rows.try_emplace(id, NamedRow{id, element, {}});
        auto [it, fresh] = day.try_emplace(id, Day{state, false, {}});
        Day& st = it->second;
        if (!fresh && state == SpanState::kInForce && st.state == SpanState::kSuspended)
          st = Day{state, false, {}};
        if (st.state != state) continue;
        st.inferred = st.inferred || s.basis == Basis::kInferred;
        st.governing.insert(s.governing.begin(), s.governing.end());
      }
    }
    for (auto& [id, row] : rows) {
      std::vector<NamedSpan>& spans = row.spans;
      const bool open = !spans.empty() && !spans.back().end;
      auto it = day.find(id);
      if (it == day.end()) {
        if (open) spans.back().end = d.AddDays(-1);
        continue;
      }
      std::vector<std::string> governing(it->second.governing.begin(), it->second.governing.end());
      if (open && spans.back().state == it->second.state &&
          spans.back().inferred == it->second.inferred && spans.back().governing == governing)
        continue;
      if (open) spans.back().end = d.AddDays(-1);
      spans.push_back({d, std::nullopt, it->second.state, it->second.inferred, governing});
    }
  }
  for (auto& [id, row] : rows) out.rows.push_back(std::move(row));
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const NamedRow& a, const NamedRow& b) {
    if (a.spans.front().begin != b.spans.front().begin)
      return a.spans.front().begin < b.spans.front().begin;
    if (a.element != b.element) return a.element;
    if (a.element) return ElementRank(a.id) < ElementRank(b.id);
    return CodeLess(a.id, b.id);
  });
  return out;
}

const HistoryRow* Row(const ElementHistory& h, const std::string& id) {
  for (const HistoryRow& r : h.rows)
    if (r.id == id) return &r;
  return nullptr;
}

TEST(ElementHistory, EqualsAsOfOnEveryEventDateThroughEveryRule) {
  const Timeline t = Timeline::Build(EveryRuleSequence());
  const ElementHistory h = BuildElementHistory(t);
  EXPECT_EQ(Named(h), AskedOnEveryEventDate(t));
  // Each announcement named once, in order, and each named by a span.
  EXPECT_TRUE(std::is_sorted(h.docs.begin(), h.docs.end()));
  EXPECT_EQ(std::adjacent_find(h.docs.begin(), h.docs.end()), h.docs.end());
  std::set<uint32_t> named;
  for (const HistoryRow& r : h.rows)
    for (const HistorySpan& s : r.spans) named.insert(s.governing.begin(), s.governing.end());
  EXPECT_EQ(named.size(), h.docs.size());

  // Samarium: in force from No. 18's day, suspended by test-s18 until the
  // resumption, in force again, and gone with the repeal until the relisting.
  const HistoryRow* sm = Row(h, "Sm");
  ASSERT_NE(sm, nullptr);
  ASSERT_GE(sm->spans.size(), 3u);
  EXPECT_EQ(sm->spans[0].begin, D(2025, 4, 4));
  EXPECT_EQ(sm->spans[0].end, D(2026, 3, 31));
  EXPECT_EQ(sm->spans[0].state, SpanState::kInForce);
  EXPECT_EQ(h.Governing(sm->spans[0]), std::vector<std::string>{"mofcom-gacc-2025-18"});
  EXPECT_EQ(sm->spans[1].begin, D(2026, 4, 1));
  EXPECT_EQ(sm->spans[1].state, SpanState::kSuspended);
  // Technologies name no element: their row is the code base.
  const HistoryRow* tech = Row(h, "1E902");
  ASSERT_NE(tech, nullptr);
  EXPECT_FALSE(tech->element);
}

TEST(ElementHistory, EqualsAsOfOnEveryEventDateForEachPrefixOfTheSequence) {
  const std::vector<Announcement> all = EveryRuleSequence();
  for (size_t n = 1; n <= all.size(); ++n) {
    const Timeline t = Timeline::Build({all.begin(), all.begin() + n});
    EXPECT_EQ(Named(BuildElementHistory(t)), AskedOnEveryEventDate(t)) << n << " announcements";
  }
}

TEST(ElementHistory, StretchesMayComeInAnyOrder) {
  const Timeline t = Timeline::Build(EveryRuleSequence());
  std::vector<ItemStretch> stretches = t.ItemStretches();
  std::reverse(stretches.begin(), stretches.end());
  ElementHistoryBuilder builder;
  for (const ItemStretch& s : stretches) builder.Add(s);
  EXPECT_EQ(std::move(builder).Finish(t.EventDates()), BuildElementHistory(t));
}

TEST(ElementHistory, EmptyWithoutEvents) {
  const ElementHistory h = BuildElementHistory(Timeline::Build({}));
  EXPECT_TRUE(h.empty());
  EXPECT_FALSE(h.first);
}

TEST(ElementHistory, EventDatesAreTheDatesOfTheEvents) {
  const Timeline t = Timeline::Build(EveryRuleSequence());
  std::vector<Date> dates;
  for (const TimelineEvent& e : t.Events()) dates.push_back(e.date);
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  EXPECT_EQ(t.EventDates(), dates);
}

}  // namespace
}  // namespace regdiff
