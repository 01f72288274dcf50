// Announcement -> JSON in the formats.md contract.
#include "corpus/model_json.h"

namespace regdiff {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json DateOrNull(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }

Json EvidenceSpan(const Evidence& e) { return Json::array({e.begin, e.end}); }

// "part" and "page" of an evidence, when the layout knows them.
void AddPlace(Json& j, const Evidence& e, const TextLayout* layout) {
  if (!layout || layout->empty() || e.empty()) return;
  const TextPlace place = Locate(*layout, e.begin);
  if (place.part && !place.part->name.empty()) j["part"] = place.part->name;
  if (place.page > 0) j["page"] = place.page;
}

}  // namespace

Json PartyToJson(const Party& p, const TextLayout* layout) {
  Json j = {{"list", std::string(PartyListName(p.list))},
            {"action", std::string(PartyActionName(p.action))},
            {"name", p.name},
            {"name_en", OrNull(p.name_en)},
            {"country", OrNull(p.country)},
            {"evidence", p.evidence.text},
            {"span", EvidenceSpan(p.evidence)}};
  AddPlace(j, p.evidence, layout);
  return j;
}

Json AnnouncementToJson(const Announcement& a, const TextLayout* layout) {
  Json out;
  out["doc_id"] = OrNull(a.doc_id);
  out["issuers"] = a.issuers.empty() ? Json(nullptr) : Json(a.issuers);
  out["year"] = OrNull(a.year);
  out["number"] = OrNull(a.number);
  out["lang"] = std::string(LangName(a.lang));
  out["title"] = a.title.empty() ? Json(nullptr) : Json(a.title);
  out["published"] = DateOrNull(a.published);

  Json effective = Json::array();
  for (const auto& e : a.effective) {
    Json j = {{"date", DateOrNull(e.date)},
              {"on_publication", e.on_publication},
              {"applies_to", e.applies_to},
              {"evidence", e.evidence.text},
              {"span", EvidenceSpan(e.evidence)}};
    AddPlace(j, e.evidence, layout);
    effective.push_back(std::move(j));
  }
  out["effective"] = std::move(effective);

  Json items = Json::array();
  for (const auto& it : a.items) {
    Json j;
    j["code"] = OrNull(it.code);
    j["position"] = it.position;
    j["name"] = it.name;
    j["elements"] = it.elements;
    j["hs_codes"] = it.hs_codes;
    j["evidence"] = it.evidence.text;
    j["span"] = EvidenceSpan(it.evidence);
    AddPlace(j, it.evidence, layout);
    items.push_back(std::move(j));
  }
  out["items"] = std::move(items);

  Json relations = Json::array();
  for (const auto& r : a.relations) {
    Json j = {{"type", std::string(RelationTypeName(r.type))},
              {"target", r.target},
              {"until", DateOrNull(r.until)},
              {"evidence", r.evidence.text},
              {"span", EvidenceSpan(r.evidence)}};
    AddPlace(j, r.evidence, layout);
    relations.push_back(std::move(j));
  }
  out["relations"] = std::move(relations);

  Json parties = Json::array();
  for (const auto& p : a.parties) parties.push_back(PartyToJson(p, layout));
  out["parties"] = std::move(parties);
  out["warnings"] = a.warnings;
  out["parser_version"] = a.parser_version;
  return out;
}

}  // namespace regdiff
