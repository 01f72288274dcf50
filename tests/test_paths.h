// Where tests find their data: the source tree (fixtures, samples), the
// shared real corpus (may be absent: tests skip with a message), the built
// binary, and fresh temporary directories.
#pragma once

#include <string>
#include <vector>

namespace regdiff::testing {

std::string SourceDir();      // repository root
std::string FixturesDir();    // tests/fixtures
std::string SamplesDir();     // corpus/samples
std::string SharedDir();      // ../shared next to the repository
std::string RegdiffBinary();  // build/regdiff

// True when ../shared/corpus exists; otherwise false and `why` says so.
bool SharedCorpusAvailable(std::string* why);

// A new empty directory under the system temp dir, removed by the caller
// (or left for inspection); unique per call.
std::string MakeTempDir();

// Whole file contents; aborts the test binary if unreadable.
std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& bytes);

// Keeps `path` (a screenshot, a captured screen) as a test artifact under
// $REGDIFF_TEST_ARTIFACTS (tools/test sets it to build/test-artifacts) with
// the name `name`, for a person to look at after the run; does nothing when
// the variable is unset. Returns where it was kept, or "".
std::string KeepArtifact(const std::string& path, const std::string& name);

// The regular files of `dir` other than Markdown notes (README.md), sorted;
// none when `dir` is absent.
std::vector<std::string> FixtureFilesIn(const std::string& dir);

}  // namespace regdiff::testing
