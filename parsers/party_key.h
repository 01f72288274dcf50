// The match key of a party's name in any script: Traditional folded to
// Simplified (OpenCC, through the parsers' Simplified view), then
// corpus/name_match.h's PartyNameKey. The parser fills Party::key and
// Party::key_en with it; tools/ makes the key of a name typed on the command
// line with it, so both sides of a comparison are folded alike.
#pragma once

#include <string>
#include <string_view>

#include "corpus/model.h"

namespace regdiff::parsers {

// "斯巴魯株式會社" and "斯巴鲁" give "斯巴鲁"; "SUBARU Corp." gives "subaru".
std::string PartyKey(std::string_view name);

// Sets party.key from its name and party.key_en from its English name ("" without one).
void SetPartyKeys(Party& party);

}  // namespace regdiff::parsers
