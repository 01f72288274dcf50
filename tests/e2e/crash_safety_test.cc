// Crash safety of `regdiff ingest`: a run over 1,000 small announcements is
// killed with SIGKILL at random points, several times per database. After
// every kill the database must pass SQLite's integrity checks and hold no
// partial document (every stored snapshot has exactly the text, documents and
// row counts an uninterrupted run gives it); a final uninterrupted rerun must
// reach exactly the state of a run that was never interrupted. The kill
// points are drawn from a fixed seed, scaled to the measured length of one
// uninterrupted run on this machine.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/announcement_set.h"
#include "tests/e2e/child_process.h"
#include "tests/e2e/db_dump.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 1000;
constexpr int kTrials = 4;         // databases, each killed kKillsPerTrial times, then rerun
constexpr int kKillsPerTrial = 3;
constexpr unsigned kSeed = 20251109;

int SchemaVersionOf(const std::string& path) {
  sqlite::Database db = OpenForCheck(path);
  std::vector<std::string> v = QueryRows(db, "PRAGMA user_version", 1);
  return v.empty() ? -1 : std::stoi(v[0]);
}

TEST(CrashSafety, SigkillMidIngestLeavesNoPartialDocumentAndARerunCompletes) {
  const std::string dir = MakeTempDir();
  const std::string in = dir + "/in";
  WriteAnnouncementSet(in, kFiles);

  // The reference: one uninterrupted run.
  const std::string ref_db = dir + "/reference.db";
  const auto start = std::chrono::steady_clock::now();
  RunResult ref = RunRegdiff({"--db", ref_db, "ingest", "-q", in});
  const double run_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(ref.exit_code, 0) << ref.err;
  ASSERT_EQ(CheckIntegrity(ref_db), "ok");
  const std::map<std::string, std::string> want_shapes = SnapshotShapes(ref_db);
  const auto want_dump = CanonicalDump(ref_db);
  ASSERT_EQ(want_shapes.size(), static_cast<size_t>(kFiles));
  for (const auto& [sha, shape] : want_shapes) {
    ASSERT_NE(shape.find("; "), std::string::npos) << "a file of the set parsed to no document";
  }

  std::mt19937 rng(kSeed);
  int mid_run_kills = 0;       // kills that found regdiff still running
  int partial_kills = 0;       // ... and left some, not all, documents stored
  std::string kill_log;
  for (int trial = 0; trial < kTrials; ++trial) {
    const std::string db = dir + "/trial-" + std::to_string(trial) + ".db";
    // Kill points are drawn from [0, window). A run that finishes before its
    // kill (a loaded machine runs slower or faster than the reference, and
    // a resumed run skips what is stored) shrinks the window below its own
    // length and does not count, so every trial gets its kills mid-run.
    double window_ms = run_ms;
    int kills = 0;
    for (int attempt = 0; kills < kKillsPerTrial && attempt < 4 * kKillsPerTrial; ++attempt) {
      const double delay_ms = std::uniform_real_distribution<double>(0.0, window_ms)(rng);
      ChildProcess child =
          SpawnRegdiff({"--db", db, "ingest", "-q", in}, dir + "/out", dir + "/err");
      ASSERT_GT(child.pid, 0);
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(delay_ms));
      ChildExit exit = KillChild(child);
      if (!exit.signaled) {
        // It finished first; then it must have finished cleanly.
        EXPECT_EQ(exit.code, 0) << ReadFileOrDie(dir + "/err");
        window_ms = std::max(1.0, delay_ms * 0.8);
      } else {
        ++kills;
      }
      if (!fs::exists(db) || SchemaVersionOf(db) == 0) {
        kill_log += " [before the schema]";
        continue;
      }
      SCOPED_TRACE("trial " + std::to_string(trial) + ", attempt " + std::to_string(attempt) +
                   " at " + std::to_string(static_cast<int>(delay_ms)) + " ms");
      ASSERT_EQ(CheckIntegrity(db), "ok");
      EXPECT_TRUE(SourcesWithBrokenVersions(db).empty());
      const std::map<std::string, std::string> shapes = SnapshotShapes(db);
      for (const auto& [sha, shape] : shapes) {
        auto want = want_shapes.find(sha);
        ASSERT_NE(want, want_shapes.end()) << "a snapshot no file of the set has: " << sha;
        EXPECT_EQ(shape, want->second) << "partial document for snapshot " << sha;
      }
      if (exit.signaled) {
        ++mid_run_kills;
        if (!shapes.empty() && shapes.size() < want_shapes.size()) ++partial_kills;
      }
      kill_log += std::string(exit.signaled ? " " : " done:") + std::to_string(shapes.size());
      // A run that stored everything leaves nothing for a later kill to cut:
      // the trial starts again from an empty database.
      if (!exit.signaled || shapes.size() == want_shapes.size()) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
      }
    }
    RunResult rerun = RunRegdiff({"--db", db, "ingest", "-q", in});
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    ASSERT_EQ(CheckIntegrity(db), "ok");
    EXPECT_EQ(DumpDifference(CanonicalDump(db), want_dump), "") << "trial " << trial;
    kill_log += " | ";
  }
  // Documents stored at each kill ("done:" where the run finished first), for the record.
  std::printf("uninterrupted run: %.0f ms; documents stored at each kill:%s\n", run_ms,
              kill_log.c_str());
  // The test proves something only if kills landed mid-run, and some of them
  // between two commits of a batch.
  EXPECT_GE(mid_run_kills, kTrials * kKillsPerTrial / 2) << kill_log;
  EXPECT_GE(partial_kills, 1) << kill_log;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::testing
