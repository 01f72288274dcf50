// The regdiff command line as data, read from the CLI11 app at run time: its
// commands, their options (names, help, values taken, CLI::IsMember choices)
// and positionals. The completion scripts (completion.h) and the man page
// (man_page.h) are written from it, so they cannot drift from the Setup
// functions of the command table.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace regdiff::tools {

// What the words after an option, or a positional, name.
enum class ValueKind {
  kText,       // anything: completed as file names, as shells do by default
  kFile,       // type_name "FILE"
  kDirectory,  // type_name "DIR"
  kChoice,     // one of OptionOutline::choices (CLI::IsMember)
  kCommand,    // a regdiff command (help COMMAND)
};

struct OptionOutline {
  std::vector<std::string> names;  // "-n", "--dry-run": short names first
  std::string help;
  std::string value_name;  // CLI11's type name ("TEXT", "FILE", "UINT"); empty for a flag
  int values = 0;          // words taken per use; 0 for a flag
  bool repeatable = false;
  ValueKind kind = ValueKind::kText;
  std::vector<std::string> choices;  // the CLI::IsMember set, in its order
};

struct PositionalOutline {
  std::string name;  // as CLI11 names it ("paths", "DOCS")
  std::string help;
  bool required = false;
  bool many = false;  // takes more than one word
  ValueKind kind = ValueKind::kText;
  std::vector<std::string> choices;  // the CLI::IsMember set, in its order
};

struct CommandOutline {
  std::string name;
  std::string help;
  std::vector<OptionOutline> options;  // in definition order, -h/--help first
  std::vector<PositionalOutline> positionals;
  std::string footer;  // the command's --help footer, as printed
};

struct CliOutline {
  std::string name;         // "regdiff"
  std::string description;  // one line, without the leading "regdiff: "
  std::vector<OptionOutline> global_options;
  std::vector<CommandOutline> commands;  // the app's commands in table order, then "help"
};

// Reads the root app `app` and its subcommands. Options in no group (hidden)
// are left out. "help" is not a CLI11 subcommand (tools/command_line.cc
// answers it) and is added last.
CliOutline OutlineOf(const CLI::App& app);

// The names of `outline`'s commands, in order.
std::vector<std::string> CommandNames(const CliOutline& outline);

}  // namespace regdiff::tools
