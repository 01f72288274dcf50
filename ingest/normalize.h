// Normalisation of decoded text for parsing: full-width ASCII forms
// (U+FF01..U+FF5E) folded to ASCII, ideographic and other Unicode spaces to
// ' ', line breaks unified to '\n', runs of blank lines collapsed, trailing
// spaces trimmed; then a byte-aligned Traditional-to-Simplified copy made
// with OpenCC for matching (see corpus/text.h).
#pragma once

#include <string_view>

#include "corpus/text.h"

namespace regdiff::ingest {

// Never fails: invalid UTF-8 bytes are replaced by U+FFFD first.
NormalizedText Normalize(std::string_view utf8);

// The byte-aligned Simplified copy of already normalised text: each line
// holding a character OpenCC's t2s dictionaries can change is converted
// (with phrase context) when that keeps every character boundary, otherwise
// character by character, each character OpenCC maps to one of the same
// UTF-8 length replaced; every other character is kept. Thread-safe.
std::string ToSimplifiedAligned(std::string_view normalized);

}  // namespace regdiff::ingest
