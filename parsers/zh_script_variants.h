// The forms of a search text in both Chinese scripts: what a user types in
// one script finds texts written in the other (锑 finds 銻 and the reverse).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace regdiff::parsers {

// `text` first, then its Simplified (OpenCC t2s) and Traditional (s2t)
// forms where they differ from it and from each other. Only `text` when
// OpenCC's data is missing. Thread-safe.
std::vector<std::string> ScriptVariants(std::string_view text);

}  // namespace regdiff::parsers
