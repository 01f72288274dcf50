// Runs the built regdiff binary for end-to-end tests and captures its exit
// status, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace regdiff::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

// Runs the shell command `command`: its standard output, and its exit
// status (-1 when it did not exit); standard error goes where the command
// line sends it.
inline RunResult RunShell(const std::string& command) {
  RunResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs `regdiff ARGS...` with NO_COLOR set and stdin from `stdin_path`
// (/dev/null unless given).
inline RunResult RunRegdiff(const std::vector<std::string>& args,
                            const std::string& stdin_path = "/dev/null") {
  std::string dir = MakeTempDir();
  std::string err_path = dir + "/stderr";
  std::string cmd = "NO_COLOR=1 ";
  cmd += ShellQuote(RegdiffBinary());
  for (const auto& a : args) {
    cmd += ' ';
    cmd += ShellQuote(a);
  }
  cmd += " <" + ShellQuote(stdin_path) + " 2>";
  cmd += ShellQuote(err_path);
  RunResult r = RunShell(cmd);
  r.err = ReadFileOrDie(err_path);
  std::remove(err_path.c_str());
  std::remove(dir.c_str());
  return r;
}

// Runs `regdiff ARGS...` with `input` on its standard input.
inline RunResult RunRegdiffWithInput(const std::vector<std::string>& args,
                                     const std::string& input) {
  std::string dir = MakeTempDir();
  std::string in_path = dir + "/stdin";
  WriteFileOrDie(in_path, input);
  RunResult r = RunRegdiff(args, in_path);
  std::remove(in_path.c_str());
  std::remove(dir.c_str());
  return r;
}

}  // namespace regdiff::testing
