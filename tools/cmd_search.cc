// `regdiff search TEXT`: full-text search over the stored texts (SQLite FTS5,
// trigram tokenizer: Chinese substrings are found without segmentation).
// Prints doc_id, source and the matching line. `regdiff search --party NAME`:
// the announcements that add a party to, or remove it from, a list, found by
// the party's match key (the name folded as the stored keys are), else by a
// part of a key or of a name; prints doc_id, list, action and the party.
// Exit 0 found, 1 nothing found.
#include <cstdio>

#include "parsers/party_key.h"
#include "tools/commands.h"
#include "tools/json_output.h"

namespace regdiff::tools {
namespace {

// From this many texts to index, the first search takes seconds.
constexpr int64_t kAnnounceIndexing = 1000;

struct SearchOptions {
  std::string text;
  std::string party;
  size_t limit = 50;
  bool json = false;
};

int RunPartySearch(AnnouncementStore& store, const SearchOptions& opt) {
  // The name folded as the parser folds the names it stores.
  auto hits = store.FindParties(parsers::PartyKey(opt.party), opt.party);
  if (!hits.ok()) {
    PrintError("search", hits.status());
    return ExitCodeFor(hits.status());
  }
  if (hits->size() > opt.limit) hits->resize(opt.limit);
  if (opt.json) {
    PrintJson(PartySearchJson(*hits));
  } else {
    for (const PartyHit& h : *hits) {
      const Party& p = h.party;
      std::printf("%-28s %-22s %-6s %s", h.doc_id ? h.doc_id->c_str() : "-",
                  std::string(PartyListName(p.list)).c_str(),
                  std::string(PartyActionName(p.action)).c_str(), p.name.c_str());
      if (p.name_en) std::printf(" (%s)", p.name_en->c_str());
      if (p.country) std::printf(" %s", p.country->c_str());
      std::printf("\n");
    }
  }
  return hits->empty() ? kExitFailure : kExitOk;
}

int RunSearch(const CommandContext& ctx, const SearchOptions& opt) {
  if (opt.text.empty() == opt.party.empty()) {
    PrintError("search", Status::InvalidArgument("give one of TEXT and --party NAME"));
    return kExitUsage;
  }
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  if (!opt.party.empty()) return RunPartySearch(**store, opt);
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
  sub.add_option("text", opt->text, "Text to find (any substring; Latin letters ignore case)");
  sub.add_option("--party", opt->party,
                 "Find the announcements listing a party: its name in any language, or a part "
                 "of it (script, width, case, spaces, punctuation and company forms do not matter)");
  sub.add_option("--limit", opt->limit, "At most this many matching lines (or parties)")
      ->check(CLI::Range(1, 100000));
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.callback([&ctx, opt] { ctx.exit_code = RunSearch(ctx, *opt); });
}

}  // namespace regdiff::tools
