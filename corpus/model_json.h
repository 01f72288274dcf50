// The JSON form of an Announcement: the `regdiff parse --json` contract of
// shared/docs/formats.md (fields may be added, never renamed or dropped).
#pragma once

#include <nlohmann/json.hpp>

#include "corpus/model.h"

namespace regdiff {

// Serialises to the formats.md shape: doc_id, issuers, year, number, lang,
// title, published, effective[], items[], relations[], plus warnings and
// parser_version. Unknown values are null, never guessed.
nlohmann::ordered_json AnnouncementToJson(const Announcement& a);

// One element of parties[]: list, action, name, name_en, country, evidence,
// span (the match keys are not part of the contract).
nlohmann::ordered_json PartyToJson(const Party& p);

}  // namespace regdiff
