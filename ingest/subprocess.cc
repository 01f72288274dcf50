// RunSubprocess: posix_spawnp into a new process group, stdout read through
// a pipe with poll() against a deadline.
#include "ingest/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>
#include <utility>

#include "ingest/fd.h"

extern char** environ;

namespace regdiff::ingest {
namespace {

// The spawned child: its process group is killed and the child reaped on
// destruction unless it was waited for.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  ~Child() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Waits for the child to end until `deadline`: its exit code, -1 after a
  // signal, nullopt when it is still running then. The rest of its group (a
  // browser's helpers) is killed once it has ended.
  std::optional<int> Wait(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
      int status = 0;
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        ::kill(-pid_, SIGKILL);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      if (done < 0 && errno != EINTR) return -1;
      if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

 private:
  pid_t pid_;
};

// posix_spawn's attributes and file actions, destroyed on exit.
struct SpawnSetup {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t actions;
  SpawnSetup() {
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&actions);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

}  // namespace

Result<SubprocessResult> RunSubprocess(const std::vector<std::string>& argv,
                                       const SubprocessLimits& limits) {
  if (argv.empty()) return Status::InvalidArgument("no program to run");
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return Status::IoError(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  Fd read_end(pipe_fds[0]), write_end(pipe_fds[1]);

  SpawnSetup setup;
  posix_spawnattr_setflags(&setup.attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&setup.attr, 0);
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, write_end.get(), 1);
  posix_spawn_file_actions_addopen(&setup.actions, 2, "/dev/null", O_WRONLY, 0);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, argv[0].c_str(), &setup.actions, &setup.attr,
                                     args.data(), environ);
  if (spawned == ENOENT) return Status::NotFound("program not found: " + argv[0]);
  if (spawned != 0) {
    return Status::IoError("cannot start " + argv[0] + ": " + std::strerror(spawned));
  }
  Child child(pid);
  write_end.Reset();  // the child holds it; EOF comes when the child closes it

  SubprocessResult result;
  const auto deadline = std::chrono::steady_clock::now() + limits.time_limit;
  char buffer[65536];
  for (;;) {
    if (limits.cancel && limits.cancel->load()) return Status::IoError("cancelled: " + argv[0]);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return Status::IoError(argv[0] + " timed out after " +
                             std::to_string(limits.time_limit.count()) + " ms");
    }
    pollfd p{read_end.get(), POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 200)));
    if (ready < 0 && errno != EINTR) {
      return Status::IoError(std::string("cannot read from ") + argv[0] + ": " + std::strerror(errno));
    }
    if (ready <= 0) continue;
    const ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return Status::IoError(std::string("cannot read from ") + argv[0] + ": " + std::strerror(errno));
    }
    if (n == 0) break;  // end of output
    if (result.output.size() + static_cast<size_t>(n) > limits.max_output_bytes) {
      return Status::IoError(argv[0] + " wrote more than " +
                             std::to_string(limits.max_output_bytes) + " bytes");
    }
    result.output.append(buffer, static_cast<size_t>(n));
  }
  const std::optional<int> code = child.Wait(deadline);
  if (!code) {
    return Status::IoError(argv[0] + " timed out after " +
                           std::to_string(limits.time_limit.count()) + " ms");
  }
  result.exit_code = *code;
  return result;
}

}  // namespace regdiff::ingest
