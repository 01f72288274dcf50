// What regdiff makes of its command line before CLI11 parses it, so that
// usage errors help: `regdiff help [COMMAND]`, no command at all, a
// mistyped command or option (with the closest known one), `--color`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace regdiff::tools {

struct CommandLineCheck {
  enum class Action {
    kParse,       // hand the arguments to CLI11
    kPrintHelp,   // print `text` on stdout, exit 0
    kUsageError,  // print `text` on stderr, exit 2
  };
  Action action = Action::kParse;
  std::string text;
};

// Checks `args` (argv without the program name) against `app`, whose
// subcommands are the commands. Only words before a "--" are looked at; an
// option's value is skipped when the option takes one.
CommandLineCheck CheckCommandLine(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace regdiff::tools
