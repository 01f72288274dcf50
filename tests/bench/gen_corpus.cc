// regdiff-gen-corpus: writes N synthetic announcement pages (see
// tests/bench/synthetic_corpus.h) into a directory, 1000 per sub-directory,
// and prints what it wrote. The same seed gives the same files; a corpus of N
// pages is the first N pages of any larger one with that seed.
//
//   regdiff-gen-corpus --count 10000 --seed 1 --out /tmp/corpus-10k
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "tests/bench/synthetic_corpus.h"

namespace {

int Run(uint64_t count, uint64_t seed, const std::string& out_dir, int min_kb, int max_kb,
        int min_items, int max_items, uint64_t per_dir) {
  namespace fs = std::filesystem;
  regdiff::bench::SyntheticOptions options;
  options.min_bytes = static_cast<size_t>(min_kb) * 1024;
  options.max_bytes = static_cast<size_t>(max_kb) * 1024;
  options.min_items = min_items;
  options.max_items = max_items;
  if (options.min_bytes > options.max_bytes || min_items < 1 || min_items > max_items ||
      max_items > 1000 || per_dir == 0) {
    std::fprintf(stderr, "regdiff-gen-corpus: inconsistent size, item or directory options\n");
    return 2;
  }
  uint64_t total_bytes = 0, total_items = 0;
  std::map<std::string, uint64_t> by_kind;
  for (uint64_t i = 0; i < count; ++i) {
    auto page = regdiff::bench::GeneratePage(seed, i, options);
    if (!page.ok()) {
      std::fprintf(stderr, "regdiff-gen-corpus: page %llu: %s\n",
                   static_cast<unsigned long long>(i), page.status().ToString().c_str());
      return 1;
    }
    char sub[32];
    std::snprintf(sub, sizeof sub, "%04llu", static_cast<unsigned long long>(i / per_dir));
    fs::path dir = fs::path(out_dir) / sub;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      std::fprintf(stderr, "regdiff-gen-corpus: %s: %s\n", dir.c_str(), ec.message().c_str());
      return 1;
    }
    fs::path file = dir / page->file_name;
    std::ofstream f(file, std::ios::binary | std::ios::trunc);
    f.write(page->bytes.data(), static_cast<std::streamsize>(page->bytes.size()));
    if (!f) {
      std::fprintf(stderr, "regdiff-gen-corpus: cannot write %s\n", file.c_str());
      return 1;
    }
    total_bytes += page->bytes.size();
    total_items += static_cast<uint64_t>(page->items);
    ++by_kind[page->lang + "/" + page->charset];
  }
  std::printf("wrote %llu page(s), %llu bytes (mean %.1f KB), %llu items, to %s\n",
              static_cast<unsigned long long>(count), static_cast<unsigned long long>(total_bytes),
              count ? total_bytes / 1024.0 / static_cast<double>(count) : 0.0,
              static_cast<unsigned long long>(total_items), out_dir.c_str());
  for (const auto& [kind, n] : by_kind) {
    std::printf("  %-14s %llu\n", kind.c_str(), static_cast<unsigned long long>(n));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes synthetic MOFCOM-like announcement pages for benchmarks"};
  uint64_t count = 0, seed = 1, per_dir = 1000;
  std::string out_dir;
  int min_kb = 10, max_kb = 60, min_items = 5, max_items = 200;
  app.add_option("-n,--count", count, "Number of pages")->required();
  app.add_option("-o,--out", out_dir, "Directory to write into (created)")->required();
  app.add_option("-s,--seed", seed, "Seed (same seed, same pages)");
  app.add_option("--min-kb", min_kb, "Smallest page size before encoding, KiB (default 10)");
  app.add_option("--max-kb", max_kb, "Largest page size before encoding, KiB (default 60)");
  app.add_option("--min-items", min_items, "Fewest items per page (default 5)");
  app.add_option("--max-items", max_items, "Most items per page (default 200)");
  app.add_option("--per-dir", per_dir, "Pages per sub-directory (default 1000)");
  CLI11_PARSE(app, argc, argv);
  return Run(count, seed, out_dir, min_kb, max_kb, min_items, max_items, per_dir);
}
