// Event lines, webhook delivery and source status lines of `regdiff watch`.
#include "tools/watch/report.h"

#include <cstdio>

#include "corpus/timestamp.h"
#include "tools/cli_context.h"
#include "tools/watch/event.h"

namespace regdiff::watch {

namespace {

std::string EventJsonLine(const WatchEventRow& event) {
  return EventJson(event).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

void EventReporter::Print(const WatchEventRow& event) {
  std::printf("%s\n", jsonl_ ? EventJsonLine(event).c_str() : HumanLine(event).c_str());
  std::fflush(stdout);
}

Status EventReporter::Deliver(WatchStore& store, const PendingDelivery& d) {
  ingest::FetchRequest request;
  request.url = d.target;
  request.method = "POST";
  request.body = EventJsonLine(d.event);
  request.content_type = "application/json; charset=utf-8";
  auto response = fetcher_.Fetch(request);
  const Timestamp now = Timestamp::Now();
  if (response.ok()) return store.MarkDelivered(d.event.id, d.target, now.ToIso());
  const Status failed =
      response.status().WithContext("webhook delivery of event " + std::to_string(d.event.id));
  const std::chrono::seconds delay = RetryDelay(d.attempts + 1, kMaxDeliveryDelay);
  Status s = store.MarkDeliveryFailed(d.event.id, d.target, now.ToIso(), failed.ToString(),
                                      (now + delay).ToIso());
  if (!s.ok()) return s;
  return failed;
}

Status EventReporter::DeliverDue(WatchStore& store, bool all) {
  auto due = store.DueDeliveries(all ? "~" : Timestamp::Now().ToIso());
  if (!due.ok()) return due.status();
  Status first;
  for (const PendingDelivery& d : *due) {
    Status s = Deliver(store, d);
    if (!s.ok() && first.ok()) first = s;
  }
  return first;
}

void PrintSourceStatus(const SourceOutcome& o, const std::optional<WatchSourceRow>& state) {
  if (!o.polled) return;
  int added = 0, changed = 0;
  for (const WatchEventRow& e : o.events) (e.kind == "new" ? added : changed) += 1;
  std::string line = "regdiff: watch: " + o.name + ": ";
  if (o.cancelled) {
    line += "interrupted; state kept";
  } else if (o.failed) {
    line += "FAILING";
    if (state) {
      line += " (" + std::to_string(state->failures) + " in a row";
      line += state->last_success_at.empty() ? "; never polled successfully"
                                             : "; last good poll " + state->last_success_at;
      line += ")";
    }
    line += ": " + o.errors.front();
    if (o.errors.size() > 1) line += " (+" + std::to_string(o.errors.size() - 1) + " more)";
    line += "; last good state kept, retried next run";
  } else {
    line += "ok";
  }
  if (!o.cancelled && o.index_read) {
    line += ", " + std::to_string(o.links) + " links" +
            (o.index_not_modified ? " (list not modified)" : "");
    if (o.baseline) {
      line += ", baseline: " + std::to_string(o.pages_recorded) +
              " announcements recorded, none reported (later polls report changes)";
    } else {
      line += ", " + std::to_string(added) + " new, " + std::to_string(changed) + " changed, " +
              std::to_string(o.pages_unchanged) + " unchanged";
    }
    if (o.pages_not_relevant > 0) {
      line += ", " + std::to_string(o.pages_not_relevant) + " not about export control";
    }
  }
  std::fprintf(stderr, "%s\n", line.c_str());
  for (size_t i = 1; i < o.errors.size(); ++i) {
    std::fprintf(stderr, "regdiff: watch: %s: %s\n", o.name.c_str(), o.errors[i].c_str());
  }
  for (const std::string& w : o.warnings) tools::PrintWarning("watch: " + o.name, w);
}

}  // namespace regdiff::watch
