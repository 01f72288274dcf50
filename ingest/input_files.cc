// Listing input files with std::filesystem (errors as values, never thrown)
// and reading them through POSIX descriptors with a size cap.
#include "ingest/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "ingest/fd.h"

namespace regdiff::ingest {
namespace {

namespace fs = std::filesystem;

// Legacy .doc and .xls are walked too: reading them fails with a message
// saying how to convert them, where skipping them would hide them.
constexpr std::string_view kAnnouncementExtensions[] = {
    ".html", ".htm", ".shtml", ".txt", ".pdf", ".docx", ".xlsx", ".doc", ".xls"};

bool IsAnnouncementFile(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view known : kAnnouncementExtensions) {
    if (ext == known) return true;
  }
  return false;
}

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

Status FromErrorCode(const std::error_code& ec) { return Status::IoError(ec.message()); }

// What a path that is no regular file is, for messages: "is a FIFO".
std::string KindOf(fs::file_type type) {
  switch (type) {
    case fs::file_type::directory: return "is a directory";
    case fs::file_type::fifo: return "is a FIFO";
    case fs::file_type::character: return "is a character device";
    case fs::file_type::block: return "is a block device";
    case fs::file_type::socket: return "is a socket";
    case fs::file_type::symlink: return "is a symbolic link";
    case fs::file_type::not_found: return "does not exist";
    default: return "is a special file";
  }
}

fs::file_type TypeOfMode(mode_t mode) {
  if (S_ISREG(mode)) return fs::file_type::regular;
  if (S_ISDIR(mode)) return fs::file_type::directory;
  if (S_ISFIFO(mode)) return fs::file_type::fifo;
  if (S_ISCHR(mode)) return fs::file_type::character;
  if (S_ISBLK(mode)) return fs::file_type::block;
  if (S_ISSOCK(mode)) return fs::file_type::socket;
  return fs::file_type::unknown;
}

Status NotARegularFile(fs::file_type type) {
  return Status::IoError(KindOf(type) + ", not a regular file");
}

// Walks `dir` recursively, appending announcement files to `found`
// (unsorted), counting other files as skipped and unreadable directories as
// errors. Symbolic links to directories are not followed (no cycles).
void WalkDirectory(const fs::path& dir, InputFiles& out, std::vector<std::string>& found) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.errors.emplace_back(dir.string(), FromErrorCode(ec));
    return;
  }
  for (const fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      out.errors.emplace_back(dir.string(), FromErrorCode(ec));
      return;
    }
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path())) continue;  // .git, .DS_Store: silently
    std::error_code type_ec;
    if (entry.is_symlink(type_ec) && fs::is_directory(entry.path(), type_ec)) {
      ++out.skipped;
      continue;
    }
    const fs::file_type type = entry.status(type_ec).type();  // links followed
    if (type == fs::file_type::directory) {
      WalkDirectory(entry.path(), out, found);
    } else if (type == fs::file_type::regular) {
      if (IsAnnouncementFile(entry.path())) {
        found.push_back(entry.path().string());
      } else {
        ++out.skipped;  // other extensions
      }
    } else {
      ++out.skipped;
      // FIFOs, devices, sockets: named, never opened. Dangling links: counted.
      if (type != fs::file_type::not_found && type != fs::file_type::none) {
        out.special.emplace_back(entry.path().string(), KindOf(type));
      }
    }
  }
}

}  // namespace

InputFiles ListInputFiles(const std::vector<std::string>& paths) {
  InputFiles out;
  for (const std::string& arg : paths) {
    fs::path path(arg);
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      if (ec && ec != std::errc::no_such_file_or_directory) {
        out.errors.emplace_back(arg, FromErrorCode(ec));
      } else {
        out.errors.emplace_back(arg, Status::IoError("no such file or directory"));
      }
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      WalkDirectory(path, out, found);
      std::sort(found.begin(), found.end());
      out.files.insert(out.files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(status)) {
      out.files.push_back(arg);
    } else {
      out.errors.emplace_back(arg, NotARegularFile(status.type()));
    }
  }
  return out;
}

Result<std::string> ReadFileBytes(const std::string& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading blocks until a writer comes; a
  // regular file ignores the flag. O_NOCTTY: a terminal device named here
  // must not become our controlling terminal.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (!fd.valid()) {
    const int err = errno;
    struct stat st {};
    if (err == ENOENT) return Status::IoError("no such file or directory");
    // A socket cannot be opened at all (ENXIO): say what it is.
    if (err == ENXIO && ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      return NotARegularFile(TypeOfMode(st.st_mode));
    }
    return Status::IoError(std::strerror(err));
  }
  // The descriptor, not the path: what is read is what was checked.
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Status::IoError(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return NotARegularFile(TypeOfMode(st.st_mode));
  if (st.st_size > 0 && static_cast<uintmax_t>(st.st_size) > max_bytes) {
    return Status::TooLarge("file is " + std::to_string(st.st_size) + " bytes, over the " +
                            std::to_string(max_bytes) + "-byte limit");
  }

  std::string bytes;
  bytes.reserve(static_cast<size_t>(st.st_size));
  // Read in chunks, checking the cap as we go: the file may grow under us.
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("read failed: ") + std::strerror(errno));
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<size_t>(got) > max_bytes) {
      return Status::TooLarge("file is over the " + std::to_string(max_bytes) +
                              "-byte limit");
    }
    bytes.append(buffer, static_cast<size_t>(got));
  }
  return bytes;
}

Result<std::string> ReadStdinBytes(size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("reading standard input: ") + std::strerror(errno));
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<size_t>(got) > max_bytes) {
      return Status::TooLarge("standard input is over the " + std::to_string(max_bytes) +
                              "-byte limit");
    }
    bytes.append(buffer, static_cast<size_t>(got));
  }
  return bytes;
}

}  // namespace regdiff::ingest
