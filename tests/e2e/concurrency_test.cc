// Two writers and a reader on one database at once: two `regdiff ingest`
// processes over overlapping and disjoint sets of files, and `regdiff list` /
// `regdiff asof` run in a loop while they write. No "database is locked" (or
// any other error) may reach the user, every process exits 0, and the final
// database holds exactly what one serial run of all the files gives: nothing
// lost, nothing stored twice.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "corpus/sqlite.h"
#include "corpus/store.h"

#include "tests/e2e/announcement_set.h"
#include "tests/e2e/child_process.h"
#include "tests/e2e/db_dump.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Concurrency, TwoWritersAndAReaderLoseNothingAndNeverReportALock) {
  const std::string dir = MakeTempDir();
  // Writer one reads only/ and shared/, writer two shared/ and other/: the
  // 300 shared files race for the same sources.
  WriteAnnouncementSet(dir + "/in/only", 350, 0);
  WriteAnnouncementSet(dir + "/in/shared", 300, 350);
  WriteAnnouncementSet(dir + "/in/other", 350, 650);

  const std::string serial_db = dir + "/serial.db";
  RunResult serial = RunRegdiff({"--db", serial_db, "ingest", "-q", dir + "/in"});
  ASSERT_EQ(serial.exit_code, 0) << serial.err;

  const std::string db = dir + "/shared.db";
  ChildProcess one = SpawnRegdiff(
      {"--db", db, "ingest", "-q", dir + "/in/only", dir + "/in/shared"}, dir + "/one.out",
      dir + "/one.err");
  ChildProcess two = SpawnRegdiff(
      {"--db", db, "ingest", "-q", dir + "/in/shared", dir + "/in/other"}, dir + "/two.out",
      dir + "/two.err");
  ASSERT_GT(one.pid, 0);
  ASSERT_GT(two.pid, 0);

  // The reader starts once a writer has created the database (a read
  // command never creates one: before that it is a usage error, exit 2),
  // and reads until both writers are done (and at least a few rounds).
  for (int i = 0; i < 1000 && !std::filesystem::exists(db); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(std::filesystem::exists(db)) << "no writer created the database within 10 s";
  int reads = 0;
  std::vector<std::string> reader_failures;
  auto still_running = [](const ChildProcess& c) {
    siginfo_t info{};
    // WNOWAIT: look without reaping; WaitChild collects the status below.
    waitid(P_PID, static_cast<id_t>(c.pid), &info, WEXITED | WNOHANG | WNOWAIT);
    return info.si_pid == 0;
  };
  while (reads < 8 || still_running(one) || still_running(two)) {
    // `list` is quick, `asof` loads every document: three of one, one of the other.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--db", db, "list"}, std::vector<std::string>{"--db", db, "list"},
          std::vector<std::string>{"--db", db, "list"},
          std::vector<std::string>{"--db", db, "asof", "2025-12-01", "--json"}}) {
      RunResult r = RunRegdiff(args);
      ++reads;
      if (r.exit_code != 0 || Contains(r.err, "locked") || Contains(r.err, "busy")) {
        reader_failures.push_back(args[2] + " exited " + std::to_string(r.exit_code) + ": " +
                                  r.err);
      }
    }
    if (reads > 2000) break;  // a writer that never ends fails below
  }
  ChildExit exit_one = WaitChild(one);
  ChildExit exit_two = WaitChild(two);
  const std::string err_one = ReadFileOrDie(dir + "/one.err");
  const std::string err_two = ReadFileOrDie(dir + "/two.err");

  EXPECT_FALSE(exit_one.signaled);
  EXPECT_FALSE(exit_two.signaled);
  EXPECT_EQ(exit_one.code, 0) << err_one;
  EXPECT_EQ(exit_two.code, 0) << err_two;
  EXPECT_FALSE(Contains(err_one, "locked")) << err_one;
  EXPECT_FALSE(Contains(err_two, "locked")) << err_two;
  EXPECT_EQ(err_one, "");  // -q: only errors would be printed
  EXPECT_EQ(err_two, "");
  EXPECT_TRUE(reader_failures.empty()) << reader_failures.size() << " of " << reads
                                       << " reads failed; first: " << reader_failures[0];
  std::printf("reader ran %d commands while the writers wrote\n", reads);

  ASSERT_EQ(CheckIntegrity(db), "ok");
  EXPECT_EQ(DumpDifference(CanonicalDump(db), CanonicalDump(serial_db)), "");
  EXPECT_EQ(SnapshotShapes(db), SnapshotShapes(serial_db));
  fs::remove_all(dir);
}

TEST(Concurrency, AnIngestWaitsOutAWriteLockHeldLongerThanFiveSeconds) {
  // Another writer (here a bare connection standing in for a `regdiff ingest`
  // in the middle of a batch, or a `regdiff watch` poll) holds the write lock
  // past SQLite's usual busy timeout of 5 s; the ingest waits and succeeds.
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/held.db";
  WriteAnnouncementSet(dir + "/in", 2);
  ASSERT_TRUE(AnnouncementStore::Open(db).ok());  // schema in place

  std::promise<void> locked;
  std::thread holder([&db, &locked] {
    auto conn = sqlite::Database::Open(db);
    ASSERT_TRUE(conn.ok());
    auto txn = sqlite::Transaction::Begin(*conn);
    locked.set_value();
    ASSERT_TRUE(txn.ok()) << txn.status().ToString();
    std::this_thread::sleep_for(std::chrono::milliseconds(6500));
    EXPECT_TRUE(txn->Commit().ok());
  });
  locked.get_future().wait();
  RunResult r = RunRegdiff({"--db", db, "ingest", "-q", dir + "/in"});
  holder.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Contains(r.err, "locked")) << r.err;
  auto store = AnnouncementStore::Open(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->Counts()->documents, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::testing
