// The disagreements between two language texts of one announcement
// (diff/text_pair.h) for `regdiff show`: as terminal text and as the JSON
// entries of show's "disagreements" array (schemas/show.schema.json).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/model.h"
#include "diff/render_announcement.h"
#include "diff/text_pair.h"

namespace regdiff::diff {

// Where one side of a comparison was read.
struct PairedText {
  Lang lang = Lang::kUnknown;
  std::string source;  // locator
  int version = 0;
};

// A header line naming both texts, then one line per disagreement with each
// side's values and, with options.evidence, each side's evidence; "(none)"
// when the list is empty. '\n'-terminated lines.
std::string RenderDisagreementsText(const std::vector<Disagreement>& disagreements,
                                    const PairedText& left, const PairedText& right,
                                    const RenderOptions& options = {});

// {"kind", "key", "only_in": lang | null, "texts": [left, right]}, each side
// {"lang", "source", "version", "states", "values", "evidence", "span"};
// evidence and span are null for a side that states nothing.
nlohmann::ordered_json DisagreementToJson(const Disagreement& d, const PairedText& left,
                                          const PairedText& right);

}  // namespace regdiff::diff
