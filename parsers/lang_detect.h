// Language of a text: Chinese (Simplified or Traditional) or English, from
// the share of Han characters and of characters that Traditional-to-Simplified
// conversion changes; and, line by line, whether a text is bilingual (a
// Chinese and an English version on one page) and its two halves.
#pragma once

#include <string_view>

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
// kUnknown for a text with neither. The letters of a numbered line that
// names a party in both scripts ("1. 示例株式会社（Example Corporation）")
// are not counted.
Lang DetectLang(const NormalizedText& text);

// The language of one line: kZh when it has Han characters and Latin letters
// do not clearly outnumber them, kEn when it has at least 4 Latin letters and
// more than 3 per Han character, kNeutral otherwise (numbers, codes, dates in
// digits, blank lines, and numbered lines naming a party in both scripts,
// which both halves of a bilingual text keep).
enum class LineLang { kNeutral, kZh, kEn };
LineLang ClassifyLine(std::string_view line);

// True when the text holds both a substantial Chinese part and a substantial
// English part: at least 2 lines and 40 Han characters of Chinese lines, 2
// lines and 120 letters of English lines, and the smaller part at least a
// fifth of the larger (a letter counting a third of a Han character). Page
// chrome in the other language ("Chinese original (中文原文)") is not enough.
bool IsBilingual(const NormalizedText& text);

// The two halves of a text, each the same length as the text: the lines of
// the other language are replaced by spaces of equal byte length (line breaks
// kept), in both `text` and `match`, so every offset found in a half is an
// offset into the original text. Neutral lines stay in both halves, and so do
// mostly English lines holding a few Chinese words too (a label or heading
// printed in both languages on one line) in the Chinese half. Meant for texts
// IsBilingual accepts; for others one half is mostly blank.
struct BilingualParts {
  NormalizedText zh;
  NormalizedText en;
};
BilingualParts SplitBilingual(const NormalizedText& text);

}  // namespace regdiff::parsers
