// The parties rule file for other systems (`regdiff export --parties`): the
// parties on MOFCOM's lists on a date, one rule per party and list, with the
// header every rule file has (schema, tool, date, sources; diff/rule_file.h);
// and ADD/MOD/DEL deltas between two of them, keyed by (list, key). The same
// corpus gives the same bytes: rules are sorted and no wall-clock time is
// written unless asked for. Shapes: schemas/parties.schema.json,
// schemas/party-delta.schema.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/timeline.h"
#include "diff/rule_file.h"

namespace regdiff::diff {

inline constexpr char kPartyRulesSchema[] = "regdiff.parties/1";
inline constexpr char kPartyDeltaSchema[] = "regdiff.party-delta/1";

struct PartyRule {
  std::string list;    // control_list, watch_list, unreliable_entity_list
  std::string key;     // the match key (PartyState::key)
  std::string key_en;  // "" when none
  std::string name;    // as printed
  std::string name_en, country;  // "" when not printed
  std::string status;  // in_force, suspended, not_yet_in_force, removed
  std::string basis;   // stated, inferred
  std::string listed_from;                 // ISO date the listing takes effect
  std::string removed_from;                // ISO date a removal takes effect; "" when none
  std::string status_since, status_until;  // the current status's window; "" unknown
  std::vector<RuleSuspension> suspensions;
  std::string listed_by;
  std::vector<std::string> governing;
  std::string evidence;         // the line naming the party
  std::string status_evidence;  // the sentence stating its status

  bool operator==(const PartyRule&) const = default;
};

struct PartyRuleSet {
  RuleFileHeader header{kPartyRulesSchema};
  std::vector<PartyRule> rules;  // sorted by list, key, listed_by
};

// One rule per state of `states` (Timeline::PartiesAsOf), sorted.
std::vector<PartyRule> PartyRulesFromStates(const std::vector<PartyState>& states);

// Renderings, as the item rule file's: JSON one object; JSONL a header line
// {"type":"header",...} then one {"type":"party",...} per line; CSV RFC 4180
// with CRLF line ends, a header row, an as_of column, a UTF-8 BOM first when
// `excel_bom`.
std::string PartyRulesToJson(const PartyRuleSet& set);
std::string PartyRulesToJsonl(const PartyRuleSet& set);
std::string PartyRulesToCsv(const PartyRuleSet& set, bool excel_bom);

// Reads a JSON parties rule file written by PartyRulesToJson back. Errors:
// kCorruption for anything else (another schema, missing fields).
Result<PartyRuleSet> PartyRulesFromJson(const std::string& json);

struct PartyRuleChange {
  std::string op;  // "ADD", "MOD", "DEL"
  std::string list, key;
  std::vector<std::string> fields;  // MOD: the fields that differ
  std::optional<PartyRule> before, after;
};

struct PartyRuleDelta {
  RuleDeltaHeader header{kPartyDeltaSchema};
  std::vector<PartyRuleChange> changes;  // sorted by list, key
};

PartyRuleDelta DiffPartyRuleSets(const PartyRuleSet& from, const PartyRuleSet& to);
std::string PartyDeltaToJson(const PartyRuleDelta& delta);
std::string PartyDeltaToJsonl(const PartyRuleDelta& delta);
std::string PartyDeltaToCsv(const PartyRuleDelta& delta, bool excel_bom);

}  // namespace regdiff::diff
