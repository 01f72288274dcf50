// Dates as announcements write them: 2025年4月4日, 2025年04月04日,
// 二〇二五年四月四日, 2025-04-04, 2025-10-9, 2025/4/4, 2025.4.4, and the English
// forms April 4, 2025 / 4 April 2025 / Apr. 4, 2025 / April 4th, 2025 / the 4th
// of April, 2025. A day without its year ("7月3日") is no date.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "corpus/date.h"

namespace regdiff::parsers {

struct DateMatch {
  Date date;
  size_t begin = 0;  // byte offsets of the whole date in the searched text
  size_t end = 0;
};

// Every valid full date in `text`, in order. Impossible days (2025年2月30日)
// are skipped.
std::vector<DateMatch> FindDates(std::string_view text);

// The date that starts at the beginning of `text` (leading spaces allowed).
std::optional<DateMatch> DateAtStart(std::string_view text);

// The date at the start of `text` after a date label (发文日期, "Date of
// issue"): DateAtStart's forms, or eight digits YYYYMMDD ("【发文日期】
// 20251009"), which only a label makes a date.
std::optional<DateMatch> LabelledDateAtStart(std::string_view text);

// `text` is one date and nothing else (surrounding spaces allowed).
std::optional<Date> ParseDate(std::string_view text);

}  // namespace regdiff::parsers
