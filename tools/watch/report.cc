// Event lines, webhook delivery and source status lines of `regdiff watch`.
#include "tools/watch/report.h"

#include <cstdio>

#include "tools/cli_context.h"
#include "tools/watch/event.h"

namespace regdiff::watch {

Status EventReporter::Report(const WatchEventRow& event) {
  const std::string json =
      EventJson(event).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (jsonl_) {
    std::printf("%s\n", json.c_str());
  } else {
    std::printf("%s\n", HumanLine(event).c_str());
  }
  std::fflush(stdout);
  if (webhook_.empty()) return Status::Ok();
  ingest::FetchRequest request;
  request.url = webhook_;
  request.method = "POST";
  request.body = json;
  request.content_type = "application/json; charset=utf-8";
  auto response = fetcher_.Fetch(request);
  if (!response.ok()) {
    return response.status().WithContext("webhook delivery of event " + std::to_string(event.id));
  }
  return Status::Ok();
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
            (o.index_not_modified ? " (list not modified)" : "") + ", " + std::to_string(added) +
            " new, " + std::to_string(changed) + " changed, " + std::to_string(o.pages_unchanged) +
            " unchanged";
  }
  std::fprintf(stderr, "%s\n", line.c_str());
  for (size_t i = 1; i < o.errors.size(); ++i) {
    std::fprintf(stderr, "regdiff: watch: %s: %s\n", o.name.c_str(), o.errors[i].c_str());
  }
  for (const std::string& w : o.warnings) tools::PrintWarning("watch: " + o.name, w);
}

}  // namespace regdiff::watch
