// RepairOcrDigits: one pass over the words of the matching view.
#include "parsers/en_ocr_digits.h"

#include <cstddef>

#include "parsers/ascii.h"

namespace regdiff::parsers {
namespace {

// The digit an OCR'd letter stands for, or 0 when it stands for none.
char DigitFor(char c) {
  switch (c) {
    case 'O': case 'o': return '0';
    case 'l': case 'I': return '1';
    default: return 0;
  }
}

}  // namespace

void RepairOcrDigits(std::string& match) {
  size_t i = 0;
  while (i < match.size()) {
    if (!IsAsciiDigit(match[i]) && !IsAsciiLetter(match[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    size_t digits = 0, confusable = 0;
    bool other_letter = false;
    for (; i < match.size() && (IsAsciiDigit(match[i]) || IsAsciiLetter(match[i])); ++i) {
      if (IsAsciiDigit(match[i])) ++digits;
      else if (DigitFor(match[i])) ++confusable;
      else other_letter = true;
    }
    if (other_letter || digits == 0 || confusable == 0 || confusable > digits) continue;
    for (size_t k = begin; k < i; ++k)
      if (const char d = DigitFor(match[k])) match[k] = d;
  }
}

}  // namespace regdiff::parsers
