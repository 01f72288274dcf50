// The sources file: every key read, defaults, errors that name the source and
// the key, and the shipped sources.toml (its patterns tried on list pages in
// the sites' URL shapes).
#include "ingest/sources_file.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>

#include "ingest/json_list.h"
#include "ingest/link_extractor.h"
#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using namespace std::chrono_literals;

constexpr char kFull[] = R"toml(
[fetch]
connect_timeout = 3
timeout = "1500ms"
stall_time = "2s"
stall_bytes_per_second = 10
max_bytes = 2048
max_redirects = 2
retries = 4
backoff = "10ms"
backoff_max = "1m"
host_delay = "0s"
user_agent = "regdiff-test"

[[source]]
name = "mofcom-blgg"
index_url = "https://www.mofcom.gov.cn/zcfb/blgg/index.html"
link_xpath = "//ul[@class='list']//a"
link_pattern = 'art_[0-9a-f]{32}\.html$'
title_keywords = ["公告", "出口管制"]
content_selector = "div.art-con"
charset = "GB2312"
pages = 3
page_url_template = "https://www.mofcom.gov.cn/zcfb/blgg/index_{index}.html"
poll_interval = "15m"
recheck_interval = 0
allowed_hosts = ["English.Mofcom.gov.cn", "127.0.0.1:8080"]

[[source]]
name = "customs"
index_url = "http://www.customs.gov.cn/customs/302249/302266/302267/index.html"
title_keywords = ["出口管制"]

[[source]]
name = "exportcontrol"
index_url = "https://exportcontrol.mofcom.gov.cn/edi_ecms_web_front/front/column/getColumnList"
method = "POST"
body = "pageNumber={page}&columnID=9"
content_type = "application/x-www-form-urlencoded; charset=UTF-8"
headers = { "X-Requested-With" = "XMLHttpRequest", "Referer" = "https://exportcontrol.mofcom.gov.cn/" }
list_items_pointer = "/pageInfo/rows"
item_url_field = "url"
item_title_field = "title"
pages = 2

[[source]]
name = "unit"
index_url = "https://www.mofcom.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?pageId=x"
list_html_pointer = "/data/html"
link_xpath = "//ul[@class='txtList_01']/li/a"
)toml";

TEST(SourcesFile, ReadsEveryKey) {
  auto file = ParseSourcesFile(kFull, "test.toml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const FetchOptions& f = file->fetch;
  EXPECT_EQ(f.connect_timeout, 3000ms);
  EXPECT_EQ(f.total_timeout, 1500ms);
  EXPECT_EQ(f.stall_time, 2000ms);
  EXPECT_EQ(f.stall_bytes_per_second, 10);
  EXPECT_EQ(f.max_bytes, 2048u);
  EXPECT_EQ(f.max_redirects, 2);
  EXPECT_EQ(f.max_attempts, 5);
  EXPECT_EQ(f.backoff_initial, 10ms);
  EXPECT_EQ(f.backoff_max, 60000ms);
  EXPECT_EQ(f.min_host_interval, 0ms);
  EXPECT_EQ(f.user_agent, "regdiff-test");

  ASSERT_EQ(file->sources.size(), 4u);
  const SourceConfig& s = file->sources[0];
  EXPECT_EQ(s.name, "mofcom-blgg");
  EXPECT_EQ(s.index_url, "https://www.mofcom.gov.cn/zcfb/blgg/index.html");
  EXPECT_EQ(s.link_xpath, "//ul[@class='list']//a");
  EXPECT_EQ(s.link_pattern, R"(art_[0-9a-f]{32}\.html$)");
  EXPECT_EQ(s.title_keywords, (std::vector<std::string>{"公告", "出口管制"}));
  EXPECT_EQ(s.content_selector, "div.art-con");
  EXPECT_EQ(s.charset, "GB2312");
  EXPECT_EQ(s.pages, 3);
  EXPECT_EQ(ExpandPageTemplate(s.page_url_template, 2),
            "https://www.mofcom.gov.cn/zcfb/blgg/index_1.html");
  EXPECT_EQ(s.poll_interval, 900s);
  EXPECT_EQ(s.recheck_interval, 0s);
  EXPECT_EQ(s.allowed_hosts, (std::vector<std::string>{"english.mofcom.gov.cn", "127.0.0.1:8080"}));

  const SourceConfig& d = file->sources[1];  // defaults
  EXPECT_EQ(d.pages, 1);
  EXPECT_EQ(d.poll_interval, 3600s);
  EXPECT_EQ(d.recheck_interval, 86400s);
  EXPECT_TRUE(d.link_xpath.empty());
  EXPECT_EQ(d.method, "GET");
  EXPECT_TRUE(d.headers.empty());
  EXPECT_FALSE(d.json_list());
  EXPECT_EQ(file->Find("customs"), &d);
  EXPECT_EQ(file->Find("nope"), nullptr);

  const SourceConfig& e = file->sources[2];
  EXPECT_EQ(e.method, "POST");
  EXPECT_EQ(e.body, "pageNumber={page}&columnID=9");
  EXPECT_TRUE(e.body_pages());
  EXPECT_EQ(ExpandPageTemplate(e.body, 1), "pageNumber=1&columnID=9");
  EXPECT_EQ(e.content_type, "application/x-www-form-urlencoded; charset=UTF-8");
  EXPECT_EQ(e.headers, (std::vector<std::pair<std::string, std::string>>{
                           {"Referer", "https://exportcontrol.mofcom.gov.cn/"},
                           {"X-Requested-With", "XMLHttpRequest"}}));
  EXPECT_EQ(e.list_items_pointer, "/pageInfo/rows");
  EXPECT_EQ(e.item_url_field, "url");
  EXPECT_EQ(e.item_title_field, "title");
  EXPECT_TRUE(e.json_list());
  EXPECT_EQ(e.pages, 2) << "a body with {page} reaches page 2";

  const SourceConfig& u = file->sources[3];
  EXPECT_EQ(u.list_html_pointer, "/data/html");
  EXPECT_TRUE(u.json_list());
}

TEST(SourcesFile, ErrorsNameTheSourceAndTheKey) {
  const std::string ok_source =
      "[[source]]\nname = \"a\"\nindex_url = \"https://x.cn/\"\nlink_pattern = \"p\"\n";
  struct Case {
    std::string toml;
    std::string says;
  };
  const Case cases[] = {
      {"", "no [[source]] entries"},
      {"[[source]]\nname = \"a\"\n", "source 'a': key 'index_url' is missing"},
      {"[[source]]\nindex_url = \"https://x.cn/\"\nlink_pattern = \"p\"\n",
       "source #1: key 'name' is missing"},
      {"[[source]]\nname = \"Bad Name\"\n", "source 'Bad Name', key 'name' (line 2): must be"},
      {"[[source]]\nname = \"a\"\nindex_url = \"file:///etc/passwd\"\n",
       "source 'a', key 'index_url' (line 3): must be an absolute http:// or https:// URL"},
      {ok_source + "pollinterval = \"1h\"\n", "source 'a', key 'pollinterval' (line 5): unknown key"},
      {ok_source + "pages = \"2\"\n", "source 'a', key 'pages' (line 5): must be an integer"},
      {ok_source + "pages = 0\n", "key 'pages' (line 5): must be between 1 and 50"},
      {ok_source + "pages = 2\n", "source 'a': key 'pages' is 2 but neither page_url_template"},
      {ok_source + "page_url_template = \"https://x.cn/list.html\"\n",
       "key 'page_url_template' (line 5): must contain {page} or {index}"},
      {ok_source + "poll_interval = \"soon\"\n", "key 'poll_interval' (line 5): must be a duration"},
      {ok_source + "poll_interval = \"0s\"\n", "key 'poll_interval' (line 5): must be at least"},
      {ok_source + "title_keywords = \"公告\"\n", "key 'title_keywords' (line 5): must be an array"},
      {ok_source + "content_selector = \"div > p\"\n", "key 'content_selector' (line 5): must be a simple selector"},
      {ok_source + "charset = \"klingon-8\"\n", "key 'charset' (line 5): unknown charset"},
      {ok_source + "link_xpath = \"//a[\"\n", "key 'link_xpath' (line 5): bad XPath"},
      {"[[source]]\nname = \"a\"\nindex_url = \"https://x.cn/\"\nlink_pattern = \"(\"\n",
       "source 'a', key 'link_pattern' (line 4): bad link pattern"},
      {ok_source + "allowed_hosts = [\"x.cn/path\"]\n", "key 'allowed_hosts' (line 5): 'x.cn/path' is not a host"},
      {"[[source]]\nname = \"a\"\nindex_url = \"https://x.cn/\"\n",
       "source 'a': needs at least one of link_xpath, link_pattern, title_keywords"},
      {ok_source + ok_source, "source 'a': the name is used by an earlier source"},
      {"[fetch]\ntimeout = -1\n" + ok_source, "[fetch], key 'timeout' (line 2): must be a duration"},
      {"[fetch]\nretries = 11\n" + ok_source, "[fetch], key 'retries' (line 2): must be between 0 and 10"},
      {"[fetch]\nbackoff = \"1m\"\nbackoff_max = \"1s\"\n" + ok_source, "backoff_max is shorter"},
      {ok_source + "method = \"PUT\"\n", "source 'a', key 'method' (line 5): must be \"GET\" or \"POST\""},
      {ok_source + "body = \"a=1\"\n", "source 'a': key 'body' needs method = \"POST\""},
      {ok_source + "content_type = \"text/plain\"\n", "source 'a': key 'content_type' needs method"},
      {ok_source + "method = \"POST\"\ncontent_type = \"a\\nb\"\n",
       "source 'a', key 'content_type' (line 6): must be one non-empty line"},
      {ok_source + "headers = \"X-Requested-With: XMLHttpRequest\"\n",
       "source 'a', key 'headers' (line 5): must be a table of strings"},
      {ok_source + "headers = { \"X-Requested-With\" = 1 }\n",
       "key 'headers' (line 5): header 'X-Requested-With' must be a string"},
      {ok_source + "headers = { \"Bad Name\" = \"1\" }\n", "key 'headers' (line 5): 'Bad Name' is not a header name"},
      {ok_source + "headers = { \"X-A\" = \"1\\r\\nX-B: 2\" }\n", "header 'X-A' must be one line"},
      {ok_source + "headers = { \"host\" = \"evil.example\" }\n", "header 'host' comes from the URL"},
      {ok_source + "headers = { \"Content-Type\" = \"a/b\" }\n", "header 'Content-Type' is set with content_type"},
      {ok_source + "list_html_pointer = \"data/html\"\n",
       "source 'a', key 'list_html_pointer' (line 5): must be a JSON pointer starting with '/'"},
      {ok_source + "list_html_pointer = \"/data/~2\"\n", "key 'list_html_pointer' (line 5): bad JSON pointer"},
      {ok_source + "list_items_pointer = 3\n", "key 'list_items_pointer' (line 5): must be a string"},
      {ok_source + "list_html_pointer = \"/a\"\nlist_items_pointer = \"/b\"\nitem_url_field = \"url\"\n",
       "source 'a': keys 'list_html_pointer' and 'list_items_pointer' exclude each other"},
      {ok_source + "item_url_field = \"url\"\n", "source 'a': key 'item_url_field' needs list_items_pointer"},
      {ok_source + "item_title_field = \"title\"\n", "key 'item_title_field' needs list_items_pointer"},
      {ok_source + "list_items_pointer = \"/rows\"\n", "source 'a': key 'list_items_pointer' needs item_url_field"},
      {ok_source + "item_url_field = \"\"\n", "key 'item_url_field' (line 5): must name a member"},
      {ok_source + "list_items_pointer = \"/rows\"\nitem_url_field = \"url\"\nlink_xpath = \"//a\"\n",
       "source 'a': key 'link_xpath' does not apply to a list of JSON items"},
      {ok_source + "list_items_pointer = \"/rows\"\nitem_url_field = \"url\"\nnext_page_xpath = \"//a\"\n",
       "key 'next_page_xpath' does not apply to a list of JSON items"},
      {ok_source + "list_items_pointer = \"/rows\"\nitem_url_field = \"url\"\ntitle_keywords = [\"公告\"]\n",
       "key 'title_keywords' needs item_title_field"},
      {ok_source + "method = \"POST\"\nbody = \"page=1\"\npages = 2\n",
       "key 'pages' is 2 but neither page_url_template, next_page_xpath nor a body with {page}"},
      {"[sources]\n", "key 'sources' (line 1): unknown table or key"},
      {"[[source]\n", "test.toml:1:"},  // TOML syntax, with line and column
  };
  for (const Case& c : cases) {
    auto file = ParseSourcesFile(c.toml, "test.toml");
    ASSERT_FALSE(file.ok()) << c.toml;
    EXPECT_EQ(file.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(file.status().message().find(c.says), std::string::npos)
        << "expected '" << c.says << "' in: " << file.status().message();
    EXPECT_EQ(file.status().message().rfind("test.toml", 0), 0u) << file.status().message();
  }
}

// The caps and the relevance filter of a source, their defaults, and the
// bounds of every duration (a "100000d" interval once overflowed the clock).
TEST(SourcesFile, ReadsLimitsAndRelevanceAndBoundsIntervals) {
  const std::string base =
      "[[source]]\nname = \"a\"\nindex_url = \"https://x.cn/\"\nlink_pattern = \"p\"\n";
  auto defaults = ParseSourcesFile(base, "test.toml");
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_EQ(defaults->sources[0].max_links, 500);
  EXPECT_EQ(defaults->sources[0].max_new_pages, 50);
  EXPECT_TRUE(defaults->sources[0].export_control_only);

  auto set = ParseSourcesFile(
      base + "max_links = 40\nmax_new_pages = 5\nrelevance = \"all\"\npoll_interval = \"30d\"\n",
      "test.toml");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->sources[0].max_links, 40);
  EXPECT_EQ(set->sources[0].max_new_pages, 5);
  EXPECT_FALSE(set->sources[0].export_control_only);
  EXPECT_EQ(set->sources[0].poll_interval, 30 * 86400s);

  const std::pair<std::string, std::string> bad[] = {
      {"poll_interval = \"100000d\"\n", "key 'poll_interval' (line 5): must be at most 30 days"},
      {"poll_interval = \"31d\"\n", "must be at most 30 days"},
      {"recheck_interval = \"999999999d\"\n", "key 'recheck_interval' (line 5): must be at most 365 days"},
      {"max_links = 0\n", "key 'max_links' (line 5): must be between 1 and 100000"},
      {"max_new_pages = 1000000\n", "key 'max_new_pages' (line 5): must be between"},
      {"relevance = \"some\"\n", "key 'relevance' (line 5): must be \"export-control\" or \"all\""},
  };
  for (const auto& [line, says] : bad) {
    auto file = ParseSourcesFile(base + line, "test.toml");
    ASSERT_FALSE(file.ok()) << line;
    EXPECT_NE(file.status().message().find(says), std::string::npos) << file.status().message();
  }
  auto browser = ParseSourcesFile("[fetch]\nbrowser = \"/usr/bin/chromium\"\nrecheck_delay = \"100ms\"\n" +
                                      base + "browser = true\n",
                                  "test.toml");
  ASSERT_TRUE(browser.ok()) << browser.status().ToString();
  EXPECT_EQ(browser->fetch.browser_command, "/usr/bin/chromium");
  EXPECT_EQ(browser->fetch.min_recheck_interval, 100ms);
  EXPECT_TRUE(browser->sources[0].browser);
  EXPECT_FALSE(defaults->sources[0].browser);
  auto charset = ParseSourcesFile(base + "browser = true\ncharset = \"gbk\"\n", "test.toml");
  ASSERT_FALSE(charset.ok());
  EXPECT_NE(charset.status().message().find("key 'charset' does not apply with browser = true"),
            std::string::npos)
      << charset.status().message();

  auto timeout = ParseSourcesFile("[fetch]\ntimeout = \"400d\"\n" + base, "test.toml");
  ASSERT_FALSE(timeout.ok());
  EXPECT_NE(timeout.status().message().find("must be at most 365 days"), std::string::npos);
}

TEST(SourcesFile, ParsesDurations) {
  const std::pair<const char*, std::optional<std::chrono::milliseconds>> cases[] = {
      {"90", 90s},      {"500ms", 500ms}, {"30s", 30s},          {"15m", 15min},
      {"2h", 2h},       {"1d", 24h},      {"", std::nullopt},    {"1.5s", std::nullopt},
      {"-1s", std::nullopt}, {"5 s", std::nullopt}, {"1w", std::nullopt},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(ParseDuration(text), expected) << text;
}

TEST(SourcesFile, ExpandsPageTemplates) {
  EXPECT_EQ(ExpandPageTemplate("https://x.cn/list_{page}.html", 3), "https://x.cn/list_3.html");
  EXPECT_EQ(ExpandPageTemplate("https://x.cn/index_{index}.html", 2), "https://x.cn/index_1.html");
  EXPECT_EQ(ExpandPageTemplate("https://x.cn/a/?{page}", 2), "https://x.cn/a/?2");
}

TEST(SourcesFile, MissingFileIsAnIoError) {
  EXPECT_EQ(LoadSourcesFile("/nonexistent/sources.toml").status().code(), Status::Code::kIoError);
}

// The shipped file loads, and each source's rules pick announcement links in
// the URL shapes its site uses, over http and https, from an answer in the
// shape its endpoint gives (the endpoints themselves were not fetched here).
TEST(SourcesFile, TheShippedFileFindsLinksInEachSitesUrlShape) {
  auto file = LoadSourcesFile(regdiff::testing::SourceDir() + "/sources.toml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  const std::string hex = "ca2e9d349361441f847bdabac5d8331b";
  struct Case {
    const char* source;
    std::string href;  // as the list writes it
    const char* title;
    bool taken;
  };
  const Case cases[] = {
      {"mofcom-zcfb", "/zwgk/zcfb/art/2025/art_" + hex + ".html", "商务部公告2025年第61号", true},
      {"mofcom-zcfb", "https://www.mofcom.gov.cn/zcfb/blgg/art/2023/art_" + hex + ".html",
       "商务部 海关总署公告2023年第23号 关于对镓、锗相关物项实施出口管制的公告", true},
      {"mofcom-zcfb", "http://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_" + hex + ".html",
       "商务部公告2025年第72号", true},
      {"mofcom-zcfb", "/zcfb/blgg/bl/2024/art/2024/art_" + hex + ".html", "商务部令2024年第3号 公告", true},
      {"mofcom-zcfb", "http://www.mofcom.gov.cn/zcfb/zc/art/2025/art_" + hex + ".html", "公告", true},
      {"mofcom-zcfb", "/zfxxgk/fdzdgknr/ztfl/blgg/art/2025/art_" + hex + ".html", "商务部公告2025年第18号", true},
      {"mofcom-zcfb", "/zcfb/zcwg/art/2025/art_" + hex + ".html", "关于举办展会的通知", false},
      {"mofcom-zcfb", "/zwgk/zcfb/art/2025/art_" + hex + ".html", "关于举办展会的通知", false},
      {"mofcom-zcfb", "/xwfb/rcxwfb/art/2025/art_" + hex + ".html", "商务部新闻发言人就公告答记者问", false},
      {"mofcom-exportcontrol", "/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html",
       "商务部 海关总署公告2025年第18号", true},
      {"mofcom-exportcontrol", "http://exportcontrol.mofcom.gov.cn/article/hgfw/lywxcx/gzqd/202111/225.html",
       "2022年两用物项和技术进出口许可证管理目录", true},
      {"mofcom-exportcontrol", "/edi_ecms_web_front/front/column/getColumnList", "栏目", false},
      {"mofcom-aqygzj", "/gzdt/art/2026/art_" + hex + ".html", "商务部公告2026年第30号", true},
      {"mofcom-aqygzj", "http://aqygzj.mofcom.gov.cn/zhxx/art/2024/art_" + hex + ".html", "答记者问", true},
      {"mofcom-aqygzj", "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_" + hex + ".html", "公告", false},
      {"customs-announcements", "/customs/302249/302266/302267/2167536/index.html",
       "商务部 海关总署公告2025年第57号（关于对钬等相关物项实施出口管制的决定）", true},
      {"customs-announcements", "/customs/302249/302266/302267/2167536/index.html",
       "海关总署公告2019年第5号（关于进境动物检疫的公告）", false},
  };
  // The list unit's container on each site (see sources.toml).
  const std::map<std::string, std::string> unit_id = {{"mofcom-zcfb", "分页列表"},
                                                      {"mofcom-aqygzj", "信息列表"}};
  for (const Case& c : cases) {
    const SourceConfig* s = file->Find(c.source);
    ASSERT_NE(s, nullptr) << c.source;
    LinkRules rules{s->link_xpath, s->link_pattern, s->title_keywords, s->allowed_hosts};
    const std::string item = "<li><a href=\"" + c.href + "\" title=\"" + c.title + "\">" +
                             c.title + "</a><span>[2025-10-09]</span></li>";
    Result<std::vector<Link>> links = std::vector<Link>{};
    if (!s->list_html_pointer.empty()) {
      const std::string html = "<div id=\"" + unit_id.at(c.source) +
                               "\"><div class=\"page-content\"><ul class=\"txtList_01\">" + item +
                               "</ul></div></div>";
      const nlohmann::json answer{{"success", true}, {"data", {{"html", html}}}};
      links = ExtractJsonListLinks(answer.dump(), s->index_url, {s->list_html_pointer, "", "", ""}, rules);
    } else if (!s->list_items_pointer.empty()) {
      const nlohmann::json answer{
          {"pageInfo", {{"rows", {{{s->item_url_field, c.href}, {s->item_title_field, c.title}}}}}}};
      links = ExtractJsonListLinks(answer.dump(), s->index_url,
                                   {"", s->list_items_pointer, s->item_url_field, s->item_title_field}, rules);
    } else {
      // A page as the browser renders it (customs: the list is a
      // ul.conList_ul among the page's navigation).
      links = ExtractLinks("<html><body><ul class=\"nav\"><li><a href=\"/customs/302249/index.html\">"
                           "海关总署公告</a></li></ul><ul class=\"conList_ul\">" + item +
                               "</ul></body></html>",
                           s->index_url, rules);
    }
    ASSERT_TRUE(links.ok()) << c.source << ": " << links.status().ToString();
    EXPECT_EQ(links->size(), c.taken ? 1u : 0u) << c.source << " " << c.href << " " << c.title;
  }
}

// Every list of the shipped file says which links are the list's: a sidebar
// link to an old announcement, in the list's own URL shape, is not taken.
TEST(SourcesFile, TheShippedListsDoNotTakeASidebarLink) {
  auto file = LoadSourcesFile(regdiff::testing::SourceDir() + "/sources.toml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  for (const SourceConfig& s : file->sources) {
    if (s.list_html_pointer.empty()) continue;  // items: the JSON holds the list alone
    EXPECT_FALSE(s.link_xpath.empty()) << s.name;
    const std::string old_link = "<div class=\"related\"><ul><li><a href=\"/zwgk/zcfb/art/2019/art_"
                                 "0123456789abcdef0123456789abcdef.html\">商务部公告2019年第1号</a></li>"
                                 "<li><a href=\"/gzdt/art/2019/art_0123456789abcdef0123456789abcdef.html\">"
                                 "商务部公告2019年第2号</a></li></ul></div>";
    const nlohmann::json answer{{"data", {{"html", old_link}}}};
    LinkRules rules{s.link_xpath, s.link_pattern, s.title_keywords, s.allowed_hosts};
    auto links = ExtractJsonListLinks(answer.dump(), s.index_url, {s.list_html_pointer, "", "", ""}, rules);
    ASSERT_TRUE(links.ok()) << links.status().ToString();
    EXPECT_TRUE(links->empty()) << s.name;
  }
}

}  // namespace
}  // namespace regdiff::ingest
