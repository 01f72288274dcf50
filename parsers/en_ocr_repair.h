// What OCR misread in English copies, repaired in the matching view only,
// byte for byte, so the evidence still shows the text as printed: digits read
// as letters ("No. l8 of 2O25" is "No. 18 of 2025") and the letters l and I
// read for each other ("GeneraI AdministratIon", "ApriI 4", "[lssuing
// Authority]").
#pragma once

#include <string>

namespace regdiff::parsers {

// In every word of `match` made of digits and the letters OCR confuses with
// them (O and o for 0, l and I for 1), with at least as many digits as such
// letters, the letters become digits. Words with any other letter ("H2O",
// "1C902", "IO") and words without a digit are left alone. The length of
// `match` does not change.
void RepairOcrDigits(std::string& match);

// In every word of `match`: a capital I after a lowercase letter is the
// letter l ("GeneraI" is "General"), and a word-initial l before a consonant
// that cannot follow it is the letter I ("lssuing", "lndium"). The length of
// `match` does not change.
void RepairOcrLetters(std::string& match);

}  // namespace regdiff::parsers
