// FormatListNumber: one small function per family of formats; the table
// kFormats maps w:numFmt values to them.
#include "ingest/list_number_format.h"

#include <array>

namespace regdiff::ingest {
namespace {

using Formatter = std::string (*)(int64_t);

std::string Decimal(int64_t v) { return std::to_string(v); }

std::string DecimalZero(int64_t v) {
  std::string out = Decimal(v);
  if (v >= 0 && v < 10) out.insert(out.begin(), '0');
  return out;
}

std::string FullWidth(int64_t v) {
  if (v < 0) return Decimal(v);
  std::string out;
  for (char d : std::to_string(v)) {
    out += "\xEF\xBC";                                     // U+FF10..U+FF19
    out += static_cast<char>(0x90 + (d - '0'));
  }
  return out;
}

std::string EnclosedCircle(int64_t v) {
  if (v < 1 || v > 20) return Decimal(v);
  // U+2460 CIRCLED DIGIT ONE .. U+2473 CIRCLED NUMBER TWENTY.
  const unsigned cp = 0x2460 + static_cast<unsigned>(v - 1);
  std::string out;
  out += static_cast<char>(0xE0 | (cp >> 12));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

// Word's letters: a..z, then aa..zz, aaa.. (the letter repeated).
std::string Letters(int64_t v, char base) {
  if (v < 1 || v > 780) return Decimal(v);
  const auto letter = static_cast<char>(base + (v - 1) % 26);
  return std::string(static_cast<size_t>((v - 1) / 26 + 1), letter);
}
std::string LowerLetter(int64_t v) { return Letters(v, 'a'); }
std::string UpperLetter(int64_t v) { return Letters(v, 'A'); }

std::string Roman(int64_t v, bool lower) {
  if (v < 1 || v > 3999) return Decimal(v);
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}};
  std::string out;
  for (const auto& [n, s] : kParts) {
    while (v >= n) {
      out += s;
      v -= n;
    }
  }
  if (lower) {
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}
std::string LowerRoman(int64_t v) { return Roman(v, true); }
std::string UpperRoman(int64_t v) { return Roman(v, false); }

constexpr std::array<const char*, 10> kHanDigits = {"〇", "一", "二", "三", "四",
                                                   "五", "六", "七", "八", "九"};

// 〇一二…: one ideograph per decimal digit (ideographDigital).
std::string HanDigits(int64_t v) {
  if (v < 0) return Decimal(v);
  std::string out;
  for (char d : std::to_string(v)) out += kHanDigits[static_cast<size_t>(d - '0')];
  return out;
}

// Chinese numerals with units below 10^8: 十一, 二十, 一百零五, 三千二百, 一万.
std::string HanWithUnits(int64_t v) {
  if (v < 1 || v >= 100000000) return v == 0 ? std::string("〇") : Decimal(v);
  static constexpr std::array<const char*, 4> kUnits = {"", "十", "百", "千"};
  // 0..9999; `leading` for the number's first group (十一, not 一十一).
  auto below_10000 = [](int64_t n, bool leading) {
    std::string out;
    bool zero = false;  // a zero digit to write before the next non-zero one
    int64_t p = 1000;
    for (int unit = 3; unit >= 0; --unit, p /= 10) {
      const int64_t d = n / p % 10;
      if (d == 0) {
        zero = zero || !out.empty();
        continue;
      }
      if (zero) out += "零";
      zero = false;
      if (!(leading && out.empty() && unit == 1 && d == 1)) out += kHanDigits[static_cast<size_t>(d)];
      out += kUnits[static_cast<size_t>(unit)];
    }
    return out;
  };
  const int64_t high = v / 10000, low = v % 10000;
  std::string out;
  if (high > 0) {
    out = below_10000(high, true) + "万";
    if (low > 0 && low < 1000) out += "零";
    if (low > 0) out += below_10000(low, false);
  } else {
    out = below_10000(low, true);
  }
  return out;
}

// chineseCounting: units below 100 (十一, 九十九); digit by digit from 100 (一〇〇).
std::string ChineseCounting(int64_t v) { return v >= 1 && v < 100 ? HanWithUnits(v) : HanDigits(v); }

// 甲乙丙丁戊己庚辛壬癸, the ten heavenly stems.
std::string IdeographTraditional(int64_t v) {
  static constexpr std::array<const char*, 10> kStems = {"甲", "乙", "丙", "丁", "戊",
                                                        "己", "庚", "辛", "壬", "癸"};
  if (v < 1 || v > 10) return Decimal(v);
  return kStems[static_cast<size_t>(v - 1)];
}

std::string Bullet(int64_t) { return "•"; }
std::string None(int64_t) { return ""; }

struct Format {
  std::string_view name;
  Formatter format;
};

constexpr Format kFormats[] = {
    {"decimal", Decimal},
    {"decimalZero", DecimalZero},
    {"decimalHalfWidth", Decimal},
    {"decimalFullWidth", FullWidth},
    {"decimalFullWidth2", FullWidth},
    {"decimalEnclosedCircle", EnclosedCircle},
    {"decimalEnclosedCircleChinese", EnclosedCircle},
    {"lowerLetter", LowerLetter},
    {"upperLetter", UpperLetter},
    {"lowerRoman", LowerRoman},
    {"upperRoman", UpperRoman},
    {"chineseCounting", ChineseCounting},
    {"chineseCountingThousand", HanWithUnits},
    {"japaneseCounting", HanWithUnits},
    {"ideographDigital", HanDigits},
    {"ideographTraditional", IdeographTraditional},
    {"bullet", Bullet},
    {"none", None},
};

}  // namespace

std::string FormatListNumber(int64_t value, std::string_view num_fmt) {
  for (const Format& f : kFormats) {
    if (f.name == num_fmt) return f.format(value);
  }
  return Decimal(value);
}

}  // namespace regdiff::ingest
