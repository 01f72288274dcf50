// Test data locations, compiled with paths from tests/CMakeLists.txt.
#include "tests/test_paths.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace regdiff::testing {

std::string SourceDir() { return REGDIFF_SOURCE_DIR; }
std::string FixturesDir() { return SourceDir() + "/tests/fixtures"; }
std::string SamplesDir() { return SourceDir() + "/corpus/samples"; }
std::string SharedDir() { return REGDIFF_SHARED_DIR; }
std::string RegdiffBinary() { return REGDIFF_BINARY; }

bool SharedCorpusAvailable(std::string* why) {
  std::error_code ec;
  if (std::filesystem::is_directory(SharedDir() + "/corpus", ec)) return true;
  if (why) *why = "real corpus not found at " + SharedDir() + "/corpus (../shared is absent)";
  return false;
}

std::string MakeTempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "regdiff-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  return tmpl;
}

std::string KeepArtifact(const std::string& path, const std::string& name) {
  const char* dir = std::getenv("REGDIFF_TEST_ARTIFACTS");
  if (dir == nullptr || *dir == '\0') return "";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string kept = (std::filesystem::path(dir) / name).string();
  std::filesystem::copy_file(path, kept, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) {
    std::fprintf(stderr, "cannot keep %s as %s: %s\n", path.c_str(), kept.c_str(), ec.message().c_str());
    return "";
  }
  return kept;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFileOrDie(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::abort();
  }
}

std::vector<std::string> FixtureFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() != ".md") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace regdiff::testing
