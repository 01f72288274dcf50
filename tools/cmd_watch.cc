// `regdiff watch`: polls the sources of a sources file, ingests new and
// changed announcements, and reports each real change once (stdout, JSON
// lines, Atom feeds, webhook). `--test-source NAME` shows what one source
// lists now and stores nothing. Exit status: 0 every polled source was fine,
// 1 some source (or a webhook delivery, or the feeds) failed, 2 usage or
// sources-file error. Without --once it polls until SIGINT/SIGTERM.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
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
  regdiff watch --status                      each source's last success, failure, next poll
  regdiff watch --replay 42 --webhook URL     send event 42 again

A source's first poll records what its list holds (stored, not reported): later
polls report what changes. Each event is stored before it is printed or sent; a
webhook delivery that fails is retried on later runs (1 min doubling, at most 6 h)
until it succeeds.

Exit status: 0 every polled source was fine, 1 some source failed (its last good
state is kept and it is retried next run) or a delivery failed, 2 usage or
sources-file error.)";

struct WatchOptions {
  bool once = false;
  bool all = false;
  std::string sources;
  bool jsonl = false;
  std::string atom_dir;
  std::string webhook;
  std::string test_source;
  bool status = false;
  int64_t replay = 0;  // an event id; 0: none
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
      std::printf("%s  %s\n", EscapeControls(link.title).c_str(), EscapeControls(link.url).c_str());
    }
  }
  for (const std::string& e : scan->later_page_errors) {
    PrintError("watch: " + source.name, Status::IoError(e));
  }
  std::fprintf(stderr, "regdiff: watch: %s: %zu announcement links (nothing stored)\n",
               source.name.c_str(), scan->links.size());
  return scan->later_page_errors.empty() ? kExitOk : kExitFailure;
}

// The sources of the file grouped by the host of their index page, each
// group in file order, the groups in the order of their first source.
std::vector<std::vector<const ingest::SourceConfig*>> GroupByHost(const ingest::SourcesFile& file) {
  std::vector<std::string> hosts;
  std::vector<std::vector<const ingest::SourceConfig*>> groups;
  for (const ingest::SourceConfig& s : file.sources) {
    const std::optional<ingest::HttpUrl> url = ingest::ParseHttpUrl(s.index_url);
    const std::string host = url ? url->HostPort() : s.index_url;
    auto it = std::find(hosts.begin(), hosts.end(), host);
    if (it == hosts.end()) {
      hosts.push_back(host);
      groups.emplace_back();
      it = hosts.end() - 1;
    }
    groups[static_cast<size_t>(it - hosts.begin())].push_back(&s);
  }
  return groups;
}

// What the threads of one round share: lines are printed whole, under `mu`.
struct RoundOutput {
  std::mutex mu;
  bool failed = false;
};

// Polls the due sources of one host in order, printing and delivering each
// event as it is stored, on `store` through `fetcher` (one politeness state
// per host).
void PollHost(const std::vector<const ingest::SourceConfig*>& sources, const WatchOptions& opt,
              bool ignore_schedule, AnnouncementStore& store, ingest::Fetcher& fetcher,
              RoundOutput& out) {
  watch::Watcher watcher(store, fetcher);
  watch::EventReporter reporter(opt.jsonl, fetcher);
  WatchStore watch_store(store.db());
  for (const ingest::SourceConfig* source : sources) {
    if (g_stop.load()) break;
    watch::PollOptions options{ignore_schedule, &g_stop, opt.webhook, nullptr, nullptr};
    // Each stored page commits with the consolidated state brought up to
    // date: readers never see it beside a stale state. A failed update is
    // retried, and reported, by the Consolidate after the round.
    options.in_page_transaction = [](AnnouncementStore& s) { (void)ConsolidateInTransaction(s); };
    options.on_event = [&](const WatchEventRow& event) {
      {
        std::lock_guard<std::mutex> lock(out.mu);
        reporter.Print(event);
      }
      if (opt.webhook.empty()) return;
      Status s = reporter.Deliver(watch_store, PendingDelivery{event, opt.webhook, 0, "", ""});
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(out.mu);
        PrintError("watch: " + source->name, s.WithContext("retried on later runs"));
        out.failed = true;
      }
    };
    watch::SourceOutcome outcome = watcher.Poll(*source, options);
    if (!outcome.polled) continue;
    auto state = watch_store.GetSource(source->name);
    std::lock_guard<std::mutex> lock(out.mu);
    watch::PrintSourceStatus(outcome, state.ok() ? *state : std::nullopt);
    out.failed = out.failed || outcome.failed;
  }
}

// One round: first the deliveries left pending by earlier runs, then every
// due source, the sources of different hosts in parallel (one thread, one
// database connection and one fetcher per host; politeness holds per host),
// then the feeds. True when something failed.
bool RunRound(const CommandContext& ctx, const ingest::SourcesFile& file, const WatchOptions& opt,
              bool ignore_schedule, AnnouncementStore& store, ingest::Fetcher& fetcher) {
  RoundOutput out;
  WatchStore watch_store(store.db());
  watch::EventReporter reporter(opt.jsonl, fetcher);
  if (Status s = reporter.DeliverDue(watch_store, ignore_schedule); !s.ok()) {
    PrintError("watch: a pending delivery", s);
    out.failed = true;
  }
  const std::vector<std::vector<const ingest::SourceConfig*>> groups = GroupByHost(file);
  if (groups.size() == 1) {
    PollHost(groups[0], opt, ignore_schedule, store, fetcher, out);
  } else {
    std::vector<std::thread> threads;
    for (const auto& group : groups) {
      threads.emplace_back([&ctx, &file, &opt, ignore_schedule, &group, &out] {
        auto own = OpenStore(ctx);
        if (!own.ok()) {
          std::lock_guard<std::mutex> lock(out.mu);
          PrintError("watch: " + group.front()->name, own.status());
          out.failed = true;
          return;
        }
        ingest::FetchHooks hooks;
        hooks.cancel = &g_stop;
        ingest::Fetcher own_fetcher(file.fetch, hooks);
        PollHost(group, opt, ignore_schedule, **own, own_fetcher, out);
      });
    }
    for (std::thread& t : threads) t.join();
  }
  if (!opt.atom_dir.empty()) {
    std::vector<watch::FeedSource> feeds;
    for (const ingest::SourceConfig& s : file.sources) feeds.push_back({s.name, s.index_url});
    Status s = watch::WriteAtomFeeds(watch_store, feeds, opt.atom_dir);
    if (!s.ok()) {
      PrintError("watch: feeds", s);
      out.failed = true;
    }
  }
  return out.failed;
}

// `--status`: per source of the file, its last good poll, its last failure,
// when it is next due and its pending deliveries; one line each (JSON lines
// with --jsonl).
int PrintStatus(const ingest::SourcesFile& file, AnnouncementStore& store, bool jsonl) {
  WatchStore watch(store.db());
  for (const ingest::SourceConfig& source : file.sources) {
    auto row = watch.GetSource(source.name);
    auto pages = watch.CountPages(source.name);
    auto pending = watch.CountPendingDeliveries(source.name);
    for (const Status& s : {row.status(), pages.status(), pending.status()}) {
      if (!s.ok()) {
        PrintError("watch", s);
        return kExitFailure;
      }
    }
    const WatchSourceRow state = row->value_or(WatchSourceRow{});
    const std::string due = state.next_due_at.empty() ? "now" : state.next_due_at;
    if (jsonl) {
      auto text = [](const std::string& v) { return v.empty() ? nlohmann::json() : nlohmann::json(v); };
      nlohmann::ordered_json j{{"source", source.name},
                               {"last_success_at", text(state.last_success_at)},
                               {"last_attempt_at", text(state.last_attempt_at)},
                               {"last_error", text(state.last_error)},
                               {"failures", state.failures},
                               {"next_due_at", text(state.next_due_at)},
                               {"pages", *pages},
                               {"pending_deliveries", *pending}};
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      continue;
    }
    std::string line = source.name + ": ";
    line += state.last_success_at.empty() ? "never polled successfully"
                                          : "last good poll " + state.last_success_at;
    if (!state.last_error.empty()) {
      line += "; FAILING (" + std::to_string(state.failures) + " in a row, last " +
              state.last_attempt_at + "): " + state.last_error;
    }
    line += "; next due " + due + "; " + std::to_string(*pages) + " pages known";
    if (*pending > 0) line += "; " + std::to_string(*pending) + " deliveries pending";
    std::printf("%s\n", line.c_str());
  }
  return kExitOk;
}

// `--replay ID`: prints event ID again and, with --webhook, sends it.
int Replay(const WatchOptions& opt, AnnouncementStore& store, watch::EventReporter& reporter) {
  WatchStore watch(store.db());
  auto event = watch.GetEvent(opt.replay);
  if (!event.ok()) {
    PrintError("watch", event.status());
    return kExitFailure;
  }
  if (!*event) {
    PrintError("watch", Status::NotFound("no event " + std::to_string(opt.replay) +
                                         " (`regdiff watch --status` and the feeds name them)"));
    return kExitFailure;
  }
  reporter.Print(**event);
  if (opt.webhook.empty()) return kExitOk;
  Status s = watch.AddDelivery(opt.replay, opt.webhook, Timestamp::Now().ToIso());
  if (s.ok()) s = reporter.Deliver(watch, PendingDelivery{**event, opt.webhook, 0, "", ""});
  if (!s.ok()) {
    PrintError("watch", s);
    return kExitFailure;
  }
  return kExitOk;
}

// Sleeps until the earliest next due time (at least a second), plus a random
// jitter of up to that source's schedule tolerance (at most 30 s) so that
// watchers started together do not call on a site in the same second; or
// until a signal.
void SleepUntilDue(const ingest::SourcesFile& file, watch::Watcher& watcher) {
  auto next = std::chrono::system_clock::now() + std::chrono::hours(24);
  std::chrono::seconds jitter_max(0);
  for (const ingest::SourceConfig& s : file.sources) {
    auto due = watcher.NextDue(s);
    if (!due.ok() || due->time_point() >= next) continue;
    next = due->time_point();
    jitter_max = std::min(watch::ScheduleTolerance(s.poll_interval), std::chrono::seconds(30));
  }
  next = std::max(next, std::chrono::system_clock::now() + std::chrono::seconds(1));
  if (jitter_max.count() > 0) {
    std::mt19937 random(std::random_device{}());
    next += std::chrono::milliseconds(std::uniform_int_distribution<int64_t>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(jitter_max).count())(random));
  }
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
  watch::EventReporter reporter(opt.jsonl, fetcher);
  if (opt.status) return PrintStatus(*file, **store, opt.jsonl);
  if (opt.replay != 0) return Replay(opt, **store, reporter);
  watch::Watcher watcher(**store, fetcher);  // for the due times between rounds
  bool ignore_schedule = opt.all;
  for (;;) {
    bool failed = RunRound(ctx, *file, opt, ignore_schedule, **store, fetcher);
    // The read commands answer from the consolidated state: each stored page
    // brought it up to date; this retries (and reports) an update that failed.
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
  sub.add_option("--sources", opt->sources, "Sources file (TOML)")->type_name("FILE");
  sub.add_flag("--jsonl", opt->jsonl, "Print events as JSON lines (regdiff.watch-event/1)");
  sub.add_option("--atom", opt->atom_dir, "Write Atom feeds (one per source, all.xml) into DIR")
      ->type_name("DIR");
  sub.add_option("--webhook", opt->webhook, "POST each event as JSON to this URL");
  sub.add_option("--test-source", opt->test_source,
                 "Show the announcement links one source lists now; store nothing");
  sub.add_flag("--status", opt->status,
               "Show each source's last success and failure, next due time and pending deliveries");
  sub.add_option("--replay", opt->replay, "Print event ID again and send it to --webhook")
      ->check(CLI::PositiveNumber);
  sub.footer(kFooter);
  sub.callback([&ctx, opt] { ctx.exit_code = RunWatch(ctx, *opt); });
}

}  // namespace regdiff::tools
