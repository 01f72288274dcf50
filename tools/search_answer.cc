#include "tools/search_answer.h"

#include "ingest/normalize.h"
#include "parsers/zh_script_variants.h"

namespace regdiff::tools {

std::vector<std::string> SearchForms(std::string_view typed) {
  // Folded as ingest folds the texts (full-width forms, spaces), then in
  // both scripts.
  std::string folded = ingest::Normalize(typed).text;
  while (!folded.empty() && folded.back() == '\n') folded.pop_back();
  if (folded.empty()) return {};
  std::vector<std::string> forms = parsers::ScriptVariants(folded);
  if (forms.size() > kMaxSearchForms) forms.resize(kMaxSearchForms);
  return forms;
}

Result<TextSearchAnswer> SearchText(AnnouncementStore& store, std::string_view typed,
                                    size_t limit) {
  TextSearchAnswer answer;
  answer.forms = SearchForms(typed);
  if (answer.forms.empty()) return Status::InvalidArgument("the search text is only spaces");
  auto found = store.Search(answer.forms, limit);
  if (!found.ok()) return found.status();
  answer.found = std::move(found).value();
  return answer;
}

}  // namespace regdiff::tools
