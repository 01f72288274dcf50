// Synthetic announcement pages for benchmarks: MOFCOM-like HTML (heavy site
// chrome around an article of 5-200 controlled items with HS codes, an
// effective clause and sometimes a relation to an earlier announcement), in
// Simplified or Traditional Chinese or English, encoded as UTF-8 or GBK.
// Deterministic: page `index` of seed `seed` is the same bytes on every
// machine and build (own PRNG, no std distributions), whatever the count.
// The wording is ours; codes, numbers and dates are made up.
#pragma once

#include <cstdint>
#include <string>

#include "corpus/status.h"

namespace regdiff::bench {

// splitmix64 (Steele, Lea, Flood 2014): small, fast, and the same sequence
// everywhere.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (hi - lo far below 2^32, so the modulo bias is nil
  // for our purposes; what matters is that it is the same everywhere).
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  // True with probability percent / 100.
  bool Percent(int percent) { return Range(0, 99) < percent; }
  template <typename T, size_t N>
  const T& Pick(const T (&table)[N]) {
    return table[Next() % N];
  }

 private:
  uint64_t state_;
};

struct SyntheticOptions {
  size_t min_bytes = 10 * 1024;  // page size (before encoding) is drawn from
  size_t max_bytes = 60 * 1024;  // [min_bytes, max_bytes], then chrome pads it
  int min_items = 5;
  int max_items = 200;
};

struct SyntheticPage {
  std::string file_name;  // "000042-mofcom-gacc-2019-43.zh.html"
  std::string bytes;      // the page as written to disk
  std::string lang;       // "zh", "zh-hant", "en"
  std::string charset;    // "utf-8", "gbk"
  int items = 0;          // controlled items listed (sub-lines not counted)
};

// Page `index` of the corpus of `seed`. Errors: kInternal when ICU cannot
// encode GBK.
Result<SyntheticPage> GeneratePage(uint64_t seed, uint64_t index,
                                   const SyntheticOptions& options = {});

}  // namespace regdiff::bench
