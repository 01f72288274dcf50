// Listing input files with std::filesystem (errors as values, never thrown)
// and reading them with a size cap.
#include "ingest/input_files.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace regdiff::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kAnnouncementExtensions[] = {".html", ".htm", ".shtml", ".txt"};

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
    if (entry.is_directory(type_ec)) {
      WalkDirectory(entry.path(), out, found);
    } else if (entry.is_regular_file(type_ec) && IsAnnouncementFile(entry.path())) {
      found.push_back(entry.path().string());
    } else {
      ++out.skipped;  // other extensions, fifos, dangling links
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
      out.errors.emplace_back(arg, Status::IoError("not a regular file or directory"));
    }
  }
  return out;
}

Result<std::string> ReadFileBytes(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return Status::IoError(ec.message());
    }
    return Status::IoError("no such file or directory");
  }
  if (fs::is_directory(status)) return Status::IoError("is a directory");

  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(std::strerror(errno));

  std::string bytes;
  uintmax_t size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
  if (!ec && size > max_bytes) {
    return Status::TooLarge("file is " + std::to_string(size) + " bytes, over the " +
                            std::to_string(max_bytes) + "-byte limit");
  }
  // Read in chunks, checking the cap as we go: the size may change under us,
  // and pipes or /proc files report none.
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (bytes.size() + static_cast<size_t>(got) > max_bytes) {
      return Status::TooLarge("file is over the " + std::to_string(max_bytes) +
                              "-byte limit");
    }
    bytes.append(buffer, static_cast<size_t>(got));
  }
  if (in.bad()) return Status::IoError("read failed");
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
