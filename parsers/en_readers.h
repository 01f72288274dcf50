// The English readers: each reads the matching view of one text (lines
// unwrapped and OCR digits repaired by the English rule set first, see
// en_rules.cc) into the neutral form of reading.h and nothing more; the back
// half (announcement_builder.cc) assembles what they read.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

// The mentions of numbered announcements (English copies carry no
// related-links chrome the readers need to skip).
TextReadings ReadEnText(const TextView& view);

// The document's own number, issuers, title and publication date.
HeaderReading ReadEnHeader(const TextView& view, const TextReadings& readings);

// Effective clauses. A relative clause right after the document's own mention
// ("… Announcement No. 72 [2025], which takes effect immediately") speaks of
// the document.
std::vector<ClauseReading> ReadEnEffective(const TextView& view, const TextReadings& readings,
                                           const HeaderReading& header);

// Every line of the item list classified: markers, codes, names, HS codes.
ListReading ReadEnList(const TextView& view);

// What the text does to the announcements it mentions. The own mention
// [header.number_begin, number_end) is none of them.
std::vector<RelationReading> ReadEnRelations(const TextView& view, const TextReadings& readings,
                                             const HeaderReading& header);

// A relation verb of the English phrase table found in a sentence.
struct EnVerb {
  size_t pos = 0;  // view offset
  size_t len = 0;
  RelationType type = RelationType::kRefersTo;
};

// The verb that acts on the mention ending at `mention_end` from right after
// it: a participle after an auxiliary ("… of 2025 are suspended", "… is
// hereby repealed") or an intransitive phrase ("… shall no longer apply"),
// with only auxiliaries, commas and bracketed asides in between; nullopt
// otherwise ("…, suspending …" and "… suspends …" are the mention acting).
std::optional<EnVerb> EnVerbAfterMention(std::string_view view, size_t mention_end,
                                         size_t sentence_end);

// A verb of the phrase table acts on `mention`: a passive form right after it
// (EnVerbAfterMention) or any form before it in its sentence ("… suspend the
// implementation of Announcement No. 46 …").
bool EnMentionActedOn(std::string_view view, const Mention& mention);

}  // namespace regdiff::parsers
