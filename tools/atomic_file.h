// AtomicFile: a file replaced whole or not at all. Every file regdiff writes
// for the user (`export --out`, `diff --out`, the Atom feeds of `watch`) goes
// through it.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "corpus/status.h"

namespace regdiff::tools {

// The bytes go to a new temporary file beside the target ("TARGET.tmp.XXXXXX",
// created with O_CREAT|O_EXCL|O_NOFOLLOW: never an existing name, never
// through a planted symbolic link), which Commit flushes, fsyncs and renames
// over the target. Until Commit succeeds the target is as it was; a temporary
// not committed (an error, a failed write, the owner destroyed first) is
// removed. The new file has the target's permission bits when the target
// exists, else those a newly created file gets (0666 less the umask: 0644
// under the usual umask 022). Move-only; owns the temporary's stream.
class AtomicFile {
 public:
  // Errors: kIoError naming the temporary (a missing or unwritable
  // directory).
  static Result<AtomicFile> Create(const std::string& path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  ~AtomicFile();

  // Appends `bytes`; the first failure is kept (with its errno) and later
  // writes are dropped; Commit reports it.
  void Write(std::string_view bytes);

  // Flushes, fsyncs and closes the temporary, then renames it to the target
  // (and fsyncs the directory). Errors: kIoError with the reason of the
  // first failure ("cannot write F: No space left on device"); the
  // temporary is removed and the target left as it was.
  Status Commit();

  const std::string& temporary_path() const { return tmp_; }

 private:
  AtomicFile() = default;
  void Remember(int error);
  void Discard();

  std::FILE* file_ = nullptr;
  std::string path_, tmp_;
  int error_ = 0;  // errno of the first failed write, 0 while all went well
};

// `bytes` to `path` through an AtomicFile. Errors: as Create and Commit.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace regdiff::tools
