// Related-links blocks of copied pages.
#include "parsers/zh_chrome.h"

#include <string_view>

#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

// A link entry: starts with a bullet or list number, or ends with a date
// ("… 2025-10-09", "…（2024.12.03）"), or is a short line without a sentence
// end ("分享 收藏 点赞"). Sentences (with 。) are text, never entries.
bool IsLinkEntry(std::string_view line) {
  const Patterns& p = P();
  if (line.find("。") != std::string_view::npos) return false;
  if (RE2::PartialMatch(line, p.zh_link_entry_start)) return true;
  if (RE2::PartialMatch(line, p.zh_link_entry_date)) return true;
  constexpr size_t kShortLine = 60;  // bytes: about twenty Chinese characters
  return line.size() <= kShortLine;
}

}  // namespace

std::vector<bool> ZhChromeLines(const TextView& tv) {
  const Patterns& p = P();
  std::vector<bool> chrome(tv.lines().size(), false);
  bool in_block = false;
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    std::string_view line = tv.line(i);
    if (RE2::PartialMatch(line, p.zh_related_heading)) {
      in_block = true;
      chrome[i] = true;
      continue;
    }
    if (!in_block) continue;
    if (line.find_first_not_of(' ') == std::string_view::npos || IsLinkEntry(line)) {
      chrome[i] = true;
    } else {
      in_block = false;
    }
  }
  return chrome;
}

}  // namespace regdiff::parsers
