// Golden files for every renderer: each kind of report rendered as terminal
// text (plain and coloured), Markdown, JSON and HTML, compared byte for byte
// with tests/fixtures/diff/golden/.
//
// To rewrite the golden files deliberately (after an intended change of
// output), run the test with REGDIFF_UPDATE_GOLDEN=1 and review the diff:
//   REGDIFF_UPDATE_GOLDEN=1 build/diff_tests --gtest_filter='Golden*'
// Without that variable the files are only read, never written.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>

#include "diff/render_html.h"
#include "diff/render_json.h"
#include "diff/render_markdown.h"
#include "diff/render_terminal.h"
#include "tests/diff/reports.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

bool Updating() {
  const char* v = std::getenv("REGDIFF_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = FixturesDir() + "/diff/golden/" + name;
  if (Updating()) {
    WriteFileOrDie(path, actual);
    return;
  }
  if (!std::filesystem::exists(path)) {
    ADD_FAILURE() << path << " is missing; create it with REGDIFF_UPDATE_GOLDEN=1";
    return;
  }
  const std::string expected = ReadFileOrDie(path);
  if (actual == expected) return;
  // Report the first differing line, not two whole files.
  size_t line = 1, at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) {
    if (actual[at] == '\n') ++line;
    ++at;
  }
  auto line_at = [](const std::string& s, size_t pos) {
    const size_t begin = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    const size_t from = begin == std::string::npos || pos == 0 ? 0 : begin + 1;
    return s.substr(from, s.find('\n', from) - from);
  };
  ADD_FAILURE() << path << " differs at line " << line << "\n  expected: " << line_at(expected, at)
                << "\n  actual:   " << line_at(actual, at)
                << "\n(rewrite with REGDIFF_UPDATE_GOLDEN=1 if the change is intended)";
}

struct NamedReport {
  const char* name;
  std::function<diff::DiffReport()> build;
};

const NamedReport kReports[] = {
    {"announcements", [] { return AnnouncementsReport(); }},
    {"versions", [] { return VersionsReport(); }},
    {"texts", [] { return TextsReport(); }},
    {"dates", [] { return DatesReport(); }},
    {"parties", [] { return PartiesReport(); }},
};

TEST(Golden, Terminal) {
  for (const NamedReport& r : kReports) ExpectGolden(std::string(r.name) + ".txt", diff::RenderTerminal(r.build()));
}

TEST(Golden, TerminalInColour) {
  diff::TerminalOptions options;
  options.color = true;
  ExpectGolden("versions.color.txt", diff::RenderTerminal(VersionsReport(), options));
}

TEST(Golden, Markdown) {
  for (const NamedReport& r : kReports) ExpectGolden(std::string(r.name) + ".md", diff::RenderMarkdown(r.build()));
}

TEST(Golden, Json) {
  for (const NamedReport& r : kReports) ExpectGolden(std::string(r.name) + ".json", diff::RenderJson(r.build()));
}

TEST(Golden, Html) {
  for (const NamedReport& r : kReports) ExpectGolden(std::string(r.name) + ".html", diff::RenderHtml(r.build()));
}

TEST(Golden, ChineseSummaryInMarkdown) {
  ExpectGolden("announcements.zh.md", diff::RenderMarkdown(AnnouncementsReport(diff::SummaryLang::kZh)));
}

TEST(Golden, ChineseSummaryOfPartiesInMarkdown) {
  ExpectGolden("parties.zh.md", diff::RenderMarkdown(PartiesReport(diff::SummaryLang::kZh)));
}

}  // namespace
}  // namespace regdiff::testing
