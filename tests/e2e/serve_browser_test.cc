// `regdiff serve` as a person uses it: its pages opened in headless Chromium
// (devtools_pipe.h), links and the navigation bar clicked with the mouse,
// the DOM the browser built asserted, screenshots of the main pages kept as
// test artifacts (serve-*.png). Every page loads without a console message,
// without a request to another host, and runs no script. Skips without
// chromium unless REGDIFF_REQUIRE_BROWSER is set.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/devtools_pipe.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/serve_process.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kWidth = 1280;
constexpr int kHeight = 1000;

// The sections of the navigation bar, each clicked from the home page: the
// path it goes to, an element its page must show and that element's text,
// whether the entry is marked current there, and the screenshot kept of it.
struct NavCase {
  std::string href;        // the entry's href, and the path clicking it goes to
  std::string selector;    // an element the page shows
  std::string text;        // that element's text ("" when any)
  bool current;            // the entry carries aria-current="page" there
  std::string screenshot;  // kept under this name ("" none)
};
const NavCase kNavCases[] = {
    {"/", "table#announcements", "", true, ""},
    {"/asof", "form#asof-form", "", true, "serve-asof.png"},
    {"/timeline", "form#timeline-form", "", true, ""},
    {"/diff", "form#diff-form", "", true, ""},
    {"/search", "main form.search", "", true, ""},
    {"/watch", "#watch-empty", "", true, "serve-watch.png"},
};

// Width and height from a PNG's IHDR chunk; {0, 0} when not a PNG.
std::pair<uint32_t, uint32_t> PngSize(const std::string& png) {
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || png.compare(12, 4, "IHDR") != 0)
    return {0, 0};
  auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

// A JavaScript string literal for `text`.
std::string JsString(const std::string& text) { return Json(text).dump(); }

// The bundled samples ingested once, one `regdiff serve` over them and one
// browser for the suite (ctest runs each test in a process of its own, so
// there it is one of each per test).
class ServeBrowserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kChromiumPath)) return;
    served_ = new ServedSamples();
    start_error_ = new std::string(served_->error());
    if (!start_error_->empty()) return;
    browser_ = new BrowserSession();
    BrowserSession::Options options;
    options.width = kWidth;
    options.height = kHeight;
    ::testing::AssertionResult ok = browser_->Start(options);
    if (ok) ok = browser_->NewPage();
    if (!ok) *start_error_ = ok.message();
  }
  static void TearDownTestSuite() {
    delete browser_;
    delete served_;
    delete start_error_;
    browser_ = nullptr;
    served_ = nullptr;
    start_error_ = nullptr;
  }
  void SetUp() override {
    if (SkipWithoutChromium()) return;
    ASSERT_TRUE(start_error_->empty()) << *start_error_;
    browser_->ClearRecords();
    expected_console_.clear();
  }
  // Each page the test visited: nothing in the console (but what the test
  // expects), nothing failed, nothing asked of another host.
  void TearDown() override {
    if (!browser_ || !start_error_ || !start_error_->empty()) return;
    for (const std::string& line : browser_->console()) {
      if (!expected_console_.count(line)) ADD_FAILURE() << "console: " << line;
    }
    for (const std::string& failed : browser_->failed_requests()) ADD_FAILURE() << "failed request: " << failed;
    for (const std::string& url : browser_->requests()) {
      // data: URLs are the browser's own (a date field's calendar icon).
      if (url.rfind(Origin() + "/", 0) != 0 && url.rfind("data:", 0) != 0) ADD_FAILURE() << "request to another host: " << url;
    }
  }

  // The line the browser's console shows for a page served with 404, as
  // every browser shows one: expected there, an error anywhere else.
  void ExpectNotFoundLogged(const std::string& path) {
    expected_console_.insert("error: Failed to load resource: the server responded with a status of 404 "
                             "(Not Found) (" + Url(path) + ")");
  }

  static std::string Db() { return served_->db(); }
  static std::string Origin() { return "http://127.0.0.1:" + std::to_string(served_->port()); }
  static std::string Url(const std::string& path) { return Origin() + path; }

  // The doc ids `regdiff list --json` gives, in its order (null ids left out).
  static std::vector<std::string> ListedDocIds() {
    RunResult r = RunRegdiff({"--db", Db(), "list", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> ids;
    for (const Json& row : Json::parse(r.out, nullptr, false)) {
      if (row.is_object() && row["doc_id"].is_string()) ids.push_back(row["doc_id"]);
    }
    return ids;
  }

  // The page as served: HTTP status, the CSP that forbids scripts, no
  // script element, and the navigation's current entries.
  void ExpectPageFrame(int status, const std::vector<std::string>& current) {
    EXPECT_EQ(browser_->document_status(), status);
    const auto& headers = browser_->document_headers();
    auto csp = headers.find("content-security-policy");
    ASSERT_NE(csp, headers.end()) << "no Content-Security-Policy header";
    EXPECT_NE(csp->second.find("default-src 'none'"), std::string::npos) << csp->second;
    EXPECT_EQ(csp->second.find("script-src"), std::string::npos) << csp->second;
    EXPECT_EQ(browser_->Eval("document.scripts.length"), Json(0));
    EXPECT_EQ(browser_->Eval("document.querySelectorAll('header.site nav a').length"), Json(6));
    EXPECT_EQ(browser_->Eval("[...document.querySelectorAll('header.site nav a[aria-current=page]')]"
                             ".map(a => a.getAttribute('href'))"),
              Json(current));
  }

  // Screenshots the page and keeps it as artifact `name`: a PNG of the
  // window's size with something on it.
  void KeepScreenshot(const std::string& name) {
    std::string png;
    ASSERT_TRUE(browser_->Screenshot(&png));
    EXPECT_EQ(PngSize(png), std::make_pair(uint32_t{kWidth}, uint32_t{kHeight})) << name;
    EXPECT_GT(png.size(), 20'000u) << name << " looks blank";
    const std::string path = served_->dir() + "/" + name;
    WriteFileOrDie(path, png);
    KeepArtifact(path, name);
  }

  std::set<std::string> expected_console_;
  static inline std::string* start_error_ = nullptr;
  static inline ServedSamples* served_ = nullptr;
  static inline BrowserSession* browser_ = nullptr;
};

TEST_F(ServeBrowserTest, HomeListsTheStoredAnnouncementsAndRunsNoScript) {
  ASSERT_TRUE(browser_->Navigate(Url("/")));
  ExpectPageFrame(200, {"/"});
  EXPECT_EQ(browser_->Eval("document.title"), Json("Announcements · regdiff"));
  // The newest first: `list`'s order reversed.
  std::vector<std::string> listed = ListedDocIds();
  ASSERT_FALSE(listed.empty());
  std::reverse(listed.begin(), listed.end());
  EXPECT_EQ(browser_->Eval("[...document.querySelectorAll('table#announcements tbody tr[data-doc]')]"
                           ".map(tr => tr.dataset.doc)"),
            Json(listed));
  // Each row's first cell links to its announcement's page.
  EXPECT_EQ(browser_->Eval("[...document.querySelectorAll('table#announcements tbody tr[data-doc]')]"
                           ".every(tr => tr.cells[0].querySelector('a').pathname === "
                           "'/announcements/' + encodeURIComponent(tr.dataset.doc))"),
            Json(true));
  EXPECT_EQ(browser_->Eval("document.querySelector('header.site nav a[aria-current=page]').textContent"),
            Json("Announcements"));
  KeepScreenshot("serve-home.png");
}

TEST_F(ServeBrowserTest, AnAnnouncementShowsItsFactsBesideItsTextAndEachEvidenceLinkReachesItsMark) {
  ASSERT_TRUE(browser_->Navigate(Url("/")));
  const Json first = browser_->Eval("document.querySelector('table#announcements tbody tr[data-doc]').dataset.doc");
  ASSERT_TRUE(first.is_string()) << first;
  ASSERT_TRUE(browser_->Click("table#announcements tbody tr[data-doc] td:first-child a"));
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/announcements/" + first.get<std::string>()));
  ExpectPageFrame(200, {"/"});
  EXPECT_EQ(browser_->Eval("!!document.getElementById('facts') && !!document.getElementById('source')"), Json(true));
  // The facts and the text stand side by side on a wide window.
  EXPECT_EQ(browser_->Eval("(() => { const f = document.getElementById('facts').getBoundingClientRect(),"
                           " t = document.getElementById('source').getBoundingClientRect();"
                           " return f.right <= t.left || t.right <= f.left; })()"),
            Json(true));
  KeepScreenshot("serve-announcement.png");
  // A fact's evidence link, clicked, makes its mark the target: the marked
  // words are where the link says, highlighted, and scrolled into view.
  const Json href = browser_->Eval("document.querySelector('#facts a.evidence-link').getAttribute('href')");
  ASSERT_TRUE(href.is_string()) << "no evidence link";
  ASSERT_TRUE(browser_->ClickWithinPage("#facts a.evidence-link"));
  EXPECT_EQ(browser_->Eval("location.hash"), href);
  EXPECT_EQ(browser_->Eval("(() => { const m = document.querySelector(':target');"
                           " return m ? m.tagName + '#' + m.id : null; })()"),
            Json("MARK" + href.get<std::string>()));
  EXPECT_EQ(browser_->Eval("(() => { const r = document.querySelector(':target').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; })()"),
            Json(true))
      << browser_->Eval("(() => { const m = document.querySelector(':target'), r = m.getBoundingClientRect();"
                        " return [r.top, r.bottom, innerHeight, scrollY, m.textContent.length]; })()");
  EXPECT_NE(browser_->Eval("getComputedStyle(document.querySelector(':target')).backgroundColor"),
            browser_->Eval("getComputedStyle(document.querySelector('mark:not(:target)')).backgroundColor"))
      << "the target mark is not told apart from the others";
}

TEST_F(ServeBrowserTest, TheAsofFormAsksForTheDateTypedAndListsWhatWasInForce) {
  ASSERT_TRUE(browser_->Navigate(Url("/asof")));
  browser_->Eval("document.querySelector('form#asof-form input[name=date]').value = '2025-11-09'");
  ASSERT_TRUE(browser_->Click("form#asof-form button[type=submit]"));
  EXPECT_EQ(browser_->Eval("new URLSearchParams(location.search).get('date')"), Json("2025-11-09"));
  ExpectPageFrame(200, {"/asof"});
  RunResult cli = RunRegdiff({"--db", Db(), "asof", "2025-11-09", "--json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const Json asof = Json::parse(cli.out);
  ASSERT_TRUE(asof["items"].is_array());
  EXPECT_EQ(browser_->Eval("document.querySelectorAll('table#asof-items tbody tr[data-code]').length"),
            Json(asof["items"].size()));
}

TEST_F(ServeBrowserTest, ADiffExampleOpensTheReportWithItsTimeline) {
  ASSERT_TRUE(browser_->Navigate(Url("/diff")));
  ASSERT_TRUE(browser_->Click("ul#diff-examples a"));
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/diff"));
  ExpectPageFrame(200, {"/diff"});
  EXPECT_EQ(browser_->Eval("!!document.querySelector('#report svg')"), Json(true));
  EXPECT_EQ(browser_->Eval("document.querySelectorAll('#report tr.added').length > 0"), Json(true));
  KeepScreenshot("serve-diff.png");
}

TEST_F(ServeBrowserTest, AnElementsTimelineIsDrawn) {
  ASSERT_TRUE(browser_->Navigate(Url("/timeline?element=Ho")));
  ExpectPageFrame(200, {"/timeline"});
  EXPECT_EQ(browser_->Eval("(() => { const r = document.getElementById('timeline-picture').getBoundingClientRect();"
                           " return r.width > 400 && r.height > 40; })()"),
            Json(true));
  EXPECT_EQ(browser_->Eval("document.querySelectorAll('#timeline-events tbody tr').length > 0"), Json(true));
  KeepScreenshot("serve-timeline.png");
}

TEST_F(ServeBrowserTest, ASearchFromTheFormListsItsHits) {
  ASSERT_TRUE(browser_->Navigate(Url("/search")));
  browser_->Eval("document.querySelector('main form.search input[name=q]').value = '\u94ac'");
  ASSERT_TRUE(browser_->Click("main form.search button[type=submit]"));
  EXPECT_EQ(browser_->Eval("new URLSearchParams(location.search).get('q')"), Json("钬"));
  ExpectPageFrame(200, {"/search"});
  EXPECT_EQ(browser_->Eval("document.querySelectorAll('#search-results li[data-doc]').length > 0"), Json(true));
  // A hit leads to its announcement, the matches marked, the first one the
  // target and in view.
  const Json doc = browser_->Eval("document.querySelector('#search-results li[data-doc]').dataset.doc");
  ASSERT_TRUE(browser_->Click("#search-results li[data-doc] a"));
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/announcements/" + doc.get<std::string>()));
  EXPECT_EQ(browser_->Eval("(() => { const m = document.querySelector(':target');"
                           " return m ? [m.localName, m.className, m.id, m.textContent] : null; })()"),
            Json({"mark", "hit", "hit-1", "钬"}));
  EXPECT_EQ(browser_->Eval("(() => { const r = document.querySelector(':target').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; })()"),
            Json(true));
  EXPECT_EQ(browser_->Eval("document.querySelectorAll('mark.hit[id]').length"),
            browser_->Eval("Number(document.getElementById('hits').dataset.count)"));
  KeepScreenshot("serve-search-hit.png");
}

TEST_F(ServeBrowserTest, EachNavigationEntryGoesToItsSection) {
  for (const NavCase& c : kNavCases) {
    SCOPED_TRACE(c.href);
    ASSERT_TRUE(browser_->Navigate(Url("/")));
    if (!c.current) ExpectNotFoundLogged(c.href);
    ASSERT_TRUE(browser_->Click("header.site nav a[href=" + JsString(c.href) + "]"));
    EXPECT_EQ(browser_->Eval("location.pathname"), Json(c.href));
    const Json text = browser_->Eval("(() => { const e = document.querySelector(" + JsString(c.selector) +
                                     "); return e ? e.textContent : null; })()");
    ASSERT_TRUE(text.is_string()) << c.selector << " not on the page";
    if (!c.text.empty()) {
      EXPECT_EQ(text, Json(c.text));
    }
    ExpectPageFrame(c.current ? 200 : 404, c.current ? std::vector<std::string>{c.href} : std::vector<std::string>{});
    if (!c.screenshot.empty()) KeepScreenshot(c.screenshot);
  }
}

TEST_F(ServeBrowserTest, AnUnknownPathIsTheNotFoundPageWithALinkHome) {
  ExpectNotFoundLogged("/no-such-page");
  ASSERT_TRUE(browser_->Navigate(Url("/no-such-page")));
  ExpectPageFrame(404, {});
  EXPECT_EQ(browser_->Eval("document.querySelector('main h1').textContent"), Json("Not found"));
  EXPECT_EQ(browser_->Eval("document.getElementById('error-message').textContent"), Json("no such endpoint"));
  KeepScreenshot("serve-not-found.png");
  // Its link home, and the brand, lead back to the announcements.
  ASSERT_TRUE(browser_->Click("main a[href=\"/\"]"));
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/"));
  EXPECT_EQ(browser_->Eval("document.querySelectorAll('table#announcements tbody tr').length > 0"), Json(true));
  ExpectPageFrame(200, {"/"});
}

}  // namespace
}  // namespace regdiff::testing
