// Change summaries: deterministic English or Chinese sentences saying what a
// DiffReport found, each carrying the evidence it rests on (item lines,
// effective clauses, relations, status sentences). For two announcements:
// "No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium
// items (1C909–1C913: 15 codes, 1 HS code on 4 items), effective
// 2025-11-08; suspended by No. 70 until 2026-11-10."
#pragma once

#include <vector>

#include "corpus/model.h"
#include "diff/report.h"
#include "diff/wording.h"

namespace regdiff::diff {

// The sentences for `report` (its summary field is not read). `others`, when
// given, are the announcements searched for relations naming a compared
// announcement ("suspended by No. 70 until 2026-11-10"); it may include the
// compared announcements themselves. An empty diff gives one sentence saying
// there is no difference.
std::vector<Sentence> Summarize(const DiffReport& report, SummaryLang lang,
                                const std::vector<Announcement>* others = nullptr);

}  // namespace regdiff::diff
