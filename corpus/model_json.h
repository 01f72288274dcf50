// The JSON form of an Announcement: the `regdiff parse --json` contract of
// shared/docs/formats.md (fields may be added, never renamed or dropped).
#pragma once

#include <nlohmann/json.hpp>

#include "corpus/model.h"
#include "corpus/text_layout.h"

namespace regdiff {

// Serialises to the formats.md shape: doc_id, issuers, year, number, lang,
// title, published, effective[], items[], relations[], plus warnings and
// parser_version. Unknown values are null, never guessed. With a `layout`
// (a PDF, a page with attachments), every evidence also says where it
// stands: "part" (the attachment's file name) and "page" (1-based), each
// only when there is one.
nlohmann::ordered_json AnnouncementToJson(const Announcement& a,
                                          const TextLayout* layout = nullptr);

// One element of parties[]: list, action, name, name_en, country, evidence,
// span (the match keys are not part of the contract); "part"/"page" as above.
nlohmann::ordered_json PartyToJson(const Party& p, const TextLayout* layout = nullptr);

}  // namespace regdiff
