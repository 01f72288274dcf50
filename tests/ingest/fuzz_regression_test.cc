// Replays inputs through the fuzz target bodies over ingest/ (the same code
// libFuzzer runs, tests/fuzz/ingest_targets.cc): every input a fuzzer or a
// review found (tests/fixtures/fuzz/<target>/) through its own target, and
// our fixtures and samples through every target. A broken contract aborts
// the test binary; the sanitizer suite (tools/test-sanitized) also catches
// memory errors and undefined behaviour.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fuzz/ingest_targets.h"
#include "tests/test_paths.h"

namespace regdiff::fuzz {
namespace {

namespace fs = std::filesystem;
using regdiff::testing::FixtureFilesIn;
using regdiff::testing::FixturesDir;
using regdiff::testing::ReadFileOrDie;
using regdiff::testing::SamplesDir;
using regdiff::testing::SourceDir;

struct Target {
  const char* name;
  int (*body)(const uint8_t*, size_t);
};

constexpr Target kTargets[] = {
    {"charset", FuzzCharset},         {"html_text", FuzzHtmlText},
    {"document_text", FuzzDocumentText}, {"sources_file", FuzzSourcesFile},
    {"link_extractor", FuzzLinkExtractor}, {"pdf_text", FuzzPdfText},
    {"docx_text", FuzzDocxText},         {"xlsx_text", FuzzXlsxText},
};

int Replay(const Target& target, const std::string& path) {
  std::string bytes = ReadFileOrDie(path);
  SCOPED_TRACE(std::string(target.name) + " <- " + path);
  return target.body(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST(FuzzRegression, EveryKeptInputReplaysThroughItsTarget) {
  int replayed = 0;
  for (const Target& target : kTargets) {
    for (const std::string& path : FixtureFilesIn(FixturesDir() + "/fuzz/" + target.name)) {
      EXPECT_EQ(Replay(target, path), 0);
      ++replayed;
    }
  }
  EXPECT_GE(replayed, 2);  // html_text's nested forms and deep nesting at least
}

TEST(FuzzRegression, FixturesAndSamplesKeepEveryContract) {
  std::vector<std::string> inputs;
  for (const std::string& dir : {FixturesDir() + "/ingest", FixturesDir() + "/hostile",
                                 SamplesDir(), FixturesDir() + "/en"}) {
    for (const std::string& f : FixtureFilesIn(dir)) inputs.push_back(f);
  }
  inputs.push_back(SourceDir() + "/sources.toml");
  ASSERT_GE(inputs.size(), 15u);
  for (const Target& target : kTargets) {
    for (const std::string& path : inputs) EXPECT_EQ(Replay(target, path), 0);
  }
}

}  // namespace
}  // namespace regdiff::fuzz
