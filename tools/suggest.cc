// Closest-word suggestions by edit distance.
#include "tools/suggest.h"

#include <algorithm>
#include <limits>

namespace regdiff::tools {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && Lower(a[i - 1]) == Lower(b[j - 2]) &&
          Lower(a[i - 2]) == Lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::string ClosestMatch(std::string_view typed, const std::vector<std::string>& candidates) {
  if (typed.empty()) return "";
  const size_t limit = std::clamp<size_t>(typed.size() / 3, 1, 3);
  size_t best = std::numeric_limits<size_t>::max();
  std::string best_word;
  bool tie = false;
  for (const std::string& c : candidates) {
    if (c == typed) continue;
    const size_t d = EditDistance(typed, c);
    if (d < best) {
      best = d;
      best_word = c;
      tie = false;
    } else if (d == best && c != best_word) {
      tie = true;
    }
  }
  if (best <= limit && !tie) return best_word;
  // A part of a longer word: "2025-57" for "mofcom-gacc-2025-57", "exp" for "export".
  if (typed.size() < 3) return "";
  std::string only;
  for (const std::string& c : candidates) {
    if (c.size() <= typed.size()) continue;
    if (c.compare(0, typed.size(), typed) == 0 || EndsWith(c, typed)) {
      if (!only.empty()) return "";
      only = c;
    }
  }
  return only;
}

std::string DidYouMean(std::string_view typed, const std::vector<std::string>& candidates) {
  std::string match = ClosestMatch(typed, candidates);
  return match.empty() ? "" : "; did you mean '" + match + "'?";
}

}  // namespace regdiff::tools
