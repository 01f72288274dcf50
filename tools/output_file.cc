// OutputFile: standard output, or an AtomicFile.
#include "tools/output_file.h"

#include <cstdio>
#include <utility>

namespace regdiff::tools {

Result<OutputFile> OutputFile::Open(const std::string& path) {
  OutputFile out;
  if (path.empty() || path == "-") return out;
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  out.file_.emplace(std::move(file).value());
  return out;
}

void OutputFile::Write(std::string_view bytes) {
  if (file_) {
    file_->Write(bytes);
  } else {
    // Errors stay on stdout's stream for main to report.
    (void)std::fwrite(bytes.data(), 1, bytes.size(), stdout);
  }
}

Status OutputFile::Commit() {
  if (!file_) {
    (void)std::fflush(stdout);  // errors: reported by main, see the class comment
    return Status::Ok();
  }
  return file_->Commit();
}

Status WriteOutputFile(const std::string& path, std::string_view bytes) {
  auto out = OutputFile::Open(path);
  if (!out.ok()) return out.status();
  out->Write(bytes);
  return out->Commit();
}

}  // namespace regdiff::tools
