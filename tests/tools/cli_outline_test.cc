// The command line read from the command table (tools/cli_outline.h) and the
// man page written from it (tools/man_page.h).
#include "tools/cli_outline.h"

#include <gtest/gtest.h>

#include <string>

#include "tools/commands.h"
#include "tools/man_page.h"

namespace regdiff::tools {
namespace {

// The app as main.cc builds it: --db and every command of the table.
CliOutline TableOutline() {
  static CommandContext ctx;
  static std::string db;
  CLI::App app{"regdiff: turn export-control announcements into data", "regdiff"};
  app.set_version_flag("--version", "regdiff test");
  app.add_option("--db", db, "Database file")->type_name("FILE");
  for (const Command& command : kCommands) {
    command.setup(*app.add_subcommand(command.name, command.help), ctx);
  }
  return OutlineOf(app);
}

const OptionOutline* FindOption(const CommandOutline& c, const std::string& name) {
  for (const OptionOutline& o : c.options)
    for (const std::string& n : o.names)
      if (n == name) return &o;
  return nullptr;
}

const CommandOutline* FindCommand(const CliOutline& cli, const std::string& name) {
  for (const CommandOutline& c : cli.commands)
    if (c.name == name) return &c;
  return nullptr;
}

TEST(CliOutline, HoldsEveryCommandOfTheTableThenHelp) {
  const CliOutline cli = TableOutline();
  ASSERT_EQ(cli.commands.size(), std::size(kCommands) + 1);
  for (size_t i = 0; i < std::size(kCommands); ++i) {
    EXPECT_EQ(cli.commands[i].name, kCommands[i].name);
    EXPECT_EQ(cli.commands[i].help, kCommands[i].help);
  }
  EXPECT_EQ(cli.commands.back().name, "help");
  EXPECT_EQ(cli.description, "turn export-control announcements into data");
}

TEST(CliOutline, ReadsValuesChoicesAndRepeats) {
  const CliOutline cli = TableOutline();
  const CommandOutline* diff = FindCommand(cli, "diff");
  const CommandOutline* exp = FindCommand(cli, "export");
  const CommandOutline* forget = FindCommand(cli, "forget");
  ASSERT_TRUE(diff && exp && forget);

  const OptionOutline* format = FindOption(*diff, "--format");
  ASSERT_NE(format, nullptr);
  EXPECT_EQ(format->values, 1);
  EXPECT_EQ(format->kind, ValueKind::kChoice);
  EXPECT_EQ(format->choices, (std::vector<std::string>{"terminal", "markdown", "json", "html"}));

  const OptionOutline* asof = FindOption(*diff, "--asof");
  ASSERT_NE(asof, nullptr);
  EXPECT_TRUE(asof->repeatable);
  EXPECT_EQ(asof->values, 1);

  const OptionOutline* delta = FindOption(*exp, "--delta");
  ASSERT_NE(delta, nullptr);
  EXPECT_EQ(delta->values, 2);
  EXPECT_FALSE(delta->repeatable);

  const OptionOutline* dry_run = FindOption(*forget, "--dry-run");
  ASSERT_NE(dry_run, nullptr);
  EXPECT_EQ(dry_run->names, (std::vector<std::string>{"-n", "--dry-run"}));
  EXPECT_EQ(dry_run->values, 0);

  ASSERT_EQ(diff->positionals.size(), 1u);
  EXPECT_EQ(diff->positionals[0].name, "DOCS");
  EXPECT_TRUE(diff->positionals[0].many);

  ASSERT_EQ(cli.global_options.size(), 3u);  // -h/--help, --version, --db
  EXPECT_EQ(cli.global_options[2].kind, ValueKind::kFile);
}

TEST(ManPage, HasASubsectionPerCommandAndEscapesForRoff) {
  const std::string page = ManPage(TableOutline());
  for (const Command& command : kCommands) {
    EXPECT_NE(page.find(".SS " + std::string(command.name) + "\n"), std::string::npos)
        << command.name;
  }
  EXPECT_NE(page.find(".SS help\n"), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-\\-format\\fR \\fITEXT\\fR"), std::string::npos);
  EXPECT_NE(page.find("(one of: terminal, markdown, json, html)"), std::string::npos);
  // 钬 (U+94AC) in asof's --element help, as an escape groff reads in any encoding.
  EXPECT_NE(page.find("\\[u94AC]"), std::string::npos);
  for (unsigned char c : page) EXPECT_LT(c, 0x80) << "a byte outside ASCII";
}

}  // namespace
}  // namespace regdiff::tools
