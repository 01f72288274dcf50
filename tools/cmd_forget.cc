// `regdiff forget DOC|PATH [--dry-run]`: removes an announcement's stored
// texts, or the text one path or URL brought, with their versions, facts,
// aliases and watch events (corpus/forget.h), then brings the consolidated
// state up to date for what they governed. --dry-run prints the same lines
// and changes nothing. Exit 0 forgotten (or would be), 1 nothing matches,
// 2 an ambiguous short form.
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "corpus/display_text.h"
#include "corpus/forget.h"
#include "corpus/strings.h"
#include "tools/commands.h"
#include "tools/consolidate.h"

namespace regdiff::tools {
namespace {

struct ForgetOptions {
  std::string what;
  bool dry_run = false;
};

// The source a path or URL names: as given, else (a path) made absolute as
// ingest stores it.
Result<std::optional<int64_t>> SourceOfLocator(AnnouncementStore& store, const std::string& what) {
  auto named = SourceNamed(store.db(), what);
  if (!named.ok() || *named) return named;
  std::error_code ec;
  const std::string absolute = std::filesystem::absolute(what, ec).lexically_normal().string();
  if (ec || absolute == what) return named;
  return SourceNamed(store.db(), absolute);
}

// The sources holding the texts of the announcement `doc` (a doc_id or an
// unambiguous short form). Errors: kNotFound when none matches,
// kInvalidArgument when the short form matches several announcements.
Result<std::vector<int64_t>> SourcesOfDocument(AnnouncementStore& store, const std::string& doc) {
  auto docs = store.FindDocuments(doc);
  if (!docs.ok()) return docs.status();
  if (docs->empty()) {
    return Status::NotFound("no announcement and no ingested path or URL matches '" + doc + "'");
  }
  std::set<std::string> ids;
  for (const StoredDocument& d : *docs) ids.insert(d.announcement.doc_id.value_or("-"));
  if (ids.size() > 1) {
    return Status::InvalidArgument("'" + doc + "' is ambiguous; it matches:\n  " +
                                   Join(ids, "\n  "));
  }
  std::vector<int64_t> sources;
  for (const StoredDocument& d : *docs) {
    auto source = SourceNamed(store.db(), d.locator);
    if (!source.ok()) return source.status();
    if (*source) sources.push_back(**source);
  }
  return sources;
}

void PrintPlan(const ForgetPlan& plan, bool dry_run) {
  const char* verb = dry_run ? "would forget" : "forgot";
  for (const ForgottenDocument& d : plan.documents) {
    std::printf("%s %s (%s) %s: %lld item(s), %lld party(ies)\n", verb,
                d.doc_id ? d.doc_id->c_str() : "-", std::string(LangName(d.lang)).c_str(),
                d.title.empty() ? "(untitled)" : EscapeControls(d.title).c_str(),
                static_cast<long long>(d.items), static_cast<long long>(d.parties));
  }
  for (const ForgetPlan::Source& s : plan.sources) {
    std::printf("  source: %s (%lld version(s))\n", EscapeControls(s.locator).c_str(),
                static_cast<long long>(s.versions));
    for (const std::string& alias : s.aliases)
      std::printf("  alias:  %s\n", EscapeControls(alias).c_str());
  }
  std::printf("  %lld snapshot(s) removed, %lld kept (another source holds them), "
              "%lld watch event(s), %lld watched page(s)\n",
              static_cast<long long>(plan.snapshots), static_cast<long long>(plan.shared_snapshots),
              static_cast<long long>(plan.watch_events), static_cast<long long>(plan.watched_pages));
  if (dry_run) std::printf("nothing changed (--dry-run)\n");
}

int RunForget(const CommandContext& ctx, const ForgetOptions& opt) {
  auto store = OpenStore(ctx);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  std::vector<int64_t> sources;
  auto by_locator = SourceOfLocator(**store, opt.what);
  if (!by_locator.ok()) {
    PrintError("forget", by_locator.status());
    return kExitFailure;
  }
  if (*by_locator) {
    sources.push_back(**by_locator);
  } else {
    auto by_doc = SourcesOfDocument(**store, opt.what);
    if (!by_doc.ok()) {
      PrintError("forget", by_doc.status());
      return ExitCodeFor(by_doc.status());
    }
    sources = std::move(by_doc).value();
  }
  auto plan = Forget((*store)->db(), sources, opt.dry_run);
  if (!plan.ok()) {
    PrintError("forget", plan.status());
    return kExitFailure;
  }
  PrintPlan(*plan, opt.dry_run);
  if (opt.dry_run) return kExitOk;
  // The read commands answer from the consolidated state: bring it up to
  // date for the announcements that went and those their relations named.
  if (Status s = Consolidate(**store); !s.ok()) {
    PrintError("forget", s);
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void SetupForget(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ForgetOptions>();
  sub.add_option("what", opt->what,
                 "doc_id, a unique short form such as 2025-57, or the path or URL a text was "
                 "ingested from (removing the whole text, its versions and aliases)")
      ->required();
  sub.add_flag("-n,--dry-run", opt->dry_run, "Print what would be removed and change nothing");
  sub.callback([&ctx, opt] { ctx.exit_code = RunForget(ctx, *opt); });
}

}  // namespace regdiff::tools
