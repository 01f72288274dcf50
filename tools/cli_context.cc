// Shared command plumbing.
#include "tools/cli_context.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "corpus/display_text.h"
#include "tools/suggest.h"

namespace regdiff::tools {

std::string DefaultDbPath() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/regdiff/regdiff.db";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/share/regdiff/regdiff.db";
  return "regdiff.db";
}

std::string ResolveDbPath(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  const char* env = std::getenv("REGDIFF_DB");
  if (env && *env) return env;
  return DefaultDbPath();
}

Status CheckDatabaseExists(const std::string& db_path) {
  if (db_path == ":memory:") return Status::Ok();
  std::error_code ec;
  if (std::filesystem::is_regular_file(db_path, ec)) return Status::Ok();
  return Status::NotFound("no database at " + db_path +
                          " (create one with `regdiff --db " + db_path +
                          " ingest FILE...`, or give --db or $REGDIFF_DB)");
}

Result<std::unique_ptr<AnnouncementStore>> OpenStore(const CommandContext& ctx, StoreUse use) {
  // A reading command opens an existing database read-only: it creates
  // nothing (a directory it may not write is fine).
  if (ctx.db_path != ":memory:" && use == StoreUse::kWriting) {
    std::filesystem::path parent = std::filesystem::path(ctx.db_path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) return Status::IoError("cannot create " + parent.string() + ": " + ec.message());
  }
  auto store = AnnouncementStore::Open(ctx.db_path, use);
  if (!store.ok()) return store.status().WithContext(ctx.db_path);
  return store;
}

Status NoAnnouncementMatches(AnnouncementStore& store, const std::string& typed) {
  std::string message = "no announcement matches '" + typed + "'";
  auto rows = store.List();
  if (!rows.ok()) return Status::NotFound(message);
  // Whole ids, and their year-number ends ("2025-57") where only one id has it.
  std::set<std::string> ids;
  std::map<std::string, std::set<std::string>> by_short;
  for (const DocumentSummary& row : *rows) {
    if (!row.doc_id) continue;
    ids.insert(*row.doc_id);
    const size_t dash = row.doc_id->rfind('-');
    const size_t year = dash == std::string::npos || dash == 0 ? std::string::npos
                                                                : row.doc_id->rfind('-', dash - 1);
    if (year != std::string::npos) by_short[row.doc_id->substr(year + 1)].insert(*row.doc_id);
  }
  std::string match = ClosestMatch(typed, std::vector<std::string>(ids.begin(), ids.end()));
  if (match.empty()) {
    std::vector<std::string> shorts;
    for (const auto& [short_form, full] : by_short)
      if (full.size() == 1) shorts.push_back(short_form);
    std::string short_match = ClosestMatch(typed, shorts);
    if (!short_match.empty()) match = *by_short[short_match].begin();
  }
  if (!match.empty()) message += "; did you mean '" + match + "'?";
  return Status::NotFound(message);
}

// The context is often a file name: one line, whatever it holds. A message
// keeps its own line breaks; every other control character is shown.
void PrintError(std::string_view context, const Status& status) {
  const std::string where = EscapeControls(context);
  std::fprintf(stderr, "regdiff: %s%s%s\n", where.c_str(), where.empty() ? "" : ": ",
               EscapeControlsKeepingLines(status.ToString()).c_str());
}

void PrintWarning(std::string_view context, std::string_view message) {
  const std::string where = EscapeControls(context);
  std::fprintf(stderr, "regdiff: warning: %s%s%s\n", where.c_str(), where.empty() ? "" : ": ",
               EscapeControlsKeepingLines(message).c_str());
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidArgument:
    case Status::Code::kInternal: return kExitUsage;
    default: return kExitFailure;
  }
}

bool ColorWanted(const CommandContext& ctx) {
  switch (ctx.color) {
    case ColorMode::kAlways: return true;
    case ColorMode::kNever: return false;
    case ColorMode::kAuto: break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return StdoutIsTerminal() && !(no_color && *no_color);
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace regdiff::tools
