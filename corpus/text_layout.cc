// A text's parts and pages: lookup and the stored JSON form.
#include "corpus/text_layout.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace regdiff {

TextPlace Locate(const TextLayout& layout, size_t offset) {
  TextPlace place;
  for (const TextPart& part : layout.parts) {
    // A span starting at a part's end belongs to the next part, if any.
    if (offset < part.begin || offset > part.end) continue;
    if (offset == part.end && &part != &layout.parts.back()) continue;
    place.part = &part;
    const auto next = std::upper_bound(part.page_starts.begin(), part.page_starts.end(), offset);
    if (next != part.page_starts.begin()) {
      place.page = static_cast<int>(next - part.page_starts.begin());
    }
    return place;
  }
  return place;
}

std::string LayoutToJson(const TextLayout& layout) {
  if (layout.empty()) return std::string();
  nlohmann::json parts = nlohmann::json::array();
  for (const TextPart& p : layout.parts) {
    nlohmann::json j = {{"name", p.name},     {"url", p.url},     {"sha256", p.sha256},
                        {"format", p.format}, {"begin", p.begin}, {"end", p.end}};
    if (!p.page_starts.empty()) j["page_starts"] = p.page_starts;
    parts.push_back(std::move(j));
  }
  return parts.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<TextLayout> LayoutFromJson(std::string_view json, size_t text_size) {
  TextLayout layout;
  if (json.empty()) return layout;
  try {
    const nlohmann::json parts = nlohmann::json::parse(json);
    if (!parts.is_array()) return Status::Corruption("text layout is not a JSON array");
    size_t previous_end = 0;
    for (const nlohmann::json& j : parts) {
      TextPart p;
      p.name = j.at("name").get<std::string>();
      p.url = j.at("url").get<std::string>();
      p.sha256 = j.at("sha256").get<std::string>();
      p.format = j.at("format").get<std::string>();
      p.begin = j.at("begin").get<size_t>();
      p.end = j.at("end").get<size_t>();
      if (j.contains("page_starts")) p.page_starts = j.at("page_starts").get<std::vector<size_t>>();
      if (p.begin < previous_end || p.end < p.begin || p.end > text_size) {
        return Status::Corruption("text layout part [" + std::to_string(p.begin) + ", " +
                                  std::to_string(p.end) + ") does not fit a text of " +
                                  std::to_string(text_size) + " bytes");
      }
      for (size_t i = 0; i < p.page_starts.size(); ++i) {
        if (p.page_starts[i] < p.begin || p.page_starts[i] > p.end ||
            (i > 0 && p.page_starts[i] < p.page_starts[i - 1])) {
          return Status::Corruption("text layout page " + std::to_string(i + 1) +
                                    " starts outside its part");
        }
      }
      previous_end = p.end;
      layout.parts.push_back(std::move(p));
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(std::string("text layout: ") + e.what());
  }
  return layout;
}

std::string DescribePlace(const TextPlace& place) {
  std::string out;
  if (place.part && !place.part->name.empty()) out = place.part->name;
  if (place.page > 0) {
    if (!out.empty()) out.append(", ");
    out.append("page ").append(std::to_string(place.page));
  }
  return out;
}

}  // namespace regdiff
