// Shared inputs of the benchmarks: the synthetic pages of tools/bench's
// corpora (same seed, same bytes as the files regdiff-gen-corpus writes),
// their parses, and synthetic item lists for the diff and export benchmarks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/model.h"
#include "corpus/timeline.h"

namespace regdiff::bench {

// The seed tools/bench passes to regdiff-gen-corpus.
inline constexpr uint64_t kSeed = 1;

// The first n pages (default $REGDIFF_BENCH_PAGES, else 500) of seed kSeed,
// as written to disk. Built once per n.
const std::vector<std::string>& Pages(size_t n = 0);

// Total bytes of Pages(n).
size_t PagesBytes(size_t n = 0);

// The announcements parsed from the first n pages of a corpus of small pages
// (chrome trimmed: only the parse matters), for timeline benchmarks. Built
// once per n.
const std::vector<Announcement>& ParsedAnnouncements(size_t n);

// An item list of n items with codes, names, elements and HS codes; the
// variant with `changes` per mille of its items altered (names, HS codes,
// removed, added, recoded) for the diff benchmark.
std::vector<Item> SyntheticItems(size_t n, int changes_per_mille, uint64_t seed);

// n item states as Timeline::AsOf returns them, each with one HS code, for
// the rule export benchmark.
std::vector<ItemState> SyntheticStates(size_t n);

}  // namespace regdiff::bench
