// Date recognition for Chinese and English announcement texts.
#include "parsers/dates.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "parsers/numerals.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

int MonthFromName(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower;
  for (char c : name.substr(0, 3))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == lower) return i + 1;
  return 0;
}

int ToInt(std::string_view s) { return ParseChineseNumber(s).value_or(0); }

bool IsDigitAt(std::string_view text, size_t pos) {
  return pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]));
}

// Runs `re` over `text`, calling add(groups, begin, end) for each match.
template <size_t N, typename F>
void Scan(const RE2& re, std::string_view text, F add) {
  std::string_view groups[N + 1];
  size_t pos = 0;
  while (pos <= text.size() &&
         MatchAt(re, text, pos, text.size(), RE2::UNANCHORED, groups, N + 1)) {
    size_t begin = groups[0].data() - text.data();
    size_t end = begin + groups[0].size();
    add(groups, begin, end);
    pos = end > begin ? end : begin + 1;
  }
}

}  // namespace

std::vector<DateMatch> FindDates(std::string_view text) {
  const SharedPatterns& p = P();
  std::vector<DateMatch> out;
  // Every form but the numeral one needs four ASCII digits in a row (a
  // year); the Chinese forms need 年, the English ones a letter. Most lines
  // (item lines, prose) lack one or the other, and skipping a regex that
  // cannot match saves its scan.
  bool digit = false, letter = false;  // digit: four digits in a row
  int run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    digit = digit || run >= 4;
    letter = letter || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  const bool nian = text.find("年") != std::string_view::npos;
  if (!digit && !nian) return out;
  auto push = [&](int y, int m, int d, size_t b, size_t e) {
    if (auto date = Date::FromParts(y, m, d)) out.push_back({*date, b, e});
  };
  if (nian && digit) {
    Scan<3>(p.date_zh, text, [&](std::string_view* g, size_t b, size_t e) {
      if (b > 0 && IsDigitAt(text, b - 1)) return;  // part of a longer number
      push(ToInt(g[1]), ToInt(g[2]), ToInt(g[3]), b, e);
    });
  }
  if (nian) {
    Scan<3>(p.date_zh_numeral, text, [&](std::string_view* g, size_t b, size_t e) {
      push(ToInt(g[1]), ToInt(g[2]), ToInt(g[3]), b, e);
    });
  }
  if (digit) {
    Scan<5>(p.date_dashed, text, [&](std::string_view* g, size_t b, size_t e) {
      if (g[2] != g[4]) return;                          // 2025-04/04 is no date
      if ((b > 0 && IsDigitAt(text, b - 1)) || IsDigitAt(text, e)) return;  // longer numbers
      push(ToInt(g[1]), ToInt(g[3]), ToInt(g[5]), b, e);
    });
  }
  if (digit && letter) {
    Scan<3>(p.date_en_mdy, text, [&](std::string_view* g, size_t b, size_t e) {
      push(ToInt(g[3]), MonthFromName(g[1]), ToInt(g[2]), b, e);
    });
    Scan<3>(p.date_en_dmy, text, [&](std::string_view* g, size_t b, size_t e) {
      push(ToInt(g[3]), MonthFromName(g[2]), ToInt(g[1]), b, e);
    });
  }
  std::sort(out.begin(), out.end(),
            [](const DateMatch& a, const DateMatch& b) { return a.begin < b.begin; });
  // Overlapping matches (a dashed date inside another form) keep the first.
  std::vector<DateMatch> unique;
  for (const auto& m : out)
    if (unique.empty() || m.begin >= unique.back().end) unique.push_back(m);
  return unique;
}

std::optional<DateMatch> DateAtStart(std::string_view text) {
  size_t skip = 0;
  while (skip < text.size() && (text[skip] == ' ' || text[skip] == '\t')) ++skip;
  for (const auto& m : FindDates(text))
    if (m.begin == skip) return m;
  return std::nullopt;
}

std::optional<DateMatch> LabelledDateAtStart(std::string_view text) {
  if (auto m = DateAtStart(text)) return m;
  size_t b = 0;
  while (b < text.size() && (text[b] == ' ' || text[b] == '\t')) ++b;
  size_t e = b;
  while (e < text.size() && IsDigitAt(text, e)) ++e;
  if (e - b != 8) return std::nullopt;  // 20251009, and not a longer number
  std::string_view d = text.substr(b, 8);
  auto date = Date::FromParts(ToInt(d.substr(0, 4)), ToInt(d.substr(4, 2)), ToInt(d.substr(6, 2)));
  if (!date) return std::nullopt;
  return DateMatch{*date, b, e};
}

std::optional<Date> ParseDate(std::string_view text) {
  auto m = DateAtStart(text);
  if (!m) return std::nullopt;
  for (size_t i = m->end; i < text.size(); ++i)
    if (text[i] != ' ' && text[i] != '\t') return std::nullopt;
  return m->date;
}

}  // namespace regdiff::parsers
