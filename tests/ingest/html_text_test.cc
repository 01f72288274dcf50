// HTML to text: block structure, dropped elements, page chrome, main-content
// selection, recovery from truncated pages.
#include "ingest/html_text.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/charset.h"
#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::FixturesDir;
using regdiff::testing::ReadFileOrDie;

std::string Fixture(const std::string& name) {
  return ReadFileOrDie(FixturesDir() + "/ingest/" + name);
}

HtmlText Convert(const std::string& html) {
  Result<HtmlText> r = HtmlToText(html);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : HtmlText{};
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Over kMinMainContentChars letters, so a container holding it counts as
// main content.
const char kLongParagraph[] =
    "为维护国家安全和利益，依照有关法律法规，经国务院批准，决定对下列物项实施出口管制，"
    "现将有关事项公告如下。";

TEST(LooksLikeHtml, RecognisesMarkupNotText) {
  struct Case {
    std::string input;
    bool expected;
  };
  const Case cases[] = {
      {"<!DOCTYPE html>\n<html><body>x</body></html>", true},
      {"  \n<HTML><BODY>商务部</BODY></HTML>", true},
      {"<head><meta charset=\"gbk\"></head>", true},
      {"<div class=\"art-con\">正文</div>", true},
      {"<p>一、钬</p>", true},
      {"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
      {"商务部 海关总署公告2025年第57号\n一、钬（Ho）\n", false},
      {"if a < b and b > c then the <value> holds", false},
      {std::string(3000, 'x') + "<html>", false},  // only the first 2 KiB count
  };
  for (const Case& c : cases) {
    EXPECT_EQ(LooksLikeHtml(c.input), c.expected) << c.input.substr(0, 80);
  }
}

TEST(HtmlText, DropsScriptStyleAndHeadContent) {
  HtmlText t = Convert(
      "<html><head><title>页面标题</title><style>p { color: red }</style>"
      "<script>var a = '脚本';</script></head><body>"
      "<p>正文第一段</p><script>document.write('写入')</script>"
      "<noscript>请启用脚本</noscript><template><p>模板</p></template>"
      "<p>正文第二段</p></body></html>");
  EXPECT_EQ(t.text, "正文第一段\n正文第二段");
  EXPECT_EQ(t.title, "页面标题");
}

// A line break in the source between two Chinese characters (a
// hard-wrapped paragraph) is no space, as browsers show it (CSS Text 3):
// the HS-code clause and the item names read as written. Elsewhere a
// break, and any space between Chinese characters, stays one space.
TEST(HtmlText, AHardWrappedChineseLineJoinsWithoutASpace) {
  HtmlText t = Convert(
      "<html><body><p>钐的氧化物及其混合物（参考海关商品编\n      号：2846901940）；金属钐、\r\n"
      "  钐合金</p><p>holmium\nmetal 1C909\n钬 and 钬\n  metal</p>"
      "<p>商务部 海关总署\t公告</p><p>한국\n어</p></body></html>");
  EXPECT_EQ(t.text,
            "钐的氧化物及其混合物（参考海关商品编号：2846901940）；金属钐、钐合金\n"
            "holmium metal 1C909 钬 and 钬 metal\n"
            "商务部 海关总署 公告\n"
            "한국 어");
}

TEST(HtmlText, BlockElementsBecomeLines) {
  struct Case {
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"<p>一</p><p>二<br>三</p>", "一\n二\n三"},
      {"<ul><li>甲</li><li>乙</li></ul><ol><li>丙</li></ol>", "甲\n乙\n丙"},
      {"<h1>标题</h1><div>段落<div>嵌套</div>尾</div>", "标题\n段落\n嵌套\n尾"},
      {"<p>商务部<span>公告</span><b>2025</b>年</p>", "商务部公告2025年"},  // inline: no break
      {"<dl><dt>项</dt><dd>说明</dd></dl><blockquote>引文</blockquote>", "项\n说明\n引文"},
      {"<p>  前后  空格 \t 折叠  </p>", "前后 空格 折叠"},
      {"<p>  前后  空格 \n\t 折叠  </p>", "前后 空格折叠"},  // a wrapped line: no space
      {"<p></p><br><br><p>只有一行</p><p> </p>", "只有一行"},
      {"<pre>第一行\n  第二行</pre>", "第一行\n第二行"},
      {"<p>&lt;1C909&gt; &amp; &#38050; &#x94AC;</p>", "<1C909> & 钢 钬"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Convert("<html><body>" + c.html + "</body></html>").text, c.expected) << c.html;
  }
}

TEST(HtmlText, TableRowsBecomeLinesWithCellsSeparated) {
  HtmlText t = Convert(
      "<html><body><table>"
      "<tr><th>管制编码</th><th>物项名称</th><th>参考海关商品编号</th></tr>"
      "<tr><td>1C909.a</td><td>金属钬</td><td>28053019</td></tr>"
      "<tr><td>1C909.b</td><td></td><td>氧化钬</td></tr>"
      "</table></body></html>");
  EXPECT_EQ(t.text,
            "管制编码 物项名称 参考海关商品编号\n"
            "1C909.a 金属钬 28053019\n"
            "1C909.b 氧化钬");
}

TEST(HtmlText, DropsPageChromeElements) {
  HtmlText t = Convert(
      "<html><body><header>网站页眉</header><nav>导航栏</nav>"
      "<form action=\"/search\"><input name=\"q\">搜索<select><option>全部</option></select></form>"
      "<aside>侧边栏</aside><iframe src=\"x\">框架</iframe>"
      "<p>公告正文</p><div style=\"display: none\">隐藏文字</div>"
      "<footer>版权所有</footer></body></html>");
  EXPECT_EQ(t.text, "公告正文");
}

TEST(HtmlText, KeepsHeaderInsideArticleAndPageWideForms) {
  // ASP.NET pages wrap the whole body in one <form>; it is not page chrome.
  std::string html = "<html><body><form id=\"form1\"><article><header>文章标题</header><p>" +
                     std::string(kLongParagraph) + "</p></article></form></body></html>";
  HtmlText t = Convert(html);
  EXPECT_EQ(t.text, "文章标题\n" + std::string(kLongParagraph));
}

TEST(HtmlText, MainContentSelectorPicksArtConOverChrome) {
  // The fixture is UTF-8 bytes (its meta claims gb2312: libxml2 must ignore it).
  HtmlText t = Convert(Fixture("lying_meta_utf8.html"));
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_EQ(t.title, "商务部 海关总署公告2025年第57号 关于对钬等稀土物项实施出口管制的决定");
  EXPECT_EQ(t.text.substr(0, t.text.find('\n')), t.title);  // title node is outside art-con
  EXPECT_TRUE(Contains(
      t.text, "\n　　（一）1C909.a 金属钬、钬合金及其制品。参考海关商品编号：28053019。\n"));
  EXPECT_TRUE(Contains(t.text, "\n1C909.a 金属钬 28053019\n"));
  EXPECT_TRUE(Contains(t.text, "\n2025年10月9日"));
  for (const char* chrome :
       {"首页", "导航", "相关链接", "主办单位", "脚本", "样式", "_商务部网站"}) {
    EXPECT_FALSE(Contains(t.text, chrome)) << chrome;
  }
}

TEST(HtmlText, ForcedUtf8KeepsDecodedGbkPageIntact) {
  // After ICU decoding the page is UTF-8 but still says charset=gb2312.
  Result<DecodedText> decoded = DecodeToUtf8(Fixture("gbk_declared_gb2312.html"));
  ASSERT_TRUE(decoded.ok());
  HtmlText t = Convert(decoded->utf8);
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_TRUE(Contains(t.text, "（二）1C909.b 氧化钬及其混合物。"));
}

TEST(HtmlText, WholeBodyWhenNoSelectorMatches) {
  HtmlText t = Convert("<html><head><title>标题</title></head><body><div class=\"box\"><p>" +
                       std::string(kLongParagraph) + "</p></div><p>尾注</p></body></html>");
  EXPECT_EQ(t.selector, "");
  EXPECT_EQ(t.title, "标题");
  EXPECT_EQ(t.text, std::string(kLongParagraph) + "\n尾注");
}

TEST(HtmlText, IgnoresASelectorMatchWithTooLittleText) {
  HtmlText t = Convert("<html><body><div class=\"art-con\">返回顶部</div><div id=\"zoom\"><p>" +
                       std::string(kLongParagraph) + "</p></div></body></html>");
  EXPECT_EQ(t.selector, "div#zoom");
  EXPECT_EQ(t.text, kLongParagraph);
}

TEST(HtmlText, AGivenContentSelectorWinsOverTheTable) {
  // A watched site's own container (from its sources file), even a short one,
  // over a table selector elsewhere on the page.
  const std::string page = "<html><body><div class=\"TRS_Editor\"><p>" +
                           std::string(kLongParagraph) +
                           "</p></div><div class=\"gonggao\"><p>商务部公告2025年第62号</p></div>"
                           "</body></html>";
  auto own = HtmlToText(page, "div.gonggao");
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->selector, "div.gonggao");
  EXPECT_EQ(own->text, "商务部公告2025年第62号");
  // When it matches nothing, the table decides as before.
  auto fallback = HtmlToText(page, "div.missing");
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->selector, "div.TRS_Editor");
}

TEST(HtmlText, EarlierTableSelectorWinsOverEarlierDocumentPosition) {
  HtmlText t = Convert("<html><body><div class=\"content\"><p>外层容器：" +
                       std::string(kLongParagraph) + "</p></div><div class=\"TRS_Editor\"><p>" +
                       std::string(kLongParagraph) + "</p></div></body></html>");
  EXPECT_EQ(t.selector, "div.TRS_Editor");
  EXPECT_EQ(t.text, kLongParagraph);
}

TEST(HtmlText, TitleInsideContentIsNotRepeated) {
  HtmlText t = Convert("<html><body><div class=\"menu\">菜单</div><article><h1>公告标题</h1><p>" +
                       std::string(kLongParagraph) + "</p></article></body></html>");
  EXPECT_EQ(t.selector, "article");
  EXPECT_EQ(t.title, "公告标题");
  EXPECT_EQ(t.text, "公告标题\n" + std::string(kLongParagraph));
}

TEST(HtmlText, RecoversTruncatedPage) {
  HtmlText t = Convert(Fixture("truncated.html"));
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_TRUE(Contains(t.text, "一、钬（Ho）"));
  EXPECT_TRUE(Contains(t.text, "（二）1C909.b 氧化钬及其混合物。"));
  EXPECT_FALSE(Contains(t.text, "2025年10月9日"));  // cut off
}

TEST(HtmlText, EmptyBodyGivesEmptyText) {
  HtmlText t = Convert("<html><body><script>only()</script></body></html>");
  EXPECT_EQ(t.text, "");
}

// The cases below are those a one-pass reader must take care with: the
// choice among selector matches is made when the page has been read, on
// the text of each match.

TEST(HtmlToText, TableOrderDecidesWhenTheBetterSelectorComesAfterTheContent) {
  // div#zoom is read in full before div.art-con (table row one) appears.
  HtmlText t = Convert("<html><body><div id=\"zoom\"><p>正文一：" + std::string(kLongParagraph) +
                       "</p></div><div class=\"art-con\"><p>正文二：" +
                       std::string(kLongParagraph) + "</p></div></body></html>");
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_EQ(t.text, "正文二：" + std::string(kLongParagraph));
}

TEST(HtmlToText, NestedMatchesOfOneSelectorGiveTheOuterElement) {
  // Both match div.content; the outer one starts first in document order.
  HtmlText t = Convert("<html><body><div class=\"content\"><p>外层</p><div class=\"content\"><p>" +
                       std::string(kLongParagraph) + "</p></div><p>尾注</p></div></body></html>");
  EXPECT_EQ(t.selector, "div.content");
  EXPECT_EQ(t.text, "外层\n" + std::string(kLongParagraph) + "\n尾注");
}

TEST(HtmlToText, AMatchIsJudgedByAllTheTextInsideIt) {
  // The user's selector needs one letter; the outer match has none of its
  // own but counts those of the inner one, and starts first.
  HtmlText outer = *HtmlToText(
      "<html><body><div class=\"gonggao\"><div class=\"gonggao\">"
      "公告</div></div></body></html>",
      "div.gonggao");
  EXPECT_EQ(outer.selector, "div.gonggao");
  EXPECT_EQ(outer.text, "公告");
  // A match of a table selector with fewer than kMinMainContentChars
  // letters is passed over for a later match of the same selector.
  HtmlText t =
      Convert("<html><body><div class=\"art-con\"><p>返回顶部</p></div><div class=\"art-con\"><p>" +
              std::string(kLongParagraph) + "</p></div></body></html>");
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_EQ(t.text, kLongParagraph);
}

TEST(HtmlToText, AMatchInsideASearchFormIsNotContent) {
  // The form has too few letters to be a page-wide wrapper: it and the
  // match inside it are dropped.
  auto t =
      HtmlToText("<html><body><form action=\"/s\"><div class=\"gonggao\">搜索</div></form><p>" +
                     std::string(kLongParagraph) + "</p></body></html>",
                 "div.gonggao");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->selector, "");
  EXPECT_EQ(t->text, kLongParagraph);
}

TEST(HtmlToText, ASiteTitleNodeAfterTheContentIsPutFirst) {
  HtmlText t = Convert("<html><body><div class=\"art-con\"><p>" + std::string(kLongParagraph) +
                       "</p></div><div class=\"art-title\">公告标题</div></body></html>");
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_EQ(t.title, "公告标题");
  EXPECT_EQ(t.text, "公告标题\n" + std::string(kLongParagraph));
}

TEST(HtmlToText, PrefixedTagsAreNamedByTheirLocalPart) {
  // libxml2 names <o:p> (Word's paragraph) "p", a block.
  EXPECT_EQ(Convert("<html><body><p>甲<o:p>乙</o:p>丙</p></body></html>").text, "甲\n乙\n丙");
}

TEST(HtmlToText, AStartTagCutOffByTheEndIsAnEmptyElement) {
  HtmlText t = Convert("<html><head><title>标题</title></head><body><div class=\"art-con\"><p>" +
                       std::string(kLongParagraph) + "</p></div><div class=\"art-con\"");
  EXPECT_EQ(t.selector, "div.art-con");
  EXPECT_EQ(t.text, kLongParagraph);
}

TEST(HtmlToText, DepthCountsTheWholeTree) {
  std::string deep;
  for (int i = 0; i < kMaxHtmlDepth; ++i) deep += "<div>";
  auto t = HtmlToText("<html><body>" + deep + "文字</body></html>");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(t.status().message().find("202 elements deep"), std::string::npos)
      << t.status().ToString();
}

}  // namespace
}  // namespace regdiff::ingest
