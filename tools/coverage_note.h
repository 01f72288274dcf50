// How a read command says what its answer rests on: a line under the answer
// in text form ("based on 8 announcements ..."), and a warning when the
// database holds no announcement at all, where "not controlled" means
// nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corpus/coverage.h"

namespace regdiff::tools {

// "based on 8 announcements (9 texts), latest published 2026-02-24, last
// ingest 2026-12-07T11:20:00Z"; "based on no stored announcement" when empty.
std::string CoverageNote(const Coverage& coverage);

// Warns on stderr, as `command`, when `coverage` counts no announcement.
void WarnWhenNothingStored(std::string_view command, const Coverage& coverage);

}  // namespace regdiff::tools
