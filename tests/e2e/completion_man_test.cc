// `regdiff completion bash|zsh` and `regdiff man` run as a user would: the
// bash script is sourced in a bash process and its completion function driven
// through COMP_WORDS/COMP_CWORD; zsh checks its script's syntax and groff (or
// man) renders the page, each where installed (skipped with a message if not).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

// Runs `command` with sh -c, stderr joined to stdout.
RunResult Shell(const std::string& command) {
  return RunShell("(" + command + ") 2>&1");
}

bool Installed(const std::string& program) {
  return Shell("command -v " + program + " >/dev/null").exit_code == 0;
}

// The command names of the table, from the list `regdiff` prints without one.
std::vector<std::string> TableCommands() {
  RunResult r = RunRegdiff({});
  std::vector<std::string> names;
  size_t at = r.err.find("Commands:\n");
  if (at == std::string::npos) return names;
  for (size_t line = r.err.find('\n', at) + 1; line < r.err.size();
       line = r.err.find('\n', line) + 1) {
    if (r.err.compare(line, 2, "  ") != 0) break;
    size_t end = r.err.find(' ', line + 2);
    names.push_back(r.err.substr(line + 2, end - line - 2));
  }
  return names;
}

class CompletionTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The script for `shell`, written to a file.
  std::string Script(const std::string& shell) {
    RunResult r = RunRegdiff({"completion", shell});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string path = dir_ + "/regdiff." + shell;
    WriteFileOrDie(path, r.out);
    return path;
  }

  // COMPREPLY, one word a line, for the command line `words` whose last word
  // is the one being completed.
  std::string BashComplete(const std::string& script, const std::vector<std::string>& words) {
    std::string driver = "source " + ShellQuote(script) + "\nCOMP_WORDS=(";
    for (const std::string& w : words) driver += ShellQuote(w) + " ";
    driver +=
        ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_regdiff\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    WriteFileOrDie(dir_ + "/driver.bash", driver);
    RunResult r = Shell("cd " + ShellQuote(dir_) + " && bash --norc driver.bash");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
  }

  std::string dir_;
};

TEST_F(CompletionTest, BashScriptIsValidBash) {
  RunResult r = Shell("bash -n " + ShellQuote(Script("bash")));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(CompletionTest, BashCompletesCommandsOptionsAndTheirChoices) {
  const std::string script = Script("bash");
  struct Case {
    std::vector<std::string> words;
    std::string expected;
  };
  const Case cases[] = {
      {{"regdiff", "li"}, "list\n"},
      {{"regdiff", "diff", "--fo"}, "--format\n"},
      {{"regdiff", "diff", "--format", "m"}, "markdown\n"},
      {{"regdiff", "export", "--format", ""}, "json\njsonl\ncsv\n"},
      {{"regdiff", "--db", "x.db", "forget", "--d"}, "--dry-run\n--db\n"},
      {{"regdiff", "che"}, "check\n"},
      {{"regdiff", "check", "--q"}, "--quick\n"},
      {{"regdiff", "help", "ti"}, "timeline\n"},
      {{"regdiff", "completion", ""}, "bash\nzsh\n"},
      {{"regdiff", "--v"}, "--version\n"},
      // --opt=value, as bash splits it at '=': --opt, =, value.
      {{"regdiff", "diff", "--format", "=", "m"}, "markdown\n"},
      {{"regdiff", "export", "--format", "="}, "json\njsonl\ncsv\n"},
      {{"regdiff", "--db", "=", "x.db", "forget", "--d"}, "--dry-run\n--db\n"},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const std::string& w : c.words) line += w + " ";
    EXPECT_EQ(BashComplete(script, c.words), c.expected) << line;
  }
}

TEST_F(CompletionTest, BashCompletesFileNamesForTheDatabase) {
  WriteFileOrDie(dir_ + "/samples.db", "");
  EXPECT_EQ(BashComplete(Script("bash"), {"regdiff", "--db", "sam"}), "samples.db\n");
}

TEST_F(CompletionTest, BashOffersEveryCommandOfTheTable) {
  const std::vector<std::string> commands = TableCommands();
  ASSERT_FALSE(commands.empty());
  const std::string offered = BashComplete(Script("bash"), {"regdiff", ""});
  for (const std::string& c : commands) {
    EXPECT_NE(offered.find(c + "\n"), std::string::npos) << c << " not offered:\n" << offered;
  }
  EXPECT_NE(offered.find("help\n"), std::string::npos);
}

TEST_F(CompletionTest, ZshScriptIsValidZsh) {
  if (!Installed("zsh")) GTEST_SKIP() << "zsh not installed: its script is not checked";
  RunResult r = Shell("zsh -n " + ShellQuote(Script("zsh")));
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(ManPageCliTest, NamesEveryCommandOfTheTable) {
  RunResult r = RunRegdiff({"man"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n.TH REGDIFF 1 "), std::string::npos) << r.out.substr(0, 200);
  for (const char* section :
       {".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH COMMANDS\n", ".SH EXIT STATUS\n",
        ".SH ENVIRONMENT\n", ".SH FILES\n", "REGDIFF_DB", "NO_COLOR"}) {
    EXPECT_NE(r.out.find(section), std::string::npos) << section;
  }
  const std::vector<std::string> commands = TableCommands();
  ASSERT_FALSE(commands.empty());
  for (const std::string& c : commands) {
    EXPECT_NE(r.out.find(".SS " + c + "\n"), std::string::npos) << c;
  }
}

TEST(ManPageCliTest, NeedsNoDatabase) {
  std::string dir = MakeTempDir();
  RunResult r = RunRegdiff({"--db", dir + "/none.db", "man"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult c = RunRegdiff({"--db", dir + "/none.db", "completion", "zsh"});
  EXPECT_EQ(c.exit_code, 0) << c.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/none.db"));
  std::filesystem::remove_all(dir);
}

TEST(ManPageCliTest, GroffRendersItWithoutWarnings) {
  if (!Installed("groff")) GTEST_SKIP() << "groff not installed: the page is not rendered";
  std::string dir = MakeTempDir();
  RunResult page = RunRegdiff({"man"});
  WriteFileOrDie(dir + "/regdiff.1", page.out);
  RunResult r = Shell("groff -man -Tutf8 -ww -z " + ShellQuote(dir + "/regdiff.1"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "") << "groff warned";
  if (Installed("man")) {
    RunResult shown =
        Shell("MANWIDTH=80 man -l " + ShellQuote(dir + "/regdiff.1") + " 2>&1 >/dev/null");
    EXPECT_EQ(shown.out, "") << "man warned";
    RunResult text = Shell("MANWIDTH=80 man -l " + ShellQuote(dir + "/regdiff.1") + " | cat");
    // Non-ASCII help text (the element symbols) survives as characters.
    EXPECT_NE(text.out.find("钬"), std::string::npos) << text.out.substr(0, 400);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::testing
