// Charset detection on bytes made at test time by ICU's own converters
// (never kept as fixtures): UTF-16 without a BOM in either byte order, and
// Big5 bytes under a GB declaration (and GB bytes keeping theirs).
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <string>

#include "ingest/charset.h"
#include "tests/ingest/charset_test_text.h"

namespace regdiff::ingest {
namespace {

using regdiff::ingest::testing::Utf16Bytes;
using regdiff::ingest::testing::WithoutMeta;

// `utf8` encoded by ICU's converter `charset` ("big5", "gb18030"): bytes we
// make at test time rather than keep as fixtures. Fails the test if the text
// holds a character the charset lacks.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::u16string utf16(utf8.size() + 1, u'\0');
  int32_t units = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &units, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  icu::LocalUConverterPointer conv(ucnv_open(charset, &status));
  // Stop at a character the charset lacks instead of writing a substitute.
  ucnv_setFromUCallBack(conv.getAlias(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_fromUChars(conv.getAlias(), out.data(),
                                    static_cast<int32_t>(out.size()), utf16.data(), units, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset << ": " << u_errorName(status);
  out.resize(U_SUCCESS(status) ? static_cast<size_t>(n) : 0);
  return out;
}

// Our own lines in the shape of No. 57 (Traditional, as a Big5 page would
// hold them), in a page declaring `charset`.
std::string TraditionalPage(const std::string& charset) {
  std::string page = "<html><head><meta charset=\"";
  page.append(charset).append(
      "\"><title>公告</title></head><body>\n"
      "<p>商務部 海關總署公告2025年第57號</p>\n"
      "<p>關於對鈥等稀土相關物項實施出口管制的公告</p>\n"
      "<p>根據《中華人民共和國出口管制法》有關規定，為維護國家安全和利益，決定對下列物項實施出口管制。</p>\n"
      "<p>（一）1C909.a 金屬鈥、鈥合金及其製品（參考海關商品編號：28053019）。</p>\n"
      "<p>本公告自2025年11月8日起正式實施。</p>\n</body></html>\n");
  return page;
}

TEST(CharsetDetection, DecodesBomlessChineseUtf16InEitherByteOrder) {
  // Mostly Chinese: few ASCII characters, and 一 (U+4E00) puts NUL bytes on
  // the other parity than ASCII does. It used to be called binary data.
  const std::u16string text =
      u"商务部 海关总署公告2025年第57号\n"
      u"一、对下列物项实施出口管制：\n"
      u"（一）1C909.a 金属钬、钬合金及其制品。\n"
      u"本公告自2025年11月8日起正式实施。\n";
  const std::string utf8 =
      "商务部 海关总署公告2025年第57号\n"
      "一、对下列物项实施出口管制：\n"
      "（一）1C909.a 金属钬、钬合金及其制品。\n"
      "本公告自2025年11月8日起正式实施。\n";
  for (bool little_endian : {true, false}) {
    const std::string bytes = Utf16Bytes(text, little_endian);
    Result<DecodedText> r = DecodeToUtf8(bytes);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->used_charset, little_endian ? "utf-16le" : "utf-16be");
    EXPECT_EQ(r->replaced_chars, 0);
    EXPECT_EQ(r->utf8, utf8);
  }
}

TEST(CharsetDetection, BomlessUtf16OfAsciiTextReadsInItsOwnByteOrder) {
  // Lowercase ASCII read in the wrong byte order is CJK ideographs.
  const std::u16string text = u"export control announcement no. 57\n";
  for (bool little_endian : {true, false}) {
    Result<DecodedText> r = DecodeToUtf8(Utf16Bytes(text, little_endian));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->used_charset, little_endian ? "utf-16le" : "utf-16be");
    EXPECT_EQ(r->utf8, "export control announcement no. 57\n");
  }
}

TEST(CharsetDetection, Big5BytesDeclaredGbkAreReadAsBig5WithAReason) {
  const std::string utf8 = TraditionalPage("gbk");
  for (const char* label : {"gbk", "gb2312"}) {
    std::string page = TraditionalPage(label);
    Result<DecodedText> r = DecodeToUtf8(Encode(page, "big5"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->declared_charset, label);
    EXPECT_EQ(r->used_charset, "big5");
    EXPECT_EQ(r->replaced_chars, 0);
    EXPECT_EQ(r->utf8, page);
    EXPECT_NE(r->overruled_because.find("trail byte below 0xA1"), std::string::npos)
        << r->overruled_because;
  }
  // The same from a caller's override (a sources file saying gbk).
  std::string undeclared = Encode(WithoutMeta(utf8), "big5");
  Result<DecodedText> r = DecodeToUtf8(undeclared, "gbk");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "big5");
}

TEST(CharsetDetection, GbkBytesKeepTheirGbDeclaration) {
  // The Big5 rule leaves GB text alone: GB2312 characters never have a low
  // trail byte; a few GBK-only characters (喆, 镕) leave the share far below.
  const std::string page =
      "<html><head><meta charset=\"gbk\"></head><body>\n"
      "<p>商务部 海关总署公告2025年第57号 关于对钬等稀土相关物项实施出口管制的公告</p>\n"
      "<p>根据《中华人民共和国出口管制法》有关规定，为维护国家安全和利益，决定对下列物项实施出口管制。</p>\n"
      "<p>喆思网络 镕</p>\n</body></html>\n";
  Result<DecodedText> r = DecodeToUtf8(Encode(page, "gb18030"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "gb18030");
  EXPECT_EQ(r->utf8, page);
  EXPECT_EQ(r->overruled_because, "");
}

}  // namespace
}  // namespace regdiff::ingest
