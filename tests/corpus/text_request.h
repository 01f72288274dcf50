// The store tests' request for one stored text: a file `locator` holding
// `raw` bytes, normalised to `text`, read as one Chinese announcement.
#pragma once

#include <string>

#include "corpus/sha256.h"
#include "corpus/store.h"

namespace regdiff::testing {

inline PutRequest TextRequest(const std::string& locator, const std::string& raw,
                              const std::string& text, const std::string& doc_id,
                              const std::string& parser_version = "rules/1") {
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = locator;
  r.snapshot.raw = raw;
  r.snapshot.sha256 = Sha256Hex(raw);
  r.snapshot.retrieved_at = "2026-11-27T05:44:44Z";
  r.snapshot.used_charset = "utf-8";
  r.normalized_text = text;
  Announcement a;
  a.doc_id = doc_id;
  a.lang = Lang::kZh;
  a.parser_version = parser_version;
  r.announcements = {a};
  return r;
}

}  // namespace regdiff::testing
