// The whole ingest pipeline for one document: bytes in, normalised text out.
#include "ingest/document_text.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::FixturesDir;
using regdiff::testing::ReadFileOrDie;

std::string Fixture(const std::string& name) {
  return ReadFileOrDie(FixturesDir() + "/ingest/" + name);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(DocumentText, GbkPageBecomesNormalisedAnnouncementText) {
  Result<DocumentText> r = ExtractDocumentText(Fixture("gbk_declared_gb2312.html"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->is_html);
  EXPECT_EQ(r->decoded.used_charset, "gb18030");
  EXPECT_EQ(r->decoded.declared_charset, "gb2312");
  EXPECT_TRUE(r->decoded.utf8.empty());
  EXPECT_EQ(r->page_title, "商务部 海关总署公告2025年第57号 关于对钬等稀土物项实施出口管制的决定");
  const std::string& text = r->normalized.text;
  EXPECT_EQ(text.substr(0, text.find('\n')), r->page_title);
  // Full-width punctuation folded, ideographic indentation stripped.
  EXPECT_TRUE(
      Contains(text, "\n(一)1C909.a 金属钬、钬合金及其制品。参考海关商品编号:28053019。\n"));
  EXPECT_TRUE(Contains(text, "\n1C909.a 金属钬 28053019\n"));
  EXPECT_TRUE(Contains(text, "\n二、本公告自2025年11月8日起施行。\n"));
  EXPECT_FALSE(Contains(text, "相关链接"));
  EXPECT_TRUE(r->normalized.match.empty());  // the parser makes the matching view
}

TEST(DocumentText, Big5PageKeepsTraditionalText) {
  Result<DocumentText> r = ExtractDocumentText(Fixture("big5.html"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->decoded.used_charset, "big5");
  const NormalizedText& n = r->normalized;
  EXPECT_TRUE(Contains(n.text, "商務部 海關總署公告2025年第57號"));
  EXPECT_TRUE(Contains(n.text, "(一)1C909.a 金屬鈥、鈥合金及其製品。參考海關商品編號:28053019"));
}

TEST(DocumentText, Utf16PlainTextIsNotHtml) {
  Result<DocumentText> r = ExtractDocumentText(Fixture("utf16le_bom.txt"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->is_html);
  EXPECT_EQ(r->page_title, "");
  EXPECT_EQ(r->normalized.text,
            "商务部 海关总署公告2025年第57号 关于对钬等稀土物项实施出口管制的决定\n"
            "一、钬(Ho)\n"
            "(一)1C909.a 金属钬、钬合金及其制品。参考海关商品编号:28053019。\n"
            "二、本公告自2025年11月8日起施行。");
}

TEST(DocumentText, OverrideCharsetReachesTheDecoder) {
  std::string bytes = Fixture("gbk_declared_gb2312.html");
  size_t start = bytes.find("<meta");
  bytes.erase(start, bytes.find('>', start) - start + 1);
  Result<DocumentText> r = ExtractDocumentText(bytes, "gbk");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->decoded.declared_charset, "gbk");
  EXPECT_EQ(r->decoded.used_charset, "gb18030");
  EXPECT_TRUE(Contains(r->normalized.text, "氧化钬及其混合物"));
}

TEST(DocumentText, Errors) {
  struct Case {
    std::string name;
    std::string bytes;
    Status::Code code;
    std::string message;
  };
  const Case cases[] = {
      {"empty", "", Status::Code::kNotAnnouncement, "empty file"},
      {"binary", Fixture("binary_junk.bin"), Status::Code::kCorruption, ""},
      {"html without text", "<html><body><script>var x = 1;</script><nav>导航</nav></body></html>",
       Status::Code::kNotAnnouncement, "no text after HTML extraction"},
      {"blank text", " \r\n\u3000\n\t\n", Status::Code::kNotAnnouncement, ""},
  };
  for (const Case& c : cases) {
    Result<DocumentText> r = ExtractDocumentText(c.bytes);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), c.code) << c.name << ": " << r.status().ToString();
    if (!c.message.empty()) {
      EXPECT_EQ(r.status().message(), c.message) << c.name;
    }
  }
}

TEST(DocumentText, RejectsInputPastTheSizeCap) {
  std::string bytes(kMaxInputBytes + 1, 'a');
  Result<DocumentText> r = ExtractDocumentText(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kTooLarge);
}

}  // namespace
}  // namespace regdiff::ingest
