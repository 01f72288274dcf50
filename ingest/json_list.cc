// JSON list endpoints: nlohmann's parser without exceptions for the body,
// json_pointer for the pointers (its exceptions are caught here and become
// Status values), then the links through link_extractor's one filter.
#include "ingest/json_list.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace regdiff::ingest {
namespace {

using Json = nlohmann::json;

// At most this many bytes of a body are quoted in an error.
constexpr size_t kQuoteBytes = 60;

std::string Quote(std::string_view text) {
  // Cut before a lead byte, never inside a UTF-8 sequence.
  size_t n = std::min(text.size(), kQuoteBytes);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  std::string out(text.substr(0, n));
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return "'" + out + (n < text.size() ? "...'" : "'");
}

const char* TypeName(const Json& value) { return value.type_name(); }

// "keys: success, code, data" or "an array of 3" or "a string".
std::string Describe(const Json& value) {
  if (value.is_object()) {
    std::string keys;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!keys.empty()) keys += ", ";
      keys += it.key();
    }
    return "an object with keys " + (keys.empty() ? std::string("(none)") : keys);
  }
  if (value.is_array()) return "an array of " + std::to_string(value.size());
  return std::string("a ") + TypeName(value);
}

Result<Json::json_pointer> Pointer(std::string_view pointer) {
  try {
    return Json::json_pointer(std::string(pointer));
  } catch (const Json::exception& e) {
    return Status::InvalidArgument("bad JSON pointer '" + std::string(pointer) + "': " + e.what());
  }
}

Result<Json> Parse(std::string_view utf8_json) {
  Json doc = Json::parse(utf8_json.begin(), utf8_json.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Status::Corruption("the list endpoint answered no JSON (" + std::to_string(utf8_json.size()) +
                              " bytes starting " + Quote(utf8_json) + ")");
  }
  return doc;
}

// The value `pointer` names in `doc`. The error names the deepest value that
// exists on the way, so a misspelt key shows the keys there are.
Result<const Json*> Find(const Json& doc, std::string_view pointer) {
  auto p = Pointer(pointer);
  if (!p.ok()) return p.status();
  // contains() may throw on an array index that is no number ("/rows/x").
  auto has = [&doc](const Json::json_pointer& at) {
    try {
      return doc.contains(at);
    } catch (const Json::exception&) {
      return false;
    }
  };
  if (has(*p)) return &doc.at(*p);
  Json::json_pointer parent = *p;
  while (!parent.empty() && !has(parent)) parent = parent.parent_pointer();
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on
  // "literal" + std::string temporaries here.
  std::string where = "the top level";
  if (!parent.empty()) {
    where = "'";
    where += parent.to_string();
    where += '\'';
  }
  return Status::Corruption("JSON pointer '" + std::string(pointer) + "' names nothing in the answer; " +
                            where + " is " + Describe(doc.at(parent)));
}

Result<std::string> Fragment(const Json& doc, std::string_view pointer) {
  auto found = Find(doc, pointer);
  if (!found.ok()) return found.status();
  if (!(*found)->is_string()) {
    return Status::Corruption("JSON pointer '" + std::string(pointer) +
                              "' names " + Describe(**found) + ", not a string of HTML");
  }
  return (*found)->get<std::string>();
}

std::optional<std::string> StringMember(const Json& item, const std::string& field) {
  if (!item.is_object()) return std::nullopt;
  auto it = item.find(field);
  if (it == item.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

Result<std::vector<ListedLink>> Items(const Json& doc, const JsonListRules& json) {
  auto found = Find(doc, json.items_pointer);
  if (!found.ok()) return found.status();
  const Json& array = **found;
  if (!array.is_array()) {
    return Status::Corruption("JSON pointer '" + json.items_pointer + "' names " + Describe(array) +
                              ", not an array of articles");
  }
  std::vector<ListedLink> listed;
  for (const Json& item : array) {
    std::optional<std::string> url = StringMember(item, json.url_field);
    if (!url) continue;
    std::string title;
    if (!json.title_field.empty()) title = StringMember(item, json.title_field).value_or("");
    listed.push_back({std::move(*url), std::move(title), ""});
  }
  if (listed.empty() && !array.empty()) {
    return Status::Corruption("no article of '" + json.items_pointer + "' has a string field '" +
                              json.url_field + "'; the first is " + Describe(array.front()));
  }
  return listed;
}

}  // namespace

Status ValidateJsonPointer(std::string_view pointer) {
  auto p = Pointer(pointer);
  return p.ok() ? Status::Ok() : p.status();
}

Result<std::string> JsonListFragment(std::string_view utf8_json, std::string_view html_pointer) {
  auto doc = Parse(utf8_json);
  if (!doc.ok()) return doc.status();
  return Fragment(*doc, html_pointer);
}

Result<std::vector<Link>> ExtractJsonListLinks(std::string_view utf8_json,
                                               std::string_view endpoint_url,
                                               const JsonListRules& json, const LinkRules& rules) {
  auto doc = Parse(utf8_json);
  if (!doc.ok()) return doc.status();
  if (!json.html_pointer.empty()) {
    auto html = Fragment(*doc, json.html_pointer);
    if (!html.ok()) return html.status();
    return ExtractLinks(*html, endpoint_url, rules);
  }
  if (json.items_pointer.empty() || json.url_field.empty()) {
    return Status::InvalidArgument("a JSON list needs an HTML pointer, or an items pointer and a URL field");
  }
  auto listed = Items(*doc, json);
  if (!listed.ok()) return listed.status();
  return FilterLinks(*listed, endpoint_url, rules);
}

}  // namespace regdiff::ingest
