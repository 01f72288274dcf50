// PDF, Word and Excel files through the same pipeline as pages: the format is
// read from the bytes, each reader's text is normalised (full-width forms
// folded), a PDF's pages are kept as offsets into the normalised text, and a
// format regdiff does not read is refused with what to do about it.
#include <gtest/gtest.h>

#include <string>

#include "ingest/document_text.h"
#include "tests/ingest/office_writer.h"
#include "tests/ingest/pdf_writer.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::Docx;
using regdiff::testing::Para;
using regdiff::testing::PdfPage;
using regdiff::testing::PdfSpec;
using regdiff::testing::WritePdf;
using regdiff::testing::Xlsx;

TEST(DocumentFormats, APdfsPagesAreOffsetsIntoTheNormalisedText) {
  PdfSpec spec;
  spec.pages.push_back(PdfPage{{{72, 100, "商务部 海关总署公告２０２５年第１８号"}}});
  spec.pages.push_back(
      PdfPage{{{72, 100, "（一）1C902.a 金属钐（参考海关商品编号：2805301910）"}}});
  auto doc = ExtractDocumentText(WritePdf(spec));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->format, DocumentFormat::kPdf);
  EXPECT_FALSE(doc->is_html);
  const std::string& text = doc->normalized.text;
  EXPECT_NE(text.find("公告2025年第18号"), std::string::npos) << "full-width digits folded";
  ASSERT_EQ(doc->page_starts.size(), 2u);
  EXPECT_EQ(doc->page_starts[0], 0u);
  const size_t code = text.find("1C902.a");
  ASSERT_NE(code, std::string::npos) << text;
  EXPECT_LE(doc->page_starts[1], code) << "the code is on page 2";
  EXPECT_GT(doc->page_starts[1], text.find("公告2025年")) << "the number is on page 1";
  EXPECT_EQ(text[doc->page_starts[1] - 1], '\n') << "a page starts a line";
}

// A table printed in a PDF: its wide gaps are tabs; on a line of three
// cells or more they become a table row, elsewhere a space.
TEST(DocumentFormats, APdfTablesRowsBecomeTableRows) {
  PdfSpec spec;
  spec.pages.push_back(PdfPage{{{72, 100, "（一）"},
                                {150, 100, "1C902.a 金属钐"},
                                {72, 130, "序号"},
                                {150, 130, "管制编码"},
                                {260, 130, "物项名称"},
                                {400, 130, "参考海关商品编号"},
                                {72, 160, "1"},
                                {150, 160, "1C903.a"},
                                {260, 160, "金属钆"},
                                {400, 160, "2805301920"}}});
  auto doc = ExtractDocumentText(WritePdf(spec));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->normalized.text,
            "(一) 1C902.a 金属钐\n序号 | 管制编码 | 物项名称 | 参考海关商品编号\n"
            "1 | 1C903.a | 金属钆 | 2805301920");
}

TEST(DocumentFormats, WordAndExcelAreReadFromTheirBytes) {
  auto docx = ExtractDocumentText(Docx(Para("商务部公告２０２５年第６１号")));
  ASSERT_TRUE(docx.ok()) << docx.status().ToString();
  EXPECT_EQ(docx->format, DocumentFormat::kDocx);
  EXPECT_EQ(docx->normalized.text, "商务部公告2025年第61号");
  EXPECT_TRUE(docx->page_starts.empty());

  auto xlsx = ExtractDocumentText(
      Xlsx({{"清单",
             "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>1C902.a</t></is></c>"
             "<c r=\"B1\"><v>2805301910</v></c></row>"}}));
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->format, DocumentFormat::kXlsx);
  // A sheet's cells as a table row the item parser reads by its columns.
  EXPECT_NE(xlsx->normalized.text.find("\n1C902.a | 2805301910"), std::string::npos)
      << xlsx->normalized.text;
}

TEST(DocumentFormats, WhatRegdiffDoesNotReadIsRefusedWithWhatToDo) {
  const std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  const std::string padding(64, '\0');
  struct Case {
    std::string bytes;
    Status::Code code;
    const char* says;
  } cases[] = {
      {ole2 + padding + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24),
       Status::Code::kUnsupported, "--convert-to docx"},
      {ole2 + padding + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16), Status::Code::kUnsupported,
       "--convert-to xlsx"},
      {std::string("PK\x03\x04", 4) + "mimetypeapplication/vnd.oasis.opendocument.text",
       Status::Code::kUnsupported, "not an announcement format regdiff reads"},
      {"%PDF-1.7\nnothing else", Status::Code::kCorruption, ""},
  };
  for (const Case& c : cases) {
    auto doc = ExtractDocumentText(c.bytes);
    ASSERT_FALSE(doc.ok()) << c.says;
    EXPECT_EQ(doc.status().code(), c.code) << doc.status().ToString();
    EXPECT_NE(doc.status().message().find(c.says), std::string::npos) << doc.status().ToString();
  }
}

TEST(DocumentFormats, AScannedPdfSaysItHasNoTextLayer) {
  PdfSpec spec;
  PdfPage scan;
  scan.image = true;
  spec.pages = {scan, scan};
  auto doc = ExtractDocumentText(WritePdf(spec));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kNotAnnouncement);
  EXPECT_NE(doc.status().message().find("without a text layer"), std::string::npos)
      << doc.status().ToString();
}

}  // namespace
}  // namespace regdiff::ingest
