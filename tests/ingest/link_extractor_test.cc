// URL resolution (RFC 3986 section 5.4's examples), the http/https-only
// rule, and the announcement links of list pages.
#include "ingest/link_extractor.h"

#include <gtest/gtest.h>

#include "ingest/url.h"

namespace regdiff::ingest {
namespace {

TEST(Url, ResolvesTheRfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      // 5.4.1 normal examples
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g/"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"g#s", "http://a/b/c/g"},  // fragments are dropped
      {"g?y#s", "http://a/b/c/g?y"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"", nullptr},    // the page itself: no link
      {"#s", nullptr},  // the page itself
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../g", "http://a/g"},
      // 5.4.2 abnormal examples
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
  };
  for (const auto& [ref, expected] : cases) {
    std::optional<std::string> got = ResolveUrl(base, ref);
    if (!expected) {
      EXPECT_FALSE(got.has_value()) << ref << " -> " << got.value_or("");
    } else {
      EXPECT_EQ(got.value_or("(none)"), expected) << ref;
    }
  }
}

TEST(Url, NeverLeavesHttpOrHttps) {
  const std::string base = "https://www.mofcom.gov.cn/zcfb/blgg/index.html";
  for (const char* ref :
       {"file:///etc/passwd", "javascript:void(0)", "mailto:a@b.cn", "ftp://www.mofcom.gov.cn/x",
        "C:\\Windows\\x.html", "data:text/html,x", "http://user:pw@www.mofcom.gov.cn/x"}) {
    EXPECT_FALSE(ResolveUrl(base, ref).has_value()) << ref;
  }
  // Paths climbing out of the site stay URLs on the site.
  EXPECT_EQ(ResolveUrl(base, "../../../../etc/passwd").value_or(""),
            "https://www.mofcom.gov.cn/etc/passwd");
  EXPECT_FALSE(ResolveUrl("file:///var/www/index.html", "a.html").has_value());
}

TEST(Url, CleansHrefsAsBrowsersDo) {
  const std::string base = "http://www.customs.gov.cn/customs/302249/302266/302267/index.html";
  EXPECT_EQ(ResolveUrl(base, "  ./4899681/index.html\n").value_or(""),
            "http://www.customs.gov.cn/customs/302249/302266/302267/4899681/index.html");
  EXPECT_EQ(ResolveUrl(base, "/搜索 页.html").value_or(""),
            "http://www.customs.gov.cn/%E6%90%9C%E7%B4%A2%20%E9%A1%B5.html");
  EXPECT_EQ(ResolveUrl(base, "HTTP://WWW.Customs.GOV.cn:80/a").value_or(""),
            "http://www.customs.gov.cn/a");
  EXPECT_EQ(ResolveUrl(base, "https://x.cn:443").value_or(""), "https://x.cn/");
  EXPECT_EQ(ResolveUrl(base, "http://127.0.0.1:8080/p?a=1#f").value_or(""),
            "http://127.0.0.1:8080/p?a=1");
}

TEST(Url, ParsesOnlyAbsoluteHttpUrls) {
  std::optional<HttpUrl> u = ParseHttpUrl("https://ExportControl.mofcom.gov.cn/article/?2");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->host, "exportcontrol.mofcom.gov.cn");
  EXPECT_EQ(u->path, "/article/");
  EXPECT_EQ(u->query, "2");
  EXPECT_EQ(u->HostPort(), "exportcontrol.mofcom.gov.cn");
  EXPECT_EQ(ParseHttpUrl("http://127.0.0.1:8080")->HostPort(), "127.0.0.1:8080");
  for (const char* bad : {"", "/a", "www.mofcom.gov.cn", "http://", "http://:80/", "http://a:0/",
                          "http://a:99999/", "http://a:x/", "http://u@a/", "file:///etc"}) {
    EXPECT_FALSE(ParseHttpUrl(bad).has_value()) << bad;
  }
}

// A list page in the shape of the MOFCOM ones: navigation, a list of
// announcements (some long titles cut short, the whole title in title=""),
// pagination, and links elsewhere.
constexpr char kListPage[] = R"html(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>部令公告</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zcfb/">政策发布</a>
  <a href="https://www.gov.cn/">中国政府网</a> <a href="javascript:void(0)">打印</a></div>
<ul class="list">
  <li><a href="art/2025/art_aa01.html" title="商务部 海关总署公告2025年第57号 关于对钬、铒、铥、铕、镱相关物项实施出口管制的决定">商务部 海关总署公告2025年第57号 关于对钬、铒…</a><span>2025-10-09</span></li>
  <li><a href="./art/2025/art_aa02.html#top">商务部公告2025年第62号 关于对稀土相关技术实施出口管制的决定</a></li>
  <li><a href="/zcfb/blgg/art/2025/art_aa01.html">商务部 海关总署公告2025年第57号（重复）</a></li>
  <li><a href="art/2025/art_bb03.html">关于举办进口博览会的通知</a></li>
  <li><a href="https://www.gov.cn/zhengce/art_cc04.html">国务院公告（其他网站）</a></li>
  <li><a href="file:///etc/passwd">公告</a></li>
</ul>
<div class="page"><a href="index.html">首页</a> <a href="index_1.html">下一页</a></div>
</body></html>)html";

constexpr char kListUrl[] = "https://www.mofcom.gov.cn/zcfb/blgg/index.html";

std::vector<std::string> Urls(const std::vector<Link>& links) {
  std::vector<std::string> out;
  for (const Link& l : links) out.push_back(l.url);
  return out;
}

TEST(LinkExtractor, ResolvesFiltersAndDeduplicates) {
  LinkRules rules;
  rules.pattern = R"(/zcfb/blgg/art/\d{4}/art_[0-9a-f]+\.html$)";
  rules.title_keywords = {"公告"};
  auto links = ExtractLinks(kListPage, kListUrl, rules);
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  EXPECT_EQ(Urls(*links), (std::vector<std::string>{
                              "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_aa01.html",
                              "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_aa02.html",
                          }));
  // The whole title from title="", not the cut one.
  EXPECT_EQ((*links)[0].title,
            "商务部 海关总署公告2025年第57号 关于对钬、铒、铥、铕、镱相关物项实施出口管制的决定");
  EXPECT_EQ((*links)[1].title, "商务部公告2025年第62号 关于对稀土相关技术实施出口管制的决定");
}

TEST(LinkExtractor, KeepsOtherSitesOutUnlessAllowed) {
  LinkRules rules;
  rules.title_keywords = {"公告"};
  auto same_site = ExtractLinks(kListPage, kListUrl, rules);
  ASSERT_TRUE(same_site.ok());
  for (const Link& l : *same_site) EXPECT_EQ(l.url.find("www.gov.cn"), std::string::npos) << l.url;
  rules.allowed_hosts = {"www.gov.cn"};
  auto allowed = ExtractLinks(kListPage, kListUrl, rules);
  ASSERT_TRUE(allowed.ok());
  EXPECT_EQ(Urls(*allowed).back(), "https://www.gov.cn/zhengce/art_cc04.html");
}

TEST(LinkExtractor, XPathChoosesTheListElementsOrHrefAttributes) {
  LinkRules rules;
  rules.xpath = "//ul[@class='list']";  // an element without href: the links inside it
  auto in_list = ExtractLinks(kListPage, kListUrl, rules);
  ASSERT_TRUE(in_list.ok());
  // Six links: one repeats the first, one is on another site, one is file:.
  EXPECT_EQ(Urls(*in_list), (std::vector<std::string>{
                                "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_aa01.html",
                                "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_aa02.html",
                                "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_bb03.html",
                            }));
  rules.xpath = "//ul[@class='list']/li[1]/a/@href";
  auto attr = ExtractLinks(kListPage, kListUrl, rules);
  ASSERT_TRUE(attr.ok());
  ASSERT_EQ(attr->size(), 1u);
  EXPECT_EQ((*attr)[0].url, "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_aa01.html");
  EXPECT_NE((*attr)[0].title.find("第57号"), std::string::npos);
}

TEST(LinkExtractor, NeverYieldsALocalPath) {
  auto links = ExtractLinks(kListPage, kListUrl, LinkRules{});
  ASSERT_TRUE(links.ok());
  for (const Link& l : *links) {
    EXPECT_TRUE(l.url.rfind("https://", 0) == 0 || l.url.rfind("http://", 0) == 0) << l.url;
  }
  EXPECT_EQ(ExtractLinks(kListPage, "file:///tmp/index.html", LinkRules{}).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(LinkExtractor, BadXPathOrPatternIsAnError) {
  LinkRules rules;
  rules.xpath = "//a[";
  EXPECT_EQ(ExtractLinks(kListPage, kListUrl, rules).status().code(),
            Status::Code::kInvalidArgument);
  rules.xpath = "count(//a)";
  EXPECT_EQ(ExtractLinks(kListPage, kListUrl, rules).status().code(),
            Status::Code::kInvalidArgument);
  rules.xpath.clear();
  rules.pattern = "art_(";
  EXPECT_EQ(ExtractLinks(kListPage, kListUrl, rules).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_TRUE(ValidateXPath("//div[@class='list']//a").ok());
  EXPECT_FALSE(ValidateXPath("//a[").ok());
  EXPECT_TRUE(ValidateLinkPattern(R"(art_[0-9a-f]{32}\.html$)").ok());
  EXPECT_FALSE(ValidateLinkPattern("[").ok());
}

TEST(LinkExtractor, FindsTheNextPageLink) {
  auto next = FindNextPageUrl(kListPage, kListUrl, "//a[text()='下一页']");
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, "https://www.mofcom.gov.cn/zcfb/blgg/index_1.html");
  auto none = FindNextPageUrl(kListPage, kListUrl, "//a[text()='末页']");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, "");
}

TEST(LinkExtractor, FollowsTheNextPageOnlyOnTheSameSiteAndNeverFromHttpsToHttp) {
  constexpr std::string_view kPage = "https://www.mofcom.gov.cn/zcfb/blgg/index.html";
  const auto next = [&](std::string_view page_url, std::string_view href) {
    const std::string html = "<a href=\"" + std::string(href) + "\">下一页</a>";
    auto url = FindNextPageUrl(html, page_url, "//a[text()='下一页']");
    EXPECT_TRUE(url.ok()) << url.status().ToString();
    return url.ok() ? *url : std::string("error");
  };
  EXPECT_EQ(next(kPage, "index_1.html"), "https://www.mofcom.gov.cn/zcfb/blgg/index_1.html");
  EXPECT_EQ(next(kPage, "https://other.example.cn/index_1.html"), "");
  EXPECT_EQ(next(kPage, "http://www.mofcom.gov.cn/zcfb/blgg/index_1.html"), "");
  EXPECT_EQ(next("http://www.mofcom.gov.cn/zcfb/blgg/index.html",
                 "https://www.mofcom.gov.cn/zcfb/blgg/index_1.html"),
            "https://www.mofcom.gov.cn/zcfb/blgg/index_1.html");
}

TEST(LinkExtractor, FindsTheAttachmentsOfAnAnnouncementPage) {
  constexpr std::string_view kPage = "https://www.mofcom.gov.cn/zwgk/zcfb/art_1.html";
  constexpr std::string_view kHtml = R"(<html><body>
    <p>附件：</p>
    <p><a href="/cms_files/P020251009_1.pdf">附件1：稀土物项清单.pdf</a></p>
    <p><a href="https://files.mofcom.gov.cn/att/P020251009_2.XLSX"></a></p>
    <p><a href="download.jsp?id=77">附件3：申请表</a></p>
    <p><a href="/cms_files/P020251009_1.pdf#page=2">清单（同上）</a></p>
    <p><a href="art_2.html">附件说明（网页）</a></p>
    <p><a href="/index.html">首页</a> <a href="mailto:x@mofcom.gov.cn">附件 邮箱</a></p>
    <p><a href="/old/list.doc">Annex II (Word)</a></p>
  </body></html>)";
  auto links = ExtractAttachmentLinks(kHtml, kPage, 10);
  ASSERT_TRUE(links.ok()) << links.status().ToString();
  const std::vector<AttachmentLink> expected = {
      {"https://www.mofcom.gov.cn/cms_files/P020251009_1.pdf", "附件1：稀土物项清单.pdf"},
      {"https://files.mofcom.gov.cn/att/P020251009_2.XLSX", "P020251009_2.XLSX"},
      {"https://www.mofcom.gov.cn/zwgk/zcfb/download.jsp?id=77", "附件3：申请表"},
      {"https://www.mofcom.gov.cn/old/list.doc", "Annex II (Word)"},
  };
  EXPECT_EQ(*links, expected);
  auto capped = ExtractAttachmentLinks(kHtml, kPage, 2);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->size(), 2u);
}

TEST(LinkExtractor, AnEmptyOrGarbagePageHasNoLinks) {
  for (std::string_view page : {std::string_view(""), std::string_view("\x01\x02 not html"),
                                std::string_view("<html><body><p>系统维护中</p></body></html>")}) {
    auto links = ExtractLinks(page, kListUrl, LinkRules{});
    ASSERT_TRUE(links.ok()) << links.status().ToString();
    EXPECT_TRUE(links->empty());
  }
}

}  // namespace
}  // namespace regdiff::ingest
