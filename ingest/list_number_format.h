// The list numbers Word shows, one number format at a time: "decimal" 3 is
// "3", "chineseCounting" 12 is "十二", "lowerRoman" 4 is "iv". The formats are
// the values of w:numFmt (ECMA-376 Part 1, 17.18.59 ST_NumberFormat).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace regdiff::ingest {

// `value` written in `num_fmt`. Known: decimal, decimalZero,
// decimalFullWidth, decimalHalfWidth, decimalEnclosedCircle(Chinese),
// lowerLetter, upperLetter, lowerRoman, upperRoman, chineseCounting,
// chineseCountingThousand, japaneseCounting, ideographDigital,
// ideographTraditional, none (""); bullet gives "•". A format it does not
// know, or a value outside what a format can write (a circled 21, a
// tenth-stem past 10, a Roman numeral past 3999, a value below 1), falls back
// to decimal.
std::string FormatListNumber(int64_t value, std::string_view num_fmt);

}  // namespace regdiff::ingest
