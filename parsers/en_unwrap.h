// Lines of PDF, OCR and hard-wrapped English copies broken inside a sentence,
// rejoined for matching: "This announcement shall be imple-\nmented as from
// 8 November\n2025." reads as one line, and page-number lines ("- 2 -",
// "Page 2 of 3") are blanked.
#pragma once

#include "corpus/text.h"

namespace regdiff::parsers {

// A copy of `text` whose matching view has the breaks inside sentences
// rejoined: `text` is unchanged and `match` keeps its length, so every offset
// still points into `text` (a word rejoined across a hyphen is shifted left
// by up to two bytes, within that word). A break is rejoined when the next
// line is no list item and either starts in lower case after a line that does
// not end a sentence, or follows a line ending in a word that cannot end one
// ("of", "and", "No.", a month name before a year). A hyphen at the break is
// dropped ("imple-mented"), kept after a word that heads compounds
// ("rare-earth", "Holmium-related").
NormalizedText UnwrapEnglishLines(const NormalizedText& text);

}  // namespace regdiff::parsers
