// The coverage's JSON form.
#include "corpus/coverage.h"

namespace regdiff {

nlohmann::ordered_json CoverageToJson(const Coverage& c) {
  nlohmann::ordered_json out;
  out["announcements"] = c.announcements;
  out["texts"] = c.texts;
  out["latest_published"] = c.latest_published ? nlohmann::ordered_json(c.latest_published->ToIso())
                                               : nlohmann::ordered_json(nullptr);
  out["last_ingest"] =
      c.last_ingest ? nlohmann::ordered_json(*c.last_ingest) : nlohmann::ordered_json(nullptr);
  return out;
}

void WriteCoverageJson(JsonWriter& json, const Coverage& c) {
  json.BeginObject();
  json.Key("announcements");
  json.Raw(std::to_string(c.announcements));
  json.Key("texts");
  json.Raw(std::to_string(c.texts));
  json.Member("latest_published",
              c.latest_published ? std::optional<std::string>(c.latest_published->ToIso())
                                 : std::nullopt);
  json.Member("last_ingest", c.last_ingest);
  json.EndObject();
}

std::optional<Coverage> CoverageFromJson(const nlohmann::ordered_json& json) {
  if (!json.is_object()) return std::nullopt;
  auto count = [&](const char* key) -> std::optional<int64_t> {
    auto it = json.find(key);
    if (it == json.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int64_t>();
  };
  auto text = [&](const char* key, bool* ok) -> std::optional<std::string> {
    auto it = json.find(key);
    if (it == json.end() || !(it->is_null() || it->is_string())) *ok = false;
    if (it == json.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  Coverage c;
  auto announcements = count("announcements"), texts = count("texts");
  bool ok = announcements && texts;
  auto published = text("latest_published", &ok);
  c.last_ingest = text("last_ingest", &ok);
  if (!ok) return std::nullopt;
  c.announcements = *announcements;
  c.texts = *texts;
  if (published) {
    c.latest_published = Date::FromIso(*published);
    if (!c.latest_published) return std::nullopt;
  }
  return c;
}

}  // namespace regdiff
