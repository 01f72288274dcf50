// The shared string helpers: joining, trimming, ASCII folding and the three
// markup escapes.
#include "corpus/strings.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace regdiff {
namespace {

TEST(Strings, JoinPutsTheSeparatorBetweenParts) {
  EXPECT_EQ(Join(std::vector<std::string>{}, ", "), "");
  EXPECT_EQ(Join(std::vector<std::string>{"a"}, ", "), "a");
  EXPECT_EQ(Join(std::vector<std::string>{"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join(std::vector<std::string>{"", "b"}, "|"), "|b");
  EXPECT_EQ(Join(std::set<std::string>{"zh", "en"}, "、"), "en、zh");
}

TEST(Strings, TrimDropsTheGivenBytesAtBothEnds) {
  const struct {
    std::string_view in, drop, expected;
  } cases[] = {
      {"  a b \r\n", kAsciiSpace, "a b"},
      {"\t\n", kAsciiSpace, ""},
      {"", kAsciiSpace, ""},
      {"abc", kAsciiSpace, "abc"},
      {" \"gbk\" ", " \"'", "gbk"},
      {"'utf-8'", " \"'", "utf-8"},
  };
  for (const auto& c : cases) EXPECT_EQ(Trim(c.in, c.drop), c.expected) << c.in;
}

TEST(Strings, AsciiLowerLeavesOtherBytesAlone) {
  EXPECT_EQ(AsciiLower("Content-Type: GBK"), "content-type: gbk");
  EXPECT_EQ(AsciiLower("HTTPS://例子.CN"), "https://例子.cn");
}

TEST(Strings, HtmlEscapeEscapesMarkupAndBothQuotes) {
  EXPECT_EQ(HtmlEscape("a<b>&'\""), "a&lt;b&gt;&amp;&#39;&quot;");
  EXPECT_EQ(HtmlEscape("钬 1C909"), "钬 1C909");
}

TEST(Strings, XmlEscapeDropsForbiddenControlCharacters) {
  EXPECT_EQ(XmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;'");
  EXPECT_EQ(XmlEscape(std::string("x\x01y\tz\n\r\x1f", 8)), "xy\tz\n\r");
}

TEST(Strings, MarkdownEscapeKeepsACellOnOneLine) {
  EXPECT_EQ(MarkdownEscape("a|b *c* [d](e) #1 <x> `y` \\ _z_"),
            "a\\|b \\*c\\* \\[d\\](e) \\#1 \\<x\\> \\`y\\` \\\\ \\_z\\_");
  EXPECT_EQ(MarkdownEscape("line one\nline two\r"), "line one line two ");
}

// ESC, BEL and the other control characters shown as \xNN (its backslash
// escaped for Markdown: it reads as \x1b), never raw; no HTML gets through.
TEST(Strings, MarkdownEscapeShowsControlCharacters) {
  EXPECT_EQ(MarkdownEscape("a\x1b[31mb\x07"), "a\\\\x1b\\[31mb\\\\x07");
  EXPECT_EQ(MarkdownEscape("\xc9\xcc.html"), "\\\\xc9\\\\xcc.html");
  EXPECT_EQ(MarkdownEscape("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert(1)\\>");
}

// A code span per CommonMark: a fence longer than any run of backticks in
// it, so a backtick in a file name cannot end it and let markup through.
TEST(Strings, MarkdownCodeFencesPastEveryBacktickRun) {
  const std::pair<std::string, std::string> kCases[] = {
      {"/tmp/in/a.html", "`/tmp/in/a.html`"},
      {"/tmp/a`<b>x</b>`.html", "``/tmp/a`<b>x</b>`.html``"},
      {"a``b", "```a``b```"},
      {"`start", "`` `start ``"},
      {"end`", "`` end` ``"},
      {" both ", "`  both  `"},  // CommonMark strips one space each side
      {"a|b", "`a\\|b`"},  // GFM splits the table row before code spans
      {"a\x1b]0;x\x07\nb", "`a\\x1b]0;x\\x07\\x0ab`"},
      {"\xc9\xcc.html", "`\\xc9\\xcc.html`"},
      {"", ""},
  };
  for (const auto& [in, out] : kCases) EXPECT_EQ(MarkdownCode(in), out) << in;
}

TEST(Strings, HtmlEscapeShowsBytesThatAreNoUtf8) {
  EXPECT_EQ(HtmlEscape("\xc9\xcc<.html"), "\\xc9\\xcc&lt;.html");
  EXPECT_EQ(XmlEscape("\xc9\xcc&"), "\\xc9\\xcc&amp;");
}

TEST(Strings, CsvEscapeQuotesOnlyWhenItMust) {
  const std::pair<std::string, std::string> kCases[] = {
      {"SUBARU", "SUBARU"},
      {"斯巴鲁株式会社", "斯巴鲁株式会社"},
      {"Subaru, Inc.", "\"Subaru, Inc.\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"", ""},
  };
  for (const auto& [in, out] : kCases) EXPECT_EQ(CsvEscape(in), out) << in;
}

// OWASP, "CSV Injection": a cell starting with = + - @ TAB or CR is read as
// a formula by spreadsheets; a leading single quote makes it text.
TEST(Strings, CsvEscapeNeutralisesCellsASpreadsheetWouldRunAsFormulas) {
  const std::pair<std::string, std::string> kCases[] = {
      {"=HYPERLINK(\"http://evil.example/\",\"x\")",
       "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\""},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"@SUM(1+1)", "'@SUM(1+1)"},
      {"-2+3", "'-2+3"},
      {"-", "'-"},
      {"\t=1", "'\t=1"},
      {"\r=1", "\"'\r=1\""},
      {"=1,2", "\"'=1,2\""},
      // Not at the start, or not a trigger: unchanged.
      {"1C909.a", "1C909.a"},
      {"2025-12-01", "2025-12-01"},
      {"a=b", "a=b"},
      {" =1", " =1"},
      {"'quoted", "'quoted"},
      {"＝全角", "＝全角"},
  };
  for (const auto& [in, out] : kCases) EXPECT_EQ(CsvEscape(in), out) << in;
  EXPECT_EQ(CsvRow({"=1", "@x", "ok"}), "'=1,'@x,ok\r\n");
}

TEST(Strings, CsvRowJoinsEscapedFieldsAndEndsWithCrLf) {
  EXPECT_EQ(CsvRow({"1C902", "Subaru, Inc.", ""}), "1C902,\"Subaru, Inc.\",\r\n");
  EXPECT_EQ(CsvRow({}), "\r\n");
}

TEST(Strings, HsPrefixesAreTheShorterOnesThenTheCodeAgain) {
  EXPECT_EQ(HsPrefixes("2846901940"),
            (std::array<std::string_view, 6>{"2846", "28469", "284690", "2846901", "28469019",
                                             "284690194"}));
  EXPECT_EQ(HsPrefixes("284690"),
            (std::array<std::string_view, 6>{"2846", "28469", "284690", "284690", "284690",
                                             "284690"}));
}

TEST(Strings, OrdersCodesNaturally) {
  EXPECT_TRUE(CodeLess("1C99", "1C902"));
  EXPECT_FALSE(CodeLess("1C902", "1C99"));
  EXPECT_TRUE(CodeLess("1C902.a", "1C902.b"));
  EXPECT_TRUE(CodeLess("1C902", "1C902.a"));
  EXPECT_FALSE(CodeLess("1C902.a", "1C902.a"));
}

}  // namespace
}  // namespace regdiff
