// The command table: each regdiff command lives in its own tools/cmd_*.cc and
// registers itself on the CLI11 app through one Setup function.
#pragma once

#include <CLI/CLI.hpp>

#include "tools/cli_context.h"

namespace regdiff::tools {

// What a command does with the database.
enum class DatabaseUse {
  kNone,     // parse, completion, man: never open it
  kCreates,  // ingest, watch: create it when missing
  kReads,    // the rest: a missing database is a usage error, never created;
             // opened read-only (StoreUse::kReading)
  kChanges,  // forget: writes, but only to a database that exists (as kReads)
};

// Whether a missing database is a usage error for a command (checked before
// it runs), rather than created or never opened.
constexpr bool NeedsExistingDatabase(DatabaseUse use) {
  return use == DatabaseUse::kReads || use == DatabaseUse::kChanges;
}

struct Command {
  const char* name;
  const char* help;
  // Adds the command's options to `sub` and sets its callback, which stores
  // its exit status in ctx.exit_code.
  void (*setup)(CLI::App& sub, CommandContext& ctx);
  DatabaseUse database;
};

void SetupIngest(CLI::App& sub, CommandContext& ctx);
void SetupList(CLI::App& sub, CommandContext& ctx);
void SetupShow(CLI::App& sub, CommandContext& ctx);
void SetupParse(CLI::App& sub, CommandContext& ctx);
void SetupAsof(CLI::App& sub, CommandContext& ctx);
void SetupTimeline(CLI::App& sub, CommandContext& ctx);
void SetupDiff(CLI::App& sub, CommandContext& ctx);
void SetupQuery(CLI::App& sub, CommandContext& ctx);
void SetupSearch(CLI::App& sub, CommandContext& ctx);
void SetupExport(CLI::App& sub, CommandContext& ctx);
void SetupWatch(CLI::App& sub, CommandContext& ctx);
void SetupForget(CLI::App& sub, CommandContext& ctx);
void SetupCheck(CLI::App& sub, CommandContext& ctx);
void SetupServe(CLI::App& sub, CommandContext& ctx);
void SetupCompletion(CLI::App& sub, CommandContext& ctx);
void SetupMan(CLI::App& sub, CommandContext& ctx);

inline constexpr Command kCommands[] = {
    {"ingest", "Read announcement files and directories into the database", SetupIngest,
     DatabaseUse::kCreates},
    {"list", "List the announcements in the database", SetupList, DatabaseUse::kReads},
    {"show", "Show one announcement with its items, dates, relations and evidence", SetupShow,
     DatabaseUse::kReads},
    {"parse", "Parse one file without touching the database", SetupParse, DatabaseUse::kNone},
    {"asof", "The controlled items and the listed parties, with their status, on a date", SetupAsof,
     DatabaseUse::kReads},
    {"timeline", "The history of a control code, element, HS code or listed party", SetupTimeline,
     DatabaseUse::kReads},
    {"diff", "What changed between two announcements, versions, texts or dates (exit 0/1/2)",
     SetupDiff, DatabaseUse::kReads},
    {"query", "Is an HS code, control code or element controlled, or a party listed, on a date (exit 0/1)",
     SetupQuery, DatabaseUse::kReads},
    {"search", "Full-text search over the stored texts", SetupSearch, DatabaseUse::kReads},
    {"export", "Rule files (JSON, JSON lines, CSV) and deltas for other systems", SetupExport,
     DatabaseUse::kReads},
    {"watch", "Poll official index pages; report new and changed announcements (exit 0/1/2)",
     SetupWatch, DatabaseUse::kCreates},
    {"forget", "Remove an announcement's texts, or what one path or URL brought (--dry-run)",
     SetupForget, DatabaseUse::kChanges},
    {"check", "The database file's health: integrity, schema, orphan rows, stale state (exit 0/1)",
     SetupCheck, DatabaseUse::kReads},
    {"serve", "A read-only local web server with the JSON API (127.0.0.1:8080; Ctrl-C stops)",
     SetupServe, DatabaseUse::kReads},
    {"completion", "A bash or zsh completion script, from this command table", SetupCompletion,
     DatabaseUse::kNone},
    {"man", "The regdiff(1) man page in roff, from this command table", SetupMan,
     DatabaseUse::kNone},
};

// The commands whose output goes through the pager on a terminal
// (tools/pager.h) unless --no-pager: those that can print pages of it.
inline constexpr const char* kPagedCommands[] = {"list", "show", "diff", "asof", "timeline",
                                                 "search"};

}  // namespace regdiff::tools
