// What an answer rests on: how many announcements the store holds, the
// newest publication date among them and when the store last took in a new
// text. A read command prints it beside its answer, so that "not
// controlled" from an empty or stale database does not read like a real
// negative.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "corpus/date.h"
#include "corpus/json_writer.h"

namespace regdiff {

struct Coverage {
  int64_t announcements = 0;  // distinct announcement ids among the current texts
  int64_t texts = 0;          // current texts (a bilingual announcement counts two)
  std::optional<Date> latest_published;
  std::optional<std::string> last_ingest;  // UTC ISO time of the newest text version stored

  bool operator==(const Coverage&) const = default;
};

// Its JSON form, as asof, query and rule files carry it (schemas/asof.schema.json
// $defs/coverage): {"announcements", "texts", "latest_published", "last_ingest"}.
nlohmann::ordered_json CoverageToJson(const Coverage& coverage);
void WriteCoverageJson(JsonWriter& json, const Coverage& coverage);
// Reads CoverageToJson's form back; nullopt when `json` is not one.
std::optional<Coverage> CoverageFromJson(const nlohmann::ordered_json& json);

}  // namespace regdiff
