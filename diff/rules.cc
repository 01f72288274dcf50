// Building, writing, reading and diffing item rule files: the rules' fields,
// key and columns; the envelope is diff/rule_file's.
#include "diff/rules.h"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

using Json = nlohmann::ordered_json;

constexpr RuleFileKind kItemRuleFile = {
    .schema = kRulesSchema, .name = "rule file", .rows = "rules", .row_type = "rule"};

Json RuleJson(const Rule& r) {
  return Json{{"code", OrNull(r.code)},
              {"key", r.key},
              {"hs_code", OrNull(r.hs_code)},
              {"status", r.status},
              {"basis", r.basis},
              {"effective_from", OrNull(r.effective_from)},
              {"effective_until", OrNull(r.effective_until)},
              {"status_since", OrNull(r.status_since)},
              {"status_until", OrNull(r.status_until)},
              {"suspensions", SuspensionsToJson(r.suspensions)},
              {"elements", r.elements},
              {"listed_by", r.listed_by},
              {"governing", r.governing},
              {"name_zh", OrNull(r.name_zh)},
              {"name_en", OrNull(r.name_en)},
              {"evidence", r.evidence}};
}

Rule RuleFromJson(const Json& j) {
  Rule r;
  r.code = OptTextOf(j, "code");
  r.key = TextOf(j, "key");
  r.hs_code = OptTextOf(j, "hs_code");
  r.status = TextOf(j, "status");
  r.basis = TextOf(j, "basis");
  r.effective_from = TextOf(j, "effective_from");
  r.effective_until = TextOf(j, "effective_until");
  r.status_since = TextOf(j, "status_since");
  r.status_until = TextOf(j, "status_until");
  r.suspensions = SuspensionsFromJson(j.at("suspensions"));
  r.elements = j.at("elements").get<std::vector<std::string>>();
  r.listed_by = TextOf(j, "listed_by");
  r.governing = j.at("governing").get<std::vector<std::string>>();
  r.name_zh = TextOf(j, "name_zh");
  r.name_en = TextOf(j, "name_en");
  r.evidence = TextOf(j, "evidence");
  return r;
}

constexpr const char* kRuleColumns[] = {
    "as_of", "code", "key", "hs_code", "status", "basis", "effective_from", "effective_until",
    "status_since", "status_until", "suspensions", "elements", "listed_by", "governing",
    "name_zh", "name_en", "evidence"};

std::vector<std::string> RuleCells(const std::string& as_of, const Rule& r) {
  return {as_of,
          r.code.value_or(""),
          r.key,
          r.hs_code.value_or(""),
          r.status,
          r.basis,
          r.effective_from,
          r.effective_until,
          r.status_since,
          r.status_until,
          SuspensionsText(r.suspensions),
          Join(r.elements, " "),
          r.listed_by,
          Join(r.governing, " "),
          r.name_zh,
          r.name_en,
          r.evidence};
}

auto RuleKey(const Rule& r) { return std::make_tuple(r.key, r.hs_code.value_or("")); }

// RuleKey's order without copying the keys.
bool RuleLess(const Rule& a, const Rule& b) {
  if (a.key != b.key) return a.key < b.key;
  const std::string_view ha = a.hs_code ? std::string_view(*a.hs_code) : std::string_view();
  const std::string_view hb = b.hs_code ? std::string_view(*b.hs_code) : std::string_view();
  return ha < hb;
}

// The fields of two rules for one key that differ.
std::vector<std::string> ChangedFields(const Rule& a, const Rule& b) {
  std::vector<std::string> out;
  auto check = [&](const char* name, bool same) {
    if (!same) out.push_back(name);
  };
  check("status", a.status == b.status);
  check("basis", a.basis == b.basis);
  check("effective_from", a.effective_from == b.effective_from);
  check("effective_until", a.effective_until == b.effective_until);
  check("status_since", a.status_since == b.status_since);
  check("status_until", a.status_until == b.status_until);
  check("suspensions", a.suspensions == b.suspensions);
  check("elements", a.elements == b.elements);
  check("listed_by", a.listed_by == b.listed_by);
  check("governing", a.governing == b.governing);
  check("name_zh", a.name_zh == b.name_zh);
  check("name_en", a.name_en == b.name_en);
  check("evidence", a.evidence == b.evidence);
  return out;
}

Json ChangeJson(const RuleChange& c) {
  return ChangeToJson(
      c, {{"key", c.key}, {"code", OrNull(c.code)}, {"hs_code", OrNull(c.hs_code)}}, RuleJson);
}

}  // namespace

std::vector<Rule> RulesFromStates(const std::vector<ItemState>& states, const NameLookup& names) {
  std::vector<Rule> out;
  for (const ItemState& s : states) {
    Rule base;
    base.code = s.code;
    base.key = s.key;
    base.status = std::string(ItemStatusName(s.status));
    base.basis = std::string(BasisName(s.basis));
    base.effective_from = IsoOrEmpty(s.effective_from);
    base.effective_until = IsoOrEmpty(s.effective_until);
    base.status_since = IsoOrEmpty(s.since);
    base.status_until = IsoOrEmpty(s.until);
    base.suspensions = SuspensionsOf(s.suspensions);
    base.elements = s.elements;
    base.listed_by = s.listed_by;
    base.governing = s.governing;
    base.evidence = s.evidence;
    if (names) {
      ItemNames n = names(s.listed_by, s.key);
      base.name_zh = n.zh;
      base.name_en = n.en;
    }
    if (s.hs_codes.empty()) {
      out.push_back(base);
      continue;
    }
    std::vector<std::string> hs = s.hs_codes;
    std::sort(hs.begin(), hs.end());
    hs.erase(std::unique(hs.begin(), hs.end()), hs.end());
    for (const std::string& code : hs) {
      Rule r = base;
      r.hs_code = code;
      out.push_back(std::move(r));
    }
  }
  std::stable_sort(out.begin(), out.end(), RuleLess);
  return out;
}

std::string RulesToJson(const RuleSet& set) {
  return DocumentToJson(HeaderToJson(set.header), kItemRuleFile.rows,
                        JsonArray(set.rules, RuleJson));
}

std::string RulesToJsonl(const RuleSet& set) {
  return DocumentToJsonl(HeaderToJson(set.header), kItemRuleFile.row_type,
                         JsonArray(set.rules, RuleJson));
}

std::string RulesToCsv(const RuleSet& set, bool excel_bom) {
  return RowsToCsv(kRuleColumns, set.header.as_of, set.rules, RuleCells, excel_bom);
}

Result<RuleSet> RulesFromJson(const std::string& text) {
  RuleSet set;
  Status s = ReadRuleFile(text, kItemRuleFile, &set.header,
                          [&](const Json& row) { set.rules.push_back(RuleFromJson(row)); });
  if (!s.ok()) return s;
  return set;
}

RuleDelta DiffRuleSets(const RuleSet& from, const RuleSet& to) {
  RuleDelta d;
  d.header = DeltaHeaderBetween(kDeltaSchema, from.header, to.header);
  d.changes = DiffRows<RuleChange>(
      from.rules, to.rules, RuleKey,
      [](RuleChange& c, const Rule& r) {
        c.key = r.key;
        c.code = r.code;
        c.hs_code = r.hs_code;
      },
      ChangedFields);
  return d;
}

std::string DeltaToJson(const RuleDelta& delta) {
  return DocumentToJson(DeltaHeaderToJson(delta.header), kDeltaRows,
                        JsonArray(delta.changes, ChangeJson));
}

std::string DeltaToJsonl(const RuleDelta& delta) {
  return DocumentToJsonl(DeltaHeaderToJson(delta.header), kDeltaRowType,
                         JsonArray(delta.changes, ChangeJson));
}

std::string DeltaToCsv(const RuleDelta& delta, bool excel_bom) {
  return ChangesToCsv(kRuleColumns, delta.header, delta.changes, RuleCells, excel_bom);
}

}  // namespace regdiff::diff
