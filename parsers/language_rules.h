// A language's rule set: the readers that turn one text of that language
// into the neutral form of reading.h, chosen from a table keyed by language.
// Adding a language is one rules file (xx_rules.cc) binding its readers, its
// pattern table and its phrase rows; the back half (announcement_builder.h)
// stays as it is.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "corpus/text.h"
#include "parsers/element_names.h"
#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

struct LanguageRules {
  std::string_view name;  // "zh", "en"
  // The text the readers read, made from the normalised text (the same
  // length, so evidence offsets hold): English copies get their hard-wrapped
  // lines joined and OCR slips repaired, Chinese ones their run-on lists
  // split. nullopt: the text as it is.
  std::optional<NormalizedText> (*prepare)(const NormalizedText& text);
  // What every reader needs, read once per text.
  TextReadings (*read_text)(const TextView& view);
  HeaderReading (*read_header)(const TextView& view, const TextReadings& readings);
  std::vector<ClauseReading> (*read_effective)(const TextView& view,
                                               const TextReadings& readings,
                                               const HeaderReading& header);
  ListReading (*read_list)(const TextView& view);
  // Element names of a piece of text (item lines and headings).
  ElementSet (*elements_in)(std::string_view text);
  std::vector<RelationReading> (*read_relations)(const TextView& view,
                                                 const TextReadings& readings,
                                                 const HeaderReading& header);
  // Parties added to or removed from MOFCOM's lists; the document's own
  // mention (`header`) tells its listings from those of other announcements.
  PartyReading (*read_parties)(const TextView& view, const TextReadings& readings,
                               const HeaderReading& header);
};

// The rule sets (zh_rules.cc, en_rules.cc).
const LanguageRules& ZhRules();
const LanguageRules& EnRules();

// The rule set for `lang`: Simplified and Traditional Chinese share one;
// nullptr for kUnknown.
const LanguageRules* RulesFor(Lang lang);

}  // namespace regdiff::parsers
