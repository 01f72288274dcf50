// The pager: a child `sh -c PAGER` reading our standard output through a pipe.
#include "tools/pager.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace regdiff::tools {
namespace {

bool OnPath(const char* program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string dirs = path;
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string PagerCommand() {
  for (const char* name : {"REGDIFF_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(name)) {
      std::string pager = value;
      return pager == "cat" ? "" : pager;
    }
  }
  return OnPath("less") ? "less" : "";
}

std::unique_ptr<Pager> Pager::StartIfWanted() {
  if (isatty(STDOUT_FILENO) != 1) return nullptr;
  const std::string command = PagerCommand();
  if (command.empty()) return nullptr;
  int fds[2];
  if (pipe(fds) != 0) return nullptr;
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return nullptr;
  }
  if (pid == 0) {
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    close(fds[1]);
    setenv("LESS", "FRX", /*overwrite=*/0);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  dup2(fds[1], STDOUT_FILENO);
  close(fds[0]);
  close(fds[1]);
  // A pager quit early (q in less) closes the pipe: writes then fail with
  // EPIPE instead of killing regdiff.
  std::signal(SIGPIPE, SIG_IGN);
  return std::unique_ptr<Pager>(new Pager(pid));
}

Pager::~Pager() {
  std::fflush(stdout);
  close(STDOUT_FILENO);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace regdiff::tools
