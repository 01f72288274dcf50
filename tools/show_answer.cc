#include "tools/show_answer.h"

#include <set>

#include "corpus/strings.h"
#include "diff/text_pair.h"
#include "tools/cli_context.h"

namespace regdiff::tools {
namespace {

diff::PairedText Paired(const StoredDocument& d) {
  return {d.announcement.lang, d.locator, d.version};
}

std::vector<TextPairReport> ComparePairs(const std::vector<StoredDocument>& docs) {
  std::vector<const Announcement*> texts;
  for (const auto& d : docs) texts.push_back(&d.announcement);
  std::vector<TextPairReport> out;
  for (const diff::LanguagePair& p : diff::PairLanguageTexts(texts)) {
    const StoredDocument& zh = docs[p.chinese];
    const StoredDocument& en = docs[p.english];
    out.push_back({Paired(zh), Paired(en),
                   diff::CompareLanguageTexts(zh.announcement, en.announcement)});
  }
  return out;
}

}  // namespace

Result<ShowAnswer> FindAnnouncement(AnnouncementStore& store, const std::string& typed) {
  auto docs = store.FindDocuments(typed);
  if (!docs.ok()) return docs.status();
  if (docs->empty()) return NoAnnouncementMatches(store, typed);
  std::set<std::string> ids;
  for (auto& d : *docs) {
    ids.insert(d.announcement.doc_id.value_or("-"));
    auto aliases = store.AliasesOf(d.locator);
    if (!aliases.ok()) return aliases.status();
    d.aliases = std::move(aliases).value();
  }
  if (ids.size() > 1) {
    return Status::InvalidArgument("'" + typed + "' is ambiguous; it matches:\n  " +
                                   Join(ids, "\n  "));
  }
  ShowAnswer answer;
  answer.doc_id = *ids.begin();
  answer.texts = std::move(docs).value();
  answer.pairs = ComparePairs(answer.texts);
  return answer;
}

}  // namespace regdiff::tools
