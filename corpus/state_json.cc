// ItemState and PartyState to compact JSON and back. Absent optional values
// are left out rather than written as null.
#include "corpus/state_json.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace regdiff {
namespace {

using Json = nlohmann::json;

void PutDate(Json& j, const char* name, const std::optional<Date>& d) {
  if (d) j[name] = d->ToIso();
}

void PutText(Json& j, const char* name, const std::optional<std::string>& s) {
  if (s) j[name] = *s;
}

// Reading throws (nlohmann::json::exception, std::runtime_error) on a wrong
// shape; Parse turns it into kCorruption.
std::optional<Date> GetDate(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) return std::nullopt;
  std::optional<Date> d = Date::FromIso(it->get<std::string>());
  if (!d) throw std::runtime_error(std::string("bad date in ") + name);
  return d;
}

Date NeedDate(const Json& j, const char* name) {
  std::optional<Date> d = GetDate(j, name);
  if (!d) throw std::runtime_error(std::string("missing ") + name);
  return *d;
}

std::optional<std::string> GetText(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) return std::nullopt;
  return it->get<std::string>();
}

Json SuspensionsToJson(const std::vector<SuspensionWindow>& windows) {
  Json out = Json::array();
  for (const SuspensionWindow& w : windows) {
    Json j = {{"from", w.from.ToIso()}, {"by", w.by}};
    PutDate(j, "until", w.until);
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<SuspensionWindow> SuspensionsFromJson(const Json& j) {
  std::vector<SuspensionWindow> out;
  for (const Json& w : j) {
    SuspensionWindow s;
    s.from = NeedDate(w, "from");
    s.until = GetDate(w, "until");
    s.by = w.at("by").get<std::string>();
    out.push_back(std::move(s));
  }
  return out;
}

template <typename E>
E EnumFromName(std::string_view (*name_of)(E), int count, const Json& value) {
  const std::string name = value.get<std::string>();
  for (int i = 0; i < count; ++i)
    if (name_of(static_cast<E>(i)) == name) return static_cast<E>(i);
  throw std::runtime_error("unknown value '" + name + "'");
}

template <typename T, typename Read>
Result<T> Parse(std::string_view json, const char* what, Read read) {
  Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::Corruption(std::string("stored ") + what + " state is not a JSON object");
  try {
    return read(j);
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("stored ") + what + " state: " + e.what());
  }
}

}  // namespace

std::string ItemStateToJson(const ItemState& s) {
  Json j = {{"key", s.key},
            {"name", s.name},
            {"elements", s.elements},
            {"hs_codes", s.hs_codes},
            {"listed_by", s.listed_by},
            {"status", ItemStatusName(s.status)},
            {"basis", BasisName(s.basis)},
            {"governing", s.governing},
            {"evidence", s.evidence},
            {"suspensions", SuspensionsToJson(s.suspensions)}};
  PutText(j, "code", s.code);
  PutDate(j, "since", s.since);
  PutDate(j, "until", s.until);
  PutDate(j, "effective_from", s.effective_from);
  PutDate(j, "effective_until", s.effective_until);
  return j.dump();
}

Result<ItemState> ItemStateFromJson(std::string_view json) {
  return Parse<ItemState>(json, "item", [](const Json& j) {
    ItemState s;
    s.key = j.at("key").get<std::string>();
    s.code = GetText(j, "code");
    s.name = j.at("name").get<std::string>();
    s.elements = j.at("elements").get<std::vector<std::string>>();
    s.hs_codes = j.at("hs_codes").get<std::vector<std::string>>();
    s.listed_by = j.at("listed_by").get<std::string>();
    s.status = EnumFromName(ItemStatusName, 4, j.at("status"));
    s.basis = EnumFromName(BasisName, 2, j.at("basis"));
    s.since = GetDate(j, "since");
    s.until = GetDate(j, "until");
    s.governing = j.at("governing").get<std::vector<std::string>>();
    s.evidence = j.at("evidence").get<std::string>();
    s.effective_from = GetDate(j, "effective_from");
    s.effective_until = GetDate(j, "effective_until");
    s.suspensions = SuspensionsFromJson(j.at("suspensions"));
    return s;
  });
}

std::string PartyStateToJson(const PartyState& s) {
  Json j = {{"list", PartyListName(s.list)},
            {"key", s.key},
            {"key_en", s.key_en},
            {"name", s.name},
            {"listed_by", s.listed_by},
            {"status", PartyStatusName(s.status)},
            {"basis", BasisName(s.basis)},
            {"suspensions", SuspensionsToJson(s.suspensions)},
            {"governing", s.governing},
            {"evidence", s.evidence},
            {"status_evidence", s.status_evidence}};
  PutText(j, "name_en", s.name_en);
  PutText(j, "country", s.country);
  PutDate(j, "since", s.since);
  PutDate(j, "status_since", s.status_since);
  PutDate(j, "status_until", s.status_until);
  PutDate(j, "removed_from", s.removed_from);
  return j.dump();
}

Result<PartyState> PartyStateFromJson(std::string_view json) {
  return Parse<PartyState>(json, "party", [](const Json& j) {
    PartyState s;
    std::optional<PartyList> list = PartyListFromName(j.at("list").get<std::string>());
    if (!list) throw std::runtime_error("unknown party list");
    s.list = *list;
    s.key = j.at("key").get<std::string>();
    s.key_en = j.at("key_en").get<std::string>();
    s.name = j.at("name").get<std::string>();
    s.name_en = GetText(j, "name_en");
    s.country = GetText(j, "country");
    s.listed_by = j.at("listed_by").get<std::string>();
    s.since = GetDate(j, "since");
    s.status = EnumFromName(PartyStatusName, 4, j.at("status"));
    s.basis = EnumFromName(BasisName, 2, j.at("basis"));
    s.status_since = GetDate(j, "status_since");
    s.status_until = GetDate(j, "status_until");
    s.removed_from = GetDate(j, "removed_from");
    s.suspensions = SuspensionsFromJson(j.at("suspensions"));
    s.governing = j.at("governing").get<std::vector<std::string>>();
    s.evidence = j.at("evidence").get<std::string>();
    s.status_evidence = j.at("status_evidence").get<std::string>();
    return s;
  });
}

std::string ElementHistoryToJson(const ElementHistory& h) {
  Json j = Json::object();
  PutDate(j, "first", h.first);
  PutDate(j, "last", h.last);
  j["docs"] = h.docs;
  Json rows = Json::array();
  for (const HistoryRow& r : h.rows) {
    Json spans = Json::array();
    for (const HistorySpan& s : r.spans) {
      Json span = {{"begin", s.begin.ToIso()},
                   {"state", s.state == SpanState::kInForce ? "in_force" : "suspended"},
                   {"governing", s.governing}};
      PutDate(span, "end", s.end);
      if (s.inferred) span["inferred"] = true;
      spans.push_back(std::move(span));
    }
    rows.push_back({{"id", r.id}, {"element", r.element}, {"spans", std::move(spans)}});
  }
  j["rows"] = std::move(rows);
  return j.dump();
}

Result<ElementHistory> ElementHistoryFromJson(std::string_view json) {
  return Parse<ElementHistory>(json, "element history", [](const Json& j) {
    ElementHistory h;
    h.first = GetDate(j, "first");
    h.last = GetDate(j, "last");
    h.docs = j.at("docs").get<std::vector<std::string>>();
    for (const Json& r : j.at("rows")) {
      HistoryRow row{r.at("id").get<std::string>(), r.at("element").get<bool>(), {}};
      for (const Json& s : r.at("spans")) {
        HistorySpan span;
        span.begin = NeedDate(s, "begin");
        span.end = GetDate(s, "end");
        const std::string state = s.at("state").get<std::string>();
        if (state != "in_force" && state != "suspended")
          throw std::runtime_error("unknown span state '" + state + "'");
        span.state = state == "in_force" ? SpanState::kInForce : SpanState::kSuspended;
        span.inferred = s.value("inferred", false);
        span.governing = s.at("governing").get<std::vector<uint32_t>>();
        for (uint32_t g : span.governing)
          if (g >= h.docs.size()) throw std::runtime_error("governing index out of range");
        row.spans.push_back(std::move(span));
      }
      h.rows.push_back(std::move(row));
    }
    return h;
  });
}

}  // namespace regdiff
