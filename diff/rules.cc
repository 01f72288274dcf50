// Building, writing, reading and diffing rule files.
#include "diff/rules.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

using Json = nlohmann::ordered_json;

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json OrNull(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

std::string TextOf(const Json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::optional<std::string> OptTextOf(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

Json RuleJson(const Rule& r) {
  Json suspensions = Json::array();
  for (const auto& s : r.suspensions)
    suspensions.push_back({{"from", s.from}, {"until", OrNull(s.until)}, {"by", s.by}});
  return Json{{"code", OrNull(r.code)},
              {"key", r.key},
              {"hs_code", OrNull(r.hs_code)},
              {"status", r.status},
              {"basis", r.basis},
              {"effective_from", OrNull(r.effective_from)},
              {"effective_until", OrNull(r.effective_until)},
              {"status_since", OrNull(r.status_since)},
              {"status_until", OrNull(r.status_until)},
              {"suspensions", suspensions},
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
  for (const auto& s : j.at("suspensions"))
    r.suspensions.push_back({TextOf(s, "from"), TextOf(s, "until"), TextOf(s, "by")});
  r.elements = j.at("elements").get<std::vector<std::string>>();
  r.listed_by = TextOf(j, "listed_by");
  r.governing = j.at("governing").get<std::vector<std::string>>();
  r.name_zh = TextOf(j, "name_zh");
  r.name_en = TextOf(j, "name_en");
  r.evidence = TextOf(j, "evidence");
  return r;
}

Json HeaderJson(const RuleSet& set) {
  Json sources = Json::array();
  for (const auto& s : set.sources) {
    sources.push_back({{"doc_id", s.doc_id},
                       {"lang", s.lang},
                       {"source", s.source},
                       {"sha256", s.sha256},
                       {"retrieved_at", s.retrieved_at}});
  }
  Json h = {{"schema", set.schema},
            {"tool_version", set.tool_version},
            {"as_of", set.as_of},
            {"known_at", OrNull(set.known_at)},
            {"until_is_inclusive", true}};
  if (set.generated_at) h["generated_at"] = *set.generated_at;
  h["sources"] = sources;
  return h;
}

std::string SuspensionsText(const Rule& r) {
  std::vector<std::string> parts;
  for (const auto& s : r.suspensions)
    parts.push_back(s.from + ".." + (s.until.empty() ? "open" : s.until) + " by " + s.by);
  return Join(parts, "; ");
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
          SuspensionsText(r),
          Join(r.elements, " "),
          r.listed_by,
          Join(r.governing, " "),
          r.name_zh,
          r.name_en,
          r.evidence};
}

auto RuleKey(const Rule& r) { return std::make_tuple(r.key, r.hs_code.value_or("")); }

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
  check("suspensions", RuleJson(a)["suspensions"] == RuleJson(b)["suspensions"]);
  check("elements", a.elements == b.elements);
  check("listed_by", a.listed_by == b.listed_by);
  check("governing", a.governing == b.governing);
  check("name_zh", a.name_zh == b.name_zh);
  check("name_en", a.name_en == b.name_en);
  check("evidence", a.evidence == b.evidence);
  return out;
}

Json ChangeJson(const RuleChange& c) {
  Json j = {{"op", c.op}, {"key", c.key}, {"code", OrNull(c.code)}, {"hs_code", OrNull(c.hs_code)}};
  if (c.op == "MOD") j["fields"] = c.fields;
  j["before"] = c.before ? RuleJson(*c.before) : Json(nullptr);
  j["after"] = c.after ? RuleJson(*c.after) : Json(nullptr);
  return j;
}

Json DeltaHeader(const RuleDelta& d) {
  return {{"schema", d.schema},
          {"tool_version", d.tool_version},
          {"from_as_of", d.from_as_of},
          {"to_as_of", d.to_as_of}};
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
    base.effective_from = Iso(s.effective_from);
    base.effective_until = Iso(s.effective_until);
    base.status_since = Iso(s.since);
    base.status_until = Iso(s.until);
    for (const SuspensionWindow& w : s.suspensions)
      base.suspensions.push_back({w.from.ToIso(), Iso(w.until), w.by});
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
  std::stable_sort(out.begin(), out.end(),
                   [](const Rule& a, const Rule& b) { return RuleKey(a) < RuleKey(b); });
  return out;
}

std::string RulesToJson(const RuleSet& set) {
  Json j = HeaderJson(set);
  j["rules"] = Json::array();
  for (const Rule& r : set.rules) j["rules"].push_back(RuleJson(r));
  return j.dump(2) + "\n";
}

std::string RulesToJsonl(const RuleSet& set) {
  Json h = HeaderJson(set);
  Json line = {{"type", "header"}};
  for (auto& [k, v] : h.items()) line[k] = v;
  std::string out = line.dump() + "\n";
  for (const Rule& r : set.rules) {
    Json rl = {{"type", "rule"}};
    const Json rule = RuleJson(r);
    for (auto& [k, v] : rule.items()) rl[k] = v;
    out += rl.dump() + "\n";
  }
  return out;
}

std::string RulesToCsv(const RuleSet& set, bool excel_bom) {
  std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
  out += CsvRow(std::vector<std::string>(std::begin(kRuleColumns), std::end(kRuleColumns)));
  for (const Rule& r : set.rules) out += CsvRow(RuleCells(set.as_of, r));
  return out;
}

Result<RuleSet> RulesFromJson(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("not a JSON rule file");
  if (TextOf(j, "schema") != kRulesSchema) {
    return Status::Corruption("not a " + std::string(kRulesSchema) + " rule file (schema '" +
                              TextOf(j, "schema") + "')");
  }
  try {
    RuleSet set;
    set.tool_version = TextOf(j, "tool_version");
    set.as_of = TextOf(j, "as_of");
    set.known_at = OptTextOf(j, "known_at");
    set.generated_at = OptTextOf(j, "generated_at");
    for (const auto& s : j.at("sources")) {
      set.sources.push_back({TextOf(s, "doc_id"), TextOf(s, "lang"), TextOf(s, "source"),
                             TextOf(s, "sha256"), TextOf(s, "retrieved_at")});
    }
    for (const auto& r : j.at("rules")) set.rules.push_back(RuleFromJson(r));
    return set;
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(std::string("rule file: ") + e.what());
  }
}

RuleDelta DiffRuleSets(const RuleSet& from, const RuleSet& to) {
  RuleDelta d;
  d.tool_version = to.tool_version;
  d.from_as_of = from.as_of;
  d.to_as_of = to.as_of;
  std::map<std::tuple<std::string, std::string>, const Rule*> before, after;
  for (const Rule& r : from.rules) before[RuleKey(r)] = &r;
  for (const Rule& r : to.rules) after[RuleKey(r)] = &r;
  auto change = [](const char* op, const Rule& r) {
    RuleChange c;
    c.op = op;
    c.key = r.key;
    c.code = r.code;
    c.hs_code = r.hs_code;
    return c;
  };
  for (const auto& [key, r] : before) {
    auto it = after.find(key);
    if (it == after.end()) {
      RuleChange c = change("DEL", *r);
      c.before = *r;
      d.changes.push_back(std::move(c));
    } else if (!(*it->second == *r)) {
      RuleChange c = change("MOD", *r);
      c.fields = ChangedFields(*r, *it->second);
      c.before = *r;
      c.after = *it->second;
      d.changes.push_back(std::move(c));
    }
  }
  for (const auto& [key, r] : after) {
    if (before.count(key)) continue;
    RuleChange c = change("ADD", *r);
    c.after = *r;
    d.changes.push_back(std::move(c));
  }
  std::stable_sort(d.changes.begin(), d.changes.end(), [](const RuleChange& a, const RuleChange& b) {
    return std::make_tuple(a.key, a.hs_code.value_or("")) <
           std::make_tuple(b.key, b.hs_code.value_or(""));
  });
  return d;
}

std::string DeltaToJson(const RuleDelta& delta) {
  Json j = DeltaHeader(delta);
  j["changes"] = Json::array();
  for (const auto& c : delta.changes) j["changes"].push_back(ChangeJson(c));
  return j.dump(2) + "\n";
}

std::string DeltaToJsonl(const RuleDelta& delta) {
  Json line = {{"type", "header"}};
  const Json header = DeltaHeader(delta);
  for (auto& [k, v] : header.items()) line[k] = v;
  std::string out = line.dump() + "\n";
  for (const auto& c : delta.changes) {
    Json cl = {{"type", "change"}};
    const Json change = ChangeJson(c);
    for (auto& [k, v] : change.items()) cl[k] = v;
    out += cl.dump() + "\n";
  }
  return out;
}

std::string DeltaToCsv(const RuleDelta& delta, bool excel_bom) {
  std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
  std::vector<std::string> header = {"op", "fields"};
  header.insert(header.end(), std::begin(kRuleColumns), std::end(kRuleColumns));
  out += CsvRow(header);
  for (const auto& c : delta.changes) {
    // ADD and MOD rows carry the new rule; DEL rows the removed one.
    const Rule& r = c.after ? *c.after : *c.before;
    std::vector<std::string> cells = {c.op, Join(c.fields, " ")};
    auto rule_cells = RuleCells(c.after ? delta.to_as_of : delta.from_as_of, r);
    cells.insert(cells.end(), rule_cells.begin(), rule_cells.end());
    out += CsvRow(cells);
  }
  return out;
}

}  // namespace regdiff::diff
