// Building the normalised texts that English parser tests read, without
// ingest/: an English text is its own matching view.
#pragma once

#include <string>

#include "corpus/text.h"
#include "tests/test_paths.h"

namespace regdiff::parsers::testing {

inline NormalizedText English(std::string text) {
  NormalizedText n;
  n.match = text;
  n.text = std::move(text);
  return n;
}

// A fixture of tests/fixtures/en/ as a normalised text.
inline NormalizedText EnglishFixture(const std::string& name) {
  return English(regdiff::testing::ReadFileOrDie(regdiff::testing::FixturesDir() + "/en/" + name));
}

}  // namespace regdiff::parsers::testing
