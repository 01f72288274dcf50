// What every regdiff command shares: global options (--db), opening the
// store, turning a Status into a message and an exit code, and terminal
// facts. Only tools/ prints errors; the libraries return Status values.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools {

// Exit statuses shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // bad input, nothing found, a file failed
inline constexpr int kExitUsage = 2;    // usage error, or an error in regdiff itself
// Output that could not be written (standard output or an --out file): 2,
// the error status of query and diff, for which 1 is an answer.
inline constexpr int kExitOutputFailed = 2;

// --color: when terminal output is coloured.
enum class ColorMode { kAuto, kAlways, kNever };

struct CommandContext {
  std::string db_path;  // --db, else $REGDIFF_DB, else DefaultDbPath()
  ColorMode color = ColorMode::kAuto;
  int exit_code = kExitOk;
};

// Whether output to standard output is coloured: always or never as --color
// says; on auto, when it is a terminal and NO_COLOR is unset or empty
// (https://no-color.org).
bool ColorWanted(const CommandContext& ctx);

// ${XDG_DATA_HOME:-$HOME/.local/share}/regdiff/regdiff.db, or ./regdiff.db
// when no home directory is known.
std::string DefaultDbPath();

// The --db value if given, else $REGDIFF_DB, else DefaultDbPath().
std::string ResolveDbPath(const std::string& flag_value);

// Errors: kNotFound when no database file is at `db_path` (":memory:" is
// always there), saying how to create one.
Status CheckDatabaseExists(const std::string& db_path);

// Opens the store at ctx.db_path, creating its directory if needed; the
// read commands say StoreUse::kReading: read-only, creating nothing (a
// database on a read-only file, directory or mount can be read).
Result<std::unique_ptr<AnnouncementStore>> OpenStore(const CommandContext& ctx,
                                                     StoreUse use = StoreUse::kWriting);

// kNotFound "no announcement matches 'TYPED'", with the stored announcement
// id closest to it ("; did you mean 'mofcom-gacc-2025-57'?") when one is.
Status NoAnnouncementMatches(AnnouncementStore& store, const std::string& typed);

// Prints "regdiff: <context>: <message>" to stderr.
void PrintError(std::string_view context, const Status& status);
void PrintWarning(std::string_view context, std::string_view message);

// Exit status for a failed Status: usage errors 2, internal errors 2, others 1.
int ExitCodeFor(const Status& status);

bool StdoutIsTerminal();
bool StderrIsTerminal();

}  // namespace regdiff::tools
