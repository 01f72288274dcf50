// `regdiff diff`: what changed between two announcements, two versions of
// one, two texts of one (zh vs en), or the control list on two dates; as a
// terminal report, Markdown, JSON (regdiff.diff/1) or one HTML file. Exit
// status as diff(1): 0 no differences, 1 differences, 2 error.
#include <cstdio>

#include "diff/render_html.h"
#include "diff/render_json.h"
#include "diff/render_markdown.h"
#include "diff/render_terminal.h"
#include "diff/report.h"
#include "tools/commands.h"
#include "tools/diff_answer.h"
#include "tools/output_file.h"

namespace regdiff::tools {
namespace {

constexpr int kExitSame = 0;
constexpr int kExitDiffers = 1;
constexpr int kExitError = 2;

constexpr char kFooter[] = R"(Operands:
  DOC            a doc_id (mofcom-gacc-2025-57) or an unambiguous short form (2025-57)
  DOC@N          version N of the text stored for DOC (a re-published page)
  DOC:LANG       the LANG text (zh, zh-hant, en) of DOC; DOC:LANG@N also works

  regdiff diff 2025-18 2025-57                 two announcements
  regdiff diff 2025-57@1 2025-57@2             two versions of one announcement
  regdiff diff 2025-57:zh 2025-57:en           the Chinese and English texts of one
  regdiff diff --asof 2025-04-04 --asof 2025-11-09   the control list on two dates

When DOC has several texts and none is named, the Chinese one is compared.
Exit status: 0 no differences, 1 differences, 2 error (usage, not found, ambiguous).)";

struct DiffOptions {
  std::vector<std::string> operands;
  std::vector<std::string> asof;
  std::string format = "terminal";
  std::string lang = "en";
  bool text = false;
  size_t context = 3;
  std::string out;
  bool no_evidence = false;
};

// The report `opt` asks for; warnings (which of several texts is compared)
// go to stderr.
Result<diff::DiffReport> BuildReport(const CommandContext& ctx, const DiffOptions& opt,
                                     const diff::ReportOptions& report_options) {
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) return store.status();
  std::vector<std::string> warnings;
  auto report = BuildDiffReport(**store, DiffQuestion{opt.operands, opt.asof}, report_options,
                                opt.format == "html", &warnings);
  for (const std::string& warning : warnings) PrintWarning("diff", warning);
  return report;
}

// Colour goes to the terminal, never into an --out file.
bool ColorWanted(const CommandContext& ctx, const DiffOptions& opt) {
  return opt.out.empty() && ColorWanted(ctx);
}

int RunDiff(const CommandContext& ctx, const DiffOptions& opt) {
  diff::ReportOptions ro;
  ro.text = opt.text;
  ro.text_options.context = opt.context;
  auto lang = diff::SummaryLangFromName(opt.lang);
  if (!lang) {
    PrintError("diff", Status::InvalidArgument("--lang wants en or zh, got '" + opt.lang + "'"));
    return kExitError;
  }
  ro.lang = *lang;

  auto report = BuildReport(ctx, opt, ro);
  if (!report.ok()) {
    PrintError("diff", report.status());
    return kExitError;
  }
  auto out = OutputFile::Open(opt.out);
  if (!out.ok()) {
    PrintError("diff", out.status());
    return kExitError;
  }
  // JSON and HTML are written as they are rendered (a year's status changes
  // run to tens of megabytes); the terminal and Markdown forms are short.
  const diff::WriteChunk write = [&out](std::string_view chunk) { out->Write(chunk); };
  if (opt.format == "terminal") {
    diff::TerminalOptions to;
    to.color = ColorWanted(ctx, opt);
    to.evidence = !opt.no_evidence;
    out->Write(diff::RenderTerminal(*report, to));
  } else if (opt.format == "markdown") {
    out->Write(diff::RenderMarkdown(*report));
  } else if (opt.format == "json") {
    diff::WriteJson(*report, write);
  } else {
    diff::WriteHtml(*report, write);
  }
  if (Status s = out->Commit(); !s.ok()) {
    PrintError("diff", s);
    return kExitError;
  }
  return report->differs() ? kExitDiffers : kExitSame;
}

}  // namespace

void SetupDiff(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<DiffOptions>();
  sub.add_option("DOCS", opt->operands, "Two of DOC, DOC@N, DOC:LANG (see below)")->expected(2);
  sub.add_option("--asof", opt->asof, "A date, YYYY-MM-DD; give it twice to compare the control list")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("--format", opt->format, "terminal (default), markdown, json or html")
      ->check(CLI::IsMember({"terminal", "markdown", "json", "html"}));
  sub.add_option("--lang", opt->lang, "Language of the summary sentences: en (default) or zh");
  sub.add_flag("--text", opt->text, "Include the diff of the normalised texts");
  sub.add_option("--context", opt->context, "Lines of context in the text diff (default 3)")
      ->check(CLI::Range(0, 1000000));
  sub.add_option("--out", opt->out, "Write to FILE (atomically) instead of standard output");
  sub.add_flag("--no-evidence", opt->no_evidence, "Terminal: do not quote evidence under the summary");
  sub.footer(kFooter);
  sub.callback([&ctx, opt] { ctx.exit_code = RunDiff(ctx, *opt); });
}

}  // namespace regdiff::tools
