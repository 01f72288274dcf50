// Finding the files to ingest: paths given on the command line, directories
// walked recursively in sorted order, keeping .html .htm .shtml .txt .pdf
// .docx .xlsx (and legacy .doc .xls, to say they need converting) files and
// counting the others as skipped; and reading one file, or standard input,
// with a size cap, never blocking on or draining a special file.
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
  // Special files (FIFOs, devices, sockets) met in a directory walk, with
  // their kind ("is a FIFO"): skipped, counted in `skipped`, never opened.
  std::vector<std::pair<std::string, std::string>> special;
};

// A path that is a regular file is taken whatever its extension; a directory
// contributes its announcement files; anything else is an error entry naming
// its kind ("is a FIFO, not a regular file").
InputFiles ListInputFiles(const std::vector<std::string>& paths);

// Reads a whole regular file. It is opened without blocking (O_NONBLOCK, so
// a FIFO with no writer cannot hang the open) and without becoming the
// controlling terminal, and the open descriptor is checked before a byte is
// read: a FIFO, device, socket or directory is refused at once.
// Errors: kIoError (missing, unreadable, or not a regular file: the message
// names its kind, "is a character device, not a regular file"), kTooLarge
// past max_bytes.
Result<std::string> ReadFileBytes(const std::string& path, size_t max_bytes);

// Reads standard input to its end ("-" on a command line). Errors: kIoError
// (a read failed), kTooLarge past max_bytes.
Result<std::string> ReadStdinBytes(size_t max_bytes);

}  // namespace regdiff::ingest
