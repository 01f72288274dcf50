// `regdiff serve`'s diffs and feed: /api/diff answers with `regdiff diff
// --format json`'s bytes for the same two dates or announcements and refuses
// what the CLI refuses; /diff shows the HTML report's rows inside the site's
// frame; /feed.atom is Atom with one entry per stored announcement, links
// under the Host it was asked by, stored text escaped.
#include <httplib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "tests/e2e/dom.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/serve_process.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

// An announcement of our own words whose title holds markup and an
// ampersand, as a page states it (entities decoded by the HTML reader).
constexpr char kHostileTitlePage[] = R"(<!doctype html>
<html><head><meta charset="utf-8"><title>商务部公告2026年第99号</title></head><body>
<div class="art-title"><h1>商务部公告2026年第99号 关于&lt;script&gt;alert(1)&lt;/script&gt; &amp; 测试事项的公告</h1></div>
<div class="art-con" id="zoom">
<p>【文号】商务部公告2026年第99号</p>
<p>本公告为测试而写，不含管制物项。</p>
<p>本公告自公布之日起实施。</p>
<p class="sign">商务部</p>
<p class="sign">2026年3月1日</p>
</div></body></html>
)";

class ServeDiffFeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedSamples(std::map<std::string, std::string>{{"mofcom-2026-99.zh.html", kHostileTitlePage}});
    ASSERT_EQ(served_->error(), "");
  }
  static void TearDownTestSuite() {
    delete served_;
    served_ = nullptr;
  }
  static std::string Db() { return served_->db(); }
  static httplib::Result Get(const std::string& target, const httplib::Headers& headers = {}) {
    return served_->Get(target, headers);
  }
  // `regdiff --db Db() ARGS...`'s standard output.
  static std::string Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    return RunRegdiff(args).out;
  }
  static std::string Origin() { return "http://127.0.0.1:" + std::to_string(served_->port()); }

  static inline ServedSamples* served_ = nullptr;
};

TEST_F(ServeDiffFeedTest, ApiDiffIsTheCliDiffJsonForTwoDatesOrTwoAnnouncements) {
  struct Case {
    std::string target;
    std::vector<std::string> cli;
  } cases[] = {
      {"/api/diff?from=2025-10-08&to=2025-11-09",
       {"diff", "--asof", "2025-10-08", "--asof", "2025-11-09", "--format", "json"}},
      {"/api/diff?from=mofcom-gacc-2025-18&to=mofcom-gacc-2025-57",
       {"diff", "mofcom-gacc-2025-18", "mofcom-gacc-2025-57", "--format", "json"}},
      {"/api/diff?from=2025-57%3Azh&to=2025-57%3Aen",  // short ids, two texts of one
       {"diff", "2025-57:zh", "2025-57:en", "--format", "json"}},
  };
  for (const Case& c : cases) {
    auto res = Get(c.target);
    ASSERT_TRUE(res) << c.target;
    EXPECT_EQ(res->status, 200) << c.target << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_FALSE(res->get_header_value("ETag").empty()) << c.target;
    const std::string cli = Cli(c.cli);
    ASSERT_FALSE(cli.empty()) << c.target;
    EXPECT_EQ(res->body, cli) << c.target;
    ExpectMatchesSchema("diff.schema.json", Json::parse(res->body));
  }
  // The samples' facts: No. 57 lists 1C909-1C913 (15 codes) from 2025-11-08.
  const Json dates = Json::parse(Get(cases[0].target)->body);
  EXPECT_EQ(dates["kind"], "dates");
  EXPECT_EQ(dates["status_changes"].size(), 15u + 2u)
      << "15 items of No. 57 newly listed, and the two technologies of No. 62";
}

TEST_F(ServeDiffFeedTest, ApiDiffRefusesWhatTheCliRefuses) {
  struct Case {
    std::string target;
    int status;
    std::string says;
  } cases[] = {
      {"/api/diff?from=2025-10-08&to=mofcom-gacc-2025-57", 400, "not one with the other"},
      {"/api/diff?from=mofcom-gacc-2025-18&to=2025-11-09", 400, "not one with the other"},
      {"/api/diff?from=2025-10-08", 400, "wants from= and to="},
      {"/api/diff", 400, "wants from= and to="},
      {"/api/diff?from=2025-13-45&to=2025-11-09", 400, "YYYY-MM-DD"},
      {"/api/diff?from=2025-57%3Afr&to=2025-18", 400, "unknown language"},
      {"/api/diff?from=2025-18&to=2025-57&lang=zh", 400, "unknown parameter 'lang'"},
      {"/api/diff?from=2025-18&from=2025-57&to=2025-57", 400, "more than once"},
      {"/api/diff?from=mofcom-gacc-2031-1&to=2025-57", 404, "no announcement matches"},
  };
  for (const Case& c : cases) {
    auto res = Get(c.target);
    ASSERT_TRUE(res) << c.target;
    EXPECT_EQ(res->status, c.status) << c.target << "\n" << res->body;
    Json body = Json::parse(res->body, nullptr, false);
    ASSERT_TRUE(body.is_object() && body["error"].is_string()) << c.target << "\n" << res->body;
    EXPECT_NE(body["error"].get<std::string>().find(c.says), std::string::npos)
        << c.target << ": " << body["error"];
  }
}

TEST_F(ServeDiffFeedTest, ApiDiffRevalidatesByETag) {
  const std::string target = "/api/diff?from=2025-10-08&to=2025-11-09";
  auto first = Get(target);
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = Get(target, {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // The dates swapped are another question.
  auto swapped = Get("/api/diff?from=2025-11-09&to=2025-10-08", {{"If-None-Match", etag}});
  ASSERT_TRUE(swapped);
  EXPECT_EQ(swapped->status, 200);
  EXPECT_NE(swapped->get_header_value("ETag"), etag);
}

TEST_F(ServeDiffFeedTest, DiffPageShowsTheRowsTheJsonListsInsideTheSite) {
  struct Case {
    std::string query;
    std::string rows;  // the report's rows, by code
    std::string json_rows;
  } cases[] = {
      {"from=mofcom-gacc-2025-18&to=mofcom-gacc-2025-57",
       "//div[@id='report']//section[@id='items']//tr[contains(concat(' ',@class,' '),' added ')]/@data-code",
       "items.added"},
      {"from=2025-10-08&to=2025-11-09",
       "//div[@id='report']//section[@id='status']//tr[@data-kind='newly_listed']/@data-code",
       "status_changes"},
  };
  for (const Case& c : cases) {
    auto page = Get("/diff?" + c.query);
    ASSERT_TRUE(page) << c.query;
    ASSERT_EQ(page->status, 200) << c.query << "\n" << page->body;
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
    auto json = Get("/api/diff?" + c.query);
    ASSERT_TRUE(json && json->status == 200) << c.query;
    const Json report = Json::parse(json->body);
    std::vector<std::string> expected;
    const Json& listed = c.json_rows == "items.added" ? report["items"]["added"]
                                                      : report["status_changes"];
    for (const Json& row : listed) {
      if (c.json_rows == "status_changes" && row["kind"] != "newly_listed") continue;
      expected.push_back(row["code"].get<std::string>());
    }
    ASSERT_FALSE(expected.empty()) << c.query;
    const Dom dom = Dom(page->body);
    ASSERT_TRUE(dom.ok());
    std::vector<std::string> shown = dom.Strings(c.rows);
    std::sort(shown.begin(), shown.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(shown, expected) << c.query;
    // The site's frame: its navigation with Diff current, the form filled in.
    EXPECT_EQ(dom.Strings("//header[@class='site']/nav/a[@aria-current='page']"),
              std::vector<std::string>{"Diff"});
    EXPECT_GE(dom.Count("//header[@class='site']/nav/a"), 6u);
    EXPECT_EQ(dom.Count("//form[@id='diff-form'][@method='get'][@action='/diff']"), 1u);
    EXPECT_EQ(dom.Count("//script"), 0u);
    // The JSON's sentences, word for word (two announcements' page has the
    // text diff too, and may say more about it).
    const std::vector<std::string> sentences =
        dom.Strings("//div[@id='report']//section[@id='summary']//p[@class='sentence']");
    for (const Json& sentence : report["summary"]) {
      EXPECT_NE(std::find(sentences.begin(), sentences.end(), sentence["text"].get<std::string>()),
                sentences.end())
          << sentence["text"];
    }
    EXPECT_EQ(dom.Count("//div[@id='report']//section[@id='timeline']//*[local-name()='svg'][@class='timeline']"),
              1u);
    // The JSON link gives the same question back.
    EXPECT_EQ(dom.Strings("//a[@id='diff-json']/@href"),
              std::vector<std::string>{"/api/diff?" + c.query});
  }
  // Two announcements: the text diff too; the form keeps what was asked.
  const Dom docs = Dom(Get("/diff?" + cases[0].query)->body);
  EXPECT_EQ(docs.Count("//section[@id='text-diff']//table[@class='text-diff']"), 1u);
  EXPECT_EQ(docs.Strings("//input[@id='diff-from']/@value"),
            std::vector<std::string>{"mofcom-gacc-2025-18"});
}

TEST_F(ServeDiffFeedTest, DiffPageWithoutParametersOffersTheFormAndExamplesThatWork) {
  auto page = Get("/diff");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  const Dom dom = Dom(page->body);
  EXPECT_EQ(dom.Count("//form[@id='diff-form']//input[@name='from']"), 1u);
  EXPECT_EQ(dom.Count("//form[@id='diff-form']//input[@name='to']"), 1u);
  EXPECT_EQ(dom.Count("//div[@id='report']"), 0u);
  const std::vector<std::string> examples = dom.Strings("//ul[@id='diff-examples']/li/a/@href");
  ASSERT_EQ(examples.size(), 2u);
  for (const std::string& href : examples) {
    auto res = Get(href);
    ASSERT_TRUE(res) << href;
    EXPECT_EQ(res->status, 200) << href;
    EXPECT_EQ(Dom(res->body).Count("//div[@id='report']//section[@id='summary']"), 1u) << href;
  }
}

TEST_F(ServeDiffFeedTest, DiffPageErrorsArePagesSayingWhatIsWrong) {
  auto res = Get("/diff?from=2025-10-08&to=mofcom-gacc-2025-57");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const Dom dom = Dom(res->body);
  const auto message = dom.Strings("//p[@id='error-message']");
  ASSERT_EQ(message.size(), 1u) << res->body;
  EXPECT_NE(message[0].find("not one with the other"), std::string::npos) << message[0];
  auto missing = Get("/diff?from=mofcom-gacc-2031-1&to=2025-57");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ServeDiffFeedTest, FeedIsAtomWithOneEntryPerAnnouncementNewestFirst) {
  auto res = Get("/feed.atom");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  const Dom feed = Dom::Xml(res->body);
  ASSERT_TRUE(feed.ok()) << res->body;
  EXPECT_EQ(feed.Count("/a:feed/a:id"), 1u);
  EXPECT_EQ(feed.Count("/a:feed/a:updated"), 1u);
  EXPECT_EQ(feed.Strings("/a:feed/a:link[@rel='self']/@href"),
            std::vector<std::string>{Origin() + "/feed.atom"});

  // One entry per announcement `list` shows, each with a stable tag: id.
  std::set<std::string> listed;
  for (const Json& row : Json::parse(Cli({"list", "--json"})))
    if (row["doc_id"].is_string()) listed.insert(row["doc_id"].get<std::string>());
  ASSERT_GE(listed.size(), 8u);
  const std::vector<std::string> ids = feed.Strings("/a:feed/a:entry/a:id");
  ASSERT_EQ(ids.size(), listed.size());
  std::set<std::string> named;
  for (const std::string& id : ids) {
    ASSERT_EQ(id.rfind("tag:regdiff,2025:announcement/", 0), 0u) << id;
    named.insert(id.substr(id.find('/') + 1));
  }
  EXPECT_EQ(named, listed);

  // Newest publication first, the undated (No. 51 of 2025 states no date)
  // last; every entry says what it does.
  const std::vector<std::string> published = feed.Strings("/a:feed/a:entry/a:published");
  EXPECT_EQ(published.size(), ids.size() - 1);
  EXPECT_TRUE(std::is_sorted(published.rbegin(), published.rend()));
  EXPECT_EQ(feed.Strings("/a:feed/a:entry[last()]/a:id"),
            std::vector<std::string>{"tag:regdiff,2025:announcement/mofcom-2025-51"});
  for (const std::string& summary : feed.Strings("/a:feed/a:entry/a:summary"))
    EXPECT_FALSE(summary.empty());
  const auto no57 = feed.Strings(
      "/a:feed/a:entry[a:id='tag:regdiff,2025:announcement/mofcom-gacc-2025-57']/a:summary");
  ASSERT_EQ(no57.size(), 1u);
  EXPECT_NE(no57[0].find("1C909"), std::string::npos) << no57[0];

  // Links are absolute under the server's own origin and name announcements
  // the server has.
  const std::vector<std::string> links = feed.Strings("/a:feed/a:entry/a:link[@rel='alternate']/@href");
  ASSERT_EQ(links.size(), ids.size());
  const std::string prefix = Origin() + "/announcements/";
  for (const std::string& link : links) {
    ASSERT_EQ(link.rfind(prefix, 0), 0u) << link;
    auto twin = Get("/api/announcements/" + link.substr(prefix.size()));
    ASSERT_TRUE(twin) << link;
    EXPECT_EQ(twin->status, 200) << link;
  }
}

TEST_F(ServeDiffFeedTest, FeedEscapesStoredText) {
  auto res = Get("/feed.atom");
  ASSERT_TRUE(res);
  const Dom feed = Dom::Xml(res->body);
  ASSERT_TRUE(feed.ok());
  const auto title = feed.Strings(
      "/a:feed/a:entry[a:id='tag:regdiff,2025:announcement/mofcom-2026-99']/a:title");
  ASSERT_EQ(title.size(), 1u) << res->body;
  // Read back as the text it was: markup and ampersand are characters.
  EXPECT_NE(title[0].find("<script>alert(1)</script> & "), std::string::npos) << title[0];
  EXPECT_EQ(res->body.find("<script>"), std::string::npos);
  EXPECT_NE(res->body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "), std::string::npos);
  EXPECT_EQ(feed.Count("//*[local-name()='script']"), 0u);
}

TEST_F(ServeDiffFeedTest, FeedLinksFollowTheHostAndRefuseABadOne) {
  auto named = Get("/feed.atom", {{"Host", "Regdiff.Example:8080"}});
  ASSERT_TRUE(named);
  ASSERT_EQ(named->status, 200);
  const Dom feed = Dom::Xml(named->body);
  for (const std::string& link : feed.Strings("//a:link/@href"))
    EXPECT_EQ(link.rfind("http://regdiff.example:8080/", 0), 0u) << link;
  for (const char* host : {"evil.example/x", "a\"b", "host:99999", "user@host", "[zz]", ""}) {
    auto res = Get("/feed.atom", {{"Host", host}});
    ASSERT_TRUE(res) << host;
    EXPECT_EQ(res->status, 400) << host;
  }
}

TEST_F(ServeDiffFeedTest, FeedRevalidatesByETagPerHost) {
  auto first = Get("/feed.atom");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = Get("/feed.atom", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // Another Host gives other links: another validator.
  auto other = Get("/feed.atom", {{"If-None-Match", etag}, {"Host", "localhost"}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_NE(other->get_header_value("ETag"), etag);
}

}  // namespace
}  // namespace regdiff::testing
