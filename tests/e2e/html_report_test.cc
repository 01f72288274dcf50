// The HTML report of `regdiff diff` opened in headless Chromium: the DOM the
// browser builds holds the added items, the summary and the SVG timeline; a
// screenshot is taken; the page logs nothing to the console and requests
// nothing from the network. Skips when /usr/bin/chromium is absent
// (tools/setup installs Debian's chromium, so CI runs it).
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/dom.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kChromium[] = "/usr/bin/chromium";
constexpr int kWidth = 1280;
constexpr int kHeight = 2000;

// Flags for Chromium as root on a machine without network: no sandbox, no
// GPU, and none of the browser's own background traffic; every host name
// resolves to nothing, so a request the page made could not leave the
// machine even if the checks below missed it.
const char* const kChromiumFlags[] = {
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr",
    "--v=0",
    // Virtual time: the page is given 5 s of (fast-forwarded) time to load.
    "--virtual-time-budget=5000",
};

// What one Chromium run left behind.
struct BrowserRun {
  int exit_code = -1;  // 124 when `timeout` had to kill it
  std::string dom;     // --dump-dom: the serialised DOM after load
  std::string log;     // stderr, with the CONSOLE lines
  std::string netlog;  // --log-net-log: every URL request, as JSON
};

// Opens `html_path` in headless Chromium (a new empty profile under
// `work_dir`), dumps its DOM and, when `screenshot` is not empty, saves a
// kWidth x kHeight PNG there. Killed after 60 s if it hangs.
BrowserRun OpenInChromium(const std::string& html_path, const std::string& work_dir,
                          const std::string& screenshot = "") {
  const std::string profile = work_dir + "/profile";
  const std::string dom = work_dir + "/dom.html";
  const std::string log = work_dir + "/chromium.log";
  const std::string netlog = work_dir + "/netlog.json";
  fs::remove_all(profile);
  fs::create_directories(profile);
  // Built by appending: GCC 12 at -O2 and above warns (-Wstringop-overflow,
  // a false positive) on " " + std::string temporaries here.
  std::string cmd = "timeout -k 5 60";
  auto arg = [&](std::string_view before, const std::string& value) {
    cmd += before;
    cmd += ShellQuote(value);
  };
  arg(" ", kChromium);
  for (const char* flag : kChromiumFlags) arg(" ", flag);
  arg(" ", "--user-data-dir=" + profile);
  arg(" ", "--log-net-log=" + netlog);
  if (!screenshot.empty()) {
    arg(" ", "--screenshot=" + screenshot);
    arg(" ", "--window-size=" + std::to_string(kWidth) + "," + std::to_string(kHeight));
  }
  arg(" --dump-dom ", "file://" + fs::absolute(html_path).string());
  arg(" </dev/null >", dom);
  arg(" 2>", log);
  BrowserRun run;
  const int status = std::system(cmd.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.dom = fs::exists(dom) ? ReadFileOrDie(dom) : "";
  run.log = fs::exists(log) ? ReadFileOrDie(log) : "";
  run.netlog = fs::exists(netlog) ? ReadFileOrDie(netlog) : "";
  return run;
}

// The lines of Chromium's log that report a console message or an uncaught
// exception. Chromium logs every console message at INFO whatever its level
// ("[...:INFO:CONSOLE:1] \"Uncaught ReferenceError: ...\", source: ..."), so
// errors cannot be told from chatter; the report has no scripts, so any
// console message at all means something went wrong.
std::vector<std::string> ConsoleLines(const std::string& log) {
  std::vector<std::string> lines;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos)
      lines.push_back(line);
  }
  return lines;
}

// URLs the page itself asked the network stack for, from the NetLog. The
// browser's own requests (update checks, account lookups) are told apart by
// their isolation key: a page opened from file:// has a file:// key.
// Fails the test when the NetLog is missing or unreadable.
std::vector<std::string> PageRequests(const std::string& netlog) {
  std::vector<std::string> urls;
  const nlohmann::json j = nlohmann::json::parse(netlog, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("constants") || !j.contains("events")) {
    ADD_FAILURE() << "no NetLog to read (Chromium killed before writing it?)";
    return urls;
  }
  const auto& types = j["constants"]["logEventTypes"];
  if (!types.contains("URL_REQUEST_START_JOB")) {
    ADD_FAILURE() << "the NetLog has no URL_REQUEST_START_JOB event type";
    return urls;
  }
  const int start_job = types["URL_REQUEST_START_JOB"].get<int>();
  for (const auto& e : j["events"]) {
    if (e.value("type", -1) != start_job || !e.contains("params")) continue;
    const auto& p = e["params"];
    const std::string key = p.value("network_isolation_key", "");
    const std::string site = p.value("site_for_cookies", "");
    if (key.rfind("file://", 0) == 0 || site.find("site=file://") != std::string::npos)
      urls.push_back(p.value("url", ""));
  }
  return urls;
}

// References in the HTML that would make a browser fetch something: a URL
// with a scheme or "//" in src/href/srcset/action/poster/data attributes, in
// a CSS url(...), or any @import. Fragment links (#x, url(#hatch)) and the
// SVG namespace (an xmlns attribute, never fetched) are not references.
std::vector<std::string> ExternalReferences(const std::string& html) {
  static const std::regex kRef(
      R"re(\b(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)[^"'\s>]*|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)[^)]*\)|@import)re",
      std::regex::icase);
  std::vector<std::string> refs;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kRef); it != std::sregex_iterator(); ++it)
    refs.push_back(it->str());
  return refs;
}

// Width and height from a PNG's IHDR chunk; {0, 0} when not a PNG.
std::pair<uint32_t, uint32_t> PngSize(const std::string& png) {
  static const std::string kMagic = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.compare(0, 8, kMagic) != 0 || png.compare(12, 4, "IHDR") != 0) return {0, 0};
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

// The codes No. 57 of 2025 adds: 1C909.a ... 1C913.c.
std::vector<std::string> No57Codes() {
  std::vector<std::string> codes;
  for (int n = 909; n <= 913; ++n)
    for (char sub : {'a', 'b', 'c'}) codes.push_back("1C" + std::to_string(n) + "." + sub);
  return codes;
}

class HtmlReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) {
      // tools/test sets REGDIFF_REQUIRE_BROWSER: there setup has installed
      // chromium, and a missing browser must fail the run, not skip it.
      if (std::getenv("REGDIFF_REQUIRE_BROWSER") != nullptr) {
        FAIL() << kChromium << " not found, and REGDIFF_REQUIRE_BROWSER is set";
      }
      GTEST_SKIP() << kChromium << " not found: install Debian's chromium (tools/setup --deps-only "
                   << "does) to open the HTML report in a browser";
    }
    dir_ = MakeTempDir();
    db_ = dir_ + "/test.db";
    RunResult r = RunRegdiff({"--db", db_, "ingest", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Writes `regdiff diff ARGS --format html --out dir_/NAME` and returns the path.
  std::string Render(const std::string& name, std::vector<std::string> args) {
    const std::string path = dir_ + "/" + name;
    args.insert(args.begin(), {"--db", db_, "diff"});
    args.insert(args.end(), {"--format", "html", "--out", path});
    RunResult r = RunRegdiff(args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(fs::exists(path)) << r.err;
    return path;
  }

  // A new directory for one browser run.
  std::string RunDir(const std::string& name) {
    const std::string d = dir_ + "/" + name;
    fs::create_directories(d);
    return d;
  }

  // Checks common to every report: it loaded, logged nothing, fetched
  // nothing, and the screenshot is a PNG of the window's size that is not
  // blank (a blank 1280x2000 page compresses to about 10 KB; tables of
  // text and the timeline to hundreds of KB).
  void ExpectCleanLoad(const std::string& html_path, const BrowserRun& run, const std::string& screenshot) {
    EXPECT_EQ(run.exit_code, 0) << "chromium failed or timed out:\n" << run.log;
    ASSERT_FALSE(run.dom.empty()) << run.log;
    for (const std::string& line : ConsoleLines(run.log)) ADD_FAILURE() << "console: " << line;
    for (const std::string& url : PageRequests(run.netlog)) ADD_FAILURE() << "network request: " << url;
    for (const std::string& ref : ExternalReferences(ReadFileOrDie(html_path)))
      ADD_FAILURE() << "external reference: " << ref;
    ASSERT_TRUE(fs::exists(screenshot)) << run.log;
    const std::string png = ReadFileOrDie(screenshot);
    EXPECT_EQ(PngSize(png), std::make_pair(uint32_t{kWidth}, uint32_t{kHeight}));
    EXPECT_GT(png.size(), 50'000u) << "screenshot looks blank";
    EXPECT_LT(png.size(), 20'000'000u);
    // Kept for a person to look at (build/test-artifacts under tools/test).
    KeepArtifact(screenshot, "html-report-" + fs::path(screenshot).filename().string());
  }

  std::string dir_;
  std::string db_;
};

TEST_F(HtmlReportTest, AnnouncementsReportShowsTheAddedItems) {
  const std::string html = Render("report.html", {"mofcom-gacc-2025-18", "mofcom-gacc-2025-57"});
  const std::string shot = dir_ + "/report.png";
  const BrowserRun run = OpenInChromium(html, RunDir("announcements"), shot);
  ExpectCleanLoad(html, run, shot);

  const Dom dom(run.dom);
  ASSERT_TRUE(dom.ok());
  // The rows sit in the items table's body as the browser built it, in order.
  EXPECT_EQ(dom.Strings("//section[@id='items']/table[@class='items']/tbody/tr[@class='added']/@data-code"),
            No57Codes());
  EXPECT_EQ(dom.Strings("//tr[@class='added' and starts-with(@id,'added-1C9')]/td[@class='code']"),
            No57Codes());
  // No. 57 does not end No. 18's items: they are listed by No. 18 only, and
  // none is called removed.
  EXPECT_EQ(dom.Count("//table[@class='items']/tbody/tr[@class='left-only']"), 21u);
  EXPECT_EQ(dom.Count("//table[@class='items']/tbody/tr[@class='removed']"), 0u);
  // The picture comes before the summary.
  EXPECT_EQ(dom.Count("//main/section[1][@id='timeline']"), 1u);
  const std::vector<std::string> sentences = dom.Strings("//section[@id='summary']/ol/li/p[@class='sentence']");
  ASSERT_FALSE(sentences.empty());
  EXPECT_EQ(sentences[0],
            "No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium items (1C909\u20131C913: 15 "
            "codes, 1 HS code on 4 items), effective 2025-11-08; suspended by No. 70 until 2026-11-10.");
  EXPECT_GT(dom.Count("//section[@id='summary']//blockquote[@class='evidence']"), 0u);
  // The timeline: one row per element, in-force and suspended spans.
  ASSERT_EQ(dom.Count("//section[@id='timeline']/svg[@class='timeline']"), 1u);
  const std::vector<std::string> rows = dom.Strings("//svg[@class='timeline']/g[@class='row']/@data-row");
  for (const char* element : {"Ho", "Er", "Tm", "Eu", "Yb", "Sm"})
    EXPECT_NE(std::find(rows.begin(), rows.end(), element), rows.end()) << element;
  EXPECT_GT(dom.Count("//svg[@class='timeline']//rect[starts-with(@class,'in-force')]"), 0u);
  EXPECT_GT(dom.Count("//svg[@class='timeline']//rect[starts-with(@class,'suspended')]"), 0u);
}

TEST_F(HtmlReportTest, DatesReportShowsTheNewlyListedItems) {
  const std::string html = Render("dates.html", {"--asof", "2025-04-04", "--asof", "2025-11-09"});
  const std::string shot = dir_ + "/dates.png";
  const BrowserRun run = OpenInChromium(html, RunDir("dates"), shot);
  ExpectCleanLoad(html, run, shot);

  const Dom dom(run.dom);
  ASSERT_TRUE(dom.ok());
  const std::vector<std::string> listed = dom.Strings(
      "//section[@id='status']/table/tbody/tr[@class='status-change added' and @data-kind='newly_listed']"
      "/@data-code");
  for (const std::string& code : No57Codes())
    EXPECT_NE(std::find(listed.begin(), listed.end(), code), listed.end()) << code;
  const std::vector<std::string> sentences = dom.Strings("//section[@id='summary']/ol/li/p[@class='sentence']");
  ASSERT_FALSE(sentences.empty());
  EXPECT_EQ(sentences[0].rfind("Between 2025-04-04 and 2025-11-09, No. 57 of 2025 listed holmium, erbium, "
                               "thulium, europium and ytterbium items",
                               0),
            0u)
      << sentences[0];
  ASSERT_EQ(dom.Count("//section[@id='timeline']/svg[@class='timeline']"), 1u);
  EXPECT_EQ(dom.Strings("//svg[@class='timeline']/text[@class='mark-label']"),
            (std::vector<std::string>{"2025-04-04", "2025-11-09"}));
  // As a reader sees it: each quote once, and words rather than raw values.
  std::vector<std::string> quotes = dom.Strings("//blockquote");
  ASSERT_FALSE(quotes.empty());
  std::sort(quotes.begin(), quotes.end());
  EXPECT_EQ(std::adjacent_find(quotes.begin(), quotes.end()), quotes.end()) << "a quote is shown twice";
  std::string seen;
  for (const std::string& t : dom.Strings("//body//text()[not(ancestor::style)]")) seen += t + "\n";
  for (const char* raw : {"newly_listed", "newly_suspended", "left_only", "in_force"})
    EXPECT_EQ(seen.find(raw), std::string::npos) << raw << " shown as a label";
}

// With --lang zh the page a reader sees is Chinese: headings, table heads,
// the timeline's legend; the screenshot (with the CJK font setup installs)
// is kept beside the English ones.
TEST_F(HtmlReportTest, ChineseReportShowsChineseHeadingsOnScreen) {
  const std::string html =
      Render("report-zh.html", {"mofcom-gacc-2025-18", "mofcom-gacc-2025-57", "--lang", "zh"});
  const std::string shot = dir_ + "/report-zh.png";
  const BrowserRun run = OpenInChromium(html, RunDir("zh"), shot);
  ExpectCleanLoad(html, run, shot);
  const Dom dom(run.dom);
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(dom.Strings("/html/@lang"), std::vector<std::string>{"zh"});
  const std::vector<std::string> headings = dom.Strings("//h1|//h2|//th");
  ASSERT_FALSE(headings.empty());
  for (const std::string& h : headings) {
    EXPECT_TRUE(std::any_of(h.begin(), h.end(), [](char c) { return (c & 0x80) != 0; }) ||
                std::none_of(h.begin(), h.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
        << "an English heading: " << h;
  }
  EXPECT_EQ(dom.Count("//table[@class='items']/tbody/tr[@class='added']"), 15u);
}

// The checks above must fail on a page that has the faults they look for:
// a script error, an SVG attribute error and an image from the network.
TEST_F(HtmlReportTest, ChecksCatchConsoleErrorsAndNetworkRequests) {
  const std::string bad = dir_ + "/bad.html";
  WriteFileOrDie(bad,
                 "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bad</title></head><body>\n"
                 "<script>undefinedFunction();</script>\n"
                 "<svg width=\"10\" height=\"10\"><rect width=\"-5\" height=\"5\"/></svg>\n"
                 "<img src=\"http://example.invalid/x.png\" alt=\"\">\n"
                 "</body></html>\n");
  const BrowserRun run = OpenInChromium(bad, RunDir("bad"));
  EXPECT_EQ(run.exit_code, 0) << run.log;
  const std::vector<std::string> console = ConsoleLines(run.log);
  auto logged = [&](const std::string& what) {
    return std::any_of(console.begin(), console.end(),
                       [&](const std::string& l) { return l.find(what) != std::string::npos; });
  };
  EXPECT_TRUE(logged("Uncaught ReferenceError: undefinedFunction")) << run.log;
  EXPECT_TRUE(logged("<rect> attribute width")) << run.log;
  EXPECT_EQ(PageRequests(run.netlog), std::vector<std::string>{"http://example.invalid/x.png"});
  EXPECT_EQ(ExternalReferences(ReadFileOrDie(bad)),
            std::vector<std::string>{"src=\"http://example.invalid/x.png"});
}

TEST(HtmlReportReferences, IgnoresFragmentsAndTheSvgNamespace) {
  const std::string ok =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(#hatch)\"/></svg><a href=\"#items\">x</a>";
  EXPECT_TRUE(ExternalReferences(ok).empty());
  const std::string bad =
      "<link href='//cdn.example/x.css'><div style=\"background:url(https://x.example/a.png)\"></div>"
      "<style>@import 'x.css';</style>";
  EXPECT_EQ(ExternalReferences(bad).size(), 3u);
}

}  // namespace
}  // namespace regdiff::testing
