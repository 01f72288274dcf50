// Pages rendered by headless chromium: a list filled by a script is read as
// a browser shows it, and no other host name resolves. Skips when chromium
// is absent, unless REGDIFF_REQUIRE_BROWSER is set (tools/test sets it:
// tools/setup --tests installs Debian's chromium).
#include "ingest/browser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "ingest/fetch.h"
#include "tests/local_http_server.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::LocalHttpServer;
using regdiff::testing::Reply;
using namespace std::chrono_literals;

constexpr char kChromium[] = "/usr/bin/chromium";

// A list page whose entries a script writes after a moment, as the
// customs site's list pages do.
constexpr char kScriptedList[] =
    "<html><head><meta charset=\"gbk\"></head><body><ul class=\"conList_ul\"></ul><script>"
    "setTimeout(function(){document.querySelector('.conList_ul').innerHTML="
    "'<li><a href=\"/art/18.html\">\\u6d77\\u5173\\u603b\\u7f72\\u516c\\u544a2025\\u5e74"
    "\\u7b2c18\\u53f7</a></li>';}, 500);"
    "var i = new Image(); i.src = 'http://localhost:' + location.port + '/beacon';"
    "var j = new Image(); j.src = '/own-beacon';"
    "</script></body></html>";

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::filesystem::exists(kChromium)) return;
    if (std::getenv("REGDIFF_REQUIRE_BROWSER") != nullptr) {
      FAIL() << kChromium << " not found, and REGDIFF_REQUIRE_BROWSER is set";
    }
    GTEST_SKIP() << kChromium << " not found: tools/setup --tests installs Debian's chromium";
  }
};

TEST_F(BrowserTest, RendersWhatTheScriptsWriteAndResolvesNoOtherHost) {
  LocalHttpServer server;
  server.Set("/list.html", Reply::Page(kScriptedList));
  server.Set("/beacon", Reply::Page("seen"));
  server.Set("/own-beacon", Reply::Page("seen"));
  BrowserOptions options;
  options.time_limit = 60s;
  auto dom = RenderPage(options, server.Url("/list.html"), {});
  ASSERT_TRUE(dom.ok()) << dom.status().ToString();
  EXPECT_NE(dom->find("<a href=\"/art/18.html\">海关总署公告2025年第18号</a>"), std::string::npos)
      << *dom;
  EXPECT_EQ(server.Hits("/own-beacon"), 1) << "the page's requests to its own host are made";
  EXPECT_EQ(server.Hits("/beacon"), 0) << "localhost is another host name: it must not resolve";
}

TEST_F(BrowserTest, AFetcherRendersABrowserRequest) {
  LocalHttpServer server;
  server.Set("/list.html", Reply::Page(kScriptedList));
  FetchOptions options;
  options.min_host_interval = 0ms;
  Fetcher fetcher(options);
  FetchRequest request;
  request.url = server.Url("/list.html");
  request.browser = true;
  auto page = fetcher.Fetch(request);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->Charset(), "utf-8") << "the DOM is UTF-8 whatever the page declared";
  EXPECT_NE(page->body.find("/art/18.html"), std::string::npos);
  request.method = "POST";
  EXPECT_EQ(fetcher.Fetch(request).status().code(), Status::Code::kInvalidArgument);
}

TEST(Browser, AMissingBrowserIsNotFound) {
  BrowserOptions options;
  options.command = "regdiff-no-such-browser";
  auto dom = RenderPage(options, "http://127.0.0.1:9/", {});
  ASSERT_FALSE(dom.ok());
  EXPECT_EQ(dom.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace regdiff::ingest
