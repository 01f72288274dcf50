// WatchStore over the watch_* tables of corpus/schema.cc (versions 3, 10). Every
// value is bound to a statement prepared once per WatchStore.
#include "corpus/watch_store.h"

#include <utility>

namespace regdiff {
namespace {

constexpr char kSourceColumns[] =
    "name, index_url, etag, last_modified, last_success_at, last_link_count, "
    "last_attempt_at, last_error, failures, next_due_at";
const std::string& GetSourceSql() {
  static const std::string kSql =
      std::string("SELECT ") + kSourceColumns + " FROM watch_sources WHERE name = ?1";
  return kSql;
}
const std::string& AllSourcesSql() {
  static const std::string kSql =
      std::string("SELECT ") + kSourceColumns + " FROM watch_sources ORDER BY name";
  return kSql;
}
constexpr std::string_view kPutSource =
    "INSERT OR REPLACE INTO watch_sources (name, index_url, etag, last_modified, "
    "last_success_at, last_link_count, last_attempt_at, last_error, failures, next_due_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

constexpr char kPageColumns[] =
    "url, source_name, title, first_seen_at, etag, last_modified, sha256, text_hash, "
    "last_fetched_at, next_due_at, last_error, failures, baseline";
const std::string& GetPageSql() {
  static const std::string kSql =
      std::string("SELECT ") + kPageColumns + " FROM watch_pages WHERE url = ?1";
  return kSql;
}
const std::string& PagesToFetchSql() {
  static const std::string kSql =
      std::string("SELECT ") + kPageColumns +
      " FROM watch_pages WHERE source_name = ?1 AND next_due_at <= ?2 "
      "ORDER BY text_hash IS NOT NULL, next_due_at, url";
  return kSql;
}
constexpr std::string_view kPutPage =
    "INSERT OR REPLACE INTO watch_pages (url, source_name, title, first_seen_at, etag, "
    "last_modified, sha256, text_hash, last_fetched_at, next_due_at, last_error, failures, "
    "baseline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr std::string_view kCountPages =
    "SELECT COUNT(*) FROM watch_pages WHERE source_name = ?1";

constexpr std::string_view kAddEvent =
    "INSERT INTO watch_events (event_key, at, source_name, url, doc_id, kind, title, summary) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kEventColumns[] =
    "id, event_key, at, source_name, url, doc_id, kind, title, summary";
const std::string& RecentEventsSql() {
  static const std::string kSql = std::string("SELECT ") + kEventColumns +
                                  " FROM watch_events WHERE ?1 IS NULL OR source_name = ?1 "
                                  "ORDER BY id DESC LIMIT ?2";
  return kSql;
}
const std::string& GetEventSql() {
  static const std::string kSql =
      std::string("SELECT ") + kEventColumns + " FROM watch_events WHERE id = ?1";
  return kSql;
}

constexpr std::string_view kAddDelivery =
    "INSERT OR IGNORE INTO watch_deliveries (event_id, target, next_attempt_at) "
    "VALUES (?1, ?2, ?3)";
// Pending deliveries due at ?1 (all with ?1 = '~'), oldest event first.
const std::string& DueDeliveriesSql() {
  static const std::string kSql =
      std::string("SELECT d.target, d.attempts, d.last_error, d.next_attempt_at, ") +
      "e.id, e.event_key, e.at, e.source_name, e.url, e.doc_id, e.kind, e.title, e.summary "
      "FROM watch_deliveries d JOIN watch_events e ON e.id = d.event_id "
      "WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ?1 ORDER BY e.id, d.target";
  return kSql;
}
constexpr std::string_view kDelivered =
    "UPDATE watch_deliveries SET delivered_at = ?3, last_attempt_at = ?3, "
    "attempts = attempts + 1 WHERE event_id = ?1 AND target = ?2";
constexpr std::string_view kDeliveryFailed =
    "UPDATE watch_deliveries SET last_attempt_at = ?3, last_error = ?4, next_attempt_at = ?5, "
    "attempts = attempts + 1 WHERE event_id = ?1 AND target = ?2";
constexpr std::string_view kCountPendingDeliveries =
    "SELECT COUNT(*) FROM watch_deliveries d JOIN watch_events e ON e.id = d.event_id "
    "WHERE d.delivered_at IS NULL AND (?1 IS NULL OR e.source_name = ?1)";

// Resets a statement when a use of it ends, so none is left mid-step.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite::Statement* st) : st_(st) {}
  ~ResetOnExit() { st_->Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite::Statement* st_;
};

std::optional<std::string_view> NullIfEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return std::string_view(s);
}

WatchPageRow ReadPage(const sqlite::Statement& st) {
  WatchPageRow p;
  p.url = st.ColumnText(0);
  p.source_name = st.ColumnText(1);
  p.title = st.ColumnText(2);
  p.first_seen_at = st.ColumnText(3);
  p.etag = st.ColumnText(4);
  p.last_modified = st.ColumnText(5);
  p.sha256 = st.ColumnText(6);
  p.text_hash = st.ColumnText(7);
  p.last_fetched_at = st.ColumnText(8);
  p.next_due_at = st.ColumnText(9);
  p.last_error = st.ColumnText(10);
  p.failures = st.ColumnInt(11);
  p.baseline = st.ColumnInt(12) != 0;
  return p;
}

WatchSourceRow ReadSource(const sqlite::Statement& st) {
  WatchSourceRow r;
  r.name = st.ColumnText(0);
  r.index_url = st.ColumnText(1);
  r.etag = st.ColumnText(2);
  r.last_modified = st.ColumnText(3);
  r.last_success_at = st.ColumnText(4);
  if (!st.ColumnIsNull(5)) r.last_link_count = st.ColumnInt(5);
  r.last_attempt_at = st.ColumnText(6);
  r.last_error = st.ColumnText(7);
  r.failures = st.ColumnInt(8);
  r.next_due_at = st.ColumnText(9);
  return r;
}

// An event from `first` on: id, event_key, at, source_name, url, doc_id,
// kind, title, summary.
WatchEventRow ReadEvent(const sqlite::Statement& st, int first) {
  WatchEventRow e;
  e.id = st.ColumnInt(first);
  e.event_key = st.ColumnText(first + 1);
  e.at = st.ColumnText(first + 2);
  e.source_name = st.ColumnText(first + 3);
  e.url = st.ColumnText(first + 4);
  if (!st.ColumnIsNull(first + 5)) e.doc_id = st.ColumnText(first + 5);
  e.kind = st.ColumnText(first + 6);
  e.title = st.ColumnText(first + 7);
  e.summary_json = st.ColumnText(first + 8);
  return e;
}

}  // namespace

Result<std::optional<WatchSourceRow>> WatchStore::GetSource(std::string_view name) {
  auto q = statements_.Use(GetSourceSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, name);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<WatchSourceRow>();
  return std::optional<WatchSourceRow>(ReadSource(st));
}

Result<std::vector<WatchSourceRow>> WatchStore::AllSources() {
  auto q = statements_.Use(AllSourcesSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  std::vector<WatchSourceRow> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadSource(st));
  }
  return out;
}

Status WatchStore::PutSource(const WatchSourceRow& r) {
  auto q = statements_.Use(kPutSource);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, r.name)
      .Bind(2, r.index_url)
      .Bind(3, NullIfEmpty(r.etag))
      .Bind(4, NullIfEmpty(r.last_modified))
      .Bind(5, NullIfEmpty(r.last_success_at))
      .Bind(6, r.last_link_count)
      .Bind(7, NullIfEmpty(r.last_attempt_at))
      .Bind(8, NullIfEmpty(r.last_error))
      .Bind(9, r.failures)
      .Bind(10, NullIfEmpty(r.next_due_at));
  return st.Run().WithContext("saving watch state of source '" + r.name + "'");
}

Result<std::optional<WatchPageRow>> WatchStore::GetPage(std::string_view url) {
  auto q = statements_.Use(GetPageSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, url);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<WatchPageRow>();
  return std::optional<WatchPageRow>(ReadPage(st));
}

Status WatchStore::PutPage(const WatchPageRow& p) {
  auto q = statements_.Use(kPutPage);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, p.url)
      .Bind(2, p.source_name)
      .Bind(3, p.title)
      .Bind(4, p.first_seen_at)
      .Bind(5, NullIfEmpty(p.etag))
      .Bind(6, NullIfEmpty(p.last_modified))
      .Bind(7, NullIfEmpty(p.sha256))
      .Bind(8, NullIfEmpty(p.text_hash))
      .Bind(9, NullIfEmpty(p.last_fetched_at))
      .Bind(10, p.next_due_at)
      .Bind(11, NullIfEmpty(p.last_error))
      .Bind(12, p.failures)
      .Bind(13, int64_t{p.baseline ? 1 : 0});
  return st.Run().WithContext("saving watch state of " + p.url);
}

Result<std::vector<WatchPageRow>> WatchStore::PagesToFetch(std::string_view source_name,
                                                           std::string_view now) {
  auto q = statements_.Use(PagesToFetchSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, source_name).Bind(2, now);
  std::vector<WatchPageRow> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadPage(st));
  }
  return out;
}

Result<int64_t> WatchStore::CountPages(std::string_view source_name) {
  auto q = statements_.Use(kCountPages);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, source_name);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  return *row ? st.ColumnInt(0) : 0;
}

Result<int64_t> WatchStore::AddEvent(const WatchEventRow& e) {
  auto q = statements_.Use(kAddEvent);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, e.event_key)
      .Bind(2, e.at)
      .Bind(3, e.source_name)
      .Bind(4, e.url)
      .Bind(5, e.doc_id)
      .Bind(6, e.kind)
      .Bind(7, e.title)
      .Bind(8, e.summary_json);
  Status s = st.Run();
  if (!s.ok()) return s.WithContext("recording the watch event for " + e.url);
  return db_->LastInsertRowId();
}

Result<std::vector<WatchEventRow>> WatchStore::RecentEvents(
    std::optional<std::string_view> source_name, size_t limit) {
  auto q = statements_.Use(RecentEventsSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, source_name).Bind(2, static_cast<int64_t>(limit));
  std::vector<WatchEventRow> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadEvent(st, 0));
  }
  return out;
}

Result<std::optional<WatchEventRow>> WatchStore::GetEvent(int64_t id) {
  auto q = statements_.Use(GetEventSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, id);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<WatchEventRow>();
  return std::optional<WatchEventRow>(ReadEvent(st, 0));
}

Status WatchStore::AddDelivery(int64_t event_id, std::string_view target, std::string_view now) {
  auto q = statements_.Use(kAddDelivery);
  if (!q.ok()) return q.status();
  (**q).Bind(1, event_id).Bind(2, target).Bind(3, now);
  return (**q).Run().WithContext("recording the delivery of event " + std::to_string(event_id));
}

Result<std::vector<PendingDelivery>> WatchStore::DueDeliveries(std::string_view now) {
  auto q = statements_.Use(DueDeliveriesSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, now);
  std::vector<PendingDelivery> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    PendingDelivery d;
    d.target = st.ColumnText(0);
    d.attempts = st.ColumnInt(1);
    d.last_error = st.ColumnText(2);
    d.next_attempt_at = st.ColumnText(3);
    d.event = ReadEvent(st, 4);
    out.push_back(std::move(d));
  }
  return out;
}

Status WatchStore::MarkDelivered(int64_t event_id, std::string_view target, std::string_view at) {
  auto q = statements_.Use(kDelivered);
  if (!q.ok()) return q.status();
  (**q).Bind(1, event_id).Bind(2, target).Bind(3, at);
  return (**q).Run().WithContext("recording the delivery of event " + std::to_string(event_id));
}

Status WatchStore::MarkDeliveryFailed(int64_t event_id, std::string_view target,
                                      std::string_view at, std::string_view error,
                                      std::string_view next_attempt_at) {
  auto q = statements_.Use(kDeliveryFailed);
  if (!q.ok()) return q.status();
  (**q).Bind(1, event_id).Bind(2, target).Bind(3, at).Bind(4, error).Bind(5, next_attempt_at);
  return (**q).Run().WithContext("recording the failed delivery of event " +
                                 std::to_string(event_id));
}

Result<int64_t> WatchStore::CountPendingDeliveries(std::optional<std::string_view> source_name) {
  auto q = statements_.Use(kCountPendingDeliveries);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  ResetOnExit reset(&st);
  st.Bind(1, source_name);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  return *row ? st.ColumnInt(0) : 0;
}

}  // namespace regdiff
