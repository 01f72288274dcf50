// The JSON form of a DiffReport, for programs: a versioned shape described
// by schemas/diff.schema.json. Fields may be added in a later version of the
// same major number; none is renamed or dropped without a new "schema".
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "diff/report.h"

namespace regdiff::diff {

inline constexpr char kDiffSchema[] = "regdiff.diff/1";

// {"schema": "regdiff.diff/1", "kind", "differs", "left", "right",
//  "summary_lang", "summary": [{text, evidence[]}], "items": {added, removed,
//  changed, recoded}, "effective": {added, removed, changed}, "relations":
//  {added, removed}, "header": [], "status_changes": [], "text_diff": {...} |
//  null}. Every key is always present; unknown values are null.
nlohmann::ordered_json DiffToJson(const DiffReport& report);

// DiffToJson, indented by two spaces, '\n'-terminated. Invalid UTF-8 in the
// data is replaced by U+FFFD, never thrown.
std::string RenderJson(const DiffReport& report);

}  // namespace regdiff::diff
