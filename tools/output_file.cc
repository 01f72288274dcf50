// OutputFile: stdout, or a temporary file renamed into place.
#include "tools/output_file.h"

#include <filesystem>
#include <system_error>
#include <utility>

namespace regdiff::tools {

Result<OutputFile> OutputFile::Open(const std::string& path) {
  OutputFile out;
  if (path.empty() || path == "-") {
    out.file_ = stdout;
    return out;
  }
  out.path_ = path;
  out.tmp_ = path + ".tmp";
  out.file_ = std::fopen(out.tmp_.c_str(), "wb");
  if (!out.file_) return Status::IoError("cannot write " + out.tmp_);
  return out;
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      path_(std::move(other.path_)),
      tmp_(std::move(other.tmp_)),
      failed_(other.failed_) {}

OutputFile::~OutputFile() {
  if (file_ && file_ != stdout) std::fclose(file_);
}

void OutputFile::Write(std::string_view bytes) {
  if (!failed_ && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
}

Status OutputFile::Commit() {
  if (file_ == stdout) {
    if (std::fflush(stdout) != 0 || failed_) return Status::IoError("cannot write standard output");
    return Status::Ok();
  }
  const bool closed = std::fclose(std::exchange(file_, nullptr)) == 0;
  if (failed_ || !closed) return Status::IoError("cannot write " + tmp_);
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) return Status::IoError("cannot move " + tmp_ + " to " + path_ + ": " + ec.message());
  return Status::Ok();
}

Status WriteOutputFile(const std::string& path, std::string_view bytes) {
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  out->Write(bytes);
  return out->Commit();
}

}  // namespace regdiff::tools
