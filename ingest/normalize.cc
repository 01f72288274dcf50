// Normalisation of decoded text: character folding, whitespace, line
// structure. The Simplified matching view is the Chinese parser's
// (parsers/zh_simplified.h).
#include "ingest/normalize.h"

#include <string>

#include "corpus/utf8.h"

namespace regdiff::ingest {
namespace {

using utf8::AppendUtf8;
using utf8::kReplacementChar;
using utf8::NextChar;

// ---------------------------------------------------------------------------
// Character folding.

enum class Fold { kKeep, kSpace, kNewline, kDrop };

Fold Classify(char32_t cp) {
  switch (cp) {
    case '\n':
    case '\f':
    case '\v':
    case 0x85:
    case 0x2028:
    case 0x2029:
      return Fold::kNewline;
    case '\t':
    case ' ':
    case 0xA0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Fold::kSpace;
    case 0xAD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return Fold::kDrop;  // soft hyphen and zero-width characters
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Fold::kSpace;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return Fold::kDrop;  // other controls
  return Fold::kKeep;
}

// Full-width ASCII forms (U+FF01..U+FF5E) to ASCII.
char32_t FoldWidth(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
  return cp;
}

}  // namespace

NormalizedText Normalize(std::string_view utf8) {
  // Pass 1: fold characters, unify line breaks.
  std::string folded;
  folded.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp = NextChar(utf8, i);
    if (cp == '\r') {
      if (i < utf8.size() && utf8[i] == '\n') ++i;
      folded += '\n';
      continue;
    }
    switch (Classify(cp)) {
      case Fold::kNewline:
        folded += '\n';
        break;
      case Fold::kSpace:
        folded += ' ';
        break;
      case Fold::kDrop:
        break;
      case Fold::kKeep:
        AppendUtf8(FoldWidth(cp), folded);
        break;
    }
  }

  // Pass 2: trim each line, keep at most one blank line between lines, none
  // at either end.
  NormalizedText result;
  result.text.reserve(folded.size());
  bool pending_blank = false;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find('\n', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view line(folded.data() + start, end - start);
    size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      pending_blank = !result.text.empty();
    } else {
      line = line.substr(first, line.find_last_not_of(' ') - first + 1);
      if (!result.text.empty()) result.text += pending_blank ? "\n\n" : "\n";
      result.text += line;
      pending_blank = false;
    }
    start = end + 1;
  }
  return result;
}

}  // namespace regdiff::ingest
