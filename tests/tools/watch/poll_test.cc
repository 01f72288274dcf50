// Reading a source's list pages (ScanIndex) from a local HTTP server:
// pagination by URL template and by the "next page" link, a later page that
// fails (reported, page 1's links kept), a first page without links (an
// error, never "no announcements"), 304; lists behind JavaScript, from
// imitations of MOFCOM's endpoints (tests/mofcom_endpoints.h): JSON holding
// an HTML fragment, paged by a query parameter, and a POSTed column list
// that needs a request header; and the time helpers of the watcher.
#include "tools/watch/poll.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "tests/local_http_server.h"
#include "tests/mofcom_endpoints.h"

namespace regdiff::watch {
namespace {

using regdiff::testing::ListedArticle;
using regdiff::testing::LocalHttpServer;
using regdiff::testing::Reply;
using namespace std::chrono_literals;

std::string List(const std::vector<std::string>& hrefs, const std::string& next = "") {
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><ul>";
  for (const std::string& h : hrefs) html += "<li><a href=\"" + h + "\">商务部公告" + h + "</a></li>";
  html += "</ul>";
  if (!next.empty()) html += "<div class=\"page\"><a href=\"" + next + "\">下一页</a></div>";
  return html + "</body></html>";
}

ingest::FetchOptions Quick() {
  ingest::FetchOptions o;
  o.max_attempts = 1;
  o.min_host_interval = 0ms;
  o.total_timeout = 5s;
  return o;
}

ingest::SourceConfig Source(const LocalHttpServer& server) {
  ingest::SourceConfig s;
  s.name = "test";
  s.index_url = server.Url("/list/index.html");
  s.link_pattern = R"(/art/\d+\.html$)";
  return s;
}

std::vector<std::string> Urls(const IndexScan& scan) {
  std::vector<std::string> out;
  for (const ingest::Link& l : scan.links) out.push_back(l.url);
  return out;
}

TEST(ScanIndex, FollowsAPageUrlTemplate) {
  LocalHttpServer server;
  server.Set("/list/index.html", Reply::Page(List({"/art/1.html", "/art/2.html"})));
  server.Set("/list/index_1.html", Reply::Page(List({"/art/2.html", "/art/3.html"})));
  server.Set("/list/index_2.html", Reply::Page(List({"/art/4.html"})));
  ingest::SourceConfig s = Source(server);
  s.pages = 2;
  s.page_url_template = server.Url("/list/index_{index}.html");
  ingest::Fetcher fetcher(Quick());
  auto scan = ScanIndex(fetcher, s, {});
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  EXPECT_EQ(Urls(*scan), (std::vector<std::string>{server.Url("/art/1.html"), server.Url("/art/2.html"),
                                                    server.Url("/art/3.html")}));
  EXPECT_EQ(scan->pages.size(), 2u);
  EXPECT_EQ(server.Hits("/list/index_2.html"), 0) << "pages = 2 reads two pages";
  EXPECT_FALSE(scan->validators.etag.empty());
}

TEST(ScanIndex, FollowsTheNextPageLinkAndReportsALaterPageThatFails) {
  LocalHttpServer server;
  server.Set("/list/index.html", Reply::Page(List({"/art/1.html"}, "page2.html")));
  server.Set("/list/page2.html", Reply::Page(List({"/art/2.html"}, "page3.html")));
  server.Set("/list/page3.html", Reply::Code(500, "down"));
  ingest::SourceConfig s = Source(server);
  s.pages = 5;
  s.next_page_xpath = "//div[@class='page']/a";
  ingest::Fetcher fetcher(Quick());
  auto scan = ScanIndex(fetcher, s, {});
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  EXPECT_EQ(Urls(*scan), (std::vector<std::string>{server.Url("/art/1.html"), server.Url("/art/2.html")}));
  ASSERT_EQ(scan->later_page_errors.size(), 1u);
  EXPECT_NE(scan->later_page_errors[0].find("list page 3: HTTP 500"), std::string::npos)
      << scan->later_page_errors[0];
}

TEST(ScanIndex, AFirstPageWithoutLinksIsAnError) {
  LocalHttpServer server;
  server.Set("/list/index.html", Reply::Page(List({"/about.html"})));
  ingest::Fetcher fetcher(Quick());
  auto scan = ScanIndex(fetcher, Source(server), {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("no announcement links"), std::string::npos)
      << scan.status().message();
  EXPECT_NE(scan.status().message().find("nothing is taken as removed"), std::string::npos);
}

TEST(ScanIndex, AnUnchangedFirstPageIsNotReadAgain) {
  LocalHttpServer server;
  server.Set("/list/index.html", Reply::Page(List({"/art/1.html"})));
  ingest::Fetcher fetcher(Quick());
  auto first = ScanIndex(fetcher, Source(server), {});
  ASSERT_TRUE(first.ok());
  auto second = ScanIndex(fetcher, Source(server), first->validators);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->not_modified);
  EXPECT_TRUE(second->links.empty());
}

// A source with browser = true reads the list as the browser shows it
// (customs' lists are written by scripts). Skips without chromium unless
// REGDIFF_REQUIRE_BROWSER is set.
TEST(ScanIndex, ABrowserSourceReadsAListWrittenByAScript) {
  if (!std::filesystem::exists("/usr/bin/chromium")) {
    if (std::getenv("REGDIFF_REQUIRE_BROWSER") != nullptr) FAIL() << "chromium not found";
    GTEST_SKIP() << "/usr/bin/chromium not found: tools/setup --tests installs it";
  }
  LocalHttpServer server;
  server.Set("/list/index.html",
             Reply::Page("<html><head><meta charset=\"gbk\"></head><body><ul id=\"l\"></ul><script>"
                         "document.getElementById('l').innerHTML = '<li><a href=\"/art/7.html\">"
                         "\\u6d77\\u5173\\u603b\\u7f72\\u516c\\u544a</a></li>';</script></body></html>"));
  ingest::SourceConfig s = Source(server);
  s.browser = true;
  ingest::FetchOptions options = Quick();
  options.total_timeout = 60s;
  ingest::Fetcher fetcher(options);
  auto scan = ScanIndex(fetcher, s, {});
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  ASSERT_EQ(scan->links.size(), 1u);
  EXPECT_EQ(scan->links[0].url, server.Url("/art/7.html"));
  EXPECT_EQ(scan->links[0].title, "海关总署公告") << "decoded as the UTF-8 the browser wrote";

  s.browser = false;  // without the browser the list is empty: an error, not "no news"
  EXPECT_FALSE(ScanIndex(fetcher, s, {}).ok());
}

// --- lists filled by JavaScript ---

std::string Art(int n) {
  char hex[33];
  std::snprintf(hex, sizeof hex, "%032x", n);
  return std::string("art_") + hex + ".html";
}

// A source shaped as sources.toml's mofcom-zcfb, pointed at the imitation.
ingest::SourceConfig UnitSource(const LocalHttpServer& server) {
  ingest::SourceConfig s;
  s.name = "mofcom-zcfb";
  s.index_url = server.Url(std::string(regdiff::testing::kUnitPath) + regdiff::testing::UnitQuery());
  s.list_html_pointer = "/data/html";
  s.link_xpath = "//ul[@class='txtList_01']/li/a";
  s.link_pattern = R"(/zwgk/zcfb/art/20[0-9]{2}/art_[0-9a-f]{32}\.html$)";
  s.pages = 2;
  s.page_url_template =
      server.Url(std::string(regdiff::testing::kUnitPath) + regdiff::testing::UnitPageTemplate());
  return s;
}

TEST(ScanIndex, ReadsTheHtmlThatAJsonEndpointHoldsPageByPage) {
  LocalHttpServer server;
  const std::string long_title =
      "商务部 海关总署公告2025年第61号 关于对境外相关稀土物项实施出口管制的决定（全文）";
  regdiff::testing::ServeUnit(
      server,
      {{{"/zwgk/zcfb/art/2025/" + Art(1), long_title}, {"/zwgk/zcfb/art/2025/" + Art(2), "商务部公告2025年第62号"}},
       {{"/zwgk/zcfb/art/2025/" + Art(3), "商务部公告2025年第58号"}},
       {{"/zwgk/zcfb/art/2025/" + Art(4), "never read: pages = 2"}}},
      {{"/zwgk/zcfb/art/2019/" + Art(99), "商务部公告2019年第1号（旁栏的旧公告）"}});
  ingest::Fetcher fetcher(Quick());
  auto scan = ScanIndex(fetcher, UnitSource(server), {});
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  EXPECT_EQ(Urls(*scan), (std::vector<std::string>{server.Url("/zwgk/zcfb/art/2025/" + Art(1)),
                                                    server.Url("/zwgk/zcfb/art/2025/" + Art(2)),
                                                    server.Url("/zwgk/zcfb/art/2025/" + Art(3))}))
      << "the sidebar's old announcement is not taken; page 3 is not read";
  EXPECT_EQ(scan->links[0].title, long_title) << "the whole title, from title=\"...\"";
  const std::vector<regdiff::testing::SeenRequest> requests = server.Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].Param("paramJson"), "") << "page 1 is asked for as the list page does";
  EXPECT_EQ(requests[1].Param("paramJson"), R"({"pageNo":2,"pageSize":15})");
}

TEST(ScanIndex, AWrongJsonPointerOrAnAnswerThatIsNoJsonIsAClearFailure) {
  LocalHttpServer server;
  regdiff::testing::ServeUnit(server, {{{"/zwgk/zcfb/art/2025/" + Art(1), "商务部公告2025年第62号"}}});
  ingest::Fetcher fetcher(Quick());

  ingest::SourceConfig misspelt = UnitSource(server);
  misspelt.list_html_pointer = "/data/htm";
  auto scan = ScanIndex(fetcher, misspelt, {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("list page 1: JSON pointer '/data/htm' names nothing"),
            std::string::npos) << scan.status().message();
  EXPECT_NE(scan.status().message().find("'/data' is an object with keys html"), std::string::npos)
      << scan.status().message();

  ingest::SourceConfig other_unit = UnitSource(server);  // the endpoint answers data: null
  other_unit.index_url = server.Url(std::string(regdiff::testing::kUnitPath) +
                                    regdiff::testing::UnitQuery("0000"));
  scan = ScanIndex(fetcher, other_unit, {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("'/data' is a null"), std::string::npos)
      << scan.status().message();

  // The gateway down for maintenance: an HTML page where JSON was expected.
  server.Set(regdiff::testing::kUnitPath, Reply::Page("<html><body>系统维护中，请稍后访问</body></html>"));
  scan = ScanIndex(fetcher, UnitSource(server), {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("answered no JSON"), std::string::npos)
      << scan.status().message();
  EXPECT_NE(scan.status().message().find("系统维护中"), std::string::npos) << scan.status().message();
}

// A source shaped as sources.toml's mofcom-exportcontrol.
ingest::SourceConfig ColumnSource(const LocalHttpServer& server) {
  ingest::SourceConfig s;
  s.name = "mofcom-exportcontrol";
  s.index_url = server.Url(regdiff::testing::kColumnListPath);
  s.method = "POST";
  s.body = "pageNumber={page}&columnID=9&title=";
  s.content_type = "application/x-www-form-urlencoded";
  s.headers = {{"X-Requested-With", "XMLHttpRequest"}};
  s.list_items_pointer = "/pageInfo/rows";
  s.item_url_field = "url";
  s.item_title_field = "title";
  s.link_pattern = R"(/article/zcfg/gnzcfg/[a-z]+/[0-9]{6}/[0-9]+\.html$)";
  s.title_keywords = {"公告"};
  s.pages = 2;
  return s;
}

TEST(ScanIndex, PostsForAColumnListAndReadsItsArticles) {
  LocalHttpServer server;
  regdiff::testing::ServeColumnList(
      server, 9,
      {{{"/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html", "商务部 海关总署公告2025年第18号"},
        {"/article/zcfg/gnzcfg/zcfggzqd/202504/1135.html", "关于举办出口管制合规培训的通知"}},
       {{"/article/zcfg/gnzcfg/zcfggzqd/202412/1072.html", "商务部公告2024年第46号"}}});
  ingest::Fetcher fetcher(Quick());
  auto scan = ScanIndex(fetcher, ColumnSource(server), {});
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  EXPECT_EQ(Urls(*scan),
            (std::vector<std::string>{server.Url("/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html"),
                                      server.Url("/article/zcfg/gnzcfg/zcfggzqd/202412/1072.html")}));
  EXPECT_EQ(scan->links[0].title, "商务部 海关总署公告2025年第18号");
  EXPECT_EQ(server.Posted(regdiff::testing::kColumnListPath),
            (std::vector<std::string>{"pageNumber=1&columnID=9&title=", "pageNumber=2&columnID=9&title="}));
  for (const auto& r : server.Requests()) {
    EXPECT_EQ(r.Header("X-Requested-With"), "XMLHttpRequest");
    EXPECT_EQ(r.content_type, "application/x-www-form-urlencoded");
  }
}

TEST(ScanIndex, AColumnListWithoutItsHeaderIsAFailureThatSaysWhy) {
  LocalHttpServer server;
  regdiff::testing::ServeColumnList(
      server, 9, {{{"/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html", "商务部 海关总署公告2025年第18号"}}});
  ingest::Fetcher fetcher(Quick());
  ingest::SourceConfig s = ColumnSource(server);
  s.headers.clear();
  auto scan = ScanIndex(fetcher, s, {});
  ASSERT_FALSE(scan.ok()) << "titles of '?' must not read as an empty list";
  EXPECT_NE(scan.status().message().find("replaced by '?'"), std::string::npos) << scan.status().message();
  EXPECT_NE(scan.status().message().find("X-Requested-With"), std::string::npos) << scan.status().message();

  s.title_keywords.clear();  // no keyword filter to hide behind either
  scan = ScanIndex(fetcher, s, {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("replaced by '?'"), std::string::npos) << scan.status().message();
}

TEST(ScanIndex, ItemsWithoutTheUrlFieldAreAFailure) {
  LocalHttpServer server;
  regdiff::testing::ServeColumnList(
      server, 9, {{{"/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html", "商务部 海关总署公告2025年第18号"}}});
  ingest::Fetcher fetcher(Quick());
  ingest::SourceConfig s = ColumnSource(server);
  s.item_url_field = "htmlUrl";
  auto scan = ScanIndex(fetcher, s, {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("has a string field 'htmlUrl'"), std::string::npos)
      << scan.status().message();

  s = ColumnSource(server);
  s.body = "pageNumber={page}&columnID=10&title=";  // a column the imitation does not have: no rows
  scan = ScanIndex(fetcher, s, {});
  ASSERT_FALSE(scan.ok());
  EXPECT_NE(scan.status().message().find("no announcement links"), std::string::npos)
      << scan.status().message();
}

TEST(WatchTime, RetryDelayDoublesUpToTheInterval) {
  EXPECT_EQ(RetryDelay(1, 3600s), 60s);
  EXPECT_EQ(RetryDelay(2, 3600s), 120s);
  EXPECT_EQ(RetryDelay(4, 3600s), 480s);
  EXPECT_EQ(RetryDelay(30, 3600s), 3600s);
  EXPECT_EQ(RetryDelay(1, 10s), 10s);
}

// A source is due an interval after its last poll started, less a
// tolerance of a tenth of the interval (at most a minute): a 30-minute cron
// job polls a 30-minute source every time even when its start drifts.
TEST(WatchTime, ASourceIsDueAnIntervalAfterTheLastStartLessATolerance) {
  EXPECT_EQ(ScheduleTolerance(1800s), 60s);
  EXPECT_EQ(ScheduleTolerance(300s), 30s);
  EXPECT_EQ(ScheduleTolerance(5s), 0s);
  const std::string due = "2026-12-07T10:30:00Z";
  auto at = [](const char* iso) { return *Timestamp::FromIso(iso); };
  EXPECT_TRUE(IsDue(due, at("2026-12-07T10:30:01Z"), 1800s));
  EXPECT_TRUE(IsDue(due, at("2026-12-07T10:29:58Z"), 1800s)) << "cron fired two seconds early";
  EXPECT_TRUE(IsDue(due, at("2026-12-07T10:29:00Z"), 1800s));
  EXPECT_FALSE(IsDue(due, at("2026-12-07T10:28:59Z"), 1800s));
  EXPECT_FALSE(IsDue(due, at("2026-12-07T10:29:58Z"), 5s)) << "no tolerance below 10 s";
  EXPECT_TRUE(IsDue("", at("2026-12-07T10:00:00Z"), 1800s)) << "never polled";
}

TEST(WatchAddresses, ASourceTrustsItsOwnHostAndItsAllowedHostsOnly) {
  ingest::SourceConfig s;
  s.index_url = "http://127.0.0.1:8080/list/index.html";
  s.allowed_hosts = {"intranet.example:8443", "www.mofcom.gov.cn"};
  EXPECT_EQ(AddressPolicyOf(s).trusted_hosts,
            (std::vector<std::string>{"127.0.0.1", "intranet.example", "www.mofcom.gov.cn"}));
}

}  // namespace
}  // namespace regdiff::watch
