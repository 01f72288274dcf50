// A command that only reads the database never creates one: a mistyped
// --db is a usage error that names the path, not an empty answer ("not
// controlled") from a database made on the spot.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

TEST(MissingDatabase, EveryReadCommandAndForgetRefuseAndCreateNothing) {
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/typo/regdiff.db";
  const std::vector<std::vector<std::string>> commands = {
      {"query", "--hs", "28053019", "--json"},
      {"query", "--party", "SUBARU Corporation"},
      {"asof", "2025-12-01", "--json"},
      {"list"},
      {"show", "2025-57"},
      {"timeline", "1C909"},
      {"diff", "--asof", "2025-04-04", "--asof", "2025-12-01"},
      {"search", "钬"},
      {"export", "--as-of", "2025-12-01"},
      {"forget", "2025-57"},  // writes, but never to a database it would create
      {"forget", "2025-57", "--dry-run"},
  };
  for (std::vector<std::string> args : commands) {
    SCOPED_TRACE(args[0]);
    args.insert(args.begin(), {"--db", db});
    RunResult r = RunRegdiff(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("no database at " + db), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("ingest"), std::string::npos) << "says how to create one: " << r.err;
    EXPECT_FALSE(fs::exists(dir + "/typo")) << "nothing created";
  }
  // ingest creates it; then the same query answers.
  ASSERT_EQ(RunRegdiff({"--db", db, "ingest", "-q", SamplesDir()}).exit_code, 0);
  EXPECT_EQ(RunRegdiff({"--db", db, "query", "--hs", "28053019"}).exit_code, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::testing
