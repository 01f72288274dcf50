// The terminal output as a person sees it, in a real terminal emulator:
// regdiff runs inside tmux (a private server on its own socket), the screen
// is read back with capture-pane, and what is on it is checked: tables whose
// columns start at the same screen column by tmux's own measure of wide
// characters, colour that reaches the screen as colour and never as escape
// text, and the pager waiting for a key. Each screen is kept as a test
// artifact (build/test-artifacts under tools/test). Skips where tmux is not
// installed, unless REGDIFF_REQUIRE_TERMINAL is set (tools/test sets it).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

constexpr char kDone[] = "__REGDIFF_DONE__";

// Standard output of the shell command `command`.
std::string Output(const std::string& command) { return RunShell(command).out; }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class TerminalTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    if (std::system("command -v tmux >/dev/null 2>&1") != 0) {
      // tools/test sets REGDIFF_REQUIRE_TERMINAL: there setup installed tmux.
      if (std::getenv("REGDIFF_REQUIRE_TERMINAL") != nullptr) FAIL() << "tmux not found";
      GTEST_SKIP() << "tmux is not installed: the terminal output is not checked on a screen";
    }
    socket_ = dir_ + "/tmux.sock";
  }
  void TearDown() override {
    if (!socket_.empty()) Tmux("kill-server 2>/dev/null");
    DbFixture::TearDown();
  }

  std::string Tmux(const std::string& args) {
    return Output("tmux -S " + ShellQuote(socket_) + " -f /dev/null " + args);
  }

  // Starts `regdiff --db DB ARGS` in a new session of `columns` x `rows`
  // with `env` (NAME=value words) and, when it ends, prints kDone.
  void Start(const std::vector<std::string>& args, int columns, int rows, const std::string& env) {
    std::ostringstream command;
    command << "env " << env << ' ' << ShellQuote(RegdiffBinary()) << " --db " << ShellQuote(db_);
    for (const std::string& a : args) command << ' ' << ShellQuote(a);
    command << "; echo " << kDone << "; sleep 600";
    Tmux("new-session -d -x " + std::to_string(columns) + " -y " + std::to_string(rows) + " " +
         ShellQuote(command.str()));
  }

  // The screen's text (with its SGR attributes as escapes when `escapes`).
  std::string Screen(bool escapes = false) {
    return Tmux(std::string("capture-pane -p -J") + (escapes ? " -e" : "") + " -t 0");
  }

  // Waits up to 20 s for `what` to be on the screen; returns the screen.
  std::string WaitFor(const std::string& what) {
    std::string screen;
    for (int i = 0; i < 400; ++i) {
      screen = Screen();
      if (screen.find(what) != std::string::npos) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return screen;
  }

  // The widths tmux gives `texts` on its screen (its own wcwidth, not
  // ours), in one call.
  std::vector<int> TmuxWidths(const std::vector<std::string>& texts) {
    std::string args, format;
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string option = "@w" + std::to_string(i);
      args += "set-option -g " + option + " " + ShellQuote(texts[i]) + " \\; ";
      format += "#{w:" + option + "} ";
    }
    std::istringstream in(Tmux(args + "display-message -p " + ShellQuote(format)));
    std::vector<int> widths;
    for (int w; in >> w;) widths.push_back(w);
    return widths;
  }
  int TmuxWidth(const std::string& text) {
    const std::vector<int> w = TmuxWidths({text});
    return w.empty() ? -1 : w[0];
  }

  // The screen column where each character of `line` starts, by tmux's
  // measure, and the byte where it starts.
  std::vector<std::pair<int, size_t>> Columns(const std::string& line) {
    std::vector<std::string> chars;
    std::vector<size_t> starts;
    for (size_t i = 0; i < line.size();) {
      size_t end = i + 1;
      while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
      starts.push_back(i);
      chars.push_back(line.substr(i, end - i));
      i = end;
    }
    const std::vector<int> widths = TmuxWidths(chars);
    std::vector<std::pair<int, size_t>> columns;
    int column = 0;
    for (size_t i = 0; i < chars.size() && i < widths.size(); ++i) {
      columns.emplace_back(column, starts[i]);
      column += widths[i];
    }
    return columns;
  }

  // Writes `screen` to a file kept as a test artifact named `name`.
  void Keep(const std::string& screen, const std::string& name) {
    const std::string path = dir_ + "/" + name;
    WriteFileOrDie(path, screen);
    KeepArtifact(path, "terminal-" + name);
  }

  std::string socket_;
};

// An announcement whose items have no control code: the asof table names
// them by their Chinese positions ("mofcom-2025-61#一(一)"), wide characters
// in its first column.
constexpr char kItemsWithoutCodes[] =
    "商务部公告2025年第61号\n"
    "关于对境外相关稀土物项实施出口管制的决定\n"
    "一、下列物项实施出口管制：\n"
    "（一）含有原产于中国的稀土物项价值占比达到0.1%及以上的境外稀土永磁材料。\n"
    "（二）含有原产于中国的稀土物项价值占比达到0.1%及以上的境外稀土靶材。\n"
    "二、本公告自2025年12月1日起实施。\n"
    "商务部\n"
    "2025年10月9日\n";

// Every row's STATUS cell starts at the screen column of the STATUS heading,
// measured by tmux, though the CODE cells before it hold Chinese.
TEST_F(TerminalTest, TablesLineUpOnTheScreen) {
  ASSERT_EQ(Ingest({SamplesDir(), WriteInput("no-codes.txt", kItemsWithoutCodes)}).exit_code, 0);
  Start({"--no-pager", "asof", "2025-12-02", "--items-only"}, 200, 60, "");
  const std::string screen = WaitFor(kDone);
  Keep(screen, "asof-items.txt");
  ASSERT_NE(screen.find(kDone), std::string::npos) << screen;
  const std::vector<std::string> lines = Lines(screen);
  ASSERT_FALSE(lines.empty());
  ASSERT_EQ(lines[0].rfind("CODE ", 0), 0u) << screen;
  const size_t status_at = lines[0].find("STATUS");
  ASSERT_NE(status_at, std::string::npos);
  const int status_column = TmuxWidth(lines[0].substr(0, status_at));
  int rows = 0, wide_rows = 0;
  for (size_t i = 1; i < lines.size() && !lines[i].empty(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind(" ", 0) == 0) continue;  // an evidence note
    // The character that starts at the STATUS heading's screen column.
    size_t at = std::string::npos;
    for (const auto& [column, byte] : Columns(line)) {
      if (column == status_column) at = byte;
      if (column >= status_column) break;
    }
    ASSERT_NE(at, std::string::npos) << "no character starts at screen column " << status_column
                                     << " (a wide one straddles it):\n" << line;
    EXPECT_NE(line[at], ' ') << "STATUS does not start at screen column " << status_column << ":\n"
                             << line;
    EXPECT_EQ(line[at - 1], ' ') << line;
    ++rows;
    if (std::any_of(line.begin(), line.begin() + static_cast<long>(at),
                    [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }))
      ++wide_rows;
  }
  EXPECT_GE(rows, 30);
  EXPECT_EQ(wide_rows, 2) << "the two items without a code, named in Chinese";
}

// --color=always on a terminal: the screen shows coloured text (tmux keeps
// the attributes) and no escape sequence as characters.
TEST_F(TerminalTest, ColourReachesTheScreenAsColourNeverAsText) {
  ASSERT_EQ(Ingest({SamplesDir()}).exit_code, 0);
  Start({"--no-pager", "--color=always", "diff", "2025-18", "2025-57"}, 160, 80, "");
  const std::string plain = WaitFor(kDone);
  Keep(plain, "diff-colour.txt");
  ASSERT_NE(plain.find(kDone), std::string::npos) << plain;
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_EQ(plain.find("[3"), std::string::npos) << "escape text on the screen:\n" << plain;
  EXPECT_NE(plain.find("1C909"), std::string::npos) << plain;
  const std::string coloured = Screen(/*escapes=*/true);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos) << "no colour on the screen";
}

// On a terminal, long output waits in the pager (less) until a key; `q`
// quits and the command ends.
TEST_F(TerminalTest, ThePagerWaitsForAKeyOnLongOutput) {
  if (std::system("command -v less >/dev/null 2>&1") != 0) GTEST_SKIP() << "less is not installed";
  ASSERT_EQ(Ingest({SamplesDir()}).exit_code, 0);
  Start({"asof", "2025-11-09"}, 120, 15, "-u PAGER -u REGDIFF_PAGER -u LESS");
  std::string screen = WaitFor("CODE");
  Keep(screen, "asof-pager.txt");
  ASSERT_NE(screen.find("CODE"), std::string::npos) << screen;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  screen = Screen();
  EXPECT_EQ(screen.find(kDone), std::string::npos) << "did not wait in the pager:\n" << screen;
  ASSERT_FALSE(Lines(screen).empty());
  EXPECT_EQ(Lines(screen).back(), ":") << "no pager prompt under a full screen:\n" << screen;
  Tmux("send-keys -t 0 q");
  screen = WaitFor(kDone);
  EXPECT_NE(screen.find(kDone), std::string::npos) << "q did not end the pager:\n" << screen;
}

}  // namespace
}  // namespace regdiff::testing
