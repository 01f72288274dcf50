// Normalisation of decoded text for parsing: full-width ASCII forms
// (U+FF01..U+FF5E) folded to ASCII, ideographic and other Unicode spaces to
// ' ', line breaks unified to '\n', runs of blank lines collapsed, trailing
// spaces trimmed. The matching view (NormalizedText::match) is left empty:
// the Chinese rules of the parser make it (parsers/zh_simplified.h).
#pragma once

#include <string_view>

#include "corpus/text.h"

namespace regdiff::ingest {

// Never fails: invalid UTF-8 bytes are replaced by U+FFFD first.
NormalizedText Normalize(std::string_view utf8);

}  // namespace regdiff::ingest
