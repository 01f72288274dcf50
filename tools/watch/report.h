// Where `regdiff watch` reports: each event as a human line or a JSON line on
// stdout as soon as it is stored and, optionally, POSTed as JSON to a
// webhook until a POST succeeds; each polled source as one status line on
// stderr.
#pragma once

#include <chrono>
#include <string>

#include "corpus/status.h"
#include "corpus/watch_store.h"
#include "ingest/fetch.h"
#include "tools/watch/poll.h"

namespace regdiff::watch {

class EventReporter {
 public:
  // `fetcher` (for webhooks) must outlive the reporter.
  EventReporter(bool jsonl, ingest::Fetcher& fetcher) : jsonl_(jsonl), fetcher_(fetcher) {}

  // Prints the event: a human line, or a JSON line with --jsonl.
  void Print(const WatchEventRow& event);

  // POSTs the event of `delivery` to its target and records the outcome: a
  // failure is retried from `RetryDelay` later (1 min doubling, at most 6 h),
  // on every later run, until it succeeds. Errors: the POST failed (recorded).
  Status Deliver(WatchStore& store, const PendingDelivery& delivery);

  // Every pending delivery due now (every one with `all`, as --all asks).
  // Errors: the first failure (each is recorded and the others are tried
  // all the same).
  Status DeliverDue(WatchStore& store, bool all);

 private:
  bool jsonl_;
  ingest::Fetcher& fetcher_;
};

// The longest wait between two attempts of one delivery.
inline constexpr std::chrono::hours kMaxDeliveryDelay{6};

// "regdiff: watch: NAME: ok, 12 links, 1 new, 0 changed, 11 unchanged" or
// "regdiff: watch: NAME: FAILING (2 in a row; last good poll …): error; state kept".
void PrintSourceStatus(const SourceOutcome& outcome, const std::optional<WatchSourceRow>& state);

}  // namespace regdiff::watch
