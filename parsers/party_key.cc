#include "parsers/party_key.h"

#include "corpus/name_match.h"
#include "parsers/zh_simplified.h"

namespace regdiff::parsers {

std::string PartyKey(std::string_view name) {
  return PartyNameKey(ToSimplifiedAligned(name));
}

void SetPartyKeys(Party& party) {
  party.key = PartyKey(party.name);
  party.key_en = party.name_en ? PartyKey(*party.name_en) : std::string();
}

}  // namespace regdiff::parsers
