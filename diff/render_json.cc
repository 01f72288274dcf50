// DiffToJson: the regdiff.diff/1 shape.
#include "diff/render_json.h"

namespace regdiff::diff {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json OrNull(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }
Json NonEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SideJson(const Side& s) {
  Json j;
  j["label"] = s.label;
  const Announcement* a = s.announcement ? &*s.announcement : nullptr;
  j["doc_id"] = a ? OrNull(a->doc_id) : Json(nullptr);
  j["lang"] = a ? Json(std::string(LangName(a->lang))) : Json(nullptr);
  j["title"] = a ? NonEmpty(a->title) : Json(nullptr);
  j["published"] = a ? OrNull(a->published) : Json(nullptr);
  j["source"] = NonEmpty(s.source);
  j["version"] = s.version > 0 ? Json(s.version) : Json(nullptr);
  j["sha256"] = NonEmpty(s.sha256);
  j["date"] = OrNull(s.date);
  j["listed"] = s.date ? Json(s.listed) : Json(nullptr);
  return j;
}

Json ItemJson(const Item& item) {
  return Json{{"key", ItemKey(item)},         {"code", OrNull(item.code)},
              {"position", item.position},    {"name", item.name},
              {"elements", item.elements},    {"hs_codes", item.hs_codes},
              {"evidence", item.evidence.text}};
}

Json ChangesJson(const ItemFieldChanges& c) {
  return Json{{"name_changed", c.name_changed},
              {"hs_added", c.hs_added},
              {"hs_removed", c.hs_removed},
              {"elements_added", c.elements_added},
              {"elements_removed", c.elements_removed}};
}

Json ClauseJson(const EffectiveClause& c) {
  return Json{{"date", OrNull(c.date)},
              {"on_publication", c.on_publication},
              {"applies_to", c.applies_to},
              {"evidence", c.evidence.text}};
}

Json RelationJson(const Relation& r) {
  return Json{{"type", std::string(RelationTypeName(r.type))},
              {"target", r.target},
              {"until", OrNull(r.until)},
              {"evidence", r.evidence.text}};
}

Json PartyJson(const Party& p) {
  return Json{{"key", PartyMatchKey(p)},
              {"list", std::string(PartyListName(p.list))},
              {"action", std::string(PartyActionName(p.action))},
              {"name", p.name},
              {"name_en", OrNull(p.name_en)},
              {"country", OrNull(p.country)},
              {"evidence", p.evidence.text}};
}

Json StateJson(const std::optional<ItemState>& s) {
  if (!s) return nullptr;
  return Json{{"key", s->key},
              {"code", OrNull(s->code)},
              {"name", s->name},
              {"elements", s->elements},
              {"hs_codes", s->hs_codes},
              {"listed_by", s->listed_by},
              {"status", std::string(ItemStatusName(s->status))},
              {"basis", std::string(BasisName(s->basis))},
              {"since", OrNull(s->since)},
              {"until", OrNull(s->until)},
              {"governing", s->governing},
              {"evidence", s->evidence}};
}

Json TextDiffJson(const std::optional<TextDiff>& t) {
  if (!t) return nullptr;
  Json hunks = Json::array();
  for (const Hunk& h : t->hunks) {
    Json lines = Json::array();
    for (const DiffLine& l : h.lines) {
      Json segments = Json::array();
      for (const Segment& s : l.segments) segments.push_back({{"changed", s.changed}, {"text", s.text}});
      lines.push_back({{"op", std::string(LineOpName(l.op))},
                       {"left_line", l.left_line ? Json(l.left_line) : Json(nullptr)},
                       {"right_line", l.right_line ? Json(l.right_line) : Json(nullptr)},
                       {"text", l.text},
                       {"segments", std::move(segments)}});
    }
    hunks.push_back({{"left_start", h.left_start},
                     {"left_count", h.left_count},
                     {"right_start", h.right_start},
                     {"right_count", h.right_count},
                     {"lines", std::move(lines)}});
  }
  return Json{{"context", t->context},
              {"lines_deleted", t->lines_deleted},
              {"lines_inserted", t->lines_inserted},
              {"line_fallback", t->line_fallback},
              {"token_fallback", t->token_fallback},
              {"hunks", std::move(hunks)}};
}

template <typename T, typename F>
Json Array(const std::vector<T>& values, F to_json) {
  Json out = Json::array();
  for (const T& v : values) out.push_back(to_json(v));
  return out;
}

}  // namespace

nlohmann::ordered_json DiffToJson(const DiffReport& r) {
  Json j;
  j["schema"] = kDiffSchema;
  j["kind"] = std::string(DiffKindName(r.kind));
  j["differs"] = r.differs();
  j["left"] = SideJson(r.left);
  j["right"] = SideJson(r.right);
  j["summary_lang"] = std::string(SummaryLangName(r.lang));
  j["summary"] = Array(r.summary, [](const Sentence& s) {
    return Json{{"text", s.text}, {"evidence", Array(s.evidence, [](const EvidenceRef& e) {
                                     return Json{{"side", e.side},
                                                 {"doc_id", NonEmpty(e.doc_id)},
                                                 {"what", e.what},
                                                 {"ref", NonEmpty(e.ref)},
                                                 {"text", e.text}};
                                   })}};
  });
  const AnnouncementDiff& d = r.items;
  j["items"] = {
      {"added", Array(d.added, ItemJson)},
      {"removed", Array(d.removed, ItemJson)},
      {"changed", Array(d.changed,
                        [](const ItemChange& c) {
                          return Json{{"key", c.key},
                                      {"left", ItemJson(c.left)},
                                      {"right", ItemJson(c.right)},
                                      {"changes", ChangesJson(c.changes)}};
                        })},
      {"recoded", Array(d.recoded, [](const RecodedItem& c) {
         return Json{{"left", ItemJson(c.left)},
                     {"right", ItemJson(c.right)},
                     {"match", std::string(RecodeMatchName(c.match))},
                     {"similarity", c.similarity},
                     {"changes", ChangesJson(c.changes)}};
       })}};
  j["parties"] = {{"added", Array(r.parties.added, PartyJson)},
                  {"removed", Array(r.parties.removed, PartyJson)},
                  {"changed", Array(r.parties.changed, [](const PartyChange& c) {
                     return Json{{"key", PartyMatchKey(c.right)},
                                 {"left", PartyJson(c.left)},
                                 {"right", PartyJson(c.right)},
                                 {"name_en_changed", c.name_en_changed},
                                 {"country_changed", c.country_changed}};
                   })}};
  j["effective"] = {{"added", Array(d.effective.added, ClauseJson)},
                    {"removed", Array(d.effective.removed, ClauseJson)},
                    {"changed", Array(d.effective.changed, [](const ClauseChange& c) {
                       return Json{{"applies_to", c.applies_to},
                                   {"left", ClauseJson(c.left)},
                                   {"right", ClauseJson(c.right)}};
                     })}};
  j["relations"] = {{"added", Array(d.relations.added, RelationJson)},
                    {"removed", Array(d.relations.removed, RelationJson)}};
  j["header"] = Array(d.header, [](const HeaderChange& h) {
    return Json{{"field", std::string(HeaderFieldName(h.field))},
                {"left", NonEmpty(h.left)},
                {"right", NonEmpty(h.right)},
                {"left_evidence", h.left_evidence.text},
                {"right_evidence", h.right_evidence.text}};
  });
  j["status_changes"] = Array(r.status.changes, [](const StatusChange& c) {
    return Json{{"kind", std::string(StatusChangeKindName(c.kind))},
                {"key", c.key},
                {"code", OrNull(c.current().code)},
                {"before", StateJson(c.before)},
                {"after", StateJson(c.after)},
                {"hs_added", c.hs_added},
                {"hs_removed", c.hs_removed},
                {"name_changed", c.name_changed}};
  });
  j["text_diff"] = TextDiffJson(r.text);
  return j;
}

std::string RenderJson(const DiffReport& report) {
  return DiffToJson(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace regdiff::diff
