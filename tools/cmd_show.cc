// `regdiff show DOC`: one announcement with everything read from it: each
// stored text (one per source and language), then where the Chinese and the
// English texts disagree. DOC is a doc_id or an unambiguous short form
// ("2025-57"). Each text names its source and the aliases (other paths and
// URLs) that carried the same bytes.
#include <cstdio>

#include "corpus/display_text.h"
#include "diff/render_announcement.h"
#include "diff/render_disagreements.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/show_answer.h"

namespace regdiff::tools {
namespace {

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
  auto answer = FindAnnouncement(**store, opt.doc);
  if (!answer.ok()) {
    PrintError("show", answer.status());
    // An ambiguous short form is a usage error; nothing found, a failure.
    return answer.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  const std::vector<StoredDocument>* docs = &answer->texts;
  const std::vector<TextPairReport>& pairs = answer->pairs;
  if (opt.json) {
    PrintJson(ShowJson(answer->doc_id, *docs, pairs));
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
