// RunSubprocess: output captured, and a program that runs too long or
// writes too much is killed with its whole process group.
#include "ingest/subprocess.h"

#include <gtest/gtest.h>

#include <chrono>

namespace regdiff::ingest {
namespace {

using namespace std::chrono_literals;

TEST(Subprocess, CapturesStandardOutputAndTheExitCode) {
  auto run = RunSubprocess({"sh", "-c", "printf 'a\\nb'; echo oops >&2; exit 3"}, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->output, "a\nb") << "standard error is not mixed in";
  EXPECT_EQ(run->exit_code, 3);
}

TEST(Subprocess, AProgramThatRunsTooLongIsKilledWithItsChildren) {
  SubprocessLimits limits;
  limits.time_limit = 300ms;
  const auto start = std::chrono::steady_clock::now();
  // The shell's child keeps the pipe open: only killing the group ends it.
  auto run = RunSubprocess({"sh", "-c", "sleep 30 & sleep 30"}, limits);
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.status().message().find("timed out after 300 ms"), std::string::npos)
      << run.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(Subprocess, TooMuchOutputIsAnError) {
  SubprocessLimits limits;
  limits.max_output_bytes = 1000;
  auto run = RunSubprocess({"sh", "-c", "yes"}, limits);
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.status().message().find("more than 1000 bytes"), std::string::npos);
}

TEST(Subprocess, AMissingProgramIsNotFound) {
  auto run = RunSubprocess({"regdiff-no-such-program"}, {});
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace regdiff::ingest
