// `regdiff parse FILE|- [--json] [--explain]`: parses one file (or standard
// input) without a
// database and prints the formats.md contract, or with --explain every fact
// with the rule that read it and every candidate passed over with the reason.
// Exit 0 parsed; 1 unreadable or not an announcement; 2 usage error.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "corpus/display_text.h"
#include "corpus/model_json.h"
#include "diff/render_announcement.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/pipeline.h"

namespace regdiff::tools {
namespace {

struct ParseOptions {
  std::string file;
  bool json = false;
  bool explain = false;
};

// One line of text, control characters shown as \xNN (EscapeControls), cut
// to `max` bytes at a character boundary.
std::string Quote(const std::string& s, size_t max = 160) {
  std::string out = EscapeControls(s);
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return "\"" + out + "\"";
}

void PrintExplanationText(const parsers::Explanation& explanation) {
  for (bool accepted : {true, false}) {
    std::printf(accepted ? "Read:\n" : "\nPassed over:\n");
    bool any = false;
    for (const parsers::ExplainEntry& e : explanation.entries) {
      if (e.accepted != accepted) continue;
      any = true;
      std::printf("  %-10s %s\n", e.kind.c_str(), EscapeControls(e.value).c_str());
      if (!e.reason.empty()) std::printf("    why not:  %s\n", e.reason.c_str());
      if (!e.rule.empty()) std::printf("    rule:     %s\n", e.rule.c_str());
      if (!e.evidence.text.empty())
        std::printf("    evidence: %s [%zu, %zu)\n", Quote(e.evidence.text).c_str(),
                    e.evidence.begin, e.evidence.end);
    }
    if (!any) std::printf("  (nothing)\n");
  }
}

nlohmann::ordered_json ExplanationToJson(const Announcement& a,
                                         const parsers::Explanation& explanation) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const parsers::ExplainEntry& e : explanation.entries) {
    entries.push_back({{"kind", e.kind},
                       {"value", e.value},
                       {"accepted", e.accepted},
                       {"rule", e.rule},
                       {"reason", e.reason.empty() ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(e.reason)},
                       {"evidence", e.evidence.text},
                       {"span", {e.evidence.begin, e.evidence.end}}});
  }
  return {{"doc_id", a.doc_id ? nlohmann::ordered_json(*a.doc_id) : nullptr},
          {"explanation", std::move(entries)}};
}

// How messages name the input.
std::string Shown(const std::string& file) { return file == "-" ? "standard input" : file; }

int RunParse(const ParseOptions& opt) {
  ParseBytesOptions options;
  options.explain = opt.explain;
  auto parsed = ParseFile(opt.file, options);
  if (!parsed.ok()) {
    PrintError(Shown(opt.file), parsed.status());
    return kExitFailure;
  }
  if (!parsed->announcement.ok()) {
    PrintError(Shown(opt.file), parsed->announcement.status());
    return kExitFailure;
  }
  const Announcement& a = *parsed->announcement;
  for (const auto& w : parsed->warnings) PrintWarning(Shown(opt.file), w);
  if (opt.explain && opt.json) {
    PrintJson(ExplanationToJson(a, parsed->explanation));
  } else if (opt.explain) {
    PrintExplanationText(parsed->explanation);
  } else if (opt.json) {
    PrintJson(AnnouncementToJson(a, &parsed->layout));
  } else {
    diff::RenderOptions render;
    render.layout = &parsed->layout;
    std::printf("%s", diff::RenderAnnouncementText(a, render).c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupParse(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ParseOptions>();
  sub.add_option("file", opt->file, "HTML, text (any common charset), PDF, DOCX or XLSX file; - for standard input")
      ->required();
  sub.add_flag("--json", opt->json, "Print the JSON contract of shared/docs/formats.md");
  sub.add_flag("--explain", opt->explain,
               "Print each fact with the rule that read it, and the candidates passed over "
               "with the reason (with --json: as JSON)");
  sub.callback([&ctx, opt] { ctx.exit_code = RunParse(*opt); });
}

}  // namespace regdiff::tools
