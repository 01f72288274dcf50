// `regdiff watch`: polls the sources of a sources file, ingests new and
// changed announcements, and reports each real change once (stdout, JSON
// lines, Atom feeds, webhook). `--test-source NAME` shows what one source
// lists now and stores nothing. Exit status: 0 every polled source was fine,
// 1 some source (or a webhook delivery, or the feeds) failed, 2 usage or
// sources-file error. Without --once it polls until SIGINT/SIGTERM.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus/strings.h"
#include "ingest/sources_file.h"
#include "ingest/url.h"
#include "tools/commands.h"
#include "tools/consolidate.h"
#include "tools/watch/atom.h"
#include "tools/watch/poll.h"
#include "tools/watch/report.h"

namespace regdiff::tools {
namespace {

constexpr char kFooter[] = R"(The sources file (TOML) lists the index pages to poll; see sources.toml.
It is --sources FILE, else $REGDIFF_SOURCES, else ./sources.toml.

  regdiff watch --once --atom feeds/          one poll of every due source (cron)
  regdiff watch --once --all --jsonl          poll everything now, events as JSON lines
  regdiff watch                               poll until interrupted, each source on its interval
  regdiff watch --test-source mofcom-blgg     what one source lists now; stores nothing

Exit status: 0 every polled source was fine, 1 some source failed (its last good
state is kept and it is retried next run), 2 usage or sources-file error.)";

struct WatchOptions {
  bool once = false;
  bool all = false;
  std::string sources;
  bool jsonl = false;
  std::string atom_dir;
  std::string webhook;
  std::string test_source;
};

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) { g_stop.store(true); }

void InstallSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = &OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

std::string ResolveSourcesPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("REGDIFF_SOURCES");
  if (env && *env) return env;
  return "sources.toml";
}

int RunTestSource(ingest::Fetcher& fetcher, const ingest::SourceConfig& source, bool jsonl) {
  auto scan = watch::ScanIndex(fetcher, source, {});
  if (!scan.ok()) {
    PrintError("watch: " + source.name, scan.status());
    return kExitFailure;
  }
  for (size_t i = 0; i < scan->pages.size(); ++i) {
    const watch::IndexScan::Page& p = scan->pages[i];
    std::fprintf(stderr, "regdiff: watch: %s: list page %zu: HTTP %ld, %zu bytes, %s, %zu links: %s\n",
                 source.name.c_str(), i + 1, p.status, p.bytes,
                 p.charset.empty() ? "-" : p.charset.c_str(), p.links, p.url.c_str());
  }
  for (const ingest::Link& link : scan->links) {
    if (jsonl) {
      nlohmann::ordered_json j{{"source", source.name}, {"url", link.url}, {"title", link.title}};
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::printf("%s  %s\n", link.title.c_str(), link.url.c_str());
    }
  }
  for (const std::string& e : scan->later_page_errors) {
    PrintError("watch: " + source.name, Status::IoError(e));
  }
  std::fprintf(stderr, "regdiff: watch: %s: %zu announcement links (nothing stored)\n",
               source.name.c_str(), scan->links.size());
  return scan->later_page_errors.empty() ? kExitOk : kExitFailure;
}

// Polls every due source once, reports, writes the feeds. True when
// something failed.
bool RunRound(const ingest::SourcesFile& file, const WatchOptions& opt, bool ignore_schedule,
              AnnouncementStore& store, watch::Watcher& watcher, watch::EventReporter& reporter) {
  WatchStore watch_store(store.db());
  bool failed = false;
  for (const ingest::SourceConfig& source : file.sources) {
    if (g_stop.load()) break;
    watch::SourceOutcome outcome = watcher.Poll(source, watch::PollOptions{ignore_schedule, &g_stop});
    if (!outcome.polled) continue;
    for (const WatchEventRow& event : outcome.events) {
      Status s = reporter.Report(event);
      if (!s.ok()) {
        PrintError("watch: " + source.name, s);
        failed = true;
      }
    }
    auto state = watch_store.GetSource(source.name);
    watch::PrintSourceStatus(outcome, state.ok() ? *state : std::nullopt);
    failed = failed || outcome.failed;
  }
  if (!opt.atom_dir.empty()) {
    std::vector<watch::FeedSource> feeds;
    for (const ingest::SourceConfig& s : file.sources) feeds.push_back({s.name, s.index_url});
    Status s = watch::WriteAtomFeeds(watch_store, feeds, opt.atom_dir);
    if (!s.ok()) {
      PrintError("watch: feeds", s);
      failed = true;
    }
  }
  return failed;
}

// Sleeps until the earliest next due time (at least a second), or a signal.
void SleepUntilDue(const ingest::SourcesFile& file, watch::Watcher& watcher) {
  auto next = std::chrono::system_clock::now() + std::chrono::hours(24);
  for (const ingest::SourceConfig& s : file.sources) {
    auto due = watcher.NextDue(s);
    if (due.ok()) next = std::min(next, due->time_point());
  }
  next = std::max(next, std::chrono::system_clock::now() + std::chrono::seconds(1));
  while (!g_stop.load() && std::chrono::system_clock::now() < next) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

int RunWatch(const CommandContext& ctx, const WatchOptions& opt) {
  const std::string path = ResolveSourcesPath(opt.sources);
  auto file = ingest::LoadSourcesFile(path);
  if (!file.ok()) {
    PrintError("watch", file.status());
    return kExitUsage;
  }
  for (const ingest::SourceConfig& s : file->sources) {
    if (s.name == watch::kAllSourcesFeed) {
      PrintError("watch", Status::InvalidArgument(path + ": source name '" + s.name +
                                                  "' is reserved for the combined feed"));
      return kExitUsage;
    }
  }
  if (!opt.webhook.empty() && !ingest::ParseHttpUrl(opt.webhook)) {
    PrintError("watch", Status::InvalidArgument("--webhook must be an http:// or https:// URL"));
    return kExitUsage;
  }

  InstallSignalHandlers();
  ingest::FetchHooks hooks;
  hooks.cancel = &g_stop;
  ingest::Fetcher fetcher(file->fetch, hooks);

  if (!opt.test_source.empty()) {
    const ingest::SourceConfig* source = file->Find(opt.test_source);
    if (!source) {
      std::vector<std::string> names;
      for (const auto& s : file->sources) names.push_back(s.name);
      PrintError("watch", Status::InvalidArgument("no source named '" + opt.test_source + "' in " +
                                                  path + " (sources: " + Join(names, ", ") + ")"));
      return kExitUsage;
    }
    return RunTestSource(fetcher, *source, opt.jsonl);
  }

  auto store = OpenStore(ctx);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  watch::Watcher watcher(**store, fetcher);
  watch::EventReporter reporter(opt.jsonl, opt.webhook, fetcher);
  bool ignore_schedule = opt.all;
  for (;;) {
    bool failed = RunRound(*file, opt, ignore_schedule, **store, watcher, reporter);
    // The read commands answer from the consolidated state: rebuild it if
    // the round stored anything.
    if (Status s = Consolidate(**store); !s.ok()) {
      PrintError("", s);
      failed = true;
    }
    if (opt.once || g_stop.load()) return failed ? kExitFailure : kExitOk;
    ignore_schedule = false;  // --all applies to the first round only
    SleepUntilDue(*file, watcher);
    if (g_stop.load()) return failed ? kExitFailure : kExitOk;
  }
}

}  // namespace

void SetupWatch(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<WatchOptions>();
  sub.add_flag("--once", opt->once, "Poll the due sources once, then exit (for cron)");
  sub.add_flag("--all", opt->all,
               "Poll every source and re-check every known page now, ignoring the schedule");
  sub.add_option("--sources", opt->sources, "Sources file (TOML)");
  sub.add_flag("--jsonl", opt->jsonl, "Print events as JSON lines (regdiff.watch-event/1)");
  sub.add_option("--atom", opt->atom_dir, "Write Atom feeds (one per source, all.xml) into DIR");
  sub.add_option("--webhook", opt->webhook, "POST each event as JSON to this URL");
  sub.add_option("--test-source", opt->test_source,
                 "Show the announcement links one source lists now; store nothing");
  sub.footer(kFooter);
  sub.callback([&ctx, opt] { ctx.exit_code = RunWatch(ctx, *opt); });
}

}  // namespace regdiff::tools
