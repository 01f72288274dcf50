// The fixture most end-to-end tests share: a fresh temporary directory with
// a database path in it, `regdiff --db` runs against that database, input
// files written under it, and the store's table counts read back.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/store.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {

class DbFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/test.db";
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Runs `regdiff --db db_ ARGS...`.
  RunResult Regdiff(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    return RunRegdiff(args);
  }

  // Runs `regdiff --db db_ ingest FLAGS... PATHS...`.
  RunResult Ingest(const std::vector<std::string>& paths, std::vector<std::string> flags = {}) {
    std::vector<std::string> args = {"ingest"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.insert(args.end(), paths.begin(), paths.end());
    return Regdiff(args);
  }

  // Writes `bytes` to dir_/in/NAME (directories created) and returns the path.
  std::string WriteInput(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/in/" + name;
    WriteFileOrDie(path, bytes);
    return path;
  }

  // The row counts of every table; a failure to open or count fails the test.
  TableCounts Counts() {
    auto store = AnnouncementStore::Open(db_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    auto counts = (*store)->Counts();
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : TableCounts{};
  }

  std::string dir_;
  std::string db_;
};

// The lines of `text` that contain `needle`.
inline std::vector<std::string> LinesContaining(const std::string& text, const std::string& needle) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.find(needle) != std::string::npos) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace regdiff::testing
