// Runs the built regdiff binary as a child process the test can wait for or
// kill (fork/exec; RunRegdiff in run_regdiff.h only runs to completion).
// stdin is /dev/null; stdout and stderr go to files the test reads after.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace regdiff::testing {

struct ChildProcess {
  pid_t pid = -1;
  std::string out_path, err_path;
};

struct ChildExit {
  bool signaled = false;
  int code = -1;    // exit status when !signaled
  int signal = 0;   // the signal that ended it when signaled
};

// What exec needs to start `regdiff ARGS...` with NO_COLOR=1 and the
// parent's environment (ASAN_OPTIONS included): built before fork, since
// between fork and exec only async-signal-safe calls may run. Built in
// place: argv and envp point into the strings.
struct RegdiffExec {
  std::vector<std::string> arg_strings, env_strings;
  std::vector<char*> argv, envp;

  void Build(const std::vector<std::string>& args) {
    arg_strings = {RegdiffBinary()};
    arg_strings.insert(arg_strings.end(), args.begin(), args.end());
    for (std::string& a : arg_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    env_strings = {"NO_COLOR=1"};
    for (char** e = environ; *e; ++e) {
      if (std::string(*e).rfind("NO_COLOR=", 0) != 0) env_strings.push_back(*e);
    }
    for (std::string& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
  }
};

// Starts `regdiff ARGS...` with NO_COLOR=1 (and the parent's environment,
// ASAN_OPTIONS included); output to out_path/err_path (created or truncated).
inline ChildProcess SpawnRegdiff(const std::vector<std::string>& args, const std::string& out_path,
                                 const std::string& err_path) {
  // Everything the child needs is built before fork: between fork and exec
  // only async-signal-safe calls (the test binary may have threads).
  RegdiffExec exec;
  exec.Build(args);
  char* const* argv = exec.argv.data();
  char* const* envp = exec.envp.data();

  ChildProcess child{-1, out_path, err_path};
  child.pid = fork();
  if (child.pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execve(argv[0], argv, envp);
    _exit(127);
  }
  return child;
}

inline ChildExit WaitChild(ChildProcess& child) {
  ChildExit result;
  int status = 0;
  pid_t got;
  do {
    got = waitpid(child.pid, &status, 0);
  } while (got < 0 && errno == EINTR);
  if (got != child.pid) return result;
  child.pid = -1;
  if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.signal = WTERMSIG(status);
  } else if (WIFEXITED(status)) {
    result.code = WEXITSTATUS(status);
  }
  return result;
}

// SIGKILL, then reap. The child may have finished already: the result says.
inline ChildExit KillChild(ChildProcess& child) {
  kill(child.pid, SIGKILL);
  return WaitChild(child);
}

}  // namespace regdiff::testing
