// The JSON shapes of list, show, asof, timeline, query, search and search
// --party, and the party forms of timeline and query.
#include "tools/json_output.h"


#include <cassert>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include "corpus/model_json.h"

namespace regdiff::tools {
namespace {

Json OrNull(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json OrNull(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }

// An item's state as asof and query print it: the named fields, in the
// order given (each schema has its own selection and order).
Json ItemStateJson(const ItemState& s, std::initializer_list<std::string_view> fields) {
  Json out = Json::object();
  for (std::string_view field : fields) {
    Json& value = out[std::string(field)];
    if (field == "code") value = OrNull(s.code);
    else if (field == "key") value = s.key;
    else if (field == "name") value = s.name;
    else if (field == "elements") value = s.elements;
    else if (field == "hs_codes") value = s.hs_codes;
    else if (field == "status") value = std::string(ItemStatusName(s.status));
    else if (field == "basis") value = std::string(BasisName(s.basis));
    else if (field == "since") value = OrNull(s.since);
    else if (field == "until") value = OrNull(s.until);
    else if (field == "listed_by") value = s.listed_by;
    else if (field == "governing") value = s.governing;
    else if (field == "evidence") value = s.evidence;
    else assert(false && "ItemStateJson: a field no schema names");
  }
  return out;
}

}  // namespace

Json ListJson(const std::vector<DocumentSummary>& rows) {
  Json out = Json::array();
  for (const DocumentSummary& r : rows) {
    out.push_back({{"doc_id", OrNull(r.doc_id)},
                   {"lang", std::string(LangName(r.lang))},
                   {"published", OrNull(r.published)},
                   {"title", r.title},
                   {"items", r.item_count},
                   {"parties", r.party_count},
                   {"source", r.locator},
                   {"version", r.version}});
  }
  return out;
}

Json ShowJson(const std::string& doc_id, const std::vector<StoredDocument>& texts,
              const std::vector<TextPairReport>& pairs) {
  Json out;
  out["doc_id"] = doc_id;
  out["texts"] = Json::array();
  for (const StoredDocument& d : texts) {
    Json t;
    t["source"] = d.locator;
    t["version"] = d.version;
    t["sha256"] = d.sha256;
    t["retrieved_at"] = d.retrieved_at;
    t["charset"] = d.used_charset;
    t["announcement"] = AnnouncementToJson(d.announcement);
    out["texts"].push_back(std::move(t));
  }
  out["disagreements"] = Json::array();
  for (const TextPairReport& p : pairs) {
    for (const diff::Disagreement& d : p.disagreements)
      out["disagreements"].push_back(diff::DisagreementToJson(d, p.chinese, p.english));
  }
  return out;
}

Json PartyStateJson(const PartyState& s) {
  Json suspensions = Json::array();
  for (const SuspensionWindow& w : s.suspensions)
    suspensions.push_back({{"from", w.from.ToIso()}, {"until", OrNull(w.until)}, {"by", w.by}});
  return {{"list", std::string(PartyListName(s.list))},
          {"key", s.key},
          {"key_en", s.key_en.empty() ? Json(nullptr) : Json(s.key_en)},
          {"name", s.name},
          {"name_en", OrNull(s.name_en)},
          {"country", OrNull(s.country)},
          {"status", std::string(PartyStatusName(s.status))},
          {"basis", std::string(BasisName(s.basis))},
          {"since", OrNull(s.since)},
          {"status_since", OrNull(s.status_since)},
          {"status_until", OrNull(s.status_until)},
          {"removed_from", OrNull(s.removed_from)},
          {"suspensions", suspensions},
          {"listed_by", s.listed_by},
          {"governing", s.governing},
          {"evidence", s.evidence},
          {"status_evidence", s.status_evidence}};
}

namespace {

Json AsofItemJson(const ItemState& s) {
  return ItemStateJson(s, {"code", "key", "name", "elements", "hs_codes", "status", "basis",
                           "since", "until", "listed_by", "governing", "evidence"});
}

Json AsofHead(const Date& as_of, const std::optional<std::string>& known_at) {
  Json out;
  out["as_of"] = as_of.ToIso();
  out["known_at"] = OrNull(known_at);
  out["until_is_inclusive"] = true;
  return out;
}

// An array member of an object, made one element at a time.
struct LazyArray {
  std::string key;
  size_t size;
  std::function<Json(size_t)> element;
};

// What Json::dump(2) writes for the object `head` with the members `arrays`
// added after its own (Json keeps the order of insertion), as chunks.
void WriteObject(const std::function<void(std::string_view)>& write, const Json& head,
                 const std::vector<LazyArray>& arrays) {
  // A value at depth `pad`/2: every line but the first indented by `pad`.
  auto indented = [](const std::string& text, const std::string& pad) {
    std::string out;
    out.reserve(text.size() + pad.size() * 8);
    for (char c : text) {
      out += c;
      if (c == '\n') out += pad;
    }
    return out;
  };
  bool first = true;
  auto member = [&](const std::string& key) {
    write(first ? "{\n  " : ",\n  ");
    first = false;
    write(Json(key).dump());
    write(": ");
  };
  for (auto it = head.items().begin(); it != head.items().end(); ++it) {
    member(it.key());
    write(indented(it.value().dump(2), "  "));
  }
  for (const LazyArray& array : arrays) {
    member(array.key);
    if (array.size == 0) {
      write("[]");
      continue;
    }
    write("[");
    for (size_t i = 0; i < array.size; ++i) {
      write(i ? ",\n    " : "\n    ");
      write(indented(array.element(i).dump(2), "    "));
    }
    write("\n  ]");
  }
  write(first ? "{}" : "\n}");
}

}  // namespace

Json AsofJson(const Date& as_of, const std::optional<std::string>& known_at,
              const std::vector<ItemState>& items, const std::vector<PartyState>& parties) {
  Json out = AsofHead(as_of, known_at);
  out["items"] = Json::array();
  for (const ItemState& s : items) out["items"].push_back(AsofItemJson(s));
  out["parties"] = Json::array();
  for (const PartyState& s : parties) out["parties"].push_back(PartyStateJson(s));
  return out;
}

void WriteAsofJson(const std::function<void(std::string_view)>& write, const Date& as_of,
                   const std::optional<std::string>& known_at,
                   const std::vector<ItemState>& items, const std::vector<PartyState>& parties) {
  WriteObject(write, AsofHead(as_of, known_at),
              {{"items", items.size(), [&](size_t i) { return AsofItemJson(items[i]); }},
               {"parties", parties.size(), [&](size_t i) { return PartyStateJson(parties[i]); }}});
  write("\n");
}

Json PartyTimelineJson(const std::string& query, const std::string& key,
                       const std::optional<std::string>& known_at,
                       const std::vector<PartyEvent>& events) {
  Json out = {{"query", query}, {"key", key}, {"known_at", OrNull(known_at)},
              {"events", Json::array()}};
  for (const PartyEvent& e : events) {
    out["events"].push_back({{"date", e.date.ToIso()},
                             {"event", std::string(PartyEventKindName(e.kind))},
                             {"list", std::string(PartyListName(e.list))},
                             {"key", e.key},
                             {"name", e.name},
                             {"name_en", OrNull(e.name_en)},
                             {"doc_id", e.doc_id},
                             {"basis", std::string(BasisName(e.basis))},
                             {"evidence", e.evidence}});
  }
  return out;
}

Json PartyQueryJson(const Date& date, const PartyScreening& screening) {
  auto match_json = [](const PartyMatch& m) {
    Json j = PartyStateJson(m.state);
    j["matched_name"] = m.matched_name;
    j["matched_key"] = m.matched_key;
    j["similarity"] = m.similarity;
    return j;
  };
  Json out = {{"query", screening.query},
              {"query_key", screening.query_key},
              {"date", date.ToIso()},
              {"listed", screening.listed},
              {"matches", Json::array()},
              {"possible_matches", Json::array()}};
  for (const PartyMatch& m : screening.matches) out["matches"].push_back(match_json(m));
  for (const PartyMatch& m : screening.possible) out["possible_matches"].push_back(match_json(m));
  return out;
}

Json TimelineJson(const std::string& query, const std::optional<std::string>& known_at,
                  const std::vector<const TimelineEvent*>& events) {
  Json out = {{"query", query}, {"known_at", OrNull(known_at)}, {"events", Json::array()}};
  for (const TimelineEvent* e : events) {
    out["events"].push_back({{"date", e->date.ToIso()},
                             {"event", std::string(EventKindName(e->kind))},
                             {"code", OrNull(e->code)},
                             {"key", e->key},
                             {"doc_id", e->doc_id},
                             {"basis", std::string(BasisName(e->basis))},
                             {"evidence", e->evidence}});
  }
  return out;
}

Json QueryJson(const Date& date, bool controlled, const std::vector<ItemState>& items) {
  Json out = {{"date", date.ToIso()}, {"controlled", controlled}, {"items", Json::array()}};
  for (const ItemState& s : items) {
    out["items"].push_back(ItemStateJson(s, {"code", "status", "basis", "since", "until",
                                             "governing", "hs_codes", "evidence"}));
  }
  return out;
}

Json SearchJson(const std::vector<SearchHit>& hits) {
  Json out = Json::array();
  for (const SearchHit& h : hits) {
    out.push_back({{"doc_id", OrNull(h.doc_id)},
                   {"source", h.locator},
                   {"version", h.version},
                   {"line_number", h.line_number},
                   {"line", h.line}});
  }
  return out;
}

Json PartySearchJson(const std::vector<PartyHit>& hits) {
  Json out = Json::array();
  for (const PartyHit& h : hits) {
    Json j = {{"doc_id", OrNull(h.doc_id)},
              {"lang", std::string(LangName(h.lang))},
              {"source", h.locator},
              {"version", h.version},
              {"match", h.exact ? "exact" : "fragment"}};
    // The party's own fields after these (update appends new keys in order).
    j.update(PartyToJson(h.party));
    out.push_back(std::move(j));
  }
  return out;
}

void PrintJson(const Json& json) { std::printf("%s\n", json.dump(2).c_str()); }

}  // namespace regdiff::tools
