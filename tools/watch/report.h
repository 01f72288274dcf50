// Where `regdiff watch` reports: each event as a human line or a JSON line on
// stdout and, optionally, POSTed as JSON to a webhook; each polled source as
// one status line on stderr.
#pragma once

#include <string>

#include "corpus/status.h"
#include "corpus/watch_store.h"
#include "ingest/fetch.h"
#include "tools/watch/poll.h"

namespace regdiff::watch {

class EventReporter {
 public:
  // `fetcher` (for the webhook) must outlive the reporter; `webhook` "" for none.
  EventReporter(bool jsonl, std::string webhook, ingest::Fetcher& fetcher)
      : jsonl_(jsonl), webhook_(std::move(webhook)), fetcher_(fetcher) {}

  // Prints the event and POSTs it. Errors: the webhook delivery failed (the
  // event is printed and stored all the same).
  Status Report(const WatchEventRow& event);

 private:
  bool jsonl_;
  std::string webhook_;
  ingest::Fetcher& fetcher_;
};

// "regdiff: watch: NAME: ok, 12 links, 1 new, 0 changed, 11 unchanged" or
// "regdiff: watch: NAME: FAILING (2 in a row; last good poll …): error; state kept".
void PrintSourceStatus(const SourceOutcome& outcome, const std::optional<WatchSourceRow>& state);

}  // namespace regdiff::watch
