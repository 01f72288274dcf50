// The issuing bodies of announcements: canonical codes, their order in a
// doc_id, and the names texts use for them (Simplified Chinese and English;
// Traditional text is matched after conversion to Simplified). Also builds
// and reads doc_ids ("mofcom-gacc-2025-18", see shared/docs/formats.md).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace regdiff {

struct IssuerEntry {
  std::string_view code;  // canonical code, "MOFCOM"; lowercased in doc_ids
  std::string_view name_zh;  // official Simplified name, "商务部"
  std::string_view name_en;  // official English name
  std::vector<std::string_view> aliases_zh;  // every Simplified form texts use
  std::vector<std::string_view> aliases_en;  // every English form texts use
};

// All known issuers in canonical doc_id order (MOFCOM, MIIT, GACC, SCS, then
// the others). One row per body: a new regulator is one added row.
std::span<const IssuerEntry> Issuers();

// The entry for a canonical code ("GACC"), or nullptr.
const IssuerEntry* FindIssuer(std::string_view code);

// Sorts codes into canonical order and removes duplicates.
void CanonicalizeIssuers(std::vector<std::string>& codes);

// "mofcom-gacc-2025-18". Requires at least one issuer.
std::string MakeDocId(const std::vector<std::string>& issuers, int year, int number);

struct DocIdParts {
  std::vector<std::string> issuers;  // canonical codes, uppercase
  int year = 0;
  int number = 0;
};

// Reads a doc_id back into its parts; nullopt when it is not one.
std::optional<DocIdParts> ParseDocId(std::string_view doc_id);

}  // namespace regdiff
