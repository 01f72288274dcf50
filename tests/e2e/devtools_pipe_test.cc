// The test browser itself (devtools_pipe.h) on pages of a local server: a
// click loads the linked page, Evaluate returns values and reports what
// throws, console errors and requests to other hosts are recorded, a
// screenshot is a PNG of the window's size, and a wait that never ends is a
// failure after the timeout, not a hang. Skips without chromium unless
// REGDIFF_REQUIRE_BROWSER is set.
#include "tests/e2e/devtools_pipe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "tests/local_http_server.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

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

bool Contains(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

// One browser and one server for the suite: starting Chromium is most of
// a test's time.
class DevToolsPipeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kChromiumPath)) return;
    server_ = new LocalHttpServer();
    server_->Set("/a.html", Reply::Page("<!doctype html><title>A</title><p style=\"margin-top:1500px\">"
                                        "<a id=\"to-b\" href=\"/b.html\">to B</a></p><p id=\"still\">here</p>"));
    server_->Set("/b.html", Reply::Page("<!doctype html><title>B</title><h1>Page B</h1>"));
    // A link wrapped over three lines, the middle one a single letter at
    // the left: the centre of its bounding box is not on the link.
    server_->Set("/wrapped.html",
                 Reply::Page("<!doctype html><title>W</title><p style=\"width:8.5ch;font:20px monospace\">"
                             "<a id=\"wrapped\" href=\"/b.html\">MMMMMMMM i MMMMMMMM</a></p>"
                             "<p style=\"margin-top:200px\"><a id=\"covered\" href=\"/b.html\">covered</a></p>"
                             "<div id=\"cover\" style=\"position:fixed;top:150px;left:0;width:100%;height:100%;"
                             "background:#eee\"></div>"));
    server_->Set("/faulty.html",
                 Reply::Page("<!doctype html><title>F</title><script>console.error('said', 42);"
                             "undefinedFunction();</script><img src=\"http://example.invalid/x.png\" alt=\"\">"));
    browser_ = new BrowserSession();
    start_error_ = new std::string();
    BrowserSession::Options options;
    options.width = 800;
    options.height = 600;
    ::testing::AssertionResult ok = browser_->Start(options);
    if (ok) ok = browser_->NewPage();
    if (!ok) *start_error_ = ok.message();
  }
  static void TearDownTestSuite() {
    delete browser_;
    delete server_;
    delete start_error_;
    browser_ = nullptr;
    server_ = nullptr;
    start_error_ = nullptr;
  }
  void SetUp() override {
    if (SkipWithoutChromium()) return;
    ASSERT_TRUE(start_error_->empty()) << *start_error_;
    browser_->set_timeout(15s);
    browser_->ClearRecords();
  }

  static inline LocalHttpServer* server_ = nullptr;
  static inline BrowserSession* browser_ = nullptr;
  static inline std::string* start_error_ = nullptr;
};

TEST_F(DevToolsPipeTest, EvaluateReturnsValuesAndReportsWhatThrows) {
  ASSERT_TRUE(browser_->Navigate(server_->Url("/b.html")));
  EXPECT_EQ(browser_->Eval("1 + 2"), Json(3));
  EXPECT_EQ(browser_->Eval("document.querySelector('h1').textContent"), Json("Page B"));
  EXPECT_EQ(browser_->Eval("({a: [1, 'x'], b: null})"), Json::parse(R"({"a": [1, "x"], "b": null})"));
  EXPECT_EQ(browser_->Eval("undefined"), Json());
  Json value;
  const ::testing::AssertionResult thrown = browser_->Evaluate("noSuchName.x", &value);
  EXPECT_FALSE(thrown);
  EXPECT_NE(std::string(thrown.message()).find("ReferenceError"), std::string::npos) << thrown.message();
  EXPECT_EQ(browser_->document_status(), 200);
}

TEST_F(DevToolsPipeTest, AClickBelowTheFoldLoadsTheLinkedPage) {
  ASSERT_TRUE(browser_->Navigate(server_->Url("/a.html")));
  EXPECT_EQ(browser_->Eval("document.title"), Json("A"));
  // The link is 1500 px down a 600 px window: the click scrolls to it.
  const int hits = server_->Hits("/b.html");
  ASSERT_TRUE(browser_->Click("#to-b"));
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/b.html"));
  EXPECT_EQ(browser_->Eval("document.title"), Json("B"));
  EXPECT_EQ(server_->Hits("/b.html"), hits + 1);
  const ::testing::AssertionResult missing = browser_->Click("#no-such-element");
  EXPECT_FALSE(missing);
  EXPECT_NE(std::string(missing.message()).find("no element matches #no-such-element"), std::string::npos);
}

TEST_F(DevToolsPipeTest, AClickAimsAtTheLinkItselfAndNeverAtWhatCoversIt) {
  ASSERT_TRUE(browser_->Navigate(server_->Url("/wrapped.html")));
  EXPECT_EQ(browser_->Eval("(() => { const a = document.getElementById('wrapped'); const r = a.getBoundingClientRect();"
                           " const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                           " return a.getClientRects().length > 2 && top !== a; })()"),
            Json(true))
      << "the page no longer tests a link whose bounding box centre is off it";
  const ::testing::AssertionResult covered = browser_->Click("#covered");
  EXPECT_FALSE(covered);
  EXPECT_NE(std::string(covered.message()).find("#covered is covered at its centre by <div id=\"cover\""),
            std::string::npos)
      << covered.message();
  ASSERT_TRUE(browser_->Click("#wrapped"));
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/b.html"));
}

TEST_F(DevToolsPipeTest, AWaitThatNeverEndsFailsAfterTheTimeout) {
  ASSERT_TRUE(browser_->Navigate(server_->Url("/a.html")));
  browser_->set_timeout(1s);
  // A click on text that is no link loads nothing.
  const auto start = std::chrono::steady_clock::now();
  const ::testing::AssertionResult clicked = browser_->Click("#still");
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(clicked);
  EXPECT_NE(std::string(clicked.message()).find("timed out after 1000 ms"), std::string::npos)
      << clicked.message();
  EXPECT_LT(took, 5s);
  EXPECT_GE(took, 1s);
  // The session still answers after a timeout.
  browser_->set_timeout(15s);
  EXPECT_EQ(browser_->Eval("location.pathname"), Json("/a.html"));
}

TEST_F(DevToolsPipeTest, ConsoleErrorsAndRequestsToOtherHostsAreRecorded) {
  ASSERT_TRUE(browser_->Navigate(server_->Url("/faulty.html")));
  const std::vector<std::string>& console = browser_->console();
  EXPECT_TRUE(Contains(console, "error: said 42")) << ::testing::PrintToString(console);
  EXPECT_TRUE(Contains(console, "ReferenceError: undefinedFunction is not defined"))
      << ::testing::PrintToString(console);
  EXPECT_TRUE(Contains(browser_->requests(), "http://example.invalid/x.png"))
      << ::testing::PrintToString(browser_->requests());
  // No host name resolves: the request fails inside the browser.
  EXPECT_TRUE(Contains(browser_->failed_requests(), "http://example.invalid/x.png: net::ERR_NAME_NOT_RESOLVED"))
      << ::testing::PrintToString(browser_->failed_requests());
}

TEST_F(DevToolsPipeTest, AScreenshotIsAPngOfTheWindowSize) {
  ASSERT_TRUE(browser_->Navigate(server_->Url("/b.html")));
  std::string png;
  ASSERT_TRUE(browser_->Screenshot(&png));
  EXPECT_EQ(PngSize(png), std::make_pair(uint32_t{800}, uint32_t{600}));
}

TEST_F(DevToolsPipeTest, ANetworkErrorFailsTheNavigationWithItsReason) {
  // Port 1 on loopback: nothing listens there.
  const ::testing::AssertionResult refused = browser_->Navigate("http://127.0.0.1:1/");
  EXPECT_FALSE(refused);
  EXPECT_NE(std::string(refused.message()).find("net::ERR_"), std::string::npos) << refused.message();
}

}  // namespace
}  // namespace regdiff::testing
