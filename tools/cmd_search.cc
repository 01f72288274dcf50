// `regdiff search TEXT`: full-text search over the stored texts (SQLite FTS5,
// trigram tokenizer: Chinese substrings are found without segmentation).
// Prints doc_id, source and the matching line. `regdiff search --party NAME`:
// the announcements that add a party to, or remove it from, a list, found by
// the party's match key (the name folded as the stored keys are), else by a
// part of a key or of a name; prints doc_id, list, action and the party.
// A text is looked for as typed (full-width letters and digits folded as the
// stored texts are) and in its other Chinese script: 锑 finds 銻.
// The matching lines and texts are counted in all; a note on stderr says
// when --limit cut the output.
// Exit 0 found, 1 nothing found.
#include <cstdio>

#include "corpus/display_text.h"
#include "parsers/party_key.h"
#include "corpus/strings.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/search_answer.h"

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
  const size_t total = hits->size();
  if (total > opt.limit) hits->resize(opt.limit);
  if (opt.json) {
    PrintJson(PartySearchJson(*hits));
  } else {
    for (const PartyHit& h : *hits) {
      const Party& p = h.party;
      std::printf("%-28s %-22s %-6s %s", h.doc_id ? h.doc_id->c_str() : "-",
                  std::string(PartyListName(p.list)).c_str(),
                  std::string(PartyActionName(p.action)).c_str(), EscapeControls(p.name).c_str());
      if (p.name_en) std::printf(" (%s)", EscapeControls(*p.name_en).c_str());
      if (p.country) std::printf(" %s", EscapeControls(*p.country).c_str());
      std::printf("\n");
    }
  }
  if (hits->size() < total) {
    std::fflush(stdout);
    std::fprintf(stderr, "search: showing %zu of %zu parties found; --limit N shows more\n",
                 hits->size(), total);
  }
  return hits->empty() ? kExitFailure : kExitOk;
}

// Adds the texts stored since the last search to the index, through a
// connection that writes (the command's own only reads). Errors: those of
// opening it or of UpdateSearchIndex (a read-only file, directory or mount).
Status UpdateSearchIndex(const CommandContext& ctx) {
  auto writer = OpenStore(ctx, StoreUse::kWriting);
  if (!writer.ok()) return writer.status();
  auto added = (*writer)->UpdateSearchIndex();
  return added.ok() ? Status::Ok() : added.status();
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
  // Ingest leaves indexing to the first search, which brings the index up to
  // date through a connection of its own that may write; on a database it
  // may not write, it searches the index as it is and says so below.
  std::string not_indexed_because;
  if (auto pending = (*store)->UnindexedTexts(); pending.ok() && *pending > 0) {
    if (*pending >= kAnnounceIndexing) {
      std::fprintf(stderr, "search: adding %lld texts stored since the last search to the index\n",
                   static_cast<long long>(*pending));
    }
    not_indexed_because = UpdateSearchIndex(ctx).ToString();
  }
  auto answer = SearchText(**store, opt.text, opt.limit);
  if (!answer.ok()) {
    PrintError("search", answer.status());
    return ExitCodeFor(answer.status());
  }
  const std::vector<std::string>& forms = answer->forms;
  const SearchResults* found = &answer->found;
  if (found->unindexed_texts > 0) {
    std::fprintf(stderr,
                 "search: the search index is stale: %lld %s stored since it was last updated "
                 "%s searched line by line (slower); it could not be updated (%s)\n",
                 static_cast<long long>(found->unindexed_texts),
                 found->unindexed_texts == 1 ? "text" : "texts",
                 found->unindexed_texts == 1 ? "was" : "were", not_indexed_because.c_str());
  }
  const std::vector<SearchHit>& hits = found->hits;
  if (opt.json) {
    PrintJson(SearchJson(hits));
  } else {
    for (const SearchHit& h : hits) {
      std::printf("%-28s %s:%zu: %s\n", h.doc_id ? h.doc_id->c_str() : "-",
                  EscapeControls(h.locator).c_str(), h.line_number, EscapeControls(h.line).c_str());
    }
  }
  std::string spelled;
  if (forms.size() > 1) {
    std::vector<std::string> others(forms.begin() + 1, forms.end());
    spelled = " (also as " + Join(others, ", ") + ")";
  }
  if (hits.size() < found->lines) {
    std::fflush(stdout);
    std::fprintf(stderr,
                 "search: showing %zu of %zu matching lines in %zu %s%s; --limit N shows more\n",
                 hits.size(), found->lines, found->texts, found->texts == 1 ? "text" : "texts",
                 spelled.c_str());
  } else if (!opt.json && StderrIsTerminal()) {
    std::fflush(stdout);
    std::fprintf(stderr, "search: %zu matching %s in %zu %s%s\n", found->lines,
                 found->lines == 1 ? "line" : "lines", found->texts,
                 found->texts == 1 ? "text" : "texts", spelled.c_str());
  }
  return hits.empty() ? kExitFailure : kExitOk;
}

}  // namespace

void SetupSearch(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<SearchOptions>();
  sub.add_option("text", opt->text, "Text to find (any substring; Latin letters ignore case)");
  sub.add_option("--party", opt->party,
                 "Find the announcements listing a party: its name in any language, or a part "
                 "of it (script, width, case, spaces, punctuation and company forms do not matter)");
  sub.add_option("--limit", opt->limit,
                 "At most this many matching lines (or parties); default 50, a note on stderr "
                 "gives the total when it cuts")
      ->check(CLI::Range(1, 100000));
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.callback([&ctx, opt] { ctx.exit_code = RunSearch(ctx, *opt); });
}

}  // namespace regdiff::tools
