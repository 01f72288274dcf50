// Why a parse read what it read: every fact with the rule that produced it,
// and the candidates a rule passed over with the reason, so that a person can
// see why a fact was read or missed (`regdiff parse FILE --explain`).
#pragma once

#include <string>
#include <vector>

#include "corpus/model.h"

namespace regdiff::parsers {

struct ExplainEntry {
  std::string kind;   // "doc_id", "published", "effective", "item", "relation", "mention"
  std::string value;  // the fact as a short string: "mofcom-gacc-2025-18", "1C902.a"
  bool accepted = true;
  std::string rule;    // the rule that read it, or that passed it over
  std::string reason;  // for a candidate passed over: why
  Evidence evidence;   // where in the normalised text
};

struct Explanation {
  std::vector<ExplainEntry> entries;  // in the order the parser decided them
};

}  // namespace regdiff::parsers
