// ItemState and PartyState to compact JSON and back. Absent optional values
// are left out rather than written as null.
#include "corpus/state_json.h"

#include <cstdint>
#include <iterator>
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

namespace {

// ItemStateFromJson without building a document tree, as nlohmann's SAX
// interface hands the values over: the hot path of every read of the
// consolidated state. Accepts exactly the shape ItemStateToJson writes.
class ItemStateReader {
 public:
  explicit ItemStateReader(ItemState& s) : s_(s) {}

  const std::string& error() const { return error_; }

  // What must have been read once the object closes.
  bool Complete() {
    for (size_t i = 0; i < std::size(kRequired); ++i)
      if (!(seen_ & (1u << i))) return Fail(std::string("missing ") + kRequired[i]);
    return true;
  }

  bool null() { return Fail("null value"); }
  bool boolean(bool) { return Fail("boolean value"); }
  bool number_integer(Json::number_integer_t) { return Fail("number value"); }
  bool number_unsigned(Json::number_unsigned_t) { return Fail("number value"); }
  bool number_float(Json::number_float_t, const std::string&) { return Fail("number value"); }
  bool binary(Json::binary_t&) { return Fail("binary value"); }

  bool start_object(std::size_t) {
    ++depth_;
    if (depth_ == 1) return true;
    if (depth_ == 3 && array_ == "suspensions") {
      window_ = SuspensionWindow{};
      window_from_ = window_by_ = false;
      return true;
    }
    return Fail("object in " + key_);
  }

  bool end_object() {
    if (depth_ == 3) {
      if (!window_from_ || !window_by_) return Fail("suspension without from or by");
      s_.suspensions.push_back(std::move(window_));
    }
    --depth_;
    return true;
  }

  bool start_array(std::size_t) {
    if (depth_ != 1) return Fail("array in " + array_);
    if (key_ != "elements" && key_ != "hs_codes" && key_ != "governing" && key_ != "suspensions")
      return Fail("array in " + key_);
    array_ = key_;
    ++depth_;
    return true;
  }

  bool end_array() {
    --depth_;
    array_.clear();
    return true;
  }

  bool key(std::string& k) {
    key_ = k;
    if (depth_ == 1)
      for (size_t i = 0; i < std::size(kRequired); ++i)
        if (key_ == kRequired[i]) seen_ |= 1u << i;
    return true;
  }

  bool string(std::string& v) {
    if (depth_ == 1) return Field(v);
    if (depth_ == 2) {
      if (array_ == "elements") s_.elements.push_back(std::move(v));
      else if (array_ == "hs_codes") s_.hs_codes.push_back(std::move(v));
      else if (array_ == "governing") s_.governing.push_back(std::move(v));
      else return Fail("text in " + array_);
      return true;
    }
    if (depth_ == 3) {
      if (key_ == "by") {
        window_.by = std::move(v);
        window_by_ = true;
        return true;
      }
      std::optional<Date> d = Date::FromIso(v);
      if (!d) return Fail("bad date in suspension " + key_);
      if (key_ == "from") {
        window_.from = *d;
        window_from_ = true;
      } else if (key_ == "until") {
        window_.until = d;
      } else {
        return Fail("unknown suspension field " + key_);
      }
      return true;
    }
    return Fail("text outside the object");
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    return Fail(e.what());
  }

 private:
  static constexpr const char* kRequired[] = {"key",      "name",     "elements", "hs_codes",
                                              "listed_by", "status",  "basis",    "governing",
                                              "evidence", "suspensions"};

  bool Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    return false;
  }

  // A field of the top-level object.
  bool Field(std::string& v) {
    auto date = [&](std::optional<Date>& slot) {
      slot = Date::FromIso(v);
      return slot ? true : Fail("bad date in " + key_);
    };
    if (key_ == "key") s_.key = std::move(v);
    else if (key_ == "code") s_.code = std::move(v);
    else if (key_ == "name") s_.name = std::move(v);
    else if (key_ == "listed_by") s_.listed_by = std::move(v);
    else if (key_ == "evidence") s_.evidence = std::move(v);
    else if (key_ == "status") return Enum(ItemStatusName, 4, v, s_.status);
    else if (key_ == "basis") return Enum(BasisName, 2, v, s_.basis);
    else if (key_ == "since") return date(s_.since);
    else if (key_ == "until") return date(s_.until);
    else if (key_ == "effective_from") return date(s_.effective_from);
    else if (key_ == "effective_until") return date(s_.effective_until);
    else return Fail("unknown field " + key_);
    return true;
  }

  template <typename E>
  bool Enum(std::string_view (*name_of)(E), int count, const std::string& v, E& out) {
    for (int i = 0; i < count; ++i) {
      if (name_of(static_cast<E>(i)) == v) {
        out = static_cast<E>(i);
        return true;
      }
    }
    return Fail("unknown value '" + v + "'");
  }

  ItemState& s_;
  int depth_ = 0;
  std::string key_, array_;
  uint32_t seen_ = 0;  // bits of kRequired
  SuspensionWindow window_;
  bool window_from_ = false, window_by_ = false;
  std::string error_;
};

}  // namespace

Result<ItemState> ItemStateFromJson(std::string_view json) {
  ItemState s;
  ItemStateReader reader(s);
  if (!Json::sax_parse(json.begin(), json.end(), &reader) || !reader.Complete())
    return Status::Corruption("stored item state: " + reader.error());
  return s;
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
