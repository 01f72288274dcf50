// The table of rule sets by language.
#include "parsers/language_rules.h"

namespace regdiff::parsers {

const LanguageRules* RulesFor(Lang lang) {
  struct Row {
    Lang lang;
    const LanguageRules& (*rules)();
  };
  static constexpr Row kTable[] = {
      {Lang::kZh, ZhRules},
      {Lang::kZhHant, ZhRules},
      {Lang::kEn, EnRules},
  };
  for (const Row& row : kTable)
    if (row.lang == lang) return &row.rules();
  return nullptr;
}

}  // namespace regdiff::parsers
