// OutputFile: where a command's answer goes (--out FILE or standard output),
// written piece by piece; a FILE appears whole or not at all.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "corpus/status.h"

namespace regdiff::tools {

// Standard output, or FILE through FILE.tmp renamed into place by Commit
// (the temporary file stays when an error comes first, for a look).
class OutputFile {
 public:
  // `path` empty or "-": standard output.
  static Result<OutputFile> Open(const std::string& path);

  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  ~OutputFile();

  // A failed write is remembered and reported by Commit.
  void Write(std::string_view bytes);

  // Flushes standard output, or closes the temporary file and moves it to FILE.
  Status Commit();

 private:
  OutputFile() = default;

  std::FILE* file_ = nullptr;
  std::string path_, tmp_;  // empty for stdout
  bool failed_ = false;
};

// `bytes` to FILE (through a temporary file renamed into place) or to stdout.
Status WriteOutputFile(const std::string& path, std::string_view bytes);

}  // namespace regdiff::tools
