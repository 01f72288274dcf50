// Party screening: exact key matches and possible matches.
#include "tools/party_screening.h"

#include <algorithm>

#include "corpus/name_match.h"
#include "parsers/party_key.h"

namespace regdiff::tools {
namespace {

bool Holds(std::string_view a, std::string_view b) {
  const std::string_view& shorter = a.size() < b.size() ? a : b;
  const std::string_view& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= kMinContainedKeyBytes && longer.find(shorter) != std::string_view::npos;
}

}  // namespace

std::string QueryNameKey(std::string_view name) { return parsers::PartyKey(name); }

PartyScreening ScreenParty(std::string_view name, const std::vector<PartyState>& parties) {
  PartyScreening out;
  out.query = std::string(name);
  out.query_key = QueryNameKey(name);
  if (out.query_key.empty()) return out;
  for (const PartyState& s : parties) {
    // The party's keys with the printed names they come from.
    const std::pair<const std::string*, std::string> keys[] = {
        {&s.key, s.name}, {&s.key_en, s.name_en.value_or(s.name)}};
    PartyMatch best;
    best.similarity = -1;
    bool exact = false;
    for (const auto& [key, printed] : keys) {
      if (key->empty()) continue;
      if (*key == out.query_key) {
        best = {s, printed, *key, 1.0};
        exact = true;
        break;
      }
      double similarity = NameSimilarity(out.query_key, *key);
      if (similarity < kPossibleMatchSimilarity && Holds(out.query_key, *key))
        similarity = std::max(similarity, kPossibleMatchSimilarity);
      if (similarity >= kPossibleMatchSimilarity && similarity > best.similarity)
        best = {s, printed, *key, similarity};
    }
    if (exact) {
      out.listed = out.listed || s.status == PartyStatus::kInForce;
      out.matches.push_back(std::move(best));
    } else if (best.similarity >= kPossibleMatchSimilarity) {
      out.possible.push_back(std::move(best));
    }
  }
  std::stable_sort(out.possible.begin(), out.possible.end(),
                   [](const PartyMatch& a, const PartyMatch& b) {
                     return a.similarity > b.similarity;
                   });
  return out;
}

}  // namespace regdiff::tools
