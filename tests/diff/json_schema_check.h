// A validator for the subset of JSON Schema (draft 2020-12) that
// schemas/diff.schema.json uses: type (a name or a list), const, enum,
// required, properties, additionalProperties (false), items, anyOf and
// local $ref ("#/$defs/name"). Keywords outside the subset are ignored;
// annotations ($schema, $id, title, description) have no effect.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace regdiff::testing {

class JsonSchemaCheck {
 public:
  explicit JsonSchemaCheck(nlohmann::json schema) : root_(std::move(schema)) {}

  // Every violation, as "path: what"; empty when `value` is valid.
  std::vector<std::string> Validate(const nlohmann::json& value) const {
    std::vector<std::string> errors;
    Check(root_, value, "$", errors);
    return errors;
  }

 private:
  static bool HasType(const nlohmann::json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    return false;
  }

  const nlohmann::json& Resolve(const std::string& ref) const {
    static const nlohmann::json kNothing;
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) return kNothing;
    auto defs = root_.find("$defs");
    if (defs == root_.end()) return kNothing;
    auto it = defs->find(ref.substr(prefix.size()));
    return it == defs->end() ? kNothing : *it;
  }

  void Check(const nlohmann::json& schema, const nlohmann::json& v, const std::string& path,
             std::vector<std::string>& errors) const {
    if (auto ref = schema.find("$ref"); ref != schema.end()) {
      const nlohmann::json& target = Resolve(ref->get<std::string>());
      if (target.is_null()) errors.push_back(path + ": unresolvable $ref " + ref->dump());
      else Check(target, v, path, errors);
    }
    if (auto type = schema.find("type"); type != schema.end()) {
      bool ok = false;
      if (type->is_string()) ok = HasType(v, *type);
      else for (const auto& t : *type) ok = ok || HasType(v, t);
      if (!ok) {
        errors.push_back(path + ": expected type " + type->dump() + ", got " + v.dump());
        return;
      }
    }
    if (auto c = schema.find("const"); c != schema.end() && *c != v)
      errors.push_back(path + ": expected " + c->dump() + ", got " + v.dump());
    if (auto e = schema.find("enum"); e != schema.end()) {
      bool found = false;
      for (const auto& option : *e) found = found || option == v;
      if (!found) errors.push_back(path + ": " + v.dump() + " is not one of " + e->dump());
    }
    if (auto any = schema.find("anyOf"); any != schema.end()) {
      bool ok = false;
      for (const auto& option : *any) {
        std::vector<std::string> sub;
        Check(option, v, path, sub);
        ok = ok || sub.empty();
      }
      if (!ok) errors.push_back(path + ": matches no anyOf alternative");
    }
    if (v.is_object()) {
      if (auto req = schema.find("required"); req != schema.end())
        for (const auto& key : *req)
          if (!v.contains(key.get<std::string>())) errors.push_back(path + ": missing " + key.dump());
      auto props = schema.find("properties");
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string child = path + "." + it.key();
        if (props != schema.end() && props->contains(it.key())) {
          Check((*props)[it.key()], it.value(), child, errors);
        } else if (auto extra = schema.find("additionalProperties");
                   extra != schema.end() && extra->is_boolean() && !extra->get<bool>()) {
          errors.push_back(child + ": not allowed by the schema");
        }
      }
    }
    if (v.is_array()) {
      if (auto items = schema.find("items"); items != schema.end())
        for (size_t i = 0; i < v.size(); ++i) Check(*items, v[i], path + "[" + std::to_string(i) + "]", errors);
    }
  }

  nlohmann::json root_;
};

}  // namespace regdiff::testing
