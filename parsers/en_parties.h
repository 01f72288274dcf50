// Parties of an English text (official MOFCOM translations, law-firm alerts,
// news stories, machine translations): the organisations it names as added
// to, or removed from, the Export Control List (control list), the Watch
// List (list of concern) or the Unreliable Entity List. Reads sentences that
// act ("decided to add 20 Japanese entities, including SUBARU Corporation, to
// the Watch List", "… have been removed from the Export Control List") and
// the lists they govern ("Annex: Export Control List", numbered lines,
// flattened tables). In an English text the English name is the name.
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
// own mentions from citations: names that another announcement is said to
// have listed are not parties of this one.
PartyReading ReadEnParties(const TextView& view, const TextReadings& readings,
                            const HeaderReading& header);

}  // namespace regdiff::parsers
