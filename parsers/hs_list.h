// Lists of reference customs (HS) codes as announcements print them after a
// label (参考海关商品编号:, "reference customs commodity numbers:") or in a
// table cell: codes of 8 or 10 digits, with dots or spaces inside
// ("2846.9019.40"), separated by the words of the language ("、", ",", "and"),
// wrapped over lines after a separator or printed one code a line. The
// reader is shared by every language; the separators are each language's.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace regdiff::parsers {

struct HsList {
  std::vector<std::string> codes;  // digits only, 8 or 10 of them, as printed
  size_t begin = 0, end = 0;       // view span from the first code to the last; empty if none
};

// Reads the list starting at `pos` (just after its label, or a cell's start)
// and ending by `limit`. A list ends at the first character that is no digit,
// no space or dot inside a code, and no separator; at a line break unless the
// break follows a separator or the label (the next line then starts with a
// code), or the list is one code a line (a code alone, then a line starting
// with one). Words among `separators` ("and") count only between spaces.
HsList ReadHsList(std::string_view view, size_t pos, size_t limit,
                  std::span<const std::string_view> separators);

// Separators of Chinese and English lists.
std::span<const std::string_view> ZhHsSeparators();
std::span<const std::string_view> EnHsSeparators();

}  // namespace regdiff::parsers
