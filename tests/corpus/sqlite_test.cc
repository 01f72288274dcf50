// The SQLite wrappers: errors come back as Status values carrying SQLite's
// message, and a transaction that is not committed leaves nothing behind.
#include "corpus/sqlite.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "tests/test_paths.h"

namespace regdiff::sqlite {
namespace {

Database OpenMemory() {
  auto db = Database::Open(":memory:");
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

int64_t CountRows(Database& db, const char* table_sql) {
  auto stmt = db.Prepare(table_sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row);
  return stmt->ColumnInt(0);
}

TEST(Sqlite, ExecReportsSqliteMessage) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x)").ok());
  Status s = db.Exec("CREATE TABLE t (x)");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("table t already exists"), std::string::npos) << s.message();

  s = db.Exec("SELEC 1");
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("syntax error"), std::string::npos) << s.message();
}

TEST(Sqlite, OpenFailureIsStatus) {
  auto db = Database::Open("/nonexistent-dir-for-regdiff/x/y.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kDatabase);
  EXPECT_NE(db.status().message().find("cannot open database"), std::string::npos)
      << db.status().message();
}

TEST(Sqlite, PrepareRejectsBadAndMultipleStatements) {
  Database db = OpenMemory();
  auto bad = db.Prepare("SELECT FROM WHERE");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kDatabase);

  // A second statement would be silently dropped by sqlite3_prepare_v2.
  auto two = db.Prepare("SELECT 1; SELECT 2");
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().message().find("more than one"), std::string::npos);

  EXPECT_TRUE(db.Prepare("SELECT 1;").ok());
  EXPECT_FALSE(db.Prepare("  ").ok());
}

TEST(Sqlite, BindErrorIsReportedByStepAndClearedByReset) {
  Database db = OpenMemory();
  auto stmt = db.Prepare("SELECT ?1");
  ASSERT_TRUE(stmt.ok());
  stmt->Bind(5, int64_t{7}).Bind(1, int64_t{8});  // 5 is out of range: first error wins
  auto row = stmt->Step();
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), Status::Code::kDatabase);
  EXPECT_NE(row.status().message().find("bind of parameter 5"), std::string::npos)
      << row.status().message();
  EXPECT_FALSE(stmt->Run().ok());

  stmt->Reset();
  stmt->Bind(1, int64_t{8});
  row = stmt->Step();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  ASSERT_TRUE(*row);
  EXPECT_EQ(stmt->ColumnInt(0), 8);
}

TEST(Sqlite, StepErrorIsStatusWithConstraintMessage) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x TEXT NOT NULL)").ok());
  auto insert = db.Prepare("INSERT INTO t (x) VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->BindNull(1);
  Status s = insert->Run();
  EXPECT_EQ(s.code(), Status::Code::kDatabase);
  EXPECT_NE(s.message().find("NOT NULL constraint failed"), std::string::npos) << s.message();

  // The statement is reusable after the failure.
  insert->Bind(1, "ok");
  EXPECT_TRUE(insert->Run().ok());
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM t"), 1);
}

TEST(Sqlite, EmptyStatementFailsInsteadOfCrashing) {
  Statement empty;
  empty.Bind(1, "x").BindNull(2);
  auto row = empty.Step();
  EXPECT_FALSE(row.ok());
  EXPECT_FALSE(empty.Run().ok());
  EXPECT_TRUE(empty.ColumnIsNull(0));
  EXPECT_EQ(empty.ColumnText(0), "");

  Database closed;
  EXPECT_FALSE(closed.Exec("SELECT 1").ok());
  EXPECT_FALSE(closed.Prepare("SELECT 1").ok());
}

TEST(Sqlite, TextAndBlobKeepEveryByteAndEmptyIsNotNull) {
  Database db = OpenMemory();
  auto stmt = db.Prepare("SELECT ?1, ?2, typeof(?3), typeof(?4), ?5");
  ASSERT_TRUE(stmt.ok());
  const std::string blob("a\0b\xff", 4);
  stmt->Bind(1, "钬 1C909.a")
      .BindBlob(2, blob)
      .Bind(3, std::string_view())
      .BindBlob(4, std::string_view())
      .Bind(5, std::optional<std::string>());
  auto row = stmt->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(stmt->ColumnText(0), "钬 1C909.a");
  EXPECT_EQ(stmt->ColumnBlob(1), blob);
  EXPECT_EQ(stmt->ColumnText(2), "text");
  EXPECT_EQ(stmt->ColumnText(3), "blob");
  EXPECT_TRUE(stmt->ColumnIsNull(4));
}

TEST(Sqlite, UncommittedTransactionIsRolledBackByDestructor) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x)").ok());
  {
    auto txn = Transaction::Begin(db);
    ASSERT_TRUE(txn.ok()) << txn.status().ToString();
    ASSERT_TRUE(db.Exec("INSERT INTO t VALUES (1)").ok());
    EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM t"), 1);
  }
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM t"), 0);

  {
    auto txn = Transaction::Begin(db);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db.Exec("INSERT INTO t VALUES (2)").ok());
    ASSERT_TRUE(txn->Commit().ok());
    EXPECT_FALSE(txn->Commit().ok());  // already finished
  }
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM t"), 1);

  // A moved-from transaction does not roll back twice; the new owner does.
  {
    auto txn = Transaction::Begin(db);
    ASSERT_TRUE(txn.ok());
    Transaction owner(std::move(txn).value());
    ASSERT_TRUE(db.Exec("INSERT INTO t VALUES (3)").ok());
  }
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM t"), 1);
  // No transaction is left open: a new one can begin.
  EXPECT_TRUE(Transaction::Begin(db).ok());
}

TEST(Sqlite, LockHeldByAnotherConnectionIsReportedAsLocked) {
  const std::string dir = regdiff::testing::MakeTempDir();
  const std::string path = dir + "/locked.db";
  auto a = Database::Open(path);
  auto b = Database::Open(path);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(a->Exec("CREATE TABLE t (x)").ok());
  // Do not wait the default 5 s in a unit test.
  ASSERT_TRUE(b->Exec("PRAGMA busy_timeout = 0").ok());
  auto holder = Transaction::Begin(*a);
  ASSERT_TRUE(holder.ok());
  auto waiter = Transaction::Begin(*b);
  ASSERT_FALSE(waiter.ok());
  EXPECT_EQ(waiter.status().code(), Status::Code::kDatabase);
  EXPECT_NE(waiter.status().message().find("database is locked"), std::string::npos)
      << waiter.status().message();
  std::filesystem::remove_all(dir);
}

TEST(Sqlite, TwoConnectionsSwitchingANewDatabaseToWalTogetherBothSucceed) {
  // Two `regdiff ingest` started together on a missing database: both create
  // it and switch it to WAL. SQLite answers one of them SQLITE_BUSY at once,
  // without the busy handler (waiting inside its read could deadlock);
  // ExecWaitingOutLocks waits and runs the statement again instead. One round
  // hits that about one time in four, so forty rounds.
  const std::string dir = regdiff::testing::MakeTempDir();
  int failures = 0;
  std::string first_failure;
  for (int round = 0; round < 40; ++round) {
    const std::string path = dir + "/new" + std::to_string(round) + ".db";
    Status results[2];
    auto open_and_switch = [&path](Status* out) {
      auto db = Database::Open(path);
      if (!db.ok()) {
        *out = db.status();
        return;
      }
      *out = db->ExecWaitingOutLocks("PRAGMA journal_mode = WAL");
      if (out->ok()) *out = db->Exec("CREATE TABLE IF NOT EXISTS t (x)");
    };
    std::thread one(open_and_switch, &results[0]);
    std::thread two(open_and_switch, &results[1]);
    one.join();
    two.join();
    for (const Status& s : results) {
      if (s.ok()) continue;
      if (failures++ == 0) first_failure = s.ToString();
    }
  }
  EXPECT_EQ(failures, 0) << "first: " << first_failure;
  std::filesystem::remove_all(dir);
}

// Busy: a statement stepped to a row holds its snapshot until it is done or
// reset; a transaction holds one until it ends.
TEST(Sqlite, BusyWhileAStatementOrATransactionHoldsItsSnapshot) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)").ok());
  EXPECT_FALSE(db.Busy());
  auto st = db.Prepare("SELECT x FROM t");
  ASSERT_TRUE(st.ok());
  EXPECT_FALSE(db.Busy());  // prepared, not stepped
  ASSERT_TRUE(*st->Step());
  EXPECT_TRUE(db.Busy());  // on its first row
  st->Reset();
  EXPECT_FALSE(db.Busy());
  ASSERT_TRUE(*st->Step());
  ASSERT_TRUE(*st->Step());
  EXPECT_FALSE(*st->Step());  // done
  EXPECT_FALSE(db.Busy());
  ASSERT_TRUE(db.Exec("BEGIN").ok());
  EXPECT_TRUE(db.Busy());
  ASSERT_TRUE(db.Exec("COMMIT").ok());
  EXPECT_FALSE(db.Busy());
}

TEST(Sqlite, LastInsertRowIdAndChanges) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, x)").ok());
  auto insert = db.Prepare("INSERT INTO t (x) VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->Bind(1, 10);
  ASSERT_TRUE(insert->Run().ok());
  insert->Bind(1, 20);
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(db.LastInsertRowId(), 2);
  ASSERT_TRUE(db.Exec("UPDATE t SET x = 0").ok());
  EXPECT_EQ(db.Changes(), 2);
}

}  // namespace
}  // namespace regdiff::sqlite
