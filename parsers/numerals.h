// Chinese numerals as announcements write them: counting numerals for list
// positions and numbers ("十八", "二十六"), digit-by-digit years ("二〇二五").
#pragma once

#include <optional>
#include <string_view>

namespace regdiff::parsers {

// "一" -> 1, "十" -> 10, "十八" -> 18, "二十六" -> 26, "一百零五" -> 105;
// also digit-by-digit "二〇二五" -> 2025 and ASCII digits "18" -> 18.
// nullopt for anything else (empty, mixed scripts, out of range).
std::optional<int> ParseChineseNumber(std::string_view text);

}  // namespace regdiff::parsers
