// A small JSON Schema checker for the tests: validates a document against the
// subset of draft 2020-12 that the schemas in schemas/ use (type, required,
// properties, additionalProperties, items, enum, const, pattern, minimum,
// anyOf, $ref to "#/$defs/..."). Fails loudly on any keyword it does not know, so a
// schema cannot silently go unchecked.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace regdiff::testing {

// Problems found, each "path: what is wrong"; empty when `doc` is valid.
std::vector<std::string> ValidateJson(const nlohmann::json& schema, const nlohmann::json& doc);

// Loads schemas/<name> from the source tree.
nlohmann::json LoadSchema(const std::string& name);

// A non-fatal test failure listing every problem when `doc` does not follow
// schemas/<schema>.
void ExpectMatchesSchema(const std::string& schema, const nlohmann::json& doc);

}  // namespace regdiff::testing
