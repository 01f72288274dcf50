// Building the normalised texts that parser tests read, without ingest/
// (parsers tests link only parsers and corpus): a Simplified fixture is its
// own matching view; a Traditional fixture comes with its Simplified match,
// written by hand, byte for byte the same length.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "corpus/text.h"

namespace regdiff::parsers::testing {

inline NormalizedText Simplified(std::string text) {
  NormalizedText n;
  n.match = text;
  n.text = std::move(text);
  return n;
}

// `match` is `text` with every Traditional character replaced by its
// Simplified form (same byte length: both are 3-byte UTF-8 characters).
inline NormalizedText Traditional(std::string text, std::string match) {
  EXPECT_EQ(text.size(), match.size()) << "the fixture's match must be byte-aligned: " << text;
  NormalizedText n;
  n.text = std::move(text);
  n.match = std::move(match);
  return n;
}

}  // namespace regdiff::parsers::testing
