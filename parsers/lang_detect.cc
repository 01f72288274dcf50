// Language detection by character statistics.
#include "parsers/lang_detect.h"

namespace regdiff::parsers {

LangStats CountLangStats(const NormalizedText& text) {
  LangStats s;
  const std::string& t = text.text;
  const bool aligned = text.match.size() == t.size();
  for (size_t i = 0; i < t.size();) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > t.size()) break;
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++s.latin;
    } else if (n == 3) {
      char32_t cp = ((c & 0x0F) << 12) | ((t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
      if (cp >= 0x3400 && cp <= 0x9FFF) {
        ++s.han;
        if (aligned && t.compare(i, 3, text.match, i, 3) != 0) ++s.traditional;
      }
    }
    i += n;
  }
  return s;
}

Lang DetectLang(const NormalizedText& text) {
  LangStats s = CountLangStats(text);
  if (s.han == 0 && s.latin == 0) return Lang::kUnknown;
  // An English word averages ~5 letters; a Chinese word ~1.5 characters.
  if (s.latin > 3 * s.han) return Lang::kEn;
  if (s.han == 0) return Lang::kUnknown;
  return s.traditional * 100 >= s.han * 8 ? Lang::kZhHant : Lang::kZh;
}

}  // namespace regdiff::parsers
