// The words of export-control titles, and the facts of export-control texts.
#include "tools/watch/relevance.h"

#include <algorithm>
#include <string>

#include "corpus/strings.h"

namespace regdiff::watch {
namespace {

// Matched as substrings; English ones against the lowercased title.
constexpr std::string_view kTitleWords[] = {
    "出口管制", "两用物项", "兩用物項", "管控名单", "管控名單", "关注名单", "關注名單",
    "不可靠实体", "不可靠實體", "export control", "dual-use", "dual use",
    "unreliable entit", "control list", "watch list",
};

}  // namespace

bool TitleIsAboutExportControl(std::string_view title) {
  const std::string lower = AsciiLower(title);
  return std::any_of(std::begin(kTitleWords), std::end(kTitleWords),
                     [&lower](std::string_view w) { return lower.find(w) != std::string::npos; });
}

bool FactsAreAboutExportControl(const Announcement& a) {
  const bool items = std::any_of(a.items.begin(), a.items.end(), [](const Item& i) {
    return i.code.has_value() || !i.hs_codes.empty();
  });
  return items || !a.parties.empty() || !a.relations.empty();
}

}  // namespace regdiff::watch
