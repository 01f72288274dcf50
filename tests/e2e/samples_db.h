// The fixture of the end-to-end suites that only read: the bundled samples
// ingested once per suite into a temporary database, and `regdiff --db` runs
// against it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {

class SamplesDbSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir());
    RunResult r = RunRegdiff({"--db", Db(), "ingest", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    if (!dir_) return;
    std::filesystem::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Db() { return *dir_ + "/t.db"; }

  // `regdiff --db Db() ARGS...`.
  static RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    return RunRegdiff(args);
  }

  static inline std::string* dir_ = nullptr;
};

}  // namespace regdiff::testing
