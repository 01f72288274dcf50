// Language of a text: Chinese (Simplified or Traditional) or English, from
// the share of Han characters and of characters that Traditional-to-Simplified
// conversion changes.
#pragma once

#include "corpus/model.h"
#include "corpus/text.h"

namespace regdiff::parsers {

struct LangStats {
  size_t han = 0;          // Han characters
  size_t traditional = 0;  // Han characters that differ between text and match
  size_t latin = 0;        // ASCII letters
};

LangStats CountLangStats(const NormalizedText& text);

// kEn when Latin letters clearly outnumber Han characters; kZhHant when at
// least 8% of the Han characters are Traditional forms; kZh otherwise;
// kUnknown for a text with neither.
Lang DetectLang(const NormalizedText& text);

}  // namespace regdiff::parsers
