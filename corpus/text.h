// NormalizedText: the text every parser reads and every Evidence points into.
// ingest/ produces `text`; parsers/ make `match` and read both; the store
// keeps `text`.
#pragma once

#include <string>

namespace regdiff {

struct NormalizedText {
  // UTF-8, full-width ASCII forms folded to ASCII, whitespace unified, lines
  // separated by '\n'. Traditional characters are kept as written (display).
  std::string text;
  // `text` with Traditional characters converted to Simplified, for matching.
  // Byte-aligned with `text`: match.size() == text.size() and every character
  // starts at the same offset, so an offset found in `match` is an offset into
  // `text`. Empty until the parser's Chinese rules make it
  // (parsers/zh_simplified.h); a caller may set it (tests do).
  std::string match;
};

}  // namespace regdiff
