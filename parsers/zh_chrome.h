// Page chrome of Chinese copies that must not be read as the document's own
// facts: blocks of links to other pages (相关链接, 相关新闻, 延伸阅读, 往期推荐,
// 本篇法规被以下文件引用 …), whose entries name other announcements with
// their own numbers and dates.
#pragma once

#include <vector>

#include "parsers/text_view.h"

namespace regdiff::parsers {

// One flag per line of `view` (view.lines()): true for the heading of a
// related-links block and for the link entries that follow it. A block ends
// at the first line that reads as text of the document (a sentence, or a long
// line that neither starts with a bullet nor ends with a date).
std::vector<bool> ZhChromeLines(const TextView& view);

}  // namespace regdiff::parsers
