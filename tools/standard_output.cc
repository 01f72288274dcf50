// Standard output through a glibc cookie stream that keeps its first errno.
#include "tools/standard_output.h"

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "corpus/status.h"
#include "tools/cli_context.h"

namespace regdiff::tools {
namespace {

// The errno of the first failed write to descriptor 1; 0 while none failed.
std::atomic<int> g_first_error{0};

// stdio's write callback: all of `size` bytes to descriptor 1, or the
// number written before the first error (stdio then marks the stream in
// error). After an error nothing more is written: the output has a gap.
ssize_t WriteToDescriptor(void* /*cookie*/, const char* bytes, size_t size) {
  if (g_first_error.load() != 0) return 0;
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(STDOUT_FILENO, bytes + done, size - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd out{STDOUT_FILENO, POLLOUT, 0};
      if (::poll(&out, 1, -1) >= 0 || errno == EINTR) continue;
    }
    int expected = 0;
    g_first_error.compare_exchange_strong(expected, n < 0 ? errno : EIO);
    break;
  }
  return static_cast<ssize_t>(done);
}

}  // namespace

void TrackStandardOutput() {
  cookie_io_functions_t functions{};
  functions.write = WriteToDescriptor;
  std::FILE* tracked = ::fopencookie(nullptr, "w", functions);
  if (!tracked) return;  // stdout stays as it was: unchecked but working
  if (isatty(STDOUT_FILENO) == 1) std::setvbuf(tracked, nullptr, _IOLBF, BUFSIZ);
  std::fflush(stdout);
  stdout = tracked;
}

int FlushStandardOutput() {
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout);
  if (const int error = g_first_error.load(); error != 0) return error;
  return failed ? EIO : 0;
}

int ExitStatusAfterOutput(int exit_code) {
  const int error = FlushStandardOutput();
  if (error == 0) return exit_code;
  if (error == EPIPE) return kExitClosedPipe;
  PrintError("", Status::IoError(std::string("cannot write standard output: ") +
                                 std::strerror(error)));
  return kExitOutputFailed;
}

}  // namespace regdiff::tools
