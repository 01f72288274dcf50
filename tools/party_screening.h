// Screening a name against the parties on MOFCOM's lists on one date. The
// name is folded as stored keys are (Traditional to Simplified through
// parsers/zh_simplified, then corpus PartyNameKey) and compared with each
// party's key and key_en: equal keys are a match. A near miss (NameSimilarity
// of at least kPossibleMatchSimilarity, or one key holding the other) is a
// possible match, reported for a person to judge and never counted as a hit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/timeline.h"

namespace regdiff::tools {

inline constexpr double kPossibleMatchSimilarity = 0.8;
// A key held in another counts as a near miss only when it has this many
// bytes or more (two Han characters, or six letters): "ab" is in too much.
inline constexpr size_t kMinContainedKeyBytes = 6;

struct PartyMatch {
  PartyState state;
  std::string matched_name;  // the printed name whose key compared (name or name_en)
  std::string matched_key;   // that key
  double similarity = 1.0;   // 1 for a match; NameSimilarity for a possible one
};

struct PartyScreening {
  std::string query;      // as given
  std::string query_key;  // QueryNameKey(query)
  bool listed = false;    // a match is in force that day
  std::vector<PartyMatch> matches;   // equal keys, whatever their status, by list and key
  std::vector<PartyMatch> possible;  // near misses, most similar first
};

// The key a name given on the command line is compared by, made as the
// parser makes stored keys (parsers::PartyKey: Simplified, then
// PartyNameKey). "" when it folds to nothing.
std::string QueryNameKey(std::string_view name);

// Screens `name` against `parties` (Timeline::PartiesAsOf of one date).
PartyScreening ScreenParty(std::string_view name, const std::vector<PartyState>& parties);

}  // namespace regdiff::tools
