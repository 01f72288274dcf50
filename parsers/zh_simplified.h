// The matching view of Chinese text: a byte-aligned Simplified copy, so that
// one pattern reads Simplified and Traditional copies alike and every offset
// found in it is an offset into the text (corpus/text.h). A rule of the
// Chinese readers, made once a text is known to hold Chinese.
#pragma once

#include <string>
#include <string_view>

#include "corpus/text.h"

namespace regdiff::parsers {

// The byte-aligned Simplified copy of normalised text: each line holding a
// character OpenCC's t2s dictionaries can change is converted (with phrase
// context) when that keeps every character boundary, otherwise character by
// character, each character OpenCC maps to one of the same UTF-8 length
// replaced; every other character is kept. Without OpenCC's data the text
// comes back as it is. Thread-safe.
std::string ToSimplifiedAligned(std::string_view normalized);

// Whether `text` holds a Han character (U+3400..U+9FFF).
bool HoldsHan(std::string_view text);

// `text` with its matching view: the one it has when `match` is already
// byte-aligned with `text` (a caller's), else ToSimplifiedAligned of a text
// holding Han characters, else the text itself.
NormalizedText WithMatchingView(const NormalizedText& text);

}  // namespace regdiff::parsers
