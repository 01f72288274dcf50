// Finding the files to ingest: paths given on the command line, directories
// walked recursively in sorted order, keeping .html .htm .shtml .txt files and
// counting the others as skipped.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "corpus/status.h"

namespace regdiff::ingest {

struct InputFiles {
  std::vector<std::string> files;  // in a deterministic (sorted) order
  int skipped = 0;                 // files under directories with other extensions
  std::vector<std::pair<std::string, Status>> errors;  // unreadable paths
};

// A path that is a regular file is taken whatever its extension; a directory
// contributes its announcement files; anything else is an error entry.
InputFiles ListInputFiles(const std::vector<std::string>& paths);

// Reads a whole file. Errors: kIoError (unreadable), kTooLarge past max_bytes.
Result<std::string> ReadFileBytes(const std::string& path, size_t max_bytes);

// Reads standard input to its end ("-" on a command line). Errors: kIoError
// (a read failed), kTooLarge past max_bytes.
Result<std::string> ReadStdinBytes(size_t max_bytes);

}  // namespace regdiff::ingest
