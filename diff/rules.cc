// Building, writing, reading and diffing item rule files: the rules' fields,
// key and columns; the envelope is diff/rule_file's.
#include "diff/rules.h"

#include <algorithm>
#include <tuple>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

using Json = nlohmann::ordered_json;

constexpr RuleFileKind kItemRuleFile = {
    .schema = kRulesSchema, .name = "rule file", .rows = "rules", .row_type = "rule"};

// A text written as null when empty (OrNull).
struct NullIfEmpty {
  const std::string& text;
};

// A rule's JSON fields in order, as emit(name, value): the one place of the
// shape, for a tree (RuleJson) and for a JsonWriter (WriteRule). Values:
// std::string, std::optional<std::string> (null when absent), NullIfEmpty,
// lists of texts, suspensions.
template <typename Emit>
void RuleFields(const Rule& r, Emit emit) {
  emit("code", r.code);
  emit("key", r.key);
  emit("hs_code", r.hs_code);
  emit("status", r.status);
  emit("basis", r.basis);
  emit("effective_from", NullIfEmpty{r.effective_from});
  emit("effective_until", NullIfEmpty{r.effective_until});
  emit("status_since", NullIfEmpty{r.status_since});
  emit("status_until", NullIfEmpty{r.status_until});
  emit("suspensions", r.suspensions);
  emit("elements", r.elements);
  emit("listed_by", r.listed_by);
  emit("governing", r.governing);
  emit("name_zh", NullIfEmpty{r.name_zh});
  emit("name_en", NullIfEmpty{r.name_en});
  emit("evidence", r.evidence);
}

Json RuleJson(const Rule& r) {
  Json out = Json::object();
  RuleFields(r, [&](const char* name, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, NullIfEmpty>) out[name] = OrNull(value.text);
    else if constexpr (std::is_same_v<T, std::optional<std::string>>) out[name] = OrNull(value);
    else if constexpr (std::is_same_v<T, std::vector<RuleSuspension>>)
      out[name] = SuspensionsToJson(value);
    else out[name] = value;
  });
  return out;
}

// The fields of RuleJson(r) written into the object `w` has open.
void WriteRuleFields(JsonWriter& w, const Rule& r) {
  RuleFields(r, [&](const char* name, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    w.Key(name);
    if constexpr (std::is_same_v<T, NullIfEmpty>) {
      if (value.text.empty()) w.Null();
      else w.String(value.text);
    } else if constexpr (std::is_same_v<T, std::vector<RuleSuspension>>) {
      WriteJsonTree(w, SuspensionsToJson(value));
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
      w.OptString(value);
    } else if constexpr (std::is_same_v<T, std::string>) {
      w.String(value);
    } else {
      w.StringArray(value);
    }
  });
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

namespace {

// A rule of RulesFromStates before it is made: its item's state and the
// index of its HS code among the item's sorted, unique codes (-1: none).
struct RuleRef {
  const ItemState* state;
  const std::vector<std::string>* hs;  // the item's sorted, unique HS codes
  int hs_index;

  const std::string& key() const { return state->key; }
  std::string_view hs_code() const {
    return hs_index < 0 ? std::string_view() : std::string_view((*hs)[hs_index]);
  }
};

// Every rule's RuleRef in RulesFromStates' order; `hs` holds each state's
// sorted, unique HS codes and must outlive the refs.
std::vector<RuleRef> SortedRuleRefs(const std::vector<ItemState>& states,
                                    std::vector<std::vector<std::string>>& hs) {
  hs.resize(states.size());
  std::vector<RuleRef> refs;
  for (size_t i = 0; i < states.size(); ++i) {
    hs[i] = states[i].hs_codes;
    std::sort(hs[i].begin(), hs[i].end());
    hs[i].erase(std::unique(hs[i].begin(), hs[i].end()), hs[i].end());
    if (hs[i].empty()) refs.push_back({&states[i], &hs[i], -1});
    for (size_t h = 0; h < hs[i].size(); ++h)
      refs.push_back({&states[i], &hs[i], static_cast<int>(h)});
  }
  // RuleKey's order (key, then HS code; none first) on the refs.
  std::stable_sort(refs.begin(), refs.end(), [](const RuleRef& a, const RuleRef& b) {
    if (a.key() != b.key()) return a.key() < b.key();
    return a.hs_code() < b.hs_code();
  });
  return refs;
}

// The rule of one item's state without its HS code.
Rule BaseRule(const ItemState& s, const NameLookup& names) {
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
  return base;
}

// Each rule of `states` in RuleKey order, made one at a time from its
// item's state (a state's rules are made from one base).
void VisitRules(const std::vector<ItemState>& states, const NameLookup& names,
                const std::function<void(const Rule&)>& visit) {
  std::vector<std::vector<std::string>> hs;
  const ItemState* base_of = nullptr;  // the state `base` was made from
  Rule base;
  for (const RuleRef& ref : SortedRuleRefs(states, hs)) {
    if (ref.state != base_of) {
      base = BaseRule(*ref.state, names);
      base_of = ref.state;
    }
    if (ref.hs_index < 0) base.hs_code.reset();
    else base.hs_code = (*ref.hs)[ref.hs_index];
    visit(base);
  }
}

}  // namespace

std::vector<Rule> RulesFromStates(const std::vector<ItemState>& states, const NameLookup& names) {
  // Made in order into a vector reserved whole: a delta holds two of these,
  // and sorting or doubling a vector of rules costs tens of megabytes.
  size_t count = 0;
  for (const ItemState& s : states) count += std::max<size_t>(1, s.hs_codes.size());
  std::vector<Rule> out;
  out.reserve(count);  // a repeated HS code only over-counts
  VisitRules(states, names, [&out](const Rule& r) { out.push_back(r); });
  return out;
}

void WriteRules(const RuleFileHeader& header, const std::vector<ItemState>& states,
                const NameLookup& names, RuleFormat format, bool excel_bom,
                const std::function<void(std::string_view)>& write) {
  RowStreamWriter out(format, write);
  out.Start(HeaderToJson(header), kItemRuleFile.rows, kItemRuleFile.row_type,
            CsvHead(kRuleColumns, excel_bom));
  VisitRules(states, names, [&](const Rule& rule) {
    out.Row([&](JsonWriter& json) { WriteRuleFields(json, rule); },
            [&] { return CsvRow(RuleCells(header.as_of, rule)); });
  });
  out.Finish();
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

namespace {

void IdentifyRule(RuleChange& c, const Rule& r) {
  c.key = r.key;
  c.code = r.code;
  c.hs_code = r.hs_code;
}

}  // namespace

RuleDelta DiffRuleSets(const RuleSet& from, const RuleSet& to) {
  RuleDelta d;
  d.header = DeltaHeaderBetween(kDeltaSchema, from.header, to.header);
  d.changes = DiffRows<RuleChange>(from.rules, to.rules, RuleKey, IdentifyRule, ChangedFields);
  return d;
}

void WriteRuleDelta(const RuleSet& from, const RuleSet& to, const std::string& tool_version,
                    RuleFormat format, bool excel_bom,
                    const std::function<void(std::string_view)>& write) {
  RuleDeltaHeader header = DeltaHeaderBetween(kDeltaSchema, from.header, to.header);
  header.tool_version = tool_version;
  RowStreamWriter out(format, write);
  out.Start(DeltaHeaderToJson(header), kDeltaRows, kDeltaRowType,
            DeltaCsvHead(kRuleColumns, excel_bom));
  VisitRowChanges<RuleChange>(
      from.rules, to.rules, RuleKey, IdentifyRule, ChangedFields, [&](const RuleChange& c) {
        out.Row(
            [&](JsonWriter& json) { WriteJsonMembers(json, ChangeJson(c)); },
            [&] { return ChangeCsvRow(header, c, RuleCells); });
      });
  out.Finish();
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
