// regdiff: export-control announcements as structured, versioned, diffable
// data. This file holds only the global options and the command table; each
// command is in tools/cmd_*.cc.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>

#include "tools/cli_context.h"
#include "tools/command_line.h"
#include "tools/commands.h"
#include "tools/pager.h"
#include "tools/standard_output.h"

namespace {

// Thrown before a reading command runs when its database does not exist.
struct NoDatabase : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// CLI11's --help and --version text and its message, through stdio (CLI11
// writes to std::cout, which bypasses the tracked stdout).
int ExitForCli11(const CLI::App& app, const CLI::Error& e) {
  std::ostringstream out, err;
  const int code = app.exit(e, out, err);
  std::fputs(out.str().c_str(), stdout);
  std::fputs(err.str().c_str(), stderr);
  return code;
}

// The command line parsed and run; the exit status. The pager, if one was
// started, has ended when this returns.
int Run(int argc, char** argv) {
  using namespace regdiff::tools;
  CLI::App app{"regdiff: turn export-control announcements into structured, diffable data",
               "regdiff"};
  app.set_version_flag("--version", std::string("regdiff ") + REGDIFF_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  CommandContext ctx;
  std::string db_flag;
  std::string color = "auto";
  bool no_pager = false;
  std::unique_ptr<Pager> pager;  // ends (waits for the pager) as main returns
  app.add_option("--db", db_flag,
                 "Database file (default: $REGDIFF_DB, else " + DefaultDbPath() + ")")
      ->type_name("FILE");
  app.add_option("--color", color,
                 "Colour terminal output: auto (default: on a terminal, unless NO_COLOR is set), "
                 "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--no-pager", no_pager,
               "Do not page long output on a terminal (default pager: $REGDIFF_PAGER, $PAGER, "
               "else less)");
  // Before any command runs: a command that only reads the database must not
  // answer from an empty one it created (a mistyped path would read as "not
  // controlled").
  app.parse_complete_callback([&] {
    ctx.db_path = ResolveDbPath(db_flag);
    ctx.color = color == "always" ? ColorMode::kAlways
                : color == "never" ? ColorMode::kNever
                                   : ColorMode::kAuto;
    for (const CLI::App* sub : app.get_subcommands()) {
      for (const Command& command : kCommands) {
        if (sub->get_name() != command.name || !NeedsExistingDatabase(command.database)) continue;
        if (regdiff::Status s = CheckDatabaseExists(ctx.db_path); !s.ok()) {
          throw NoDatabase("regdiff: " + std::string(command.name) + ": " + s.ToString());
        }
      }
      for (const char* paged : kPagedCommands) {
        // Colour is decided before the pager takes standard output.
        if (sub->get_name() != paged || no_pager) continue;
        if (ctx.color == ColorMode::kAuto && ColorWanted(ctx)) ctx.color = ColorMode::kAlways;
        pager = Pager::StartIfWanted();
      }
    }
  });

  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    command.setup(*sub, ctx);
  }

  // help, no command, a mistyped command or option: answered here.
  CommandLineCheck check = CheckCommandLine(app, std::vector<std::string>(argv + 1, argv + argc));
  switch (check.action) {
    case CommandLineCheck::Action::kPrintHelp:
      std::fputs(check.text.c_str(), stdout);
      return kExitOk;
    case CommandLineCheck::Action::kUsageError:
      std::fputs(check.text.c_str(), stderr);
      return kExitUsage;
    case CommandLineCheck::Action::kParse: break;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return ExitForCli11(app, e);
  } catch (const CLI::CallForVersion& e) {
    return ExitForCli11(app, e);
  } catch (const CLI::ParseError& e) {
    // "regdiff diff: DOCS: At Most 2 required ...", and where to read more.
    std::string command;
    for (const CLI::App* sub : app.get_subcommands()) command = " " + sub->get_name();
    std::fprintf(stderr, "regdiff%s: %s\nRun 'regdiff help%s' for usage.\n", command.c_str(),
                 e.what(), command.c_str());
    return kExitUsage;
  } catch (const NoDatabase& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return kExitUsage;
  }
  return ctx.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // Every command's writes to standard output are checked once, here: a
  // full disk or a closed stdout is an error, a reader that quit is not.
  regdiff::tools::TrackStandardOutput();
  return regdiff::tools::ExitStatusAfterOutput(Run(argc, argv));
}
