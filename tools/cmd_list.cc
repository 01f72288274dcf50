// `regdiff list`: the announcements in the database, one per line (or JSON,
// Markdown, CSV). Columns line up by display width (tools/text_table.h).
#include <cstdio>
#include <memory>

#include "corpus/display_text.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/text_table.h"

namespace regdiff::tools {
namespace {

struct ListOptions {
  bool json = false;
  std::string format = "text";
};

int RunList(const CommandContext& ctx, const ListOptions& opt) {
  TableFormat format = TableFormat::kText;
  const bool json = opt.json || opt.format == "json";
  if (!json && !ParseTableFormat(opt.format, &format)) {
    PrintError("list", Status::InvalidArgument("--format wants text, json, markdown or csv, got '" +
                                               opt.format + "'"));
    return kExitUsage;
  }
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  auto rows = (*store)->List();
  if (!rows.ok()) {
    PrintError("list", rows.status());
    return kExitFailure;
  }
  if (json) {
    PrintJson(ListJson(*rows));
    return kExitOk;
  }
  Table table({"DOC_ID", "LANG", "PUBLISHED", "ITEMS", "PARTIES", "TITLE"}, "  ");
  table.AlignRight(3);
  table.AlignRight(4);
  for (const auto& r : *rows) {
    // A file name or a title may hold any control character: shown, never sent.
    table.AddRow({r.doc_id ? *r.doc_id : "-", std::string(LangName(r.lang)),
                  r.published ? r.published->ToIso() : "-", std::to_string(r.item_count),
                  std::to_string(r.party_count),
                  EscapeControls(r.title.empty() ? "(" + r.locator + ")" : r.title)});
  }
  const std::string out = table.Render(format);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

void SetupList(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ListOptions>();
  sub.add_flag("--json", opt->json, "Print JSON (the same as --format json)");
  sub.add_option("--format", opt->format, "text (default), json, markdown or csv")
      ->check(CLI::IsMember({"text", "json", "markdown", "md", "csv"}));
  sub.callback([&ctx, opt] { ctx.exit_code = RunList(ctx, *opt); });
}

}  // namespace regdiff::tools
