// Building, writing, reading and diffing parties rule files.
#include "diff/party_rules.h"

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

Json SuspensionsJson(const PartyRule& r) {
  Json out = Json::array();
  for (const auto& s : r.suspensions)
    out.push_back({{"from", s.from}, {"until", OrNull(s.until)}, {"by", s.by}});
  return out;
}

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
              {"suspensions", SuspensionsJson(r)},
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
  for (const auto& s : j.at("suspensions"))
    r.suspensions.push_back({TextOf(s, "from"), TextOf(s, "until"), TextOf(s, "by")});
  r.listed_by = TextOf(j, "listed_by");
  r.governing = j.at("governing").get<std::vector<std::string>>();
  r.evidence = TextOf(j, "evidence");
  r.status_evidence = TextOf(j, "status_evidence");
  return r;
}

Json HeaderJson(const PartyRuleSet& set) {
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

std::string SuspensionsText(const PartyRule& r) {
  std::vector<std::string> parts;
  for (const auto& s : r.suspensions)
    parts.push_back(s.from + ".." + (s.until.empty() ? "open" : s.until) + " by " + s.by);
  return Join(parts, "; ");
}

constexpr const char* kPartyColumns[] = {
    "as_of",        "list",         "key",         "key_en",    "name",
    "name_en",      "country",      "status",      "basis",     "listed_from",
    "removed_from", "status_since", "status_until", "suspensions", "listed_by",
    "governing",    "evidence",     "status_evidence"};

std::vector<std::string> RuleCells(const std::string& as_of, const PartyRule& r) {
  return {as_of,          r.list,           r.key,          r.key_en,         r.name,
          r.name_en,      r.country,        r.status,       r.basis,          r.listed_from,
          r.removed_from, r.status_since,   r.status_until, SuspensionsText(r), r.listed_by,
          Join(r.governing, " "), r.evidence, r.status_evidence};
}

auto RuleKey(const PartyRule& r) { return std::tie(r.list, r.key); }

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
  Json j = {{"op", c.op}, {"list", c.list}, {"key", c.key}};
  if (c.op == "MOD") j["fields"] = c.fields;
  j["before"] = c.before ? RuleJson(*c.before) : Json(nullptr);
  j["after"] = c.after ? RuleJson(*c.after) : Json(nullptr);
  return j;
}

Json DeltaHeader(const PartyRuleDelta& d) {
  return {{"schema", d.schema},
          {"tool_version", d.tool_version},
          {"from_as_of", d.from_as_of},
          {"to_as_of", d.to_as_of}};
}

// `line` with the fields of `object` after its own.
Json Flattened(Json line, const Json& object) {
  for (auto it = object.begin(); it != object.end(); ++it) line[it.key()] = it.value();
  return line;
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
    r.listed_from = Iso(s.since);
    r.removed_from = Iso(s.removed_from);
    r.status_since = Iso(s.status_since);
    r.status_until = Iso(s.status_until);
    for (const SuspensionWindow& w : s.suspensions)
      r.suspensions.push_back({w.from.ToIso(), Iso(w.until), w.by});
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
  Json j = HeaderJson(set);
  j["parties"] = Json::array();
  for (const PartyRule& r : set.rules) j["parties"].push_back(RuleJson(r));
  return j.dump(2) + "\n";
}

std::string PartyRulesToJsonl(const PartyRuleSet& set) {
  std::string out = Flattened({{"type", "header"}}, HeaderJson(set)).dump() + "\n";
  for (const PartyRule& r : set.rules)
    out += Flattened({{"type", "party"}}, RuleJson(r)).dump() + "\n";
  return out;
}

std::string PartyRulesToCsv(const PartyRuleSet& set, bool excel_bom) {
  std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
  out += CsvRow(std::vector<std::string>(std::begin(kPartyColumns), std::end(kPartyColumns)));
  for (const PartyRule& r : set.rules) out += CsvRow(RuleCells(set.as_of, r));
  return out;
}

Result<PartyRuleSet> PartyRulesFromJson(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("not a JSON parties rule file");
  if (TextOf(j, "schema") != kPartyRulesSchema) {
    return Status::Corruption("not a " + std::string(kPartyRulesSchema) + " rule file (schema '" +
                              TextOf(j, "schema") + "')");
  }
  try {
    PartyRuleSet set;
    set.tool_version = TextOf(j, "tool_version");
    set.as_of = TextOf(j, "as_of");
    set.known_at = OptTextOf(j, "known_at");
    set.generated_at = OptTextOf(j, "generated_at");
    for (const auto& s : j.at("sources")) {
      set.sources.push_back({TextOf(s, "doc_id"), TextOf(s, "lang"), TextOf(s, "source"),
                             TextOf(s, "sha256"), TextOf(s, "retrieved_at")});
    }
    for (const auto& r : j.at("parties")) set.rules.push_back(RuleFromJson(r));
    return set;
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(std::string("parties rule file: ") + e.what());
  }
}

PartyRuleDelta DiffPartyRuleSets(const PartyRuleSet& from, const PartyRuleSet& to) {
  PartyRuleDelta d;
  d.tool_version = to.tool_version;
  d.from_as_of = from.as_of;
  d.to_as_of = to.as_of;
  using Key = std::tuple<std::string, std::string>;
  std::map<Key, const PartyRule*> before, after;
  for (const PartyRule& r : from.rules) before.emplace(RuleKey(r), &r);
  for (const PartyRule& r : to.rules) after.emplace(RuleKey(r), &r);
  auto change = [](const char* op, const PartyRule& r) {
    PartyRuleChange c;
    c.op = op;
    c.list = r.list;
    c.key = r.key;
    return c;
  };
  for (const auto& [key, r] : before) {
    auto it = after.find(key);
    if (it == after.end()) {
      PartyRuleChange c = change("DEL", *r);
      c.before = *r;
      d.changes.push_back(std::move(c));
    } else if (!(*it->second == *r)) {
      PartyRuleChange c = change("MOD", *r);
      c.fields = ChangedFields(*r, *it->second);
      c.before = *r;
      c.after = *it->second;
      d.changes.push_back(std::move(c));
    }
  }
  for (const auto& [key, r] : after) {
    if (before.count(key)) continue;
    PartyRuleChange c = change("ADD", *r);
    c.after = *r;
    d.changes.push_back(std::move(c));
  }
  std::stable_sort(d.changes.begin(), d.changes.end(),
                   [](const PartyRuleChange& a, const PartyRuleChange& b) {
                     return std::tie(a.list, a.key) < std::tie(b.list, b.key);
                   });
  return d;
}

std::string PartyDeltaToJson(const PartyRuleDelta& delta) {
  Json j = DeltaHeader(delta);
  j["changes"] = Json::array();
  for (const auto& c : delta.changes) j["changes"].push_back(ChangeJson(c));
  return j.dump(2) + "\n";
}

std::string PartyDeltaToJsonl(const PartyRuleDelta& delta) {
  std::string out = Flattened({{"type", "header"}}, DeltaHeader(delta)).dump() + "\n";
  for (const auto& c : delta.changes)
    out += Flattened({{"type", "change"}}, ChangeJson(c)).dump() + "\n";
  return out;
}

std::string PartyDeltaToCsv(const PartyRuleDelta& delta, bool excel_bom) {
  std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
  std::vector<std::string> header = {"op", "fields"};
  header.insert(header.end(), std::begin(kPartyColumns), std::end(kPartyColumns));
  out += CsvRow(header);
  for (const auto& c : delta.changes) {
    // ADD and MOD rows carry the new rule; DEL rows the removed one.
    const PartyRule& r = c.after ? *c.after : *c.before;
    std::vector<std::string> cells = {c.op, Join(c.fields, " ")};
    auto rule_cells = RuleCells(c.after ? delta.to_as_of : delta.from_as_of, r);
    cells.insert(cells.end(), rule_cells.begin(), rule_cells.end());
    out += CsvRow(cells);
  }
  return out;
}

}  // namespace regdiff::diff
