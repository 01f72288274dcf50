// `regdiff list`: the announcements in the database, one per line (or JSON).
#include <cstdio>

#include "corpus/display_text.h"
#include "tools/commands.h"
#include "tools/json_output.h"

namespace regdiff::tools {
namespace {

int RunList(const CommandContext& ctx, bool json) {
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
  std::printf("%-30s %-7s %-10s %5s %7s  %s\n", "DOC_ID", "LANG", "PUBLISHED", "ITEMS", "PARTIES",
              "TITLE");
  for (const auto& r : *rows) {
    // A file name or a title may hold any control character: shown, never sent.
    const std::string title = EscapeControls(r.title.empty() ? "(" + r.locator + ")" : r.title);
    std::printf("%-30s %-7s %-10s %5d %7d  %s\n", r.doc_id ? r.doc_id->c_str() : "-",
                std::string(LangName(r.lang)).c_str(),
                r.published ? r.published->ToIso().c_str() : "-", r.item_count, r.party_count,
                title.c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupList(CLI::App& sub, CommandContext& ctx) {
  auto json = std::make_shared<bool>(false);
  sub.add_flag("--json", *json, "Print JSON");
  sub.callback([&ctx, json] { ctx.exit_code = RunList(ctx, *json); });
}

}  // namespace regdiff::tools
