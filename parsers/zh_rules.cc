// The Chinese rule set: Simplified and Traditional texts, read through their
// Simplified matching view (corpus/text.h), with page chrome (related-links
// blocks) marked once so that no reader takes its mentions and dates.
#include "parsers/element_names.h"
#include "parsers/language_rules.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_parties.h"
#include "parsers/zh_readers.h"
#include "parsers/zh_references.h"
#include "parsers/zh_run_on.h"

namespace regdiff::parsers {

TextReadings ReadZhText(const TextView& view) {
  return {FindZhMentions(view.view()), ZhChromeLines(view)};
}

const LanguageRules& ZhRules() {
  static constexpr LanguageRules kRules = {
      .name = "zh",
      .prepare = SplitRunOnLists,
      .read_text = ReadZhText,
      .read_header = ReadZhHeader,
      .read_effective = ReadZhEffective,
      .read_list = ReadZhList,
      .elements_in = ZhElementSetIn,
      .read_relations = ReadZhRelations,
      .read_parties = ReadZhParties,
  };
  return kRules;
}

}  // namespace regdiff::parsers
