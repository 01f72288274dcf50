// One announcement as `regdiff show DOC` answers it: its stored texts (with
// their aliases) and where its Chinese and English texts disagree. Shared
// by `show` and `serve` (/api/announcements/{doc_id}), so both give the
// same answer to the same question.
#pragma once

#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/store.h"
#include "tools/json_output.h"

namespace regdiff::tools {

struct ShowAnswer {
  std::string doc_id;  // the one doc_id every text has ("-" when none)
  std::vector<StoredDocument> texts;
  std::vector<TextPairReport> pairs;
};

// The announcement `typed` names: a doc_id or an unambiguous short form
// ("2025-57"). Errors: kNotFound when nothing matches (NoAnnouncementMatches,
// with a suggestion), kInvalidArgument when `typed` matches more than one
// announcement (the message lists them), kDatabase.
Result<ShowAnswer> FindAnnouncement(AnnouncementStore& store, const std::string& typed);

}  // namespace regdiff::tools
