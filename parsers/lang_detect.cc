// Language detection by character statistics, per text and per line.
#include "parsers/lang_detect.h"

#include <algorithm>
#include <string>

namespace regdiff::parsers {

namespace {

// Han characters that keep a mostly English line in the Chinese half of a
// bilingual text: a heading or label printed in both languages on one line.
constexpr size_t kMixedLineHan = 4;

// Counts over bytes [begin, end) of `t`; `match` may be empty (no
// Traditional count).
LangStats CountRange(const std::string& t, const std::string& match, size_t begin, size_t end) {
  LangStats s;
  const bool aligned = match.size() == t.size();
  for (size_t i = begin; i < end;) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > end) break;
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++s.latin;
    } else if (n == 3) {
      char32_t cp = ((c & 0x0F) << 12) | ((t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
      if (cp >= 0x3400 && cp <= 0x9FFF) {
        ++s.han;
        // Three byte compares, not t.compare (a memcmp call per character).
        if (aligned && (t[i] != match[i] || t[i + 1] != match[i + 1] || t[i + 2] != match[i + 2])) {
          ++s.traditional;
        }
      }
    }
    i += n;
  }
  return s;
}

LineLang Classify(const LangStats& s) {
  if (s.han > 0 && s.latin <= 3 * s.han) return LineLang::kZh;
  if (s.latin >= 4 && s.latin > 3 * s.han) return LineLang::kEn;
  return LineLang::kNeutral;
}

// A numbered line holding a Chinese name beside its English one: an entry
// of a list of parties or a row of its table ("1. 示例株式会社（Example Heavy
// Industries Corporation）", "1 示例公司 Example Inc. 1-2-3 Example-cho"),
// which a Chinese text and its English translation both print. Its letters
// say nothing of the text's language.
bool IsNamedEntry(const std::string& t, size_t begin, size_t end, const LangStats& s) {
  if (s.han < 2 || s.latin <= 3 * s.han) return false;
  size_t i = begin;
  while (i < end && (t[i] == ' ' || t[i] == '\t' || t[i] == '|')) ++i;
  if (i < end && t[i] == '(') ++i;
  size_t d = i;
  while (d < end && t[d] >= '0' && t[d] <= '9') ++d;
  if (d == i || d - i > 3 || d >= end) return false;
  const char next = t[d];
  return next == '.' || next == ')' || next == ' ' || next == '\t' || next == '|' ||
         t.compare(d, 3, "、") == 0;
}

// The class of line [begin, end) of `t` with counts `s`.
LineLang ClassifyAt(const std::string& t, size_t begin, size_t end, const LangStats& s) {
  const LineLang lang = Classify(s);
  return lang == LineLang::kEn && IsNamedEntry(t, begin, end, s) ? LineLang::kNeutral : lang;
}

// Calls f(begin, end, stats) for every line of the text.
template <typename F>
void ForEachLine(const NormalizedText& text, F f) {
  const std::string& t = text.text;
  size_t begin = 0;
  while (begin <= t.size()) {
    size_t end = t.find('\n', begin);
    if (end == std::string::npos) end = t.size();
    f(begin, end, CountRange(t, text.match, begin, end));
    if (end == t.size()) break;
    begin = end + 1;
  }
}

}  // namespace

LineLang ClassifyLine(std::string_view line) {
  std::string s(line);
  return ClassifyAt(s, 0, s.size(), CountRange(s, std::string(), 0, s.size()));
}

bool IsBilingual(const NormalizedText& text) {
  size_t zh_lines = 0, en_lines = 0, zh_han = 0, en_latin = 0;
  ForEachLine(text, [&](size_t b, size_t e, const LangStats& s) {
    const LineLang lang = ClassifyAt(text.text, b, e, s);
    if (lang == LineLang::kZh) ++zh_lines, zh_han += s.han;
    if (lang == LineLang::kEn) ++en_lines, en_latin += s.latin;
  });
  if (zh_lines < 2 || en_lines < 2 || zh_han < 40 || en_latin < 120) return false;
  const double zh = static_cast<double>(zh_han), en = en_latin / 3.0;
  return std::min(zh, en) >= 0.2 * std::max(zh, en);
}

BilingualParts SplitBilingual(const NormalizedText& text) {
  BilingualParts parts{text, text};
  const bool aligned = text.match.size() == text.text.size();
  auto blank = [&](NormalizedText& half, size_t b, size_t e) {
    std::fill(half.text.begin() + b, half.text.begin() + e, ' ');
    if (aligned) std::fill(half.match.begin() + b, half.match.begin() + e, ' ');
  };
  ForEachLine(text, [&](size_t b, size_t e, const LangStats& s) {
    const LineLang lang = ClassifyAt(text.text, b, e, s);
    // A line of both languages ("【发文日期】2025年04月04日 [Date of
    // publication] April 4, 2025") stays in the Chinese half too.
    if (lang == LineLang::kEn && s.han < kMixedLineHan) blank(parts.zh, b, e);
    if (lang == LineLang::kZh) blank(parts.en, b, e);
  });
  return parts;
}

LangStats CountLangStats(const NormalizedText& text) {
  return CountRange(text.text, text.match, 0, text.text.size());
}

Lang DetectLang(const NormalizedText& text) {
  // The letters of numbered entries naming parties in both scripts count
  // for neither language: a Chinese announcement may annex a long list of
  // English names and addresses.
  LangStats s;
  ForEachLine(text, [&](size_t b, size_t e, const LangStats& line) {
    s.han += line.han;
    s.traditional += line.traditional;
    if (!IsNamedEntry(text.text, b, e, line)) s.latin += line.latin;
  });
  if (s.han == 0 && s.latin == 0) return Lang::kUnknown;
  // An English word averages ~5 letters; a Chinese word ~1.5 characters.
  if (s.latin > 3 * s.han) return Lang::kEn;
  if (s.han == 0) return Lang::kUnknown;
  return s.traditional * 100 >= s.han * 8 ? Lang::kZhHant : Lang::kZh;
}

}  // namespace regdiff::parsers
