// Chinese numeral conversion.
#include "parsers/numerals.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace regdiff::parsers {
namespace {

// Digit characters, each one UTF-8 sequence.
constexpr std::array<std::pair<std::string_view, int>, 12> kDigits = {{
    {"〇", 0}, {"○", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"三", 3},
    {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
}};
constexpr std::array<std::pair<std::string_view, int>, 3> kUnits = {{
    {"十", 10}, {"百", 100}, {"千", 1000},
}};

// Splits UTF-8 into characters.
std::vector<std::string_view> Chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > s.size()) n = s.size() - i;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::optional<int> DigitOf(std::string_view ch) {
  for (const auto& [d, v] : kDigits)
    if (d == ch) return v;
  return std::nullopt;
}

std::optional<int> UnitOf(std::string_view ch) {
  for (const auto& [u, v] : kUnits)
    if (u == ch) return v;
  return std::nullopt;
}

}  // namespace

std::optional<int> ParseChineseNumber(std::string_view text) {
  if (text.empty() || text.size() > 40) return std::nullopt;
  bool ascii = true;
  for (char c : text) ascii = ascii && c >= '0' && c <= '9';
  if (ascii) {
    if (text.size() > 9) return std::nullopt;
    return std::stoi(std::string(text));
  }
  std::vector<std::string_view> chars = Chars(text);
  bool has_unit = false;
  for (auto ch : chars) {
    if (UnitOf(ch)) has_unit = true;
    else if (!DigitOf(ch)) return std::nullopt;
  }
  if (!has_unit) {  // digit by digit: 二〇二五
    int v = 0;
    for (auto ch : chars) v = v * 10 + *DigitOf(ch);
    return v;
  }
  int total = 0, pending = 0;
  bool have_pending = false;
  int last_unit = 100000;
  for (auto ch : chars) {
    if (auto d = DigitOf(ch)) {
      if (have_pending && pending != 0) return std::nullopt;  // two digits in a row
      pending = *d;
      have_pending = true;
    } else {
      int unit = *UnitOf(ch);
      if (unit >= last_unit) return std::nullopt;  // 十百: units must descend
      last_unit = unit;
      total += (have_pending ? pending : 1) * unit;  // 十八: implicit one
      pending = 0;
      have_pending = false;
    }
  }
  total += pending;
  return total;
}

}  // namespace regdiff::parsers
