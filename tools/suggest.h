// "Did you mean ...?": the known word closest to a mistyped one, for
// commands, options and announcement ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace regdiff::tools {

// Edit distance between `a` and `b` in bytes, a transposition of two
// neighbours counting one (optimal string alignment), ASCII letters compared
// without case.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `typed`: within an edit distance of a third of
// its length (at least 1, at most 3), or the only candidate `typed` is a
// prefix or suffix of (three bytes or more). "" when none is close or two
// are equally close.
std::string ClosestMatch(std::string_view typed, const std::vector<std::string>& candidates);

// "; did you mean 'list'?" for ClosestMatch's answer, "" when there is none.
std::string DidYouMean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace regdiff::tools
