// One poll of one watched source: read its list pages, register links never
// seen before, fetch those and the known pages that are due (conditionally),
// and turn each real change of an announcement's normalised main text into
// one stored event. A failure (index or page) is recorded as such and leaves
// the last good state in place: nothing is ever taken as "removed".
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/store.h"
#include "corpus/timestamp.h"
#include "corpus/watch_store.h"
#include "ingest/fetch.h"
#include "ingest/link_extractor.h"
#include "ingest/sources_file.h"

namespace regdiff::watch {

// What a source's list pages hold now.
struct IndexScan {
  struct Page {
    std::string url;
    long status = 0;
    size_t bytes = 0;
    std::string charset;  // used to decode it
    size_t links = 0;     // announcement links on this page
  };
  std::vector<Page> pages;
  std::vector<ingest::Link> links;  // all pages, first occurrence kept
  ingest::Validators validators;    // of page 1
  bool not_modified = false;        // page 1 answered 304: nothing read
  std::vector<std::string> later_page_errors;  // pages 2.. that failed
};

// Fetches the list pages of `source` (page 1 with `validators` when it is a
// GET) with the source's method, body and headers, decodes them and extracts
// the links: from the page, or from the JSON list it answers (the HTML
// fragment or the articles its pointers name). Errors: page 1 failing to
// fetch, decode or read (an answer that is no JSON, a pointer naming nothing,
// titles the server replaced by '?'), and a page 1 with no announcement link
// (a redesign or an error page must not read as "everything was removed").
Result<IndexScan> ScanIndex(ingest::Fetcher& fetcher, const ingest::SourceConfig& source,
                            const ingest::Validators& validators);

struct PollOptions {
  bool ignore_schedule = false;  // poll and re-check everything now (--all)
  const std::atomic<bool>* cancel = nullptr;
  // Each event's delivery to this webhook is recorded with the event (in its
  // transaction) and made by whoever reads the pending deliveries; "" none.
  std::string webhook;
  // Called with each event once it is stored (before the next page is read).
  std::function<void(const WatchEventRow&)> on_event;
  // Run inside each stored page's transaction, after its writes: `regdiff
  // watch` brings the consolidated state up to date there, so that a reader
  // never sees the page's text beside a stale state. Its own failure must
  // not fail the page (it rolls back to a savepoint of its own).
  std::function<void(AnnouncementStore&)> in_page_transaction;
};

struct SourceOutcome {
  std::string name;
  bool polled = false;     // false: not due
  bool failed = false;     // the index or a page failed this time
  bool cancelled = false;  // stopped by a signal; nothing half-recorded
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  bool index_read = false;     // the list was read (or answered 304)
  size_t links = 0;            // on the list (last good count when not modified)
  bool index_not_modified = false;
  int pages_fetched = 0;       // announcement pages fetched
  int pages_unchanged = 0;     // fetched, same main text, or 304
  bool baseline = false;       // the source's first good poll: pages recorded, not reported
  int pages_recorded = 0;      // baseline pages stored without an event
  int pages_not_relevant = 0;  // not about export control: remembered, not stored
  size_t links_dropped = 0;    // over max_links
  size_t new_pages_waiting = 0;  // over max_new_pages: fetched by a later run
  std::vector<WatchEventRow> events;  // stored, id filled
};

class Watcher {
 public:
  Watcher(AnnouncementStore& store, ingest::Fetcher& fetcher)
      : store_(store), watch_(store.db()), fetcher_(fetcher) {}

  // When `source` is next due (the epoch when never polled).
  Result<Timestamp> NextDue(const ingest::SourceConfig& source);

  // Polls one source (when due, or always with ignore_schedule).
  SourceOutcome Poll(const ingest::SourceConfig& source, const PollOptions& options);

 private:
  void ProcessPage(const ingest::SourceConfig& source, WatchPageRow page,
                   const PollOptions& options, SourceOutcome& outcome);
  Status RecordIndexFailure(const ingest::SourceConfig& source, const Timestamp& started,
                            const std::string& error);
  // The stored announcements (loaded on first need after each store change),
  // for finding a page's previous parse and for relation sentences.
  const std::vector<StoredDocument>& Others(SourceOutcome& outcome);

  AnnouncementStore& store_;
  WatchStore watch_;
  ingest::Fetcher& fetcher_;
  std::optional<std::vector<StoredDocument>> others_;
};

// The wait before retrying after `failures` consecutive failures: 1 min
// doubling, never longer than `interval`.
std::chrono::seconds RetryDelay(int64_t failures, std::chrono::seconds interval);

// How early a source counts as due: a tenth of its interval, at most a
// minute. A poll is due `interval` after the last one started, so a cron
// job every 30 minutes polls a 30-minute source every time, however long
// each poll takes and however its start drifts by a second.
std::chrono::seconds ScheduleTolerance(std::chrono::seconds interval);

// Whether a source whose next poll is due at `next_due_at` (ISO; "" never
// polled) is due at `now`.
bool IsDue(const std::string& next_due_at, const Timestamp& now, std::chrono::seconds interval);

// The hosts of a source that may be at loopback or private addresses: its
// index page's and its allowed hosts'.
ingest::AddressPolicy AddressPolicyOf(const ingest::SourceConfig& source);

}  // namespace regdiff::watch
