// Rejoining English lines broken inside a sentence (PDF, OCR and hard-wrapped
// copies), in the matching view only.
#include "parsers/en_unwrap.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

// Words that head compounds: a line-end hyphen before one is a real hyphen
// ("rare-\nearth", "Holmium-\nrelated", "lithium-\nion").
constexpr std::string_view kCompoundHeads[] = {
    "related", "containing", "based", "earth",  "earths",  "use",   "type",     "free",
    "grade",   "purity",     "like",  "scale",  "term",    "level", "made",     "owned",
    "specific", "sized",     "ion",   "rich",   "doped",   "coated", "bearing", "grown",
    "melted",  "anvil",      "dimensional", "standard", "party", "border", "origin", "up"};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

struct Line {
  size_t begin, end;  // offsets in the match string, excluding '\n'
};

bool Blank(std::string_view s, const Line& l) {
  for (size_t i = l.begin; i < l.end; ++i)
    if (s[i] != ' ' && s[i] != '\t') return false;
  return true;
}

}  // namespace

NormalizedText UnwrapEnglishLines(const NormalizedText& text) {
  const EnPatterns& p = EnP();
  NormalizedText out;
  out.text = text.text;
  out.match = text.match.size() == text.text.size() ? text.match : text.text;
  std::string& m = out.match;

  std::vector<Line> lines;
  for (size_t b = 0; b <= m.size();) {
    size_t e = m.find('\n', b);
    if (e == std::string::npos) e = m.size();
    lines.push_back({b, e});
    b = e + 1;
  }
  // Page-number lines are blanked; the lines around them may join.
  std::vector<bool> furniture(lines.size(), false);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line(m.data() + lines[i].begin, lines[i].end - lines[i].begin);
    if (!Blank(m, lines[i]) && RE2::FullMatch(line, p.page_number_line)) {
      std::fill(m.begin() + lines[i].begin, m.begin() + lines[i].end, ' ');
      furniture[i] = true;
    }
  }
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (Blank(m, lines[i])) continue;
    size_t j = i + 1;
    while (j < lines.size() && furniture[j]) ++j;
    if (j >= lines.size() || Blank(m, lines[j])) continue;
    std::string_view cur(m.data() + lines[i].begin, lines[i].end - lines[i].begin);
    std::string_view next(m.data() + lines[j].begin, lines[j].end - lines[j].begin);
    size_t last = cur.find_last_not_of(" \t");
    size_t first = next.find_first_not_of(" \t");
    if (last == std::string_view::npos || first == std::string_view::npos) continue;
    std::string_view g[4];
    if (MatchAt(p.marker, next, first, next.size(), RE2::ANCHOR_START, g, 4)) continue;
    const size_t tail = lines[i].begin + last;  // last printed byte of the line
    const size_t head = lines[j].begin + first;  // first printed byte of the next
    const char c = m[tail];
    const bool lower_next = IsLower(m[head]);
    if (c == '-' && last > 0 && IsAlpha(cur[last - 1]) && lower_next && head - tail <= 2) {
      // A word broken at a hyphen: move the rest of it up to the break.
      size_t we = head;
      while (we < m.size() && IsAlpha(m[we])) ++we;
      std::string word = m.substr(head, we - head);
      std::string lower = word;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      bool compound = std::find(std::begin(kCompoundHeads), std::end(kCompoundHeads), lower) !=
                      std::end(kCompoundHeads);
      size_t at = compound ? tail + 1 : tail;
      std::copy(word.begin(), word.end(), m.begin() + at);
      std::fill(m.begin() + at + word.size(), m.begin() + we, ' ');
      continue;
    }
    const bool ends_sentence = c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
    const bool continues = RE2::PartialMatch(cur.substr(0, last + 1), p.continuing_word);
    if ((lower_next && !ends_sentence) || continues) {
      for (size_t k = lines[i].end; k < lines[j].begin; ++k)
        if (m[k] == '\n') m[k] = ' ';
    }
  }
  return out;
}

}  // namespace regdiff::parsers
