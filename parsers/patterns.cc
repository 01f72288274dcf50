// The pattern tables' instances and their listing.
#include "parsers/patterns.h"

#include "parsers/en_patterns.h"
#include "parsers/zh_patterns.h"

namespace regdiff::parsers {

namespace internal {
bool MatchInto(const RE2& re, std::string_view text, size_t pos, size_t end,
               RE2::Anchor anchor, std::string_view* groups, int n) {
  re2::StringPiece pieces[10];
  if (n > 10) return false;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, end, anchor, pieces, n))
    return false;
  for (int i = 0; i < n; ++i) groups[i] = std::string_view(pieces[i].data(), pieces[i].size());
  return true;
}
}  // namespace internal

Pattern::Pattern(PatternTable& table, std::string_view name, const char* pattern)
    : RE2(pattern), name_(name) {
  table.patterns_.push_back(this);
}

const SharedPatterns& P() {
  static const SharedPatterns* const kPatterns = new SharedPatterns();  // never destroyed
  return *kPatterns;
}

const ZhPatterns& ZhP() {
  static const ZhPatterns* const kPatterns = new ZhPatterns();  // never destroyed
  return *kPatterns;
}

const EnPatterns& EnP() {
  static const EnPatterns* const kPatterns = new EnPatterns();  // never destroyed
  return *kPatterns;
}

std::span<const PatternTable* const> AllPatternTables() {
  static const PatternTable* const kTables[] = {&P(), &ZhP(), &EnP()};
  return kTables;
}

}  // namespace regdiff::parsers
