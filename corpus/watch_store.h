// The state of `regdiff watch` in the store's database (schema versions 3, 10):
// per source, its last good poll and its failures; per announcement URL, its
// validators, the hashes of its last bytes and normalised text, and when it
// is next due; the events reported, and their deliveries to webhooks. Times are UTC ISO-8601 strings
// ("2026-11-27T05:44:44Z"), which order as text.
//
// A WatchStore borrows the connection of an AnnouncementStore (db()) and must
// not outlive it. Its writes join a transaction already open on that
// connection (AnnouncementStore::Put's `in_transaction`), or commit on their
// own. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/sqlite.h"
#include "corpus/status.h"

namespace regdiff {

struct WatchSourceRow {
  std::string name;
  std::string index_url;
  std::string etag;            // of the last good index fetch
  std::string last_modified;
  std::string last_success_at;  // "" when never
  std::optional<int64_t> last_link_count;
  std::string last_attempt_at;
  std::string last_error;  // "" after a good poll
  int64_t failures = 0;    // consecutive failed polls
  std::string next_due_at;  // "" when never polled: due now
};

struct WatchPageRow {
  std::string url;
  std::string source_name;
  std::string title;
  std::string first_seen_at;
  std::string etag;
  std::string last_modified;
  std::string sha256;     // of the bytes last fetched; "" before the first good fetch
  std::string text_hash;  // of their normalised main text; "" before the first good fetch
  std::string last_fetched_at;
  std::string next_due_at;
  std::string last_error;
  int64_t failures = 0;
  // Listed by the source's first poll: stored when fetched, never reported.
  bool baseline = false;

  // Listed but never fetched successfully: reported as new once it is
  // (unless part of the baseline).
  bool pending() const { return text_hash.empty(); }
};

struct WatchEventRow {
  int64_t id = 0;          // assigned by AddEvent
  std::string event_key;   // stable identity (Atom entry id)
  std::string at;
  std::string source_name;
  std::string url;
  std::optional<std::string> doc_id;
  std::string kind;  // "new" or "changed"
  std::string title;
  std::string summary_json;  // the event as printed
};

// An event not yet delivered to `target` (a webhook URL).
struct PendingDelivery {
  WatchEventRow event;
  std::string target;
  int64_t attempts = 0;  // failed so far
  std::string last_error;
  std::string next_attempt_at;
};

class WatchStore {
 public:
  explicit WatchStore(sqlite::Database& db) : db_(&db) {}
  WatchStore(const WatchStore&) = delete;
  WatchStore& operator=(const WatchStore&) = delete;

  Result<std::optional<WatchSourceRow>> GetSource(std::string_view name);
  Result<std::vector<WatchSourceRow>> AllSources();  // by name
  Status PutSource(const WatchSourceRow& row);  // insert or replace

  Result<std::optional<WatchPageRow>> GetPage(std::string_view url);
  Status PutPage(const WatchPageRow& row);  // insert or replace

  // Pages of `source_name` due at `now` (next_due_at <= now): pending ones
  // first, each group oldest due first.
  Result<std::vector<WatchPageRow>> PagesToFetch(std::string_view source_name,
                                                 std::string_view now);

  // Number of pages known for a source.
  Result<int64_t> CountPages(std::string_view source_name);

  // Adds an event; returns its id. Errors: kDatabase (a repeated event_key).
  Result<int64_t> AddEvent(const WatchEventRow& row);

  // The newest `limit` events, newest first; of one source when
  // `source_name` is given.
  Result<std::vector<WatchEventRow>> RecentEvents(std::optional<std::string_view> source_name,
                                                  size_t limit);
  Result<std::optional<WatchEventRow>> GetEvent(int64_t id);

  // Deliveries: one row per (event, webhook) from when the event is stored
  // (in the same transaction) until a POST succeeds.
  Status AddDelivery(int64_t event_id, std::string_view target, std::string_view now);
  // Pending deliveries whose next attempt is due at `now` ("~": all), oldest
  // event first.
  Result<std::vector<PendingDelivery>> DueDeliveries(std::string_view now);
  Status MarkDelivered(int64_t event_id, std::string_view target, std::string_view at);
  Status MarkDeliveryFailed(int64_t event_id, std::string_view target, std::string_view at,
                            std::string_view error, std::string_view next_attempt_at);
  // Deliveries not yet made; of one source's events when given.
  Result<int64_t> CountPendingDeliveries(std::optional<std::string_view> source_name);

 private:

  sqlite::Database* db_;
  sqlite::StatementCache statements_{*db_};
};

}  // namespace regdiff
