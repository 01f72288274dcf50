// Replays inputs through the fuzz target bodies over parsers/ (the same code
// libFuzzer runs, tests/fuzz/parser_targets.cc): every input a fuzzer found
// (tests/fixtures/fuzz/<target>/) through its own target, and our plain-text
// fixtures through every target. A broken contract (evidence outside the
// text, an impossible date, a date that does not parse alone) aborts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fuzz/parser_targets.h"
#include "tests/test_paths.h"

namespace regdiff::fuzz {
namespace {

namespace fs = std::filesystem;
using regdiff::testing::FixtureFilesIn;
using regdiff::testing::FixturesDir;
using regdiff::testing::ReadFileOrDie;

struct Target {
  const char* name;
  int (*body)(const uint8_t*, size_t);
};

constexpr Target kTargets[] = {
    {"zh_parser", FuzzZhParser}, {"en_parser", FuzzEnParser}, {"dates", FuzzDates}};

int Replay(const Target& target, const std::string& bytes, const std::string& label) {
  SCOPED_TRACE(std::string(target.name) + " <- " + label);
  return target.body(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST(FuzzRegression, EveryKeptInputReplaysThroughItsTarget) {
  for (const Target& target : kTargets) {
    for (const std::string& path : FixtureFilesIn(FixturesDir() + "/fuzz/" + target.name)) {
      EXPECT_EQ(Replay(target, ReadFileOrDie(path), path), 0);
    }
  }
}

TEST(FuzzRegression, TextFixturesKeepEveryContract) {
  std::vector<std::string> inputs;
  for (const std::string& dir : {FixturesDir() + "/en", FixturesDir() + "/watch",
                                 FixturesDir() + "/pairing"}) {
    for (const std::string& f : FixtureFilesIn(dir)) inputs.push_back(f);
  }
  ASSERT_GE(inputs.size(), 3u);
  // And the shapes that tripped parsers before: dates at the very end, lone
  // numerals, codes without text.
  const std::vector<std::string> edge = {
      "", "2025年", "2025年4月", "2025年2月30日", "二〇二五年四月四日", "April 4, 2025",
      "1C909.", "（一）", "商务部 海关总署公告2025年第", "\xe5\xb9", "公告2025年第57号\n\n\n"};
  for (const Target& target : kTargets) {
    for (const std::string& path : inputs) EXPECT_EQ(Replay(target, ReadFileOrDie(path), path), 0);
    for (const std::string& text : edge) EXPECT_EQ(Replay(target, text, "edge case"), 0);
  }
}

}  // namespace
}  // namespace regdiff::fuzz
