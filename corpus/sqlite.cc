// The SQLite RAII wrappers: connection, prepared statement, transaction.
#include "corpus/sqlite.h"

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <utility>

namespace regdiff::sqlite {
namespace {

// How long a connection waits for another process's lock before giving up.
// Another writer holds the lock for a whole batch of `regdiff ingest` (parsing
// included) or a `watch` poll's writes, and a waiting writer may miss the
// short gaps between two batches: SQLite's usual 5 s is far too short for
// that, and the waiter is a batch job that can afford to wait.
constexpr int kLockWaitMs = 10 * 60 * 1000;

// SQLite's busy handler: called with the number of times it was already
// called for this lock; sleeps 1, 2, 4 ... 64 ms, then 100 ms per call, and
// gives up (SQLITE_BUSY) once kLockWaitMs have been slept. The retry of every
// locked step, BEGIN IMMEDIATE included, with backoff.
int WaitForLock(void* /*unused*/, int count) {
  constexpr int kDoublings = 7;  // 1 + 2 + ... + 64 = 127 ms
  const long slept = count < kDoublings ? (1L << count) - 1
                                        : 127L + 100L * (count - kDoublings);
  if (slept >= kLockWaitMs) return 0;
  sqlite3_sleep(count < kDoublings ? 1 << count : 100);
  return 1;
}

// The Status for a failed SQLite call: `what` says which call, `detail` is
// SQLite's message. A lock that outlasted the busy timeout gets its own wording
// so the user knows another process holds the database.
Status Error(int rc, std::string_view what, const char* detail) {
  std::string msg;
  const int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    msg = "database is locked (another process held it for over " +
          std::to_string(kLockWaitMs / 1000) + " s): ";
  }
  msg += what;
  msg += ": ";
  msg += detail ? detail : sqlite3_errstr(rc);
  return Status::Database(msg);
}

Status Error(sqlite3* db, int rc, std::string_view what) {
  return Error(rc, what, db ? sqlite3_errmsg(db) : nullptr);
}

bool OnlySpaceOrSemicolons(const char* p) {
  for (; p && *p; ++p) {
    if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != ';') return false;
  }
  return true;
}

// Opens a connection with `flags` and the settings every connection has
// (extended result codes, the busy handler); `name` is a path or a file: URI.
Result<sqlite3*> OpenHandle(const std::string& name, int flags, const std::string& path) {
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Error(handle, rc, "cannot open database " + path);
    sqlite3_close_v2(handle);  // a handle is returned even on failure; NULL is fine too
    return s;
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_handler(handle, WaitForLock, nullptr);
  return handle;
}

// The first read of a connection (sqlite3_open_v2 reads nothing): the
// schema's page, through the WAL and its -shm when the file is in WAL mode.
int FirstRead(sqlite3* db) {
  return sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
}

// `path` as a file: URI for read-only, immutable use (RFC 3986: every byte
// but unreserved ones and '/' percent-encoded, so '?', '#' and '%' in a file
// name stay part of it).
std::string ImmutableUri(const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).string();
  if (ec) absolute = path;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : absolute) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == '_' ||
                       c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  uri += "?mode=ro&immutable=1";
  return uri;
}

}  // namespace

// --- Database ---

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Result<Database> Database::Open(const std::string& path) {
  auto handle =
      OpenHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, path);
  if (!handle.ok()) return handle.status();
  Database db;
  db.db_ = *handle;
  return db;
}

Result<Database> Database::OpenReadOnly(const std::string& path) {
  constexpr int kFlags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
  auto handle = OpenHandle(path, kFlags, path);
  if (!handle.ok()) return handle.status();
  Database db;
  db.db_ = *handle;
  const int rc = FirstRead(db.db_);
  if (rc == SQLITE_OK) return db;
  Status failed = Error(db.db_, rc, "cannot read database " + path);
  // An empty -wal (a read-only connection leaves one) holds no page.
  std::error_code ec;
  const bool wal_beside =
      std::filesystem::exists(path + "-wal", ec) && std::filesystem::file_size(path + "-wal", ec) > 0;
  if (rc != SQLITE_READONLY_DIRECTORY || wal_beside || ec) return failed;
  auto immutable = OpenHandle(ImmutableUri(path), kFlags | SQLITE_OPEN_URI, path);
  if (!immutable.ok()) return failed;
  db = Database();
  db.db_ = *immutable;
  const int again = FirstRead(db.db_);
  if (again != SQLITE_OK) return Error(db.db_, again, "cannot read database " + path);
  return db;
}

bool Database::ReadOnly() const { return db_ && sqlite3_db_readonly(db_, "main") == 1; }

Status Database::Exec(const char* sql) {
  if (!db_) return Status::Database("exec on a closed database");
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  Status s = Error(rc, "exec failed", err ? err : sqlite3_errmsg(db_));
  sqlite3_free(err);
  return s;
}

Status Database::ExecWaitingOutLocks(const char* sql) {
  if (!db_) return Status::Database("exec on a closed database");
  if (sqlite3_get_autocommit(db_) == 0) {
    return Status::Database("ExecWaitingOutLocks inside a transaction could deadlock");
  }
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  // SQLite answers SQLITE_BUSY at once, without the busy handler, where
  // waiting inside the statement could deadlock: a connection switching a
  // new database to WAL while another creates or switches it (two ingests
  // started together on a missing database). Outside a transaction this
  // connection holds no lock after the failure, so waiting and running the
  // statement again cannot deadlock: it gets the busy handler's backoff.
  for (int count = 0; (rc & 0xff) == SQLITE_BUSY && sqlite3_get_autocommit(db_) != 0 &&
                      WaitForLock(nullptr, count) != 0;
       ++count) {
    sqlite3_free(err);
    err = nullptr;
    rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  }
  if (rc == SQLITE_OK) return Status::Ok();
  Status s = Error(rc, "exec failed", err ? err : sqlite3_errmsg(db_));
  sqlite3_free(err);
  return s;
}

Result<Statement> Database::Prepare(std::string_view sql) {
  if (!db_) return Status::Database("prepare on a closed database");
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  const int rc =
      sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) return Error(db_, rc, "prepare failed");
  Statement statement(stmt, db_);  // owns stmt from here on
  if (!stmt) return Status::Database("prepare failed: no SQL statement in the text");
  // A second statement after the first would be silently ignored: refuse it.
  std::string rest(tail, sql.data() + sql.size() - tail);
  if (!OnlySpaceOrSemicolons(rest.c_str())) {
    return Status::Database("prepare failed: more than one SQL statement in the text");
  }
  return statement;
}

int64_t Database::LastInsertRowId() const { return db_ ? sqlite3_last_insert_rowid(db_) : 0; }

int Database::Changes() const { return db_ ? sqlite3_changes(db_) : 0; }

bool Database::InTransaction() const { return db_ && sqlite3_get_autocommit(db_) == 0; }

bool Database::Busy() const {
  if (!db_) return false;
  if (InTransaction()) return true;
  for (sqlite3_stmt* st = sqlite3_next_stmt(db_, nullptr); st; st = sqlite3_next_stmt(db_, st)) {
    if (sqlite3_stmt_busy(st)) return true;
  }
  return false;
}

// --- Statement ---

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(std::exchange(other.db_, nullptr)),
      bind_error_(std::move(other.bind_error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = std::exchange(other.db_, nullptr);
    bind_error_ = std::move(other.bind_error_);
  }
  return *this;
}

namespace {

// Records the first failing bind of a statement; later ones are ignored so the
// report names the root cause.
void NoteBind(Status& first, sqlite3* db, int rc, int index) {
  if (rc == SQLITE_OK || !first.ok()) return;
  first = Error(db, rc, "bind of parameter " + std::to_string(index) + " failed");
}

}  // namespace

Statement& Statement::Bind(int index, int64_t value) {
  if (!stmt_) {
    NoteBind(bind_error_, nullptr, SQLITE_MISUSE, index);
    return *this;
  }
  NoteBind(bind_error_, db_, sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  if (!stmt_) {
    NoteBind(bind_error_, nullptr, SQLITE_MISUSE, index);
    return *this;
  }
  // A null data pointer would bind NULL; an empty view still means "".
  const char* data = text.data() ? text.data() : "";
  NoteBind(bind_error_, db_,
           sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
           index);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (!stmt_) {
    NoteBind(bind_error_, nullptr, SQLITE_MISUSE, index);
    return *this;
  }
  const char* data = bytes.data() ? bytes.data() : "";
  NoteBind(bind_error_, db_, sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT),
           index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (!stmt_) {
    NoteBind(bind_error_, nullptr, SQLITE_MISUSE, index);
    return *this;
  }
  NoteBind(bind_error_, db_, sqlite3_bind_null(stmt_, index), index);
  return *this;
}

Result<bool> Statement::Step() {
  if (!stmt_) return Status::Database("step on an empty statement");
  if (!bind_error_.ok()) return bind_error_;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error(db_, rc, "step failed");
}

Status Statement::Run() {
  Status result;
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) {
      result = row.status();
      break;
    }
    if (!*row) break;
  }
  Reset();
  return result;
}

void Statement::Reset() {
  bind_error_ = Status::Ok();
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Result<std::vector<std::string>> Statement::AllTexts(int col) {
  std::vector<std::string> out;
  for (;;) {
    auto row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
    out.push_back(ColumnText(col));
  }
  Reset();
  return out;
}

int64_t Statement::ColumnInt(int col) const {
  return stmt_ ? sqlite3_column_int64(stmt_, col) : 0;
}

std::string Statement::ColumnText(int col) const {
  if (!stmt_) return {};
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string_view Statement::ColumnTextView(int col) const {
  if (!stmt_) return {};
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (!text) return {};
  return std::string_view(reinterpret_cast<const char*>(text),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Statement::ColumnBlob(int col) const {
  if (!stmt_) return {};
  const void* blob = sqlite3_column_blob(stmt_, col);
  if (!blob) return {};
  return std::string(static_cast<const char*>(blob),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

bool Statement::ColumnIsNull(int col) const {
  return !stmt_ || sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

// --- Transaction ---

Result<Transaction> Transaction::Begin(Database& db) {
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s.WithContext("begin transaction");
  return Transaction(&db);
}

Transaction::~Transaction() {
  // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) roll back by themselves;
  // only roll back what is still open.
  if (db_ && db_->handle() && sqlite3_get_autocommit(db_->handle()) == 0) {
    (void)db_->Exec("ROLLBACK");
  }
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Status Transaction::Commit() {
  if (!db_) return Status::Internal("commit of a finished transaction");
  Status s = db_->Exec("COMMIT");
  if (!s.ok()) return s.WithContext("commit");  // still open: the destructor rolls back
  db_ = nullptr;
  return s;
}

// --- Savepoint ---

Result<Savepoint> Savepoint::Begin(Database& db) {
  Status s = db.Exec("SAVEPOINT regdiff_unit");
  if (!s.ok()) return s.WithContext("savepoint");
  return Savepoint(&db);
}

Savepoint::~Savepoint() {
  // After an error that ended the whole transaction there is nothing left
  // to roll back to.
  if (db_ && db_->InTransaction()) {
    (void)db_->Exec("ROLLBACK TO regdiff_unit");
    (void)db_->Exec("RELEASE regdiff_unit");
  }
}

Savepoint::Savepoint(Savepoint&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Status Savepoint::Release() {
  if (!db_) return Status::Internal("release of a finished savepoint");
  Status s = db_->Exec("RELEASE regdiff_unit");
  if (!s.ok()) return s.WithContext("release savepoint");
  db_ = nullptr;
  return s;
}

Result<Statement*> StatementCache::Use(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    auto stmt = db_->Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    it = statements_.emplace(sql, std::move(stmt).value()).first;
  }
  it->second.Reset();
  return &it->second;
}

}  // namespace regdiff::sqlite
