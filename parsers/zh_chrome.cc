// Related-links blocks of copied pages.
#include "parsers/zh_chrome.h"

#include <string_view>

#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

constexpr size_t kShortLine = 60;  // bytes: about twenty Chinese characters

bool NamesAnAnnouncement(std::string_view line) {
  return RE2::PartialMatch(line, P().zh_number) || RE2::PartialMatch(line, P().zh_number_suffix);
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(' ') == std::string_view::npos;
}

// A link entry: starts with a bullet or list number, or ends with a date
// ("… 2025-10-09", "…（2024.12.03）"), or is a short line without a sentence
// end ("分享 收藏 点赞", "商务部公告2025年第61号") that is no title standing
// alone ("关于…的决定"). Sentences (with 。) are never entries.
bool IsLinkEntry(std::string_view line) {
  const Patterns& p = P();
  if (line.find("。") != std::string_view::npos) return false;
  if (RE2::PartialMatch(line, p.zh_link_entry_start)) return true;
  if (RE2::PartialMatch(line, p.zh_link_entry_date)) return true;
  return line.size() <= kShortLine && !RE2::PartialMatch(line, p.zh_title);
}

// Whether `line`, a link entry, is one only by being short and names an
// announcement: then it may as well be the document's own number line
// standing right after a block ("相关链接 … \n商务部公告2025年第72号\n经批准,…").
bool IsBareMention(std::string_view line) {
  const Patterns& p = P();
  return !RE2::PartialMatch(line, p.zh_link_entry_start) &&
         !RE2::PartialMatch(line, p.zh_link_entry_date) && NamesAnAnnouncement(line);
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
    bool entry = IsBlank(line) || IsLinkEntry(line);
    if (entry && IsBareMention(line)) {
      // An entry when the next line goes on with the block (or there is none);
      // the document's own number line when text follows it.
      size_t j = i + 1;
      while (j < tv.lines().size() && IsBlank(tv.line(j))) ++j;
      entry = j == tv.lines().size() || IsLinkEntry(tv.line(j)) ||
              RE2::PartialMatch(tv.line(j), p.zh_related_heading);
    }
    if (entry) {
      chrome[i] = true;
    } else {
      in_block = false;
    }
  }
  return chrome;
}

}  // namespace regdiff::parsers
