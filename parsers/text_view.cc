// Building the matching view: noise removal with an offset map.
#include "parsers/text_view.h"

#include <algorithm>
#include <array>
#include <utility>

#include "corpus/utf8.h"

namespace regdiff::parsers {
namespace {

// Symbols that copying sites drop between Chinese characters ("国▪际").
bool IsStraySymbol(char32_t cp) {
  if (cp < 0x2022 || cp > 0x2606) return false;  // outside them all: most characters
  static constexpr std::array<char32_t, 14> kStray = {
      0x25AA, 0x25AB, 0x25A0, 0x25A1, 0x25CF, 0x25CB, 0x25C6, 0x25C7,
      0x2605, 0x2606, 0x203B, 0x25B2, 0x25B3, 0x2022};
  return std::find(kStray.begin(), kStray.end(), cp) != kStray.end();
}

// "○" (white circle) between two Chinese numerals is the digit zero of a
// year written in numerals ("二○二五年"), not a stray symbol.
bool IsNumeralZero(char32_t prev, char32_t cp, char32_t next) {
  static constexpr std::u32string_view kNumerals = U"〇○零一二三四五六七八九十";
  return cp == 0x25CB && kNumerals.find(prev) != std::u32string_view::npos &&
         (kNumerals.find(next) != std::u32string_view::npos || next == U'年');
}

// Vowels with pinyin tone marks (and ü); a gloss must contain one.
bool IsToneVowel(char32_t cp) {
  static constexpr std::u32string_view kTone =
      U"āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ";
  return kTone.find(cp) != std::u32string_view::npos;
}

// Length in bytes of a pinyin gloss "(shāng)" at `i`, or 0.
size_t PinyinGlossAt(std::string_view s, size_t i) {
  if (s[i] != '(') return 0;
  size_t j = i + 1;
  bool tone = false;
  int letters = 0;
  while (j < s.size() && letters <= 7) {
    auto [cp, n] = utf8::DecodeAt(s, j);
    if (cp == ')') break;
    if (IsToneVowel(cp)) tone = true;
    else if (!(cp >= 'a' && cp <= 'z')) return 0;
    ++letters;
    j += n;
  }
  if (j >= s.size() || s[j] != ')' || !tone || letters == 0 || letters > 7) return 0;
  return j + 1 - i;
}

struct Entity {
  std::string_view name;
  std::string_view replacement;
};
constexpr std::array<Entity, 9> kEntities = {{
    {"&ensp;", " "}, {"&emsp;", " "}, {"&nbsp;", " "}, {"&thinsp;", " "},
    {"&gt;", ">"}, {"&lt;", "<"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&#160;", " "},
}};

}  // namespace

TextView::TextView(const NormalizedText& text) : text_(text) {
  std::string_view src = text.match.size() == text.text.size()
                             ? std::string_view(text.match)
                             : std::string_view(text.text);
  text_size_ = src.size();
  view_.reserve(src.size());
  // Bytes are copied a run at a time: [run, i) is kept but not yet appended.
  size_t run = 0;
  auto flush = [&](size_t end) {
    if (end == run) return;
    pieces_.push_back({view_.size(), run, 0});
    view_.append(src.substr(run, end - run));
  };
  char32_t prev = 0;  // previous kept code point
  for (size_t i = 0; i < src.size();) {
    const unsigned char c = static_cast<unsigned char>(src[i]);
    // Most bytes are ASCII that starts no entity and no gloss: kept as is.
    if (c < 0x80 && c != '&' && c != '(') {
      prev = c;
      ++i;
      continue;
    }
    if (c == '&') {
      bool replaced = false;
      for (const auto& e : kEntities) {
        if (src.substr(i, e.name.size()) == e.name) {
          flush(i);
          pieces_.push_back({view_.size(), i, e.name.size()});
          view_ += e.replacement;
          i += e.name.size();
          run = i;
          prev = static_cast<unsigned char>(e.replacement[0]);
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    auto [cp, n] = utf8::DecodeAt(src, i);
    if (utf8::IsHan(prev)) {
      if (size_t g = PinyinGlossAt(src, i)) {
        flush(i);
        i += g;
        run = i;
        continue;
      }
      if (IsStraySymbol(cp) && i + n < src.size() &&
          utf8::IsHan(utf8::DecodeAt(src, i + n).first) &&
          !IsNumeralZero(prev, cp, utf8::DecodeAt(src, i + n).first)) {
        flush(i);
        i += n;
        run = i;
        continue;
      }
    }
    prev = cp;
    i += n;
  }
  flush(src.size());

  std::string_view view = view_;
  for (size_t start = 0;;) {
    size_t end = std::min(view.find('\n', start), view.size());
    lines_.push_back({start, end});
    if (end == view.size()) break;
    start = end + 1;
  }
}

const TextView::Piece& TextView::PieceOf(size_t view_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), view_offset,
                             [](size_t v, const Piece& p) { return v < p.view_begin; });
  return *(it - 1);  // the first piece starts at view byte 0
}

size_t TextView::ToText(size_t view_offset) const {
  if (view_offset >= view_.size()) return text_size_;
  const Piece& p = PieceOf(view_offset);
  return p.entity_len ? p.text_begin : p.text_begin + (view_offset - p.view_begin);
}

size_t TextView::ToTextEnd(size_t view_offset) const {
  const Piece& p = PieceOf(view_offset);
  return p.entity_len ? p.text_begin + p.entity_len
                      : p.text_begin + (view_offset - p.view_begin) + 1;
}

size_t TextView::LineOf(size_t pos) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                             [](size_t p, const Line& l) { return p < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin() - 1);
}

Evidence TextView::EvidenceFor(size_t begin, size_t end) const {
  while (begin < end && (view_[begin] == ' ' || view_[begin] == '\t')) ++begin;
  while (end > begin && (view_[end - 1] == ' ' || view_[end - 1] == '\t')) --end;
  if (begin == end) return MakeEvidence(text_.text, ToText(begin), ToText(begin));
  return MakeEvidence(text_.text, ToText(begin), ToTextEnd(end - 1));
}

std::string TextView::DisplayText(size_t begin, size_t end) const {
  return EvidenceFor(begin, end).text;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace regdiff::parsers
