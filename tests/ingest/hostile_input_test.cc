// Hostile pages against the HTML reader and the document limits: external
// entities are neither read nor fetched, entities are never expanded, deep
// nesting, nested forms and overlong lines each meet a named limit instead of
// a crash, a hang or a silently shortened text.
#include <gtest/gtest.h>

#include <string>

#include "ingest/document_text.h"
#include "ingest/html_text.h"
#include "ingest/link_extractor.h"
#include "tests/local_http_server.h"
#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::FixturesDir;
using regdiff::testing::LocalHttpServer;
using regdiff::testing::ReadFileOrDie;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Hostile(const std::string& name) {
  return ReadFileOrDie(FixturesDir() + "/hostile/" + name);
}

// The xxe.html fixture with its probe URLs pointing at `server`.
std::string XxePage(const LocalHttpServer& server) {
  std::string page = Hostile("xxe.html");
  const std::string from = "http://127.0.0.1:9";
  const std::string to = server.Url("");
  for (size_t at = page.find(from); at != std::string::npos; at = page.find(from, at + to.size())) {
    page.replace(at, from.size(), to);
  }
  return page;
}

// A line of /etc/passwd that an expanded entity would bring in.
std::string PasswdLine() {
  std::string passwd = ReadFileOrDie("/etc/passwd");
  return passwd.substr(0, passwd.find('\n'));
}

// Our own one-item announcement text, over kMinMainContentChars letters.
const char kAnnouncement[] =
    "<p>商务部 海关总署公告2025年第57号</p><p>一、钬相关物项</p>"
    "<p>（一）1C909.a 金属钬、含钬的合金及相关制品（参考税则号列：28053019）。</p>";

TEST(HostileHtml, ExternalEntitiesAreNeitherReadNorFetched) {
  LocalHttpServer server;
  const std::string page = XxePage(server);
  ASSERT_TRUE(Contains(page, server.Url("/regdiff-xxe-probe")));

  Result<HtmlText> html = HtmlToText(page);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  Result<DocumentText> doc = ExtractDocumentText(page);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  Result<std::vector<Link>> links =
      ExtractLinks(page, "https://www.mofcom.gov.cn/zcfb/blgg/index.html", LinkRules{});
  ASSERT_TRUE(links.ok()) << links.status().ToString();

  EXPECT_EQ(server.TotalHits(), 0) << "libxml2 fetched an external entity or DTD";
  const std::string passwd = PasswdLine();
  ASSERT_FALSE(passwd.empty());
  for (const std::string& text : {html->text, html->title, doc->normalized.text}) {
    EXPECT_FALSE(Contains(text, passwd)) << text;
    EXPECT_FALSE(Contains(text, "root:")) << text;
  }
  // The page itself is still read.
  EXPECT_TRUE(Contains(doc->normalized.text, "1C909.a")) << doc->normalized.text;
  // Neither the entity nor the file: URL becomes a link (only http/https do).
  for (const Link& link : *links) {
    EXPECT_FALSE(Contains(link.url, "passwd")) << link.url;
    EXPECT_TRUE(link.url.rfind("https://", 0) == 0 || link.url.rfind("http://", 0) == 0)
        << link.url;
  }
}

TEST(HostileHtml, BillionLaughsIsNotExpanded) {
  const std::string page = Hostile("billion_laughs.html");
  Result<HtmlText> html = HtmlToText(page);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  // Expanded once, &lol9; alone would be 3 GB; unexpanded, the text is a few
  // hundred bytes of our announcement.
  EXPECT_LT(html->text.size(), 4096u);
  EXPECT_FALSE(Contains(html->text, "lollol")) << html->text;
  EXPECT_FALSE(Contains(html->title, "lollol")) << html->title;
  EXPECT_TRUE(Contains(html->text, "1C909.a")) << html->text;
  Result<DocumentText> doc = ExtractDocumentText(page);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_LT(doc->normalized.text.size(), 4096u);
}

// `depth` levels of `open`...`close` around `inner`.
std::string Nested(int depth, const std::string& open, const std::string& close,
                   const std::string& inner = kAnnouncement) {
  std::string page = "<html><body>";
  for (int i = 0; i < depth; ++i) page += open;
  page += inner;
  for (int i = 0; i < depth; ++i) page += close;
  return page + "</body></html>";
}

TEST(HtmlLimits, NestingPastTheCapIsRefusedNotCutShort) {
  // libxml2 stops reading at 256 levels; the announcement at level 300 would
  // be lost without a word.
  Result<HtmlText> deep = HtmlToText(Nested(300, "<div>", "</div>"));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), Status::Code::kTooLarge);
  EXPECT_TRUE(Contains(deep.status().message(), "nesting")) << deep.status().ToString();

  Result<DocumentText> doc = ExtractDocumentText(Nested(100000, "<div>", "</div>"));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kTooLarge);

  // Under the cap (html and body are two more levels) the text is all there.
  Result<HtmlText> ok = HtmlToText(Nested(kMaxHtmlDepth - 3, "<div>", "</div>"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE(Contains(ok->text, "1C909.a")) << ok->text;
}

TEST(HtmlLimits, NestedFormsAreWeighedOnceEach) {
  // Deciding whether a <form> is chrome reads its content; done naively per
  // level, 40 nested forms took 2^40 walks (a hang, not a slowdown). The
  // ctest timeout catches a regression; the text proves the forms are kept.
  Result<HtmlText> r = HtmlToText(Nested(40, "<div><form>", "</form></div>"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(Contains(r->text, "商务部 海关总署公告2025年第57号")) << r->text;
  EXPECT_TRUE(Contains(r->text, "1C909.a")) << r->text;
  // A small form (a search box) is still dropped at any depth.
  Result<HtmlText> search = HtmlToText(
      Nested(40, "<div>", "</div>", kAnnouncement + std::string("<form><input>搜索</form>")));
  ASSERT_TRUE(search.ok());
  EXPECT_FALSE(Contains(search->text, "搜索")) << search->text;
}

TEST(DocumentLimits, ALineOverTheCapRefusesTheDocument) {
  const std::string head = "商务部 海关总署公告2025年第57号\n一、钬相关物项\n";
  std::string at_cap = head + std::string(kMaxLineBytes, 'x') + "\n";
  Result<DocumentText> ok = ExtractDocumentText(at_cap);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();

  std::string over = head + std::string(kMaxLineBytes + 1, 'x') + "\n";
  Result<DocumentText> refused = ExtractDocumentText(over);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kTooLarge);
  EXPECT_TRUE(Contains(refused.status().message(), "line 3")) << refused.status().ToString();

  // One HTML block is one line.
  std::string html = "<html><body><p>" + std::string(kMaxLineBytes + 1, 'y') + "</p></body></html>";
  Result<DocumentText> block = ExtractDocumentText(html);
  ASSERT_FALSE(block.ok());
  EXPECT_EQ(block.status().code(), Status::Code::kTooLarge);
}

}  // namespace
}  // namespace regdiff::ingest
