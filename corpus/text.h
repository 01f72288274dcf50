// NormalizedText: the text every parser reads and every Evidence points into.
// ingest/ produces it; parsers/ consume it; the store keeps `text`.
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
  // `text`.
  std::string match;
};

}  // namespace regdiff
