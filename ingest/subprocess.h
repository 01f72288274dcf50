// Running a helper program (the headless browser of `watch`) with a time
// limit: its standard output captured up to a size cap, its standard input
// and error closed or discarded, and the whole process group killed when
// the time runs out, the cap is passed or the caller is cancelled.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace regdiff::ingest {

struct SubprocessLimits {
  std::chrono::milliseconds time_limit{60'000};
  size_t max_output_bytes = 16u << 20;
  const std::atomic<bool>* cancel = nullptr;  // polled while waiting
};

struct SubprocessResult {
  int exit_code = -1;  // -1 when ended by a signal
  std::string output;  // standard output
};

// Runs argv[0] (looked up on PATH when it has no '/') with `argv` and the
// environment of this process, in a process group of its own. Errors:
// kNotFound (no such program), kIoError (cannot start it; timed out,
// cancelled or too much output, after killing its group).
Result<SubprocessResult> RunSubprocess(const std::vector<std::string>& argv,
                                       const SubprocessLimits& limits);

}  // namespace regdiff::ingest
