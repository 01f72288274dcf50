// The Markdown form of a DiffReport, for briefs: what was compared, the
// summary sentences each followed by its evidence as > quotes (clauses,
// relations and status sentences in full; the first three item lines, the
// others counted, as the item table lists them), then tables of item, date,
// relation and status changes, and the text diff as a ```diff block.
#pragma once

#include <string>

#include "diff/report.h"

namespace regdiff::diff {

std::string RenderMarkdown(const DiffReport& report);

}  // namespace regdiff::diff
