// Digits that OCR read as letters in English copies: "No. l8 of 2O25" is
// "No. 18 of 2025". Repaired in the matching view only, byte for byte, so the
// evidence still shows the text as printed.
#pragma once

#include <string>

namespace regdiff::parsers {

// In every word of `match` made of digits and the letters OCR confuses with
// them (O and o for 0, l and I for 1), with at least as many digits as such
// letters, the letters become digits. Words with any other letter ("H2O",
// "1C902", "IO") and words without a digit are left alone. The length of
// `match` does not change.
void RepairOcrDigits(std::string& match);

}  // namespace regdiff::parsers
