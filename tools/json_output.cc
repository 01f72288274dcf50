// The JSON shapes of list, show, asof, timeline, query, search and search
// --party, and the party forms of timeline and query.
#include "tools/json_output.h"


#include <cstdio>
#include <span>
#include <string_view>
#include <type_traits>

#include "corpus/display_text.h"
#include "corpus/model_json.h"

namespace regdiff::tools {
namespace {

Json OrNull(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json OrNull(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }

std::optional<std::string> IsoOrNull(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->ToIso()) : std::nullopt;
}

// The fields of an item's state that asof and query print; each schema has
// its own selection and order.
enum class ItemField {
  kCode, kKey, kName, kElements, kHsCodes, kStatus, kBasis, kSince, kUntil, kListedBy,
  kGoverning, kEvidence
};
constexpr ItemField kAsofItemFields[] = {
    ItemField::kCode,  ItemField::kKey,   ItemField::kName,     ItemField::kElements,
    ItemField::kHsCodes, ItemField::kStatus, ItemField::kBasis, ItemField::kSince,
    ItemField::kUntil, ItemField::kListedBy, ItemField::kGoverning, ItemField::kEvidence};
constexpr ItemField kQueryItemFields[] = {ItemField::kCode,  ItemField::kStatus,
                                          ItemField::kBasis, ItemField::kSince,
                                          ItemField::kUntil, ItemField::kGoverning,
                                          ItemField::kHsCodes, ItemField::kEvidence};

// An item's state, as asof and query print it: `emit(name, value)` for
// each of `fields` in order, the value a std::string, an optional one (null
// when absent) or a list of them. The one place the shape is written, for
// a tree (ItemStateJson) and for a JsonWriter.
template <typename Emit>
void ItemStateFields(const ItemState& s, std::span<const ItemField> fields, Emit emit) {
  for (ItemField field : fields) {
    switch (field) {
      case ItemField::kCode: emit("code", s.code); break;
      case ItemField::kKey: emit("key", s.key); break;
      case ItemField::kName: emit("name", s.name); break;
      case ItemField::kElements: emit("elements", s.elements); break;
      case ItemField::kHsCodes: emit("hs_codes", s.hs_codes); break;
      case ItemField::kStatus: emit("status", std::string(ItemStatusName(s.status))); break;
      case ItemField::kBasis: emit("basis", std::string(BasisName(s.basis))); break;
      case ItemField::kSince: emit("since", IsoOrNull(s.since)); break;
      case ItemField::kUntil: emit("until", IsoOrNull(s.until)); break;
      case ItemField::kListedBy: emit("listed_by", s.listed_by); break;
      case ItemField::kGoverning: emit("governing", s.governing); break;
      case ItemField::kEvidence: emit("evidence", s.evidence); break;
    }
  }
}

Json ItemStateJson(const ItemState& s, std::span<const ItemField> fields) {
  Json out = Json::object();
  ItemStateFields(s, fields, [&](const char* name, const auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::optional<std::string>>)
      out[name] = OrNull(value);
    else
      out[name] = value;
  });
  return out;
}

void WriteItemState(JsonWriter& w, const ItemState& s, std::span<const ItemField> fields) {
  w.BeginObject();
  ItemStateFields(s, fields, [&](const char* name, const auto& value) { w.Member(name, value); });
  w.EndObject();
}

// A party's state, as asof's parties[] and query --party's matches print
// it: `emit(name, value)` per field, as ItemStateFields; the suspensions as
// a list of windows.
template <typename Emit>
void PartyStateFields(const PartyState& s, Emit emit) {
  emit("list", std::string(PartyListName(s.list)));
  emit("key", s.key);
  emit("key_en", s.key_en.empty() ? std::nullopt : std::optional<std::string>(s.key_en));
  emit("name", s.name);
  emit("name_en", s.name_en);
  emit("country", s.country);
  emit("status", std::string(PartyStatusName(s.status)));
  emit("basis", std::string(BasisName(s.basis)));
  emit("since", IsoOrNull(s.since));
  emit("status_since", IsoOrNull(s.status_since));
  emit("status_until", IsoOrNull(s.status_until));
  emit("removed_from", IsoOrNull(s.removed_from));
  emit("suspensions", s.suspensions);
  emit("listed_by", s.listed_by);
  emit("governing", s.governing);
  emit("evidence", s.evidence);
  emit("status_evidence", s.status_evidence);
}

void WritePartyState(JsonWriter& w, const PartyState& s) {
  w.BeginObject();
  PartyStateFields(s, [&](const char* name, const auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::vector<SuspensionWindow>>) {
      w.Key(name);
      w.BeginArray();
      for (const SuspensionWindow& window : value) {
        w.BeginObject();
        w.Member("from", window.from.ToIso());
        w.Member("until", IsoOrNull(window.until));
        w.Member("by", window.by);
        w.EndObject();
      }
      w.EndArray();
    } else {
      w.Member(name, value);
    }
  });
  w.EndObject();
}

}  // namespace

Json ListJson(const std::vector<DocumentSummary>& rows) {
  Json out = Json::array();
  for (const DocumentSummary& r : rows) {
    out.push_back({{"doc_id", OrNull(r.doc_id)},
                   {"lang", std::string(LangName(r.lang))},
                   {"published", OrNull(r.published)},
                   {"title", Utf8DisplayForm(r.title)},
                   {"items", r.item_count},
                   {"parties", r.party_count},
                   {"source", Utf8DisplayForm(r.locator)},
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
    t["source"] = Utf8DisplayForm(d.locator);
    t["version"] = d.version;
    t["sha256"] = d.sha256;
    t["retrieved_at"] = d.retrieved_at;
    t["charset"] = d.used_charset;
    t["aliases"] = Json::array();
    for (const SourceAlias& a : d.aliases) {
      t["aliases"].push_back({{"locator", Utf8DisplayForm(a.locator)},
                              {"kind", a.kind},
                              {"first_seen", a.first_seen},
                              {"sha256", a.sha256}});
    }
    // The parts of the text beyond the page's own: its attachments.
    t["attachments"] = Json::array();
    for (const TextPart& part : d.layout.parts) {
      if (part.url.empty()) continue;
      t["attachments"].push_back({{"file_name", part.name},
                                  {"url", part.url},
                                  {"sha256", part.sha256},
                                  {"format", part.format},
                                  {"pages", part.page_starts.size()}});
    }
    t["announcement"] = AnnouncementToJson(d.announcement, &d.layout);
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
  Json out = Json::object();
  PartyStateFields(s, [&](const char* name, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, std::vector<SuspensionWindow>>) {
      Json suspensions = Json::array();
      for (const SuspensionWindow& w : value)
        suspensions.push_back({{"from", w.from.ToIso()}, {"until", OrNull(w.until)}, {"by", w.by}});
      out[name] = std::move(suspensions);
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
      out[name] = OrNull(value);
    } else {
      out[name] = value;
    }
  });
  return out;
}

namespace {

Json AsofHead(const Date& as_of, const std::optional<std::string>& known_at,
              const Coverage& coverage) {
  Json out;
  out["as_of"] = as_of.ToIso();
  out["known_at"] = OrNull(known_at);
  out["until_is_inclusive"] = true;
  out["coverage"] = CoverageToJson(coverage);
  return out;
}

// Written bytes are handed on in chunks of about this size.
constexpr size_t kAsofChunk = 1 << 16;

}  // namespace

Json AsofJson(const Date& as_of, const std::optional<std::string>& known_at,
              const Coverage& coverage, const std::vector<ItemState>& items,
              const std::vector<PartyState>& parties) {
  Json out = AsofHead(as_of, known_at, coverage);
  out["items"] = Json::array();
  for (const ItemState& s : items) out["items"].push_back(ItemStateJson(s, kAsofItemFields));
  out["parties"] = Json::array();
  for (const PartyState& s : parties) out["parties"].push_back(PartyStateJson(s));
  return out;
}

AsofJsonWriter::AsofJsonWriter(std::function<void(std::string_view)> write, const Date& as_of,
                               const std::optional<std::string>& known_at,
                               const Coverage& coverage)
    : write_(std::move(write)), json_(buffer_) {
  json_.BeginObject();
  json_.Member("as_of", as_of.ToIso());
  json_.Member("known_at", known_at);
  json_.Member("until_is_inclusive", true);
  json_.Key("coverage");
  WriteCoverageJson(json_, coverage);
  json_.Key("items");
  json_.BeginArray();
}

void AsofJsonWriter::Item(const ItemState& s) {
  WriteItemState(json_, s, kAsofItemFields);
  if (buffer_.size() >= kAsofChunk) {
    write_(buffer_);
    buffer_.clear();
  }
}

void AsofJsonWriter::Finish(const std::vector<PartyState>& parties) {
  json_.EndArray();
  json_.Key("parties");
  json_.BeginArray();
  for (const PartyState& s : parties) WritePartyState(json_, s);
  json_.EndArray();
  json_.EndObject();
  buffer_ += '\n';
  write_(buffer_);
  buffer_.clear();
}

void WriteAsofJson(const std::function<void(std::string_view)>& write, const Date& as_of,
                   const std::optional<std::string>& known_at, const Coverage& coverage,
                   const std::vector<ItemState>& items, const std::vector<PartyState>& parties) {
  AsofJsonWriter out(write, as_of, known_at, coverage);
  for (const ItemState& s : items) out.Item(s);
  out.Finish(parties);
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

Json PartyQueryJson(const Date& date, const PartyScreening& screening,
                    const Coverage& coverage) {
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
              {"coverage", CoverageToJson(coverage)},
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

Json QueryJson(const Date& date, bool controlled, const Coverage& coverage,
               const std::vector<ItemState>& items) {
  Json out = {{"date", date.ToIso()},
              {"controlled", controlled},
              {"coverage", CoverageToJson(coverage)},
              {"items", Json::array()}};
  for (const ItemState& s : items) {
    out["items"].push_back(ItemStateJson(s, kQueryItemFields));
  }
  return out;
}

Json SearchJson(const std::vector<SearchHit>& hits) {
  Json out = Json::array();
  for (const SearchHit& h : hits) {
    out.push_back({{"doc_id", OrNull(h.doc_id)},
                   {"source", Utf8DisplayForm(h.locator)},
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
              {"source", Utf8DisplayForm(h.locator)},
              {"version", h.version},
              {"match", h.exact ? "exact" : "fragment"}};
    // The party's own fields after these (update appends new keys in order).
    j.update(PartyToJson(h.party));
    out.push_back(std::move(j));
  }
  return out;
}

// The names from the file system are in their display form already; a
// string that is still no UTF-8 (a bug) is written with U+FFFD rather than
// aborting the command.
void PrintJson(const Json& json) {
  std::printf("%s\n", json.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
}

}  // namespace regdiff::tools
