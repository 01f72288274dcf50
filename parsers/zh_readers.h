// The Chinese readers: each reads the matching view of one text (Simplified
// or Traditional, see text_view.h) into the neutral form of reading.h and
// nothing more; zh_rules.cc binds them into the Chinese rule set and the back
// half (announcement_builder.cc) assembles what they read.
#pragma once

#include <vector>

#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

// The mentions of numbered announcements and the page-chrome lines.
TextReadings ReadZhText(const TextView& view);

// The document's own number, issuers, title and publication date.
HeaderReading ReadZhHeader(const TextView& view, const TextReadings& readings);

// Effective clauses: 自公布之日起实施, 自2025年11月8日起正式实施, and clauses
// naming a part (本公告第一条第(一)项…自…起实施).
std::vector<ClauseReading> ReadZhEffective(const TextView& view, const TextReadings& readings,
                                           const HeaderReading& header);

// Every line of the item list classified: markers, codes, names, HS codes.
ListReading ReadZhList(const TextView& view);

// What the text does to the announcements it mentions. The own mention
// [header.number_begin, number_end) is none of them.
std::vector<RelationReading> ReadZhRelations(const TextView& view, const TextReadings& readings,
                                             const HeaderReading& header);

}  // namespace regdiff::parsers
