// Building, writing, reading and diffing parties rule files: the rules'
// fields, key and columns; the envelope is diff/rule_file's.
#include "diff/party_rules.h"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

using Json = nlohmann::ordered_json;

constexpr RuleFileKind kPartyRuleFile = {.schema = kPartyRulesSchema,
                                         .name = "parties rule file",
                                         .rows = "parties",
                                         .row_type = "party"};

Json RuleJson(const PartyRule& r) {
  return Json{{"list", r.list},
              {"key", r.key},
              {"key_en", OrNull(r.key_en)},
              {"name", r.name},
              {"name_en", OrNull(r.name_en)},
              {"country", OrNull(r.country)},
              {"status", r.status},
              {"basis", r.basis},
              {"listed_from", OrNull(r.listed_from)},
              {"removed_from", OrNull(r.removed_from)},
              {"status_since", OrNull(r.status_since)},
              {"status_until", OrNull(r.status_until)},
              {"suspensions", SuspensionsToJson(r.suspensions)},
              {"listed_by", r.listed_by},
              {"governing", r.governing},
              {"evidence", r.evidence},
              {"status_evidence", r.status_evidence}};
}

PartyRule RuleFromJson(const Json& j) {
  PartyRule r;
  r.list = TextOf(j, "list");
  r.key = TextOf(j, "key");
  r.key_en = TextOf(j, "key_en");
  r.name = TextOf(j, "name");
  r.name_en = TextOf(j, "name_en");
  r.country = TextOf(j, "country");
  r.status = TextOf(j, "status");
  r.basis = TextOf(j, "basis");
  r.listed_from = TextOf(j, "listed_from");
  r.removed_from = TextOf(j, "removed_from");
  r.status_since = TextOf(j, "status_since");
  r.status_until = TextOf(j, "status_until");
  r.suspensions = SuspensionsFromJson(j.at("suspensions"));
  r.listed_by = TextOf(j, "listed_by");
  r.governing = j.at("governing").get<std::vector<std::string>>();
  r.evidence = TextOf(j, "evidence");
  r.status_evidence = TextOf(j, "status_evidence");
  return r;
}

constexpr const char* kPartyColumns[] = {
    "as_of",        "list",         "key",         "key_en",    "name",
    "name_en",      "country",      "status",      "basis",     "listed_from",
    "removed_from", "status_since", "status_until", "suspensions", "listed_by",
    "governing",    "evidence",     "status_evidence"};

std::vector<std::string> RuleCells(const std::string& as_of, const PartyRule& r) {
  return {as_of,          r.list,
          r.key,          r.key_en,
          r.name,         r.name_en,
          r.country,      r.status,
          r.basis,        r.listed_from,
          r.removed_from, r.status_since,
          r.status_until, SuspensionsText(r.suspensions),
          r.listed_by,    Join(r.governing, " "),
          r.evidence,     r.status_evidence};
}

auto RuleKey(const PartyRule& r) { return std::make_tuple(r.list, r.key); }

// The fields of two rules for one (list, key) that differ.
std::vector<std::string> ChangedFields(const PartyRule& a, const PartyRule& b) {
  std::vector<std::string> out;
  auto check = [&](const char* name, bool same) {
    if (!same) out.push_back(name);
  };
  check("key_en", a.key_en == b.key_en);
  check("name", a.name == b.name);
  check("name_en", a.name_en == b.name_en);
  check("country", a.country == b.country);
  check("status", a.status == b.status);
  check("basis", a.basis == b.basis);
  check("listed_from", a.listed_from == b.listed_from);
  check("removed_from", a.removed_from == b.removed_from);
  check("status_since", a.status_since == b.status_since);
  check("status_until", a.status_until == b.status_until);
  check("suspensions", a.suspensions == b.suspensions);
  check("listed_by", a.listed_by == b.listed_by);
  check("governing", a.governing == b.governing);
  check("evidence", a.evidence == b.evidence);
  check("status_evidence", a.status_evidence == b.status_evidence);
  return out;
}

Json ChangeJson(const PartyRuleChange& c) {
  return ChangeToJson(c, {{"list", c.list}, {"key", c.key}}, RuleJson);
}

}  // namespace

std::vector<PartyRule> PartyRulesFromStates(const std::vector<PartyState>& states) {
  std::vector<PartyRule> out;
  out.reserve(states.size());
  for (const PartyState& s : states) {
    PartyRule r;
    r.list = std::string(PartyListName(s.list));
    r.key = s.key;
    r.key_en = s.key_en;
    r.name = s.name;
    r.name_en = s.name_en.value_or("");
    r.country = s.country.value_or("");
    r.status = std::string(PartyStatusName(s.status));
    r.basis = std::string(BasisName(s.basis));
    r.listed_from = IsoOrEmpty(s.since);
    r.removed_from = IsoOrEmpty(s.removed_from);
    r.status_since = IsoOrEmpty(s.status_since);
    r.status_until = IsoOrEmpty(s.status_until);
    r.suspensions = SuspensionsOf(s.suspensions);
    r.listed_by = s.listed_by;
    r.governing = s.governing;
    r.evidence = s.evidence;
    r.status_evidence = s.status_evidence;
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const PartyRule& a, const PartyRule& b) {
    return std::tie(a.list, a.key, a.listed_by) < std::tie(b.list, b.key, b.listed_by);
  });
  return out;
}

std::string PartyRulesToJson(const PartyRuleSet& set) {
  return DocumentToJson(HeaderToJson(set.header), kPartyRuleFile.rows,
                        JsonArray(set.rules, RuleJson));
}

std::string PartyRulesToJsonl(const PartyRuleSet& set) {
  return DocumentToJsonl(HeaderToJson(set.header), kPartyRuleFile.row_type,
                         JsonArray(set.rules, RuleJson));
}

std::string PartyRulesToCsv(const PartyRuleSet& set, bool excel_bom) {
  return RowsToCsv(kPartyColumns, set.header.as_of, set.rules, RuleCells, excel_bom);
}

Result<PartyRuleSet> PartyRulesFromJson(const std::string& text) {
  PartyRuleSet set;
  Status s = ReadRuleFile(text, kPartyRuleFile, &set.header,
                          [&](const Json& row) { set.rules.push_back(RuleFromJson(row)); });
  if (!s.ok()) return s;
  return set;
}

PartyRuleDelta DiffPartyRuleSets(const PartyRuleSet& from, const PartyRuleSet& to) {
  PartyRuleDelta d;
  d.header = DeltaHeaderBetween(kPartyDeltaSchema, from.header, to.header);
  d.changes = DiffRows<PartyRuleChange>(
      from.rules, to.rules, RuleKey,
      [](PartyRuleChange& c, const PartyRule& r) {
        c.list = r.list;
        c.key = r.key;
      },
      ChangedFields);
  return d;
}

std::string PartyDeltaToJson(const PartyRuleDelta& delta) {
  return DocumentToJson(DeltaHeaderToJson(delta.header), kDeltaRows,
                        JsonArray(delta.changes, ChangeJson));
}

std::string PartyDeltaToJsonl(const PartyRuleDelta& delta) {
  return DocumentToJsonl(DeltaHeaderToJson(delta.header), kDeltaRowType,
                         JsonArray(delta.changes, ChangeJson));
}

std::string PartyDeltaToCsv(const PartyRuleDelta& delta, bool excel_bom) {
  return ChangesToCsv(kPartyColumns, delta.header, delta.changes, RuleCells, excel_bom);
}

}  // namespace regdiff::diff
