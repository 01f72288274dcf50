// `regdiff show DOC`: one announcement with everything read from it: each
// stored text (one per source and language), then where the Chinese and the
// English texts disagree. DOC is a doc_id or an unambiguous short form
// ("2025-57"). Each text names its source and the aliases (other paths and
// URLs) that carried the same bytes.
#include <cstdio>
#include <set>

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "diff/render_announcement.h"
#include "diff/render_disagreements.h"
#include "diff/text_pair.h"
#include "tools/commands.h"
#include "tools/json_output.h"

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

struct ShowOptions {
  std::string doc;
  bool json = false;
  bool no_evidence = false;
};

int RunShow(const CommandContext& ctx, const ShowOptions& opt) {
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  auto docs = (*store)->FindDocuments(opt.doc);
  if (!docs.ok()) {
    PrintError("show", docs.status());
    return kExitFailure;
  }
  if (docs->empty()) {
    PrintError("show", NoAnnouncementMatches(**store, opt.doc));
    return kExitFailure;
  }
  std::set<std::string> ids;
  for (auto& d : *docs) {
    ids.insert(d.announcement.doc_id.value_or("-"));
    auto aliases = (*store)->AliasesOf(d.locator);
    if (!aliases.ok()) {
      PrintError("show", aliases.status());
      return kExitFailure;
    }
    d.aliases = std::move(aliases).value();
  }
  if (ids.size() > 1) {
    PrintError("show", Status::InvalidArgument("'" + opt.doc + "' is ambiguous; it matches:\n  " +
                                               Join(ids, "\n  ")));
    return kExitUsage;
  }
  const std::vector<TextPairReport> pairs = ComparePairs(*docs);
  if (opt.json) {
    PrintJson(ShowJson(*ids.begin(), *docs, pairs));
    return kExitOk;
  }
  diff::RenderOptions render;
  render.evidence = !opt.no_evidence;
  for (size_t i = 0; i < docs->size(); ++i) {
    const auto& d = (*docs)[i];
    if (i) std::printf("\n");
    render.layout = &d.layout;
    std::printf("%s", diff::RenderAnnouncementText(d.announcement, render).c_str());
    std::printf("  source:    %s (version %d, %s, sha256 %.12s)\n", EscapeControls(d.locator).c_str(),
                d.version, d.used_charset.c_str(), d.sha256.c_str());
    for (const SourceAlias& a : d.aliases) {
      std::printf("  alias:     %s (first seen %s, sha256 %.12s)\n", EscapeControls(a.locator).c_str(),
                  a.first_seen.c_str(), a.sha256.c_str());
    }
    for (const TextPart& part : d.layout.parts) {
      if (part.url.empty()) continue;
      std::printf("  attached:  %s (%s, %s%s, sha256 %.12s)\n", EscapeControls(part.name).c_str(),
                  EscapeControls(part.url).c_str(), part.format.c_str(),
                  part.page_starts.empty()
                      ? ""
                      : (", " + std::to_string(part.page_starts.size()) + " pages").c_str(),
                  part.sha256.c_str());
    }
  }
  for (const TextPairReport& p : pairs) {
    std::printf("\n%s", diff::RenderDisagreementsText(p.disagreements, p.chinese, p.english,
                                                       render).c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupShow(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ShowOptions>();
  sub.add_option("doc", opt->doc, "doc_id or a unique short form such as 2025-57")->required();
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.add_flag("--no-evidence", opt->no_evidence, "Do not quote evidence sentences");
  sub.callback([&ctx, opt] { ctx.exit_code = RunShow(ctx, *opt); });
}

}  // namespace regdiff::tools
