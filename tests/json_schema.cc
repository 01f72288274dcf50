// The test-side JSON Schema checker.
#include "tests/json_schema.h"

#include <gtest/gtest.h>

#include <re2/re2.h>

#include <set>

#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

bool HasType(const Json& v, const std::string& type) {
  if (type == "null") return v.is_null();
  if (type == "boolean") return v.is_boolean();
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  return false;
}

class Checker {
 public:
  explicit Checker(const Json& root) : root_(root) {}

  void Check(const Json& schema, const Json& v, const std::string& path) {
    static const std::set<std::string> kKnown = {
        "$schema", "$id", "$defs", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "enum", "const", "pattern", "minimum", "$ref", "anyOf"};
    for (auto it = schema.begin(); it != schema.end(); ++it) {
      if (!kKnown.count(it.key())) Fail(path, "schema keyword '" + it.key() + "' not supported");
    }
    if (schema.contains("$ref")) {
      std::string ref = schema["$ref"];
      const std::string prefix = "#/$defs/";
      if (ref.rfind(prefix, 0) != 0 || !root_["$defs"].contains(ref.substr(prefix.size()))) {
        Fail(path, "unresolvable $ref " + ref);
        return;
      }
      Check(root_["$defs"][ref.substr(prefix.size())], v, path);
    }
    if (schema.contains("type")) {
      const Json& t = schema["type"];
      bool ok = false;
      if (t.is_string()) ok = HasType(v, t);
      for (const auto& one : t.is_array() ? t : Json::array()) ok = ok || HasType(v, one);
      if (!ok) {
        Fail(path, "expected type " + t.dump() + ", got " + v.dump().substr(0, 80));
        return;
      }
    }
    if (schema.contains("anyOf")) {
      bool matched = false;
      for (const auto& option : schema["anyOf"]) {
        Checker sub(root_);
        sub.Check(option, v, path);
        matched = matched || sub.problems.empty();
      }
      if (!matched) Fail(path, "matches no anyOf alternative");
    }
    if (schema.contains("const") && v != schema["const"])
      Fail(path, "expected " + schema["const"].dump() + ", got " + v.dump());
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& e : schema["enum"]) found = found || e == v;
      if (!found) Fail(path, v.dump() + " is not one of " + schema["enum"].dump());
    }
    if (schema.contains("pattern") && v.is_string()) {
      // RE2, as the parsers use: std::regex draws GCC 12 false positives
      // (-Wmaybe-uninitialized at -O1) that fail REGDIFF_WERROR builds.
      const RE2 pattern(schema["pattern"].get<std::string>(), RE2::Quiet);
      if (!pattern.ok()) Fail(path, "bad pattern " + schema["pattern"].dump());
      else if (!RE2::PartialMatch(v.get<std::string>(), pattern))
        Fail(path, v.dump() + " does not match " + schema["pattern"].dump());
    }
    if (schema.contains("minimum") && v.is_number() && v.get<double>() < schema["minimum"].get<double>())
      Fail(path, v.dump() + " is below the minimum");
    if (v.is_object()) {
      for (const auto& r : schema.value("required", Json::array()))
        if (!v.contains(r)) Fail(path, "missing required property " + r.dump());
      const Json props = schema.value("properties", Json::object());
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (props.contains(it.key())) {
          Check(props[it.key()], it.value(), path + "/" + it.key());
        } else if (schema.contains("additionalProperties") && schema["additionalProperties"] == false) {
          Fail(path, "unexpected property " + it.key());
        }
      }
    }
    if (v.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < v.size(); ++i)
        Check(schema["items"], v[i], path + "/" + std::to_string(i));
    }
  }

  std::vector<std::string> problems;

 private:
  void Fail(const std::string& path, const std::string& what) {
    problems.push_back((path.empty() ? "/" : path) + ": " + what);
  }
  const Json& root_;
};

}  // namespace

std::vector<std::string> ValidateJson(const nlohmann::json& schema, const nlohmann::json& doc) {
  Checker c(schema);
  c.Check(schema, doc, "");
  return c.problems;
}

nlohmann::json LoadSchema(const std::string& name) {
  return nlohmann::json::parse(ReadFileOrDie(SourceDir() + "/schemas/" + name));
}

void ExpectMatchesSchema(const std::string& schema, const nlohmann::json& doc) {
  std::string all;
  for (const std::string& p : ValidateJson(LoadSchema(schema), doc)) all += p + "\n";
  EXPECT_TRUE(all.empty()) << schema << ":\n" << all;
}

}  // namespace regdiff::testing
