// Charset detection and decoding: BOMs, declarations, declarations that lie,
// ICU detection, replacement counting, binary junk.
#include "ingest/charset.h"
#include "tests/ingest/charset_test_text.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using regdiff::ingest::testing::Utf16Bytes;
using regdiff::ingest::testing::WithoutMeta;

using regdiff::testing::FixturesDir;
using regdiff::testing::ReadFileOrDie;

std::string Fixture(const std::string& name) {
  return ReadFileOrDie(FixturesDir() + "/ingest/" + name);
}

int CountReplacementChars(const std::string& utf8) {
  int n = 0;
  for (size_t pos = 0; (pos = utf8.find("\xEF\xBF\xBD", pos)) != std::string::npos; pos += 3) {
    ++n;
  }
  return n;
}

TEST(DeclaredCharset, ReadsMetaAndXmlDeclarations) {
  struct Case {
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"<html><head><meta charset=\"GB2312\"></head>", "gb2312"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">", "gbk"},
      {"<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=Big5'>", "big5"},
      {"<meta charset=utf-8>", "utf-8"},
      {"<meta name=\"keywords\" content=\"x\"><meta charset = 'x-gbk' >", "x-gbk"},
      {"<?xml version=\"1.0\" encoding=\"GB18030\"?><html>", "gb18030"},
      {"<p>charset=gbk is mentioned in the body</p>", ""},
      {"plain text without any declaration", ""},
      {std::string(5000, ' ') + "<meta charset=\"gbk\">", ""},  // past the first 4 KiB
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DeclaredCharset(c.input), c.expected) << c.input;
  }
}

TEST(Charset, DecodesGbkDeclaredAsGb2312) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("gbk_declared_gb2312.html"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "gb2312");
  EXPECT_EQ(r->used_charset, "gb18030");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_NE(r->utf8.find("商务部 海关总署公告2025年第57号"), std::string::npos);
  EXPECT_NE(r->utf8.find("（一）1C909.a 金属钬、钬合金及其制品"), std::string::npos);
  // 喆 is outside GB2312: a strict GB2312 converter would lose it.
  EXPECT_NE(r->utf8.find("喆思网络"), std::string::npos);
}

TEST(Charset, DecodesBig5) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("big5.html"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "big5");
  EXPECT_EQ(r->used_charset, "big5");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_NE(r->utf8.find("商務部 海關總署公告2025年第57號"), std::string::npos);
  EXPECT_NE(r->utf8.find("參考海關商品編號：28053019"), std::string::npos);
  EXPECT_NE(r->utf8.find("金屬鈥"), std::string::npos);
}

TEST(Charset, OverrulesMetaDeclaringGb2312ForUtf8Bytes) {
  std::string bytes = Fixture("lying_meta_utf8.html");
  Result<DecodedText> r = DecodeToUtf8(bytes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "gb2312");
  EXPECT_EQ(r->used_charset, "utf-8");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_EQ(r->utf8, bytes);
}

TEST(Charset, OverrulesMetaDeclaringUtf8ForGbkBytes) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("lying_meta_gbk.html"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "utf-8");
  EXPECT_EQ(r->used_charset, "gb18030");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_NE(r->utf8.find("本公告自2025年11月8日起施行"), std::string::npos);
}

TEST(Charset, DetectsUndeclaredGbk) {
  Result<DecodedText> r = DecodeToUtf8(WithoutMeta(Fixture("gbk_declared_gb2312.html")));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "");
  EXPECT_EQ(r->detected_charset, "gb18030");
  EXPECT_EQ(r->used_charset, "gb18030");
  EXPECT_NE(r->utf8.find("氧化钬及其混合物"), std::string::npos);
}

TEST(Charset, DetectsUndeclaredBig5) {
  Result<DecodedText> r = DecodeToUtf8(WithoutMeta(Fixture("big5.html")));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "");
  EXPECT_EQ(r->used_charset, "big5");
  EXPECT_NE(r->utf8.find("商務部 海關總署公告2025年第57號"), std::string::npos);
}

TEST(Charset, TellsShortUndeclaredBig5FromGbk) {
  // Each decodes the other's bytes without an error; ICU alone guesses wrong
  // on texts this short. (Literals are split where a hex escape would
  // swallow the digit after it.)
  struct Case {
    std::string bytes;
    std::string charset;
    std::string text;
  };
  const Case cases[] = {
      {"\xB0\xD3\xB0\xC8\xB3\xA1\xA4\xBD\xA7i2025\xA6~\xB2\xC4"
       "57\xB8\xB9",
       "big5", "商務部公告2025年第57號"},
      {"\xC9\xCC\xCE\xF1\xB2\xBF\xB9\xAB\xB8\xE6"
       "2025\xC4\xEA\xB5\xDA"
       "57\xBA\xC5",
       "gb18030", "商务部公告2025年第57号"},
      {"\xAA\xF7\xC4\xDD\xDC"
       "d",
       "big5", "金屬鈥"},
      {"\xBD\xF0\xCA\xF4\xEE\xD8", "gb18030", "金属钬"},
  };
  for (const Case& c : cases) {
    Result<DecodedText> r = DecodeToUtf8(c.bytes);
    ASSERT_TRUE(r.ok()) << c.text;
    EXPECT_EQ(r->used_charset, c.charset) << c.text;
    EXPECT_EQ(r->utf8, c.text);
  }
}

TEST(Charset, OverrideIsTriedBeforeTheDeclaration) {
  // The page claims Big5; the caller knows better.
  std::string bytes = Fixture("gbk_declared_gb2312.html");
  size_t pos = bytes.find("charset=gb2312");
  bytes.replace(pos, 14, "charset=big5");
  Result<DecodedText> r = DecodeToUtf8(bytes, "GBK");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->declared_charset, "gbk");
  EXPECT_EQ(r->used_charset, "gb18030");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_NE(r->utf8.find("金属钬"), std::string::npos);
}

TEST(Charset, DecodesBig5HkscsOverride) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("big5.html"), "Big5-HKSCS");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "big5-hkscs");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_NE(r->utf8.find("金屬鈥"), std::string::npos);
}

TEST(Charset, UnknownOverrideFallsBackToTheDeclaration) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("big5.html"), "x-no-such-charset");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "big5");
  EXPECT_NE(r->utf8.find("金屬鈥"), std::string::npos);
}

TEST(Charset, DecodesUtf16LeWithBom) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("utf16le_bom.txt"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-16le");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_EQ(r->utf8.rfind("商务部 海关总署公告2025年第57号", 0), 0u);  // BOM removed
  EXPECT_NE(r->utf8.find("参考海关商品编号：28053019。\r\n"), std::string::npos);
}

TEST(Charset, DecodesUtf16BeWithBom) {
  std::string bytes = "\xFE\xFF" + Utf16Bytes(u"海关总署公告 No. 57", /*little_endian=*/false);
  Result<DecodedText> r = DecodeToUtf8(bytes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-16be");
  EXPECT_EQ(r->utf8, "海关总署公告 No. 57");
}

TEST(Charset, DecodesBomlessUtf16LeInsteadOfCallingItBinary) {
  std::string bytes = Utf16Bytes(u"Announcement No. 57 of 2025: 钬 1C909.a, code 28053019\n",
                                 /*little_endian=*/true);
  Result<DecodedText> r = DecodeToUtf8(bytes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-16le");
  EXPECT_EQ(r->utf8, "Announcement No. 57 of 2025: 钬 1C909.a, code 28053019\n");
}

TEST(Charset, StripsUtf8Bom) {
  Result<DecodedText> r = DecodeToUtf8("\xEF\xBB\xBF商务部公告");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-8");
  EXPECT_EQ(r->utf8, "商务部公告");
}

TEST(Charset, PureAsciiIsUtf8) {
  Result<DecodedText> r = DecodeToUtf8("MOFCOM Announcement No. 57 of 2025\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-8");
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_EQ(r->utf8, "MOFCOM Announcement No. 57 of 2025\n");
}

TEST(Charset, CountsInvalidUtf8Sequences) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("invalid_utf8.txt"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-8");
  EXPECT_EQ(r->replaced_chars, 3);
  EXPECT_EQ(CountReplacementChars(r->utf8), 3);
  EXPECT_NE(r->utf8.find("\xEF\xBF\xBD海关总署"), std::string::npos);
  EXPECT_NE(r->utf8.find("钬\xEF\xBF\xBD合金"), std::string::npos);
  EXPECT_NE(r->utf8.find("\xEF\xBF\xBD施行"), std::string::npos);
}

TEST(Charset, DoesNotCountReplacementCharactersPresentInTheSource) {
  Result<DecodedText> r = DecodeToUtf8("already replaced: \xEF\xBF\xBD here");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->replaced_chars, 0);
  EXPECT_EQ(CountReplacementChars(r->utf8), 1);
}

TEST(Charset, BinaryJunkIsCorruption) {
  Result<DecodedText> r = DecodeToUtf8(Fixture("binary_junk.bin"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("binary"), std::string::npos);
}

TEST(Charset, ControlBytesWithoutNulsAreCorruption) {
  std::string bytes;
  for (int i = 0; i < 50; ++i) bytes += "ab\x01\x02\x03\x04\x05";
  Result<DecodedText> r = DecodeToUtf8(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
}

TEST(Charset, AFewStrayControlBytesAreTolerated) {
  std::string bytes = "商务部公告\f第一页\x1A" + std::string(200, 'x');
  Result<DecodedText> r = DecodeToUtf8(bytes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->used_charset, "utf-8");
}

TEST(Charset, EmptyInputIsInvalidArgument) {
  for (std::string bytes : {std::string(), std::string("\xEF\xBB\xBF")}) {
    Result<DecodedText> r = DecodeToUtf8(bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(r.status().message(), "empty file");
  }
}

}  // namespace
}  // namespace regdiff::ingest
