// The query side: building the timeline and asking it for a date (asof)
// over n parsed announcements, the structured diff of two item lists of n
// items, and the export of n rules. Arguments are sizes, so the figures at
// several sizes show how each grows.
#include <benchmark/benchmark.h>

#include "diff/item_diff.h"
#include "diff/rules.h"
#include "tests/bench/bench_corpus.h"

namespace regdiff::bench {
namespace {

const Date kAsOf = *Date::FromIso("2020-06-30");

void BM_TimelineBuild(benchmark::State& state) {
  const auto& docs = ParsedAnnouncements(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Announcement> copy = docs;
    state.ResumeTiming();
    Timeline t = Timeline::Build(std::move(copy));
    benchmark::DoNotOptimize(t);
  }
  state.counters["announcements"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_TimelineBuild)->Arg(2500)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_AsOf(benchmark::State& state) {
  const auto& docs = ParsedAnnouncements(static_cast<size_t>(state.range(0)));
  Timeline t = Timeline::Build(docs);
  size_t rows = 0;
  for (auto _ : state) {
    std::vector<ItemState> states = t.AsOf(kAsOf);
    rows = states.size();
    benchmark::DoNotOptimize(states);
  }
  state.counters["announcements"] = static_cast<double>(docs.size());
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_AsOf)->Arg(2500)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_DiffAnnouncements(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  Announcement left, right;
  left.lang = right.lang = Lang::kZh;
  left.items = SyntheticItems(n, 0, 1);
  right.items = SyntheticItems(n, 10, 7);  // 1 % of the items changed
  size_t changes = 0;
  for (auto _ : state) {
    diff::AnnouncementDiff d = diff::DiffAnnouncements(left, right);
    changes = d.added.size() + d.removed.size() + d.changed.size() + d.recoded.size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["items"] = static_cast<double>(n);
  state.counters["changes"] = static_cast<double>(changes);
}
BENCHMARK(BM_DiffAnnouncements)->Arg(25000)->Arg(50000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_ExportRules(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<ItemState> states = SyntheticStates(n);
  size_t bytes = 0;
  for (auto _ : state) {
    diff::RuleSet set;
    set.header.as_of = "2025-12-01";
    set.rules = diff::RulesFromStates(states, [](const std::string&, const std::string&) {
      return diff::ItemNames{};
    });
    std::string json = diff::RulesToJson(set);
    std::string csv = diff::RulesToCsv(set, false);
    bytes = json.size() + csv.size();
    benchmark::DoNotOptimize(json);
    benchmark::DoNotOptimize(csv);
  }
  state.counters["rules"] = static_cast<double>(n);
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
}
BENCHMARK(BM_ExportRules)->Arg(25000)->Arg(50000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace regdiff::bench

BENCHMARK_MAIN();
