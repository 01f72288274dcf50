// Names from the file system are bytes (issue #21): a GBK name from a
// Chinese zip is no UTF-8, and a name may hold ESC, BEL, a line feed or a
// backtick. Every JSON answer stays valid UTF-8 (the name in its display
// form, \xNN), and no terminal or Markdown output carries a control
// character or lets a name end its code span; nor does a document's own
// text (ESC in a title).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

const std::string k57 = "mofcom-gacc-2025-57.zh.html";
const std::string k70 = "mofcom-gacc-2025-70.zh.html";

// 商务部 in GBK: what unzip gives for a zip made on a Chinese Windows.
const std::string kGbkName = "\xc9\xcc\xce\xf1\xb2\xbf.html";
const std::string kGbkShown = "\\xc9\\xcc\\xce\\xf1\\xb2\\xbf.html";
// The same inside a JSON string: its backslashes escaped.
const std::string kGbkShownInJson = "\\\\xc9\\\\xcc\\\\xce\\\\xf1\\\\xb2\\\\xbf.html";
// A name that would retitle the terminal, ring, clear the screen and start a
// line of its own.
const std::string kControlName = "x\x1b]0;pwned\x07\x1b[2J\nforged line\xc2\x9b" "31m.html";
const std::string kControlShown = "x\\x1b]0;pwned\\x07\\x1b[2J\\x0aforged line\\x9b31m.html";

std::string Sample(const std::string& name) { return ReadFileOrDie(SamplesDir() + "/" + name); }

// The first control character of `out` other than a line feed (C0, DEL, C1
// as UTF-8 or as a stray byte), as "byte N (0xHH)"; "" when there is none.
std::string FirstControl(const std::string& out) {
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const bool c1 = c == 0xc2 && i + 1 < out.size() &&
                    static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(out[i + 1]) <= 0x9f;
    if ((c < 0x20 && c != '\n') || c == 0x7f || c1) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "byte %zu (0x%02x)", i, c);
      return buf;
    }
  }
  return "";
}

// An error message when `text` is no valid JSON (nlohmann's parser refuses
// ill-formed UTF-8 in strings); "" when it is.
std::string JsonError(const std::string& text) {
  try {
    const nlohmann::json parsed = nlohmann::json::parse(text);
    return parsed.is_discarded() ? "discarded" : "";
  } catch (const nlohmann::json::exception& e) {
    return e.what();
  }
}

// The same, for JSON lines.
std::string JsonLinesError(const std::string& text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (std::string e = JsonError(text.substr(start, end - start)); !e.empty()) return e;
    start = end + 1;
  }
  return "";
}

class FileNamesTest : public DbFixture {};

TEST_F(FileNamesTest, AGbkFileNameKeepsEveryJsonAnswerValidUtf8) {
  // Two names that are no UTF-8, so both sides of a diff carry one.
  const std::string a = WriteInput(kGbkName, Sample(k57));
  const std::string b = WriteInput("\xb9\xab\xb8\xe6.html", Sample(k70));  // 公告
  RunResult in = Ingest({dir_ + "/in"});
  ASSERT_EQ(in.exit_code, 0) << in.err;

  const std::vector<std::vector<std::string>> kJsonCommands = {
      {"list", "--json"},
      {"show", "2025-57", "--json"},
      {"export", "--format", "json", "--as-of", "2025-12-31"},
      {"search", "--json", "出口管制"},
      {"diff", "2025-57", "2025-70", "--format", "json"},
  };
  for (const auto& args : kJsonCommands) {
    RunResult r = Regdiff(args);
    EXPECT_EQ(r.exit_code, args[0] == "diff" ? 1 : 0) << args[0] << ": " << r.err;
    EXPECT_EQ(JsonError(r.out), "") << args[0];
    EXPECT_NE(r.out.find(kGbkShownInJson), std::string::npos) << args[0] << " names no source\n"
                                                               << r.out;
  }
  RunResult jsonl = Regdiff({"export", "--format", "jsonl", "--as-of", "2025-12-31"});
  EXPECT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_EQ(JsonLinesError(jsonl.out), "");
  EXPECT_NE(jsonl.out.find(kGbkShownInJson), std::string::npos) << jsonl.out;

  // The store keeps the bytes: the name as the shell gives it still finds
  // its source.
  RunResult again = Ingest({a});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find(kGbkShown), std::string::npos) << again.out;

  // And the terminal shows the same display form.
  RunResult list = Regdiff({"show", "2025-57"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("source:    " + dir_ + "/in/" + kGbkShown), std::string::npos)
      << list.out;
  (void)b;
}

TEST_F(FileNamesTest, ControlCharactersInAFileNameNeverReachTheTerminal) {
  WriteInput(kControlName, Sample(k57));
  WriteInput("plain.html", Sample(k70));
  const std::string bad_dir = dir_ + "/in/bad\x1b[31m";
  WriteInput("bad\x1b[31m/skipped.txt", "no announcement here, only words\n");
  RunResult in = Ingest({dir_ + "/in"});
  // The page that is no announcement is skipped, with its name on stderr.
  EXPECT_EQ(FirstControl(in.out), "") << in.out;
  EXPECT_EQ(FirstControl(in.err), "") << in.err;
  EXPECT_NE(in.out.find(kControlShown), std::string::npos) << in.out;
  EXPECT_NE(in.err.find("bad\\x1b[31m/skipped.txt"), std::string::npos) << in.err;
  (void)bad_dir;

  const std::vector<std::vector<std::string>> kCommands = {
      {"list"},
      {"show", "2025-57"},
      {"diff", "2025-57", "2025-70"},
      {"diff", "2025-57", "2025-70", "--format", "markdown"},
      {"search", "出口管制"},
      {"forget", "--dry-run", "2025-57"},
  };
  for (const auto& args : kCommands) {
    RunResult r = Regdiff(args);
    EXPECT_EQ(r.exit_code, args[0] == "diff" ? 1 : 0) << args[0] << ": " << r.err;  // 1: differences
    EXPECT_EQ(FirstControl(r.out), "") << args[0] << "\n" << r.out;
    EXPECT_EQ(FirstControl(r.err), "") << args[0] << "\n" << r.err;
    // The line feed of the name does not start a line of its own.
    for (const std::string& line : LinesContaining(r.out, "forged line"))
      EXPECT_NE(line.find("pwned"), std::string::npos) << args[0] << ": " << line;
  }
  RunResult show = Regdiff({"show", "2025-57"});
  EXPECT_NE(show.out.find(kControlShown), std::string::npos) << show.out;
  RunResult diff = Regdiff({"diff", "2025-57", "2025-70"});
  EXPECT_NE(diff.out.find(kControlShown), std::string::npos) << diff.out;

  // JSON says the name as it is: JSON escapes its control characters.
  RunResult json = Regdiff({"show", "2025-57", "--json"});
  ASSERT_EQ(JsonError(json.out), "");
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["texts"][0]["source"], dir_ + "/in/" + kControlName);
}

TEST_F(FileNamesTest, ABacktickInAFileNameCannotEndTheMarkdownCodeSpan) {
  const std::string name = "a`<img src=x onerror=alert(1)>`|b.html";
  const std::string path = WriteInput(name, Sample(k57));
  WriteInput("plain.html", Sample(k70));
  ASSERT_EQ(Ingest({dir_ + "/in"}).exit_code, 0);

  RunResult md = Regdiff({"diff", "2025-57", "2025-70", "--format", "markdown"});
  EXPECT_EQ(md.exit_code, 1) << md.err;  // 1: the announcements differ
  // Fenced by two backticks (the name holds runs of one), '|' escaped for
  // the table: the whole name stays code, the <img> never markup.
  std::string code = path;
  code.replace(code.find('|'), 1, "\\|");
  EXPECT_NE(md.out.find("``" + code + "``"), std::string::npos) << md.out;
  EXPECT_EQ(md.out.find("`" + path + "`"), std::string::npos) << md.out;

  // HTML escapes it as text.
  RunResult html = Regdiff({"diff", "2025-57", "2025-70", "--format", "html"});
  EXPECT_EQ(html.exit_code, 1) << html.err;
  EXPECT_EQ(html.out.find("<img src=x"), std::string::npos);
  EXPECT_NE(html.out.find("a`&lt;img src=x onerror=alert(1)&gt;`|b.html"), std::string::npos);
}

// An announcement whose text holds terminal commands (raw ESC, C1 CSI and
// DEL bytes in GB18030, and the references &#27; &#155; &#x7f;): ingest
// drops them from the text it stores (ingest/normalize), and every renderer
// would show any that were stored (diff/render_test.cc); end to end, none
// reaches the terminal.
TEST_F(FileNamesTest, ControlCharactersInADocumentsTextDoNotReachTheTerminal) {
  std::string page = Sample(k57);  // GB18030 bytes
  const std::string dot = "\xa1\xa3";  // 。
  const size_t at = page.find(dot, page.find("</h1>"));
  ASSERT_NE(at, std::string::npos);
  page.insert(at + dot.size(), "\x1b]0;pwned\x07\x1b[31mred&#27;[2J&#155;1m&#x7f;\x7f" + dot);
  WriteInput("escapes.html", page);
  WriteInput("plain.html", Sample(k70));
  RunResult in = Ingest({dir_ + "/in"});
  ASSERT_EQ(in.exit_code, 0) << in.err;

  const std::vector<std::vector<std::string>> kCommands = {
      {"show", "2025-57"},
      {"diff", "2025-57", "2025-70", "--text"},
      {"search", "31mred"},
  };
  for (const auto& args : kCommands) {
    RunResult r = Regdiff(args);
    EXPECT_EQ(r.exit_code, args[0] == "diff" ? 1 : 0) << args[0] << ": " << r.err;
    EXPECT_EQ(FirstControl(r.out), "") << args[0] << "\n" << r.out;
    EXPECT_EQ(FirstControl(r.err), "") << args[0] << "\n" << r.err;
  }
  // The sentence is there, without its control characters.
  EXPECT_NE(Regdiff({"search", "31mred"}).out.find("]0;pwned[31mred[2J1m"), std::string::npos);
}

}  // namespace
}  // namespace regdiff::testing
