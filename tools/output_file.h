// OutputFile: where a command's answer goes (--out FILE or standard output),
// written piece by piece; a FILE appears whole or not at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corpus/status.h"
#include "tools/atomic_file.h"

namespace regdiff::tools {

// Standard output, or FILE through an AtomicFile (tools/atomic_file.h): FILE
// is replaced by Commit, and stays as it was when a write fails or the
// OutputFile is destroyed uncommitted (no temporary is left behind).
// Standard output's write errors are reported once for every command, by
// main (tools/standard_output.h), not here.
class OutputFile {
 public:
  // `path` empty or "-": standard output. Errors: as AtomicFile::Create.
  static Result<OutputFile> Open(const std::string& path);

  // A failed write is remembered and reported by Commit.
  void Write(std::string_view bytes);

  // Flushes standard output, or moves the written FILE into place.
  // Errors (FILE only): as AtomicFile::Commit.
  Status Commit();

 private:
  OutputFile() = default;

  std::optional<AtomicFile> file_;  // none for standard output
};

// `bytes` to FILE (through an AtomicFile) or to standard output.
Status WriteOutputFile(const std::string& path, std::string_view bytes);

}  // namespace regdiff::tools
