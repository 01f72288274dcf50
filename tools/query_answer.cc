#include "tools/query_answer.h"

#include <algorithm>

#include "corpus/store_coverage.h"

namespace regdiff::tools {

Status CheckQueryQuestion(ItemFilter& filter, const std::string& party) {
  if (filter.empty() == party.empty()) {
    return Status::InvalidArgument("give --hs, --code or --element, or --party NAME (not both)");
  }
  if (!party.empty() && QueryNameKey(party).empty()) {
    return Status::InvalidArgument("--party wants a name, got '" + party + "'");
  }
  return ResolveFilter(filter);
}

Result<QueryAnswer> AnswerQuery(AnnouncementStore& store, const QueryQuestion& question) {
  QueryAnswer answer;
  answer.party = !question.party.empty();
  auto states = StatesOn(store, question.date, question.known_at, question.filter, !answer.party,
                         answer.party);
  if (!states.ok()) return states.status();
  auto coverage = ReadCoverage(store.db(), question.known_at);
  if (!coverage.ok()) return coverage.status();
  answer.coverage = std::move(coverage).value();
  if (answer.party) {
    answer.screening = ScreenParty(question.party, states->parties);
    return answer;
  }
  answer.items = std::move(states->items);
  answer.controlled = std::any_of(answer.items.begin(), answer.items.end(), [](const ItemState& s) {
    return s.status == ItemStatus::kInForce;
  });
  return answer;
}

Json QueryAnswerJson(const QueryQuestion& question, const QueryAnswer& answer) {
  if (answer.party) return PartyQueryJson(question.date, answer.screening, answer.coverage);
  return QueryJson(question.date, answer.controlled, answer.coverage, answer.items);
}

}  // namespace regdiff::tools
