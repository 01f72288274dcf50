// Rule files for other systems: the controlled list on a date as one rule per
// (control code, HS code), with the header every rule file has (schema, tool,
// date, source announcements; diff/rule_file.h). The same corpus gives the
// same bytes: rows are sorted and no wall-clock time is written unless asked
// for. Shapes: schemas/rules.schema.json, schemas/delta.schema.json.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/timeline.h"
#include "diff/rule_file.h"

namespace regdiff::diff {

inline constexpr char kRulesSchema[] = "regdiff.rules/1";
inline constexpr char kDeltaSchema[] = "regdiff.delta/1";

struct Rule {
  std::optional<std::string> code;     // control code; nullopt for uncoded items
  std::string key;                     // code, or doc_id#position
  std::optional<std::string> hs_code;  // nullopt when the item lists none
  std::string status;                  // in_force, suspended, not_yet_in_force, repealed
  std::string basis;                   // stated, inferred
  std::string effective_from;          // ISO date the item entered (or enters) control
  std::string effective_until;         // ISO date, last day; "" when open
  std::string status_since, status_until;  // the current status's window; "" unknown
  std::vector<RuleSuspension> suspensions;
  std::vector<std::string> elements;
  std::string listed_by;
  std::vector<std::string> governing;
  std::string evidence;
  std::string name_zh, name_en;  // "" when no text in that language names it

  bool operator==(const Rule&) const = default;
};

struct RuleSet {
  RuleFileHeader header{kRulesSchema};
  std::vector<Rule> rules;  // sorted by key, then HS code
};

// Names of an item in each language, looked up by (doc_id, key).
struct ItemNames {
  std::string zh, en;
};
using NameLookup = std::function<ItemNames(const std::string& doc_id, const std::string& key)>;

// One rule per (item, HS code) of `states` (the timeline's AsOf rows).
std::vector<Rule> RulesFromStates(const std::vector<ItemState>& states, const NameLookup& names);

// Renderings. JSON: one object (header fields + "rules"); JSONL: a header line
// {"type":"header",...} then one {"type":"rule",...} per line; CSV: RFC 4180,
// CRLF line ends, a header row, one row per rule (with an as_of column), and a
// UTF-8 BOM first when `excel_bom`.
std::string RulesToJson(const RuleSet& set);
std::string RulesToJsonl(const RuleSet& set);
std::string RulesToCsv(const RuleSet& set, bool excel_bom);

// Writes RulesToJson, RulesToJsonl or RulesToCsv (`format`, `excel_bom`)
// of the rule set {header, RulesFromStates(states, names)}, rule by rule:
// neither the rules nor a tree of the file are held. The bytes go to
// `write` in chunks.
void WriteRules(const RuleFileHeader& header, const std::vector<ItemState>& states,
                const NameLookup& names, RuleFormat format, bool excel_bom,
                const std::function<void(std::string_view)>& write);

// Reads a JSON rule file written by RulesToJson back. Errors: kCorruption for
// anything else (wrong schema, missing fields).
Result<RuleSet> RulesFromJson(const std::string& json);

// ADD / MOD / DEL records turning `from` into `to`, keyed by (key, HS code).
struct RuleChange {
  std::string op;  // "ADD", "MOD", "DEL"
  std::string key;
  std::optional<std::string> code;
  std::optional<std::string> hs_code;
  std::vector<std::string> fields;  // MOD: the fields that differ
  std::optional<Rule> before, after;
};

struct RuleDelta {
  RuleDeltaHeader header{kDeltaSchema};
  std::vector<RuleChange> changes;  // sorted by key, HS code
};

RuleDelta DiffRuleSets(const RuleSet& from, const RuleSet& to);

// Writes, chunk by chunk through `write`, the bytes DeltaToJson,
// DeltaToJsonl or DeltaToCsv (as `format` says) give for DiffRuleSets(from,
// to) with `tool_version` in its header, one change at a time: neither the
// changes nor a tree of them is held (a delta over years lists tens of
// thousands).
void WriteRuleDelta(const RuleSet& from, const RuleSet& to, const std::string& tool_version,
                    RuleFormat format, bool excel_bom,
                    const std::function<void(std::string_view)>& write);
std::string DeltaToJson(const RuleDelta& delta);
std::string DeltaToJsonl(const RuleDelta& delta);
std::string DeltaToCsv(const RuleDelta& delta, bool excel_bom);

}  // namespace regdiff::diff
