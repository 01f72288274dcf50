// The format of a document is read from its bytes, never from its name.
#include "ingest/document_format.h"

#include <gtest/gtest.h>

#include <string>

namespace regdiff::ingest {
namespace {

std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

const std::string kOle2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
const std::string kZip("PK\x03\x04", 4);

struct Case {
  const char* what;
  std::string bytes;
  DocumentFormat format;
};

TEST(DocumentFormat, IsReadFromTheBytes) {
  const Case cases[] = {
      {"a PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", DocumentFormat::kPdf},
      {"a PDF after a few junk bytes", "\r\n  %PDF-1.4\n", DocumentFormat::kPdf},
      {"a page that mentions %PDF-", "<html><p>the file starts with %PDF-1.4</p>",
       DocumentFormat::kText},
      {"a DOCX", kZip + "\x14 word/document.xml", DocumentFormat::kDocx},
      {"an XLSX", kZip + "\x14 xl/workbook.xml", DocumentFormat::kXlsx},
      {"an ODF text", kZip + "mimetypeapplication/vnd.oasis.opendocument.text",
       DocumentFormat::kZip},
      {"a Word 97 file", kOle2 + std::string(64, '\0') + Utf16Le("WordDocument"),
       DocumentFormat::kLegacyWord},
      {"an Excel 97 file", kOle2 + std::string(64, '\0') + Utf16Le("Workbook"),
       DocumentFormat::kLegacyExcel},
      {"another OLE2 file", kOle2 + std::string(64, '\0') + Utf16Le("PowerPoint Document"),
       DocumentFormat::kLegacyOffice},
      {"HTML", "<!DOCTYPE html><html><body>商务部公告</body></html>", DocumentFormat::kText},
      {"plain text", "商务部 海关总署公告2025年第18号", DocumentFormat::kText},
      {"nothing", "", DocumentFormat::kText},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SniffDocumentFormat(c.bytes), c.format) << c.what;
  }
}

TEST(DocumentFormat, NamesAreForPeople) {
  EXPECT_EQ(DocumentFormatName(DocumentFormat::kPdf), "PDF");
  EXPECT_EQ(DocumentFormatName(DocumentFormat::kLegacyWord), "Word 97-2003 document (.doc)");
}

}  // namespace
}  // namespace regdiff::ingest
