// The pager, as a person at a terminal meets it: long output of list, show,
// diff, asof, timeline and search goes through $PAGER on a terminal (here a
// pseudo-terminal made by script(1)), never into a pipe or a file, and not
// with --no-pager or PAGER=cat.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

class PagerTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "script(1) (util-linux) is not installed: no pseudo-terminal to test on";
    }
    ASSERT_EQ(Regdiff({"ingest", SamplesDir()}).exit_code, 0);
  }

  // The terminal's text of `regdiff --db DB ARGS` run on a pseudo-terminal
  // with `pager` as $PAGER (unset when empty).
  std::string OnTerminal(const std::vector<std::string>& args, const std::string& pager) {
    std::ostringstream command;
    command << ShellQuote(RegdiffBinary()) << " --db " << ShellQuote(db_);
    for (const std::string& a : args) command << ' ' << ShellQuote(a);
    const std::string out = MakeTempDir() + "/terminal";
    std::ostringstream run;
    if (pager.empty()) run << "env -u PAGER -u REGDIFF_PAGER";
    else run << "env -u REGDIFF_PAGER PAGER=" << ShellQuote(pager);
    run << " script -qec " << ShellQuote(command.str()) << " /dev/null > " << ShellQuote(out)
        << " 2>&1 </dev/null";
    EXPECT_EQ(std::system(run.str().c_str()), 0) << run.str();
    return ReadFileOrDie(out);
  }
};

TEST_F(PagerTest, LongOutputOnATerminalGoesThroughThePager) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list"}, std::vector<std::string>{"asof", "2025-11-09"},
        std::vector<std::string>{"timeline", "Ho"}}) {
    const std::string screen = OnTerminal(args, "sed s/^/PAGED:/");
    EXPECT_EQ(screen.rfind("PAGED:", 0), 0u) << args[0] << ":\n" << screen.substr(0, 300);
  }
}

TEST_F(PagerTest, NoPagerForPipesFilesNoPagerOrCat) {
  // A pipe: RunRegdiff reads standard output through one.
  RunResult piped = Regdiff({"list"});
  EXPECT_EQ(piped.out.find("PAGED:"), std::string::npos);
  EXPECT_EQ(OnTerminal({"--no-pager", "list"}, "sed s/^/PAGED:/").find("PAGED:"),
            std::string::npos);
  EXPECT_EQ(OnTerminal({"list"}, "cat").find("PAGED:"), std::string::npos);
  // A command that prints a line or two is not paged.
  EXPECT_EQ(OnTerminal({"query", "--hs", "28053019"}, "sed s/^/PAGED:/").find("PAGED:"),
            std::string::npos);
}

}  // namespace
}  // namespace regdiff::testing
