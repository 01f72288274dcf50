// Standard output that remembers why a write failed, and the one check of
// it every command ends with. glibc's own stdout forgets: after a failed
// write it drops its buffer, and a later fflush returns 0 with errno gone, so
// a full disk would pass for success.
#pragma once

namespace regdiff::tools {

// The exit status when standard output is a pipe whose reader quit (`| head`,
// the pager closed early): the status a shell reports for a process killed
// by SIGPIPE, as regdiff is when SIGPIPE is not ignored.
inline constexpr int kExitClosedPipe = 141;

// Replaces `stdout` (an assignable variable in glibc) with a stream writing
// to descriptor 1 that keeps the errno of the first write that failed and
// drops what comes after it; line-buffered on a terminal, else fully
// buffered, as stdout is. A descriptor set non-blocking is waited on. Call
// once, first thing in main, before anything is written.
void TrackStandardOutput();

// Flushes standard output; 0 when every byte written reached descriptor 1,
// else the errno of the first write that failed.
int FlushStandardOutput();

// The exit status of a command that returned `exit_code`, once its output
// is flushed: `exit_code` when standard output took everything;
// kExitClosedPipe, quietly, when its reader quit (EPIPE); otherwise
// kExitOutputFailed (2) with one line on stderr, "regdiff: cannot write standard output: No space
// left on device".
int ExitStatusAfterOutput(int exit_code);

}  // namespace regdiff::tools
