// A text search as `regdiff search TEXT` answers it: the text folded as the
// stored texts are, looked for in both Chinese scripts. Shared by `search`
// and `serve` (/search), so both find the same lines for the same text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools {

struct TextSearchAnswer {
  // The forms looked for: the text as typed, folded as ingest folds texts
  // (full-width letters and digits, spaces), then its other script (锑, 銻).
  std::vector<std::string> forms;
  SearchResults found;
};

// The forms of `typed` a search looks for (TextSearchAnswer::forms): empty
// when it is only spaces.
std::vector<std::string> SearchForms(std::string_view typed);

// The lines of the stored texts holding `typed`, at most `limit` of them,
// searched in the index as it is (the caller brings it up to date first
// when it may write: AnnouncementStore::UpdateSearchIndex). Errors:
// kInvalidArgument when `typed` is only spaces; the store's.
Result<TextSearchAnswer> SearchText(AnnouncementStore& store, std::string_view typed,
                                    size_t limit);

}  // namespace regdiff::tools
