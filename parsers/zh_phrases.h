// The Chinese phrase tables the readers share: the relation verbs (暂停实施,
// 废止, 修改 …) with the relation each states. One row per phrase; a new
// phrase is one added row.
#pragma once

#include <span>
#include <string_view>

#include "corpus/model.h"

namespace regdiff::parsers {

struct ZhVerbPhrase {
  std::string_view phrase;
  RelationType type;
};

// The relation phrase table, longest first where one phrase contains another.
// Matched as plain substrings of the Simplified view, titles masked out.
std::span<const ZhVerbPhrase> ZhRelationPhrases();

}  // namespace regdiff::parsers
