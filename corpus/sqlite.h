// Thin move-only RAII wrappers over SQLite's C handles: the connection, a
// prepared statement, a transaction (rolled back in its destructor unless
// committed) and a savepoint within one. Errors come back as Status values
// carrying sqlite3_errmsg().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <unordered_map>

#include "corpus/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace regdiff::sqlite {

class Statement;

// Owns a sqlite3*. Closed in the destructor.
class Database {
 public:
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens (creating if needed) the file at `path`; ":memory:" for an in-memory db.
  // A lock another connection holds is waited for, with backoff, up to 10
  // minutes before a step fails with "database is locked" (PRAGMA
  // busy_timeout replaces that wait).
  static Result<Database> Open(const std::string& path);

  // Opens the database at `path` for reading only: no write goes through
  // this connection, whoever runs it (SQLITE_OPEN_READONLY), and nothing is
  // created but the -shm file SQLite keeps beside a WAL database where it
  // can. Where it cannot (a read-only directory or mount: SQLite answers
  // SQLITE_READONLY_DIRECTORY) and no -wal file holding pages is there, the
  // file is opened immutable (a file: URI with immutable=1): read as it is,
  // without locks, which holds while nothing writes it; with a non-empty -wal
  // beside it, whose pages immutable would ignore, that error is returned.
  // A read-only connection cannot remove the -wal and -shm it finds or makes
  // when it closes (the next writer's last close does). The first read is
  // made here, so a missing, unreadable or malformed file fails here.
  // Errors: kDatabase.
  static Result<Database> OpenReadOnly(const std::string& path);

  // True when nothing can be written through this connection: opened with
  // OpenReadOnly, or by Open on a file the process may not write.
  bool ReadOnly() const;

  // Runs SQL without results (schema, PRAGMAs): the only place a literal
  // script runs; values never go through here, they are bound to statements.
  Status Exec(const char* sql);

  // Exec for one statement outside any transaction (the PRAGMAs that open a
  // database): also waits out, with the busy handler's backoff and limit, the
  // "database is locked" SQLite answers without calling the handler, as when
  // two connections switch a new database to WAL at once.
  Status ExecWaitingOutLocks(const char* sql);

  // Prepares a statement. The Statement must not outlive this Database.
  Result<Statement> Prepare(std::string_view sql);

  int64_t LastInsertRowId() const;
  int Changes() const;
  // True while a transaction is open (BEGIN without COMMIT or ROLLBACK yet;
  // SQLite may also end one itself after SQLITE_FULL, SQLITE_IOERR, ...).
  bool InTransaction() const;
  // True while a read or write is under way on this connection: a
  // transaction open, or a statement stepped and neither done nor reset
  // (which holds its snapshot: a connection kept between requests must not
  // be left so, or it would never see later commits).
  bool Busy() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Owns a sqlite3_stmt*. Finalized in the destructor. Bind indexes are 1-based.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, std::string_view text);  // bound as TEXT, copied
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Steps once. Returns true while a row is available, false when done.
  Result<bool> Step();
  // Steps to completion (for INSERT/UPDATE/DELETE) and resets.
  Status Run();
  // Resets the statement and clears its bindings for reuse.
  void Reset();

  // Steps through every remaining row and resets: column `col` of each, as
  // ColumnText reads it.
  Result<std::vector<std::string>> AllTexts(int col = 0);

  int64_t ColumnInt(int col) const;
  std::string ColumnText(int col) const;  // "" for NULL
  // The same without a copy: valid until the next Step, Reset or Column call
  // on this column.
  std::string_view ColumnTextView(int col) const;
  std::string ColumnBlob(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}

  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;  // not owned; for error messages
  Status bind_error_;      // first bind failure, reported by Step/Run
};

// Statements prepared on first use and reused, keyed by their SQL, which must
// outlive the cache (constants, static strings). Use resets the statement
// and clears its bindings first. Borrows the connection: declare a cache
// after the Database it uses, so that its statements are finalized first.
class StatementCache {
 public:
  explicit StatementCache(Database& db) : db_(&db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  Result<Statement*> Use(std::string_view sql);

 private:
  Database* db_;
  std::unordered_map<std::string_view, Statement> statements_;
};

// BEGIN IMMEDIATE on construction via Begin(); ROLLBACK in the destructor
// unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& db);
  ~Transaction();
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // not owned; null once committed or moved from
};

// SAVEPOINT inside an open transaction, so that one unit of work can fail
// alone: Begin() sets it, Release() keeps its changes in the enclosing
// transaction, and the destructor rolls back to it (and releases it) unless
// released. Savepoints nest; each has the same name, and SQLite resolves a
// name to the innermost one.
class Savepoint {
 public:
  static Result<Savepoint> Begin(Database& db);
  ~Savepoint();
  Savepoint(Savepoint&& other) noexcept;
  Savepoint& operator=(Savepoint&&) = delete;
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  Status Release();

 private:
  explicit Savepoint(Database* db) : db_(db) {}
  Database* db_ = nullptr;  // not owned; null once released or moved from
};

}  // namespace regdiff::sqlite
