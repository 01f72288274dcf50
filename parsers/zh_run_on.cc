// Splitting run-on item lists; see zh_run_on.h.
#include "parsers/zh_run_on.h"

#include <string>
#include <string_view>
#include <vector>

#include "parsers/ascii.h"

namespace regdiff::parsers {
namespace {

constexpr std::string_view kFullStop = "。";

// A Han character (U+3400..U+9FFF) starts at `pos`.
bool HanAt(std::string_view s, size_t pos) {
  if (pos + 3 > s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  const auto b1 = static_cast<unsigned char>(s[pos + 1]);
  const char32_t cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) |
                      (static_cast<unsigned char>(s[pos + 2]) & 0x3F);
  return (b0 & 0xF0) == 0xE0 && cp >= 0x3400 && cp <= 0x9FFF;
}

}  // namespace

int ZhEntryNumberAt(std::string_view s, size_t pos, size_t* after) {
  size_t e = pos;
  int value = 0;
  while (e < s.size() && e - pos < 2 && IsAsciiDigit(s[e])) value = value * 10 + (s[e++] - '0');
  if (e == pos || (e < s.size() && IsAsciiDigit(s[e]))) return 0;
  const bool separated = e < s.size() && (s[e] == '.' || s.substr(e, 3) == "、");
  if (!separated && !HanAt(s, e)) return 0;
  *after = e;
  return value;
}

namespace {

// Where a stop ends at `pos` (after 。 ; ；), or npos.
size_t StopEndingAt(std::string_view s, size_t pos) {
  if (pos >= 1 && s[pos - 1] == ';') return pos - 1;
  if (pos >= 3 && (s.substr(pos - 3, 3) == kFullStop || s.substr(pos - 3, 3) == "；"))
    return pos - 3;
  return std::string_view::npos;
}

// The breaks of one line [begin, end) of `s`: the offsets of the spaces (or
// stops) before each entry after the first; none when the line is no list.
void FindBreaks(std::string_view s, size_t begin, size_t end, std::vector<size_t>& breaks) {
  size_t p = begin;
  while (p < end && s[p] == ' ') ++p;
  size_t after = 0;
  int expected = ZhEntryNumberAt(s, p, &after);
  if (expected == 0 || after >= end) return;
  for (size_t i = after; i < end; ++i) {
    if (!IsAsciiDigit(s[i]) || IsAsciiDigit(s[i - 1])) continue;
    size_t num_end = 0;
    if (ZhEntryNumberAt(s, i, &num_end) != expected + 1) continue;
    size_t ws = i;
    while (ws > after && s[ws - 1] == ' ') --ws;
    const size_t stop = StopEndingAt(s, ws);
    if (stop == std::string_view::npos) continue;
    breaks.push_back(ws < i ? ws : stop);
    ++expected;
  }
}

}  // namespace

std::optional<NormalizedText> SplitRunOnLists(const NormalizedText& text) {
  if (text.match.size() != text.text.size()) return std::nullopt;
  std::string_view m(text.match);
  std::vector<size_t> breaks;
  size_t begin = 0;
  while (begin < m.size()) {
    size_t end = m.find('\n', begin);
    if (end == std::string_view::npos) end = m.size();
    FindBreaks(m, begin, end, breaks);
    begin = end + 1;
  }
  if (breaks.empty()) return std::nullopt;
  NormalizedText out = text;
  for (size_t b : breaks) {
    if (out.match[b] == ' ' || out.match[b] == ';') out.match[b] = '\n';
    else out.match.replace(b, 3, "\n  ");  // 。 or ；, three bytes
  }
  return out;
}

}  // namespace regdiff::parsers
