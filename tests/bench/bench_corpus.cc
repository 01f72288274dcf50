// The benchmarks' shared inputs, built lazily and kept for the process.
#include "tests/bench/bench_corpus.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "tools/pipeline.h"
#include "tests/bench/synthetic_corpus.h"

namespace regdiff::bench {
namespace {

size_t DefaultPages() {
  const char* env = std::getenv("REGDIFF_BENCH_PAGES");
  long n = env ? std::atol(env) : 0;
  return n > 0 ? static_cast<size_t>(n) : 500;
}

std::vector<std::string> Generate(size_t n, const SyntheticOptions& options) {
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    auto page = GeneratePage(kSeed, i, options);
    if (!page.ok()) {
      std::fprintf(stderr, "bench: page %zu: %s\n", i, page.status().ToString().c_str());
      std::abort();
    }
    out.push_back(std::move(page->bytes));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& Pages(size_t n) {
  if (n == 0) n = DefaultPages();
  static std::map<size_t, std::unique_ptr<std::vector<std::string>>> cache;
  auto& slot = cache[n];
  if (!slot) slot = std::make_unique<std::vector<std::string>>(Generate(n, {}));
  return *slot;
}

size_t PagesBytes(size_t n) {
  size_t total = 0;
  for (const std::string& p : Pages(n)) total += p.size();
  return total;
}

const std::vector<Announcement>& ParsedAnnouncements(size_t n) {
  static std::map<size_t, std::unique_ptr<std::vector<Announcement>>> cache;
  auto& slot = cache[n];
  if (slot) return *slot;
  SyntheticOptions small;
  small.min_bytes = small.max_bytes = 1024;  // the article alone
  slot = std::make_unique<std::vector<Announcement>>();
  slot->reserve(n);
  for (size_t i = 0; i < n; ++i) {
    auto page = GeneratePage(kSeed, i, small);
    if (!page.ok()) std::abort();
    auto parsed = tools::ParseBytes(page->bytes);
    if (parsed.ok() && parsed->announcement.ok()) {
      slot->push_back(std::move(parsed->announcement).value());
    }
  }
  return *slot;
}

std::vector<Item> SyntheticItems(size_t n, int changes_per_mille, uint64_t seed) {
  static constexpr const char* kElements[] = {"Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y", "Ho", "Er"};
  static constexpr const char* kForms[] = {"金属{}及其合金", "氧化{}及其混合物", "含{}的化合物",
                                           "含{}的靶材", "{}基永磁材料"};
  static constexpr const char* kZh[] = {"钐", "钆", "铽", "镝", "镥", "钪", "钇", "钬", "铒"};
  SplitMix64 base(42);        // the list itself: same for both sides
  SplitMix64 change(seed);    // which items change
  std::vector<Item> items;
  items.reserve(n + n * static_cast<size_t>(changes_per_mille) / 1000 + 1);
  auto name_of = [&](size_t form, size_t element) {
    std::string pattern = kForms[form];
    size_t at = pattern.find("{}");
    return pattern.substr(0, at) + kZh[element] + pattern.substr(at + 2) + "（" +
           std::to_string(form * 9 + element) + "型）";
  };
  for (size_t i = 0; i < n; ++i) {
    Item item;
    size_t element = base.Next() % 9, form = base.Next() % 5;
    char code[32];
    std::snprintf(code, sizeof code, "%dC%03zu.%c%zu", 1 + static_cast<int>(i / 100000 % 3),
                  900 + (i / 2600) % 100, static_cast<char>('a' + i % 26), i / 26 % 100);
    item.code = code;
    item.position = std::to_string(i / 30 + 1) + "(" + std::to_string(i % 30 + 1) + ")";
    item.name = name_of(form, element) + std::to_string(i);
    item.elements = {kElements[element]};
    int hs = 1 + static_cast<int>(base.Next() % 3);
    for (int h = 0; h < hs; ++h) item.hs_codes.push_back(std::to_string(28000000 + base.Next() % 999999));
    if (changes_per_mille > 0 && change.Range(0, 999) < changes_per_mille) {
      switch (change.Range(0, 4)) {
        case 0: item.name += "（修订）"; break;                          // renamed
        case 1: item.hs_codes.push_back("8543700000"); break;             // HS added
        case 2: continue;                                                 // removed
        case 3: *item.code += "x"; break;                                 // recoded
        default: {                                                        // one added beside it
          Item extra = item;
          *extra.code += "n";
          extra.name = name_of((form + 1) % 5, element) + "新" + std::to_string(i);
          items.push_back(std::move(item));
          item = std::move(extra);
        }
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<ItemState> SyntheticStates(size_t n) {
  std::vector<Item> items = SyntheticItems(n, 0, 1);
  std::vector<ItemState> states;
  states.reserve(n);
  const Date from = *Date::FromIso("2025-11-08");
  for (size_t i = 0; i < items.size(); ++i) {
    ItemState s;
    s.code = items[i].code;
    s.key = *items[i].code;
    s.name = items[i].name;
    s.elements = items[i].elements;
    s.hs_codes = {items[i].hs_codes.front()};
    s.listed_by = "mofcom-gacc-2025-" + std::to_string(i % 90 + 1);
    s.status = i % 7 == 0 ? ItemStatus::kSuspended : ItemStatus::kInForce;
    s.since = from;
    s.effective_from = from;
    s.governing = {s.listed_by};
    s.evidence = "本公告自2025年11月8日起正式实施。";
    states.push_back(std::move(s));
  }
  return states;
}

}  // namespace regdiff::bench
