// The JSON form of a DiffReport, for programs: a versioned shape described
// by schemas/diff.schema.json. Fields may be added in a later version of the
// same major number; none is renamed or dropped without a new "schema".
#pragma once

#include <string>

#include "diff/chunked_output.h"
#include "diff/report.h"

namespace regdiff::diff {

inline constexpr char kDiffSchema[] = "regdiff.diff/1";

// {"schema": "regdiff.diff/1", "kind", "differs", "left", "right",
//  "summary_lang", "summary": [{text, evidence[]}], "items": {added, removed,
//  changed, recoded}, "effective": {added, removed, changed}, "relations":
//  {added, removed}, "header": [], "status_changes": [], "text_diff": {...} |
//  null}. Every key is always present; unknown values are null.
// Indented by two spaces (as nlohmann's dump(2)), '\n'-terminated, handed
// to `write` in chunks. Invalid UTF-8 in the data is replaced by U+FFFD,
// never thrown.
void WriteJson(const DiffReport& report, const WriteChunk& write);

// WriteJson's bytes as one string.
std::string RenderJson(const DiffReport& report);

}  // namespace regdiff::diff
