// OCR repairs: one pass over the words of the matching view each.
#include "parsers/en_ocr_repair.h"

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

void RepairOcrLetters(std::string& match) {
  // Consonants no English word puts right after an initial l.
  auto never_after_initial_l = [](char c) {
    return std::string_view("bcdfghjkmnpqrstvwxz").find(c) != std::string_view::npos;
  };
  for (size_t i = 0; i < match.size(); ++i) {
    const char c = match[i];
    const bool word_start = i == 0 || !IsAsciiLetter(match[i - 1]);
    if (c == 'I' && !word_start && IsAsciiLower(match[i - 1])) {
      match[i] = 'l';
    } else if (c == 'l' && word_start && i + 1 < match.size() &&
               never_after_initial_l(match[i + 1])) {
      match[i] = 'I';
    }
  }
}

}  // namespace regdiff::parsers
