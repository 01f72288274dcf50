// Parties of a Chinese announcement, Simplified or Traditional (read on the
// Simplified matching view, names kept as printed): the organisations a
// MOFCOM or unreliable-entity-list announcement adds to, or removes from,
// the export control list (出口管制管控名单), the watch list (关注名单) or
// the unreliable entity list (不可靠实体清单). Reads sentences that act
// ("决定将斯巴鲁株式会社等20家日本实体列入关注名单", "将…从…名单中移出") and
// the lists they govern (附件：出口管制管控名单, numbered lines, flattened
// tables), in announcements, news and law-firm reprints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/model.h"
#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {


// The parties of the text in `view`. `own_doc_id` and the view span
// [own_begin, own_end) of the document's own number (0, 0 if none) tell its
// own mentions from citations: names that another announcement acts on
// ("商务部公告2025年第13号将…列入…", cited by a suspension) are not parties.
PartyReading ReadZhParties(const TextView& view, const TextReadings& readings,
                            const HeaderReading& header);

}  // namespace regdiff::parsers
