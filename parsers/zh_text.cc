// Chinese sentences and titles; see zh_text.h.
#include "parsers/zh_text.h"

#include <algorithm>

#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"

namespace regdiff::parsers {
namespace {

// Hard-wrapped copies (PDF, some reposts) break sentences across lines:
// "…现将商务部公告2025年第61号、62号\n暂停实施至2026年11月10日。". A line
// break only wraps a sentence when the line above is a long one ending with
// no stop and the line below opens no new entry, clause or label. Titles
// ("…的公告", "…的决定") and page chrome ("【关闭窗口】") end lines without a
// stop, and count as one.
constexpr size_t kMinWrappedLineBytes = 30;  // ten Chinese characters
constexpr std::string_view kLineStops[] = {"。", ";", "；", ":", "：", "!", "！", "?", "？",
                                           ")", "）", "”", "」", "》", "】", "]",
                                           "公告", "决定", "通知", "办法", "目录"};

bool WrapsSentence(std::string_view view, size_t newline) {
  size_t above_begin = newline == 0 ? std::string_view::npos : view.rfind('\n', newline - 1);
  above_begin = above_begin == std::string_view::npos ? 0 : above_begin + 1;
  std::string_view above = view.substr(above_begin, newline - above_begin);
  while (!above.empty() && (above.back() == ' ' || above.back() == '\t')) above.remove_suffix(1);
  if (above.size() < kMinWrappedLineBytes) return false;
  for (std::string_view stop : kLineStops)
    if (above.ends_with(stop)) return false;
  size_t below_end = view.find('\n', newline + 1);
  if (below_end == std::string_view::npos) below_end = view.size();
  std::string_view below = view.substr(newline + 1, below_end - newline - 1);
  if (below.find_first_not_of(" \t") == std::string_view::npos) return false;
  return !RE2::PartialMatch(below, ZhP().line_opens_entry);
}

}  // namespace

std::pair<size_t, size_t> ZhSentence(std::string_view view, size_t pos, LineBreaks breaks) {
  const bool may_wrap = breaks == LineBreaks::kMayWrap;
  size_t begin = 0, end = view.size();
  for (std::string_view stop : {"。", ";", "\n", "；"}) {
    const bool line_break = stop == "\n" && may_wrap;
    size_t b = view.rfind(stop, pos);
    while (line_break && b != std::string_view::npos && b > 0 && WrapsSentence(view, b))
      b = view.rfind(stop, b - 1);
    if (b != std::string_view::npos) begin = std::max(begin, b + stop.size());
    size_t e = view.find(stop, pos);
    while (line_break && e != std::string_view::npos && WrapsSentence(view, e))
      e = view.find(stop, e + 1);
    if (e != std::string_view::npos) end = std::min(end, e);
  }
  return {begin, end};
}

std::string MaskZhTitles(std::string_view view, size_t begin, size_t end, TitleMask mask) {
  std::string s(view.substr(begin, end - begin));
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "《") == 0) {
      ++depth;
      i += 3;
    } else if (s.compare(i, 3, "》") == 0) {
      depth = std::max(0, depth - 1);
      i += 3;
    } else {
      if (depth > 0) s[i] = ' ';
      ++i;
    }
  }
  if (mask == TitleMask::kBracketed) return s;
  std::string_view m;
  size_t pos = 0;
  while (pos < s.size() && MatchAt(ZhP().title, s, pos, s.size(), RE2::UNANCHORED, m)) {
    size_t b = m.data() - s.data();
    std::fill(s.begin() + b, s.begin() + b + m.size(), ' ');
    pos = b + m.size();
  }
  if (size_t about = s.find("关于"); about != std::string::npos)
    std::fill(s.begin() + about, s.end(), ' ');
  return s;
}

}  // namespace regdiff::parsers
