// Finding element names in text: one pass over the text for all elements.
#include "parsers/element_names.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "corpus/elements.h"
#include "parsers/ascii.h"

namespace regdiff::parsers {
namespace {

// The Chinese names as 24-bit keys (the three UTF-8 bytes of the one
// character each name is), sorted, with the table row of each; and which
// bytes start a name, so that most bytes of a text cost one table look-up.
struct ZhNames {
  std::vector<std::pair<uint32_t, int>> keys;  // key, row in Elements()
  std::array<bool, 256> lead{};
};

uint32_t Key3(std::string_view s, size_t i) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[i + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[i + 2]));
}

const ZhNames& Names() {
  static const ZhNames kNames = [] {
    ZhNames n;
    auto elements = Elements();
    if (elements.size() > sizeof(ElementSet) * 8) std::abort();  // ElementSet too narrow
    for (size_t i = 0; i < elements.size(); ++i) {
      std::string_view zh = elements[i].zh;
      if (zh.size() != 3) std::abort();  // the scan reads one 3-byte character
      n.keys.emplace_back(Key3(zh, 0), static_cast<int>(i));
      n.lead[static_cast<unsigned char>(zh[0])] = true;
    }
    std::sort(n.keys.begin(), n.keys.end());
    return n;
  }();
  return kNames;
}

ElementSet Bit(size_t row) { return ElementSet{1} << row; }

// `word` equals the lowercase `name` in any case.
bool EqualsFolded(std::string_view word, std::string_view name) {
  if (word.size() != name.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (AsciiLower(word[i]) != name[i]) return false;
  return true;
}

// A part of an alloy: a symbol, then digits ("Nd2").
bool IsSymbolPart(std::string_view part) {
  if (part.empty() || !IsAsciiUpper(part[0])) return false;
  size_t i = 1;
  if (i < part.size() && IsAsciiLower(part[i])) ++i;
  while (i < part.size() && IsAsciiDigit(part[i])) ++i;
  return i == part.size();
}

std::string_view SymbolOf(std::string_view part) {
  size_t i = 1;
  if (i < part.size() && IsAsciiLower(part[i])) ++i;
  return part.substr(0, i);
}

ElementSet SymbolBit(std::string_view symbol) {
  size_t row = ElementRank(symbol);
  return row < Elements().size() ? Bit(row) : 0;
}

// Hyphenated alloys of symbols: "Sm-Co", "Nd-Fe-B".
ElementSet AlloySymbols(std::string_view text) {
  ElementSet set = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(IsAsciiAlnum(text[i]) || text[i] == '-')) ++i;
    size_t b = i;
    while (i < text.size() && (IsAsciiAlnum(text[i]) || text[i] == '-')) ++i;
    std::string_view token = text.substr(b, i - b);
    if (token.find('-') == std::string_view::npos) continue;
    bool all_symbols = true;
    size_t parts = 0;
    for (size_t s = 0; s <= token.size() && all_symbols; ++parts) {
      size_t d = std::min(token.find('-', s), token.size());
      all_symbols = IsSymbolPart(token.substr(s, d - s));
      s = d + 1;
    }
    if (parts < 2 || !all_symbols) continue;
    for (size_t s = 0; s <= token.size();) {
      size_t d = std::min(token.find('-', s), token.size());
      set |= SymbolBit(SymbolOf(token.substr(s, d - s)));
      s = d + 1;
    }
  }
  return set;
}

}  // namespace

ElementSet ZhElementSetIn(std::string_view text) {
  const ZhNames& names = Names();
  ElementSet set = 0;
  // Every byte offset, as a substring search would: a name can only match
  // where a character starts, since UTF-8 lead bytes never occur inside one.
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    if (!names.lead[static_cast<unsigned char>(text[i])]) continue;
    const uint32_t key = Key3(text, i);
    auto it = std::lower_bound(names.keys.begin(), names.keys.end(),
                               std::pair<uint32_t, int>(key, 0));
    if (it == names.keys.end() || it->first != key) continue;
    std::string_view next = text.substr(i + 3, 3);
    // 碲化, 锗酸: compound classes; but 碲化合物 is "tellurium compounds".
    if ((next == "化" && text.substr(i + 6, 6) != "合物") || next == "酸") continue;
    set |= Bit(static_cast<size_t>(it->second));
  }
  return set;
}

ElementSet EnElementSetIn(std::string_view text) {
  const auto elements = Elements();
  ElementSet set = 0;
  // Whole-word names: a maximal run of letters and digits that spells one
  // ("Holmium-related" holds the run "Holmium"; "telluride" is no name).
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiAlnum(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsAsciiAlnum(text[end])) ++end;
    std::string_view word = text.substr(i, end - i);
    for (size_t row = 0; row < elements.size(); ++row)
      if (EqualsFolded(word, elements[row].en)) set |= Bit(row);
    i = end;
  }
  // Symbols alone in brackets: "(Ho)", "(Y)".
  for (size_t i = text.find('('); i != std::string_view::npos; i = text.find('(', i + 1)) {
    for (size_t len = 1; len <= 2; ++len) {
      if (i + len + 1 < text.size() && text[i + len + 1] == ')')
        set |= SymbolBit(text.substr(i + 1, len));
    }
  }
  return set | AlloySymbols(text);
}

std::vector<std::string> ElementSymbols(ElementSet set) {
  std::vector<std::string> out;
  const auto elements = Elements();
  for (size_t row = 0; row < elements.size(); ++row)
    if (set & Bit(row)) out.emplace_back(elements[row].symbol);
  return out;
}

LineElements::LineElements(const TextView& tv, ElementSet (*scan)(std::string_view))
    : tv_(tv), scan_(scan), sets_(tv.lines().size(), 0), known_(tv.lines().size(), false) {}

ElementSet LineElements::Of(size_t line) {
  if (!known_[line]) {
    sets_[line] = scan_(tv_.line(line));
    known_[line] = true;
  }
  return sets_[line];
}

}  // namespace regdiff::parsers
