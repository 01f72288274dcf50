// `regdiff search TEXT`: full-text search over the stored texts (SQLite FTS5,
// trigram tokenizer: Chinese substrings are found without segmentation).
// Prints doc_id, source and the matching line; exit 0 found, 1 nothing found.
#include <cstdio>

#include "tools/commands.h"
#include "tools/json_output.h"

namespace regdiff::tools {
namespace {

// From this many texts to index, the first search takes seconds.
constexpr int64_t kAnnounceIndexing = 1000;

struct SearchOptions {
  std::string text;
  size_t limit = 50;
  bool json = false;
};

int RunSearch(const CommandContext& ctx, const SearchOptions& opt) {
  auto store = OpenStore(ctx);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  // Ingest leaves indexing to the first search; say so when that is long.
  if (auto pending = (*store)->UnindexedTexts(); pending.ok() && *pending >= kAnnounceIndexing) {
    std::fprintf(stderr, "search: adding %lld texts stored since the last search to the index\n",
                 static_cast<long long>(*pending));
  }
  auto hits = (*store)->Search(opt.text, opt.limit);
  if (!hits.ok()) {
    PrintError("search", hits.status());
    return ExitCodeFor(hits.status());
  }
  if (opt.json) {
    PrintJson(SearchJson(*hits));
  } else {
    for (const SearchHit& h : *hits) {
      std::printf("%-28s %s:%zu: %s\n", h.doc_id ? h.doc_id->c_str() : "-", h.locator.c_str(),
                  h.line_number, h.line.c_str());
    }
  }
  return hits->empty() ? kExitFailure : kExitOk;
}

}  // namespace

void SetupSearch(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<SearchOptions>();
  sub.add_option("text", opt->text, "Text to find (any substring; Latin letters ignore case)")
      ->required();
  sub.add_option("--limit", opt->limit, "At most this many matching lines")
      ->check(CLI::Range(1, 100000));
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.callback([&ctx, opt] { ctx.exit_code = RunSearch(ctx, *opt); });
}

}  // namespace regdiff::tools
