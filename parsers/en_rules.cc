// The English rule set: MOFCOM's official English releases and third-party
// translations (law firms, news agencies, trade associations), clean or
// OCR'd. Their lines are unwrapped and OCR slips in numbers and letters
// repaired before any reader runs.
#include "parsers/element_names.h"
#include "parsers/en_ocr_repair.h"
#include "parsers/en_parties.h"
#include "parsers/en_readers.h"
#include "parsers/en_references.h"
#include "parsers/en_unwrap.h"
#include "parsers/language_rules.h"

namespace regdiff::parsers {
namespace {

std::optional<NormalizedText> PrepareEnglish(const NormalizedText& text) {
  NormalizedText unwrapped = UnwrapEnglishLines(text);
  RepairOcrDigits(unwrapped.match);
  RepairOcrLetters(unwrapped.match);
  return unwrapped;
}

}  // namespace

TextReadings ReadEnText(const TextView& view) {
  return {FindEnMentions(view.view()), std::vector<bool>(view.lines().size(), false)};
}

const LanguageRules& EnRules() {
  static constexpr LanguageRules kRules = {
      .name = "en",
      .prepare = PrepareEnglish,
      .read_text = ReadEnText,
      .read_header = ReadEnHeader,
      .read_effective = ReadEnEffective,
      .read_list = ReadEnList,
      .elements_in = EnElementSetIn,
      .read_relations = ReadEnRelations,
      .read_parties = ReadEnParties,
  };
  return kRules;
}

}  // namespace regdiff::parsers
