// The sources file: every key read, defaults, errors that name the source and
// the key, and the shipped sources.toml (its patterns tried on list pages in
// the sites' URL shapes).
#include "ingest/sources_file.h"

#include <gtest/gtest.h>

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

  ASSERT_EQ(file->sources.size(), 2u);
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
  EXPECT_EQ(file->Find("customs"), &d);
  EXPECT_EQ(file->Find("nope"), nullptr);
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
// the URL shapes its site uses (the pages themselves were not fetched here).
TEST(SourcesFile, TheShippedFileFindsLinksInEachSitesUrlShape) {
  auto file = LoadSourcesFile(regdiff::testing::SourceDir() + "/sources.toml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  struct Case {
    const char* source;
    const char* href;   // as a list page would write it
    const char* title;
    bool taken;
  };
  const Case cases[] = {
      {"mofcom-zcfb", "/zcfb/blgg/art/2023/art_ca2e9d349361441f847bdabac5d8331b.html",
       "商务部 海关总署公告2023年第23号 关于对镓、锗相关物项实施出口管制的公告", true},
      {"mofcom-zcfb", "/zcfb/zcwg/art/2025/art_00000000000000000000000000000001.html",
       "关于举办展会的通知", false},
      {"mofcom-blgg", "gg/2025/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html",
       "商务部公告2025年第72号", true},
      {"mofcom-blgg", "/zwgk/art/2025/art_bc4513421bb24faaa84e44c2e4f36dc5.html", "公告", false},
      {"mofcom-exportcontrol", "/article/zcfg/gnzcfg/zcfggzqd/202504/1134.html",
       "商务部 海关总署公告2025年第18号", true},
      {"mofcom-exportcontrol", "/article/zcfg/gnzcfg/flfg/202111/226.html", "出口管制法", false},
      {"customs-announcements", "/customs/302249/302266/302267/2167536/index.html",
       "商务部 海关总署公告2025年第57号（关于对钬等相关物项实施出口管制的决定）", true},
      {"customs-announcements", "/customs/302249/302266/302267/2167536/index.html",
       "海关总署公告2019年第5号（关于进境动物检疫的公告）", false},
  };
  for (const Case& c : cases) {
    const SourceConfig* s = file->Find(c.source);
    ASSERT_NE(s, nullptr) << c.source;
    const std::string page = std::string("<html><body><ul><li><a href=\"") + c.href + "\">" +
                             c.title + "</a></li></ul></body></html>";
    LinkRules rules{s->link_xpath, s->link_pattern, s->title_keywords, s->allowed_hosts};
    auto links = ExtractLinks(page, s->index_url, rules);
    ASSERT_TRUE(links.ok()) << links.status().ToString();
    EXPECT_EQ(links->size(), c.taken ? 1u : 0u) << c.source << " " << c.href << " " << c.title;
  }
}

}  // namespace
}  // namespace regdiff::ingest
