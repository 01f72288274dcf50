// `regdiff query`'s answer, shared by `query` and `serve` (/api/query):
// whether an item (HS code, control code or element) is controlled, or a
// party listed, on a date, with the coverage it rests on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/coverage.h"
#include "corpus/status.h"
#include "corpus/store.h"
#include "tools/json_output.h"
#include "tools/party_screening.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {

struct QueryQuestion {
  ItemFilter filter;  // an item question: one of its fields set
  std::string party;  // or a party's name
  Date date;
  std::optional<std::string> known_at;
};

// Checks that exactly one of the filter or the party is given and that a
// party is a name, and resolves the filter (ResolveFilter). Errors:
// kInvalidArgument, worded with the CLI's flags (--hs, --party).
Status CheckQueryQuestion(ItemFilter& filter, const std::string& party);

struct QueryAnswer {
  bool party = false;  // a party question: `screening` holds the answer
  Coverage coverage;
  std::vector<ItemState> items;  // an item question: the matching states
  bool controlled = false;       // one of them in force
  PartyScreening screening;
  // query's exit status: 0 controlled or listed, 1 not.
  bool Positive() const { return party ? screening.listed : controlled; }
};

// The answer to a checked question. Errors: kDatabase.
Result<QueryAnswer> AnswerQuery(AnnouncementStore& store, const QueryQuestion& question);

// query --json (query.schema.json or party-query.schema.json).
Json QueryAnswerJson(const QueryQuestion& question, const QueryAnswer& answer);

}  // namespace regdiff::tools
