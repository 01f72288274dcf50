// AtomicFile: a temporary created exclusively beside the target, renamed
// over it on Commit, removed otherwise.
#include "tools/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <utility>

namespace regdiff::tools {
namespace {

// Tries before giving up on finding a free temporary name.
constexpr int kMaxNameTries = 100;

// Six random letters and digits, as mkstemp's XXXXXX.
std::string RandomSuffix() {
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device random;
  std::uniform_int_distribution<size_t> pick(0, sizeof kChars - 2);
  std::string out(6, '?');
  for (char& c : out) c = kChars[pick(random)];
  return out;
}

std::string DirectoryOf(const std::string& path) {
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::string Reason(int error) { return std::strerror(error); }

}  // namespace

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  // The target's permission bits when it is there; a device, a FIFO or a
  // directory is not replaced by a file.
  struct stat target {};
  bool keep_mode = false;
  if (::stat(path.c_str(), &target) == 0) {
    if (!S_ISREG(target.st_mode)) {
      return Status::IoError("cannot write " + path + ": not a regular file");
    }
    keep_mode = true;
  }
  AtomicFile out;
  out.path_ = path;
  int fd = -1;
  for (int attempt = 0; attempt < kMaxNameTries && fd < 0; ++attempt) {
    out.tmp_ = path + ".tmp." + RandomSuffix();
    // O_EXCL: a name that exists (a planted symbolic link included) is
    // never opened; 0666 is narrowed by the umask as for any new file.
    fd = ::open(out.tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    const int error = errno;
    std::string tmp = std::exchange(out.tmp_, {});  // nothing of ours to remove
    return Status::IoError("cannot create " + tmp + ": " + Reason(error));
  }
  if (keep_mode && ::fchmod(fd, target.st_mode & 0777) != 0) out.Remember(errno);
  out.file_ = ::fdopen(fd, "wb");
  if (!out.file_) {
    const int error = errno;
    ::close(fd);
    return Status::IoError("cannot write " + out.tmp_ + ": " + Reason(error));
  }
  return out;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      path_(std::move(other.path_)),
      tmp_(std::exchange(other.tmp_, {})),
      error_(other.error_) {}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Remember(int error) {
  if (error_ == 0) error_ = error != 0 ? error : EIO;
}

void AtomicFile::Discard() {
  if (file_) std::fclose(std::exchange(file_, nullptr));
  if (!tmp_.empty()) ::unlink(std::exchange(tmp_, {}).c_str());
}

void AtomicFile::Write(std::string_view bytes) {
  if (error_ != 0 || !file_ || bytes.empty()) return;
  errno = 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) Remember(errno);
}

Status AtomicFile::Commit() {
  if (!file_) return Status::Internal("AtomicFile::Commit on a file already committed or moved");
  if (std::fflush(file_) != 0) Remember(errno);
  // EINVAL: a file system without fsync (a pipe-like or special one).
  if (error_ == 0 && ::fsync(::fileno(file_)) != 0 && errno != EINVAL) Remember(errno);
  if (std::fclose(std::exchange(file_, nullptr)) != 0) Remember(errno);
  if (error_ != 0) {
    Discard();
    return Status::IoError("cannot write " + path_ + ": " + Reason(error_));
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const int error = errno;
    Discard();
    return Status::IoError("cannot replace " + path_ + ": " + Reason(error));
  }
  tmp_.clear();
  // The rename itself survives a crash once the directory is synced; a
  // directory that cannot be synced (some file systems) changes nothing.
  const int dir = ::open(DirectoryOf(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);  // best effort, see above
    ::close(dir);
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  file->Write(bytes);
  return file->Commit();
}

}  // namespace regdiff::tools
