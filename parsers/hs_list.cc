// Reading HS code lists; see hs_list.h.
#include "parsers/hs_list.h"

#include <algorithm>

#include "parsers/ascii.h"

namespace regdiff::parsers {
namespace {

constexpr std::string_view kZhSeparators[] = {"、", ",", ";", "/", "和", "及", "，", "；", "&"};
constexpr std::string_view kEnSeparators[] = {",", ";", "/", "&", "、", "and", "or"};

bool IsCodeLength(size_t digits) { return digits == 8 || digits == 10; }

// The digits of a run starting at `pos` (dots inside skipped): how many.
size_t DigitRunAt(std::string_view view, size_t pos, size_t limit) {
  size_t digits = 0;
  for (size_t k = pos; k < limit && (IsAsciiDigit(view[k]) || view[k] == '.'); ++k)
    digits += view[k] != '.';
  return digits;
}

// The line from `pos` holds one code and nothing else but separators or a
// full stop after it.
bool LineIsOneCode(std::string_view view, size_t pos, size_t limit) {
  size_t e = view.find('\n', pos);
  if (e == std::string_view::npos || e > limit) e = limit;
  std::string_view line = view.substr(pos, e - pos);
  while (!line.empty() && (line.back() == ' ' || line.back() == ',' || line.back() == ';' ||
                           line.back() == '.'))
    line.remove_suffix(1);
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.empty() || !IsAsciiDigit(line.front())) return false;
  size_t digits = 0;
  for (char c : line) {
    if (IsAsciiDigit(c)) ++digits;
    else if (c != '.' && c != ' ') return false;
  }
  return IsCodeLength(digits);
}

// The separator at `i`, or 0. A word separator needs a space on each side.
size_t SeparatorAt(std::string_view view, size_t i, size_t limit,
                   std::span<const std::string_view> separators) {
  for (std::string_view s : separators) {
    if (i + s.size() > limit || view.substr(i, s.size()) != s) continue;
    if (IsAsciiLetter(s.front()) &&
        !(i > 0 && view[i - 1] == ' ' && i + s.size() < limit && view[i + s.size()] == ' '))
      continue;
    return s.size();
  }
  return 0;
}

}  // namespace

std::span<const std::string_view> ZhHsSeparators() { return kZhSeparators; }
std::span<const std::string_view> EnHsSeparators() { return kEnSeparators; }

HsList ReadHsList(std::string_view view, size_t pos, size_t limit,
                  std::span<const std::string_view> separators) {
  HsList out;
  limit = std::min(limit, view.size());
  std::string token;  // digits, dots and spaces as printed, from token_begin
  size_t token_begin = pos;
  auto take = [&](std::string digits, size_t begin, size_t end) {
    if (out.codes.empty()) out.begin = begin;
    out.codes.push_back(std::move(digits));
    out.end = end;
  };
  auto flush = [&] {
    while (!token.empty() && (token.back() == ' ' || token.back() == '.')) token.pop_back();
    std::string digits;
    for (char c : token)
      if (IsAsciiDigit(c)) digits += c;
    if (IsCodeLength(digits.size())) {
      take(std::move(digits), token_begin, token_begin + token.size());
    } else if (!digits.empty()) {  // codes separated by spaces only
      size_t s = 0;
      while (s < token.size()) {
        while (s < token.size() && token[s] == ' ') ++s;
        size_t e = token.find(' ', s);
        if (e == std::string::npos) e = token.size();
        std::string part;
        for (char c : token.substr(s, e - s))
          if (c != '.') part += c;
        if (IsCodeLength(part.size()) && std::all_of(part.begin(), part.end(), IsAsciiDigit))
          take(std::move(part), token_begin + s, token_begin + e);
        s = e;
      }
    }
    token.clear();
  };
  bool after_separator = true;  // the label counts as one: a break right after it is allowed
  bool code_per_line = false;   // the list is printed one code a line
  size_t i = pos;
  while (i < limit) {
    const char c = view[i];
    if (IsAsciiDigit(c)) {
      if (token.empty()) token_begin = i;
      token += c;
      after_separator = false;
      ++i;
      continue;
    }
    if (c == '\n') {
      const bool one_code = !token.empty() && LineIsOneCode(view, token_begin, i);
      const bool nothing_yet = out.codes.empty() && token.empty();
      flush();
      size_t next = i + 1;
      while (next < limit && (view[next] == ' ' || view[next] == '\t')) ++next;
      if (!IsCodeLength(DigitRunAt(view, next, limit))) break;
      // The list goes on over the break after a separator or the label; a
      // list that starts on the line after its label goes on one code a
      // line, and so does one whose line and the next hold one code each.
      if (nothing_yet) code_per_line = true;
      if (!after_separator && !code_per_line && !(one_code && LineIsOneCode(view, next, limit)))
        break;
      i = next;
      continue;
    }
    const bool inner_dot = c == '.' && !token.empty() && i + 1 < limit && IsAsciiDigit(view[i + 1]);
    if (c == ' ' || c == '\t' || inner_dot) {
      if (!token.empty()) token += c == '\t' ? ' ' : c;
      ++i;
      continue;
    }
    const size_t sep = SeparatorAt(view, i, limit, separators);
    if (sep == 0) break;
    flush();
    after_separator = true;
    i += sep;
  }
  flush();
  return out;
}

}  // namespace regdiff::parsers
