// Related-links blocks of copied pages.
#include "parsers/zh_chrome.h"

#include <string_view>

#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"

namespace regdiff::parsers {
namespace {

constexpr size_t kShortLine = 60;  // bytes: about twenty Chinese characters

bool NamesAnAnnouncement(std::string_view line) {
  return RE2::PartialMatch(line, ZhP().number) || RE2::PartialMatch(line, ZhP().number_suffix);
}

// A title standing alone on its line ("关于对锑等物项实施出口管制的公告").
bool IsTitle(std::string_view line) {
  std::string_view g[2];
  return MatchAt(ZhP().title, line, 0, line.size(), RE2::UNANCHORED, g, 2) &&
         line.size() - g[1].size() <= 12;  // a bracket or a few spaces around it
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(' ') == std::string_view::npos;
}

// A link entry: starts with a bullet or list number, or ends with a date
// ("… 2025-10-09", "…（2024.12.03）"), or is a short line ("分享 收藏 点赞",
// "商务部公告2025年第61号") or a title alone ("关于…的公告"). Sentences (with
// 。) are never entries.
bool IsLinkEntry(std::string_view line) {
  const ZhPatterns& p = ZhP();
  if (line.find("。") != std::string_view::npos) return false;
  if (RE2::PartialMatch(line, p.link_entry_start)) return true;
  if (RE2::PartialMatch(line, p.link_entry_date)) return true;
  return line.size() <= kShortLine || IsTitle(line);
}

// Whether `line`, a link entry, is one only by being short or a title alone,
// and names an announcement or is a title: then it may as well be the
// document's own number or title line standing right after a block
// ("相关链接 … \n商务部公告2025年第72号\n经批准,…").
bool IsAmbiguousEntry(std::string_view line) {
  const ZhPatterns& p = ZhP();
  return !RE2::PartialMatch(line, p.link_entry_start) &&
         !RE2::PartialMatch(line, p.link_entry_date) &&
         (NamesAnAnnouncement(line) || IsTitle(line));
}

}  // namespace

std::vector<bool> ZhChromeLines(const TextView& tv) {
  const ZhPatterns& p = ZhP();
  std::vector<bool> chrome(tv.lines().size(), false);
  bool in_block = false;
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    std::string_view line = tv.line(i);
    if (RE2::PartialMatch(line, p.related_heading)) {
      in_block = true;
      chrome[i] = true;
      continue;
    }
    if (!in_block) continue;
    bool entry = IsBlank(line) || IsLinkEntry(line);
    if (entry && IsAmbiguousEntry(line)) {
      // An entry when the next line goes on with the block (or there is none);
      // the document's own number or title line when text follows it.
      // A number line followed by a title is a document's head.
      size_t j = i + 1;
      while (j < tv.lines().size() && IsBlank(tv.line(j))) ++j;
      if (j == tv.lines().size()) {
        entry = true;
      } else {
        std::string_view next = tv.line(j);
        entry = (IsLinkEntry(next) && !(NamesAnAnnouncement(line) && IsTitle(next))) ||
                RE2::PartialMatch(next, p.related_heading);
      }
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
