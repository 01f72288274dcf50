// Magic numbers, then the names of a container's parts.
#include "ingest/document_format.h"

#include <string>

namespace regdiff::ingest {
namespace {

constexpr std::string_view kZipMagic("PK\x03\x04", 4);
constexpr std::string_view kOle2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// A stream name as an OLE2 directory entry spells it: UTF-16LE.
std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

DocumentFormat SniffZip(std::string_view bytes) {
  // Local file headers and the central directory both spell each part's name.
  if (bytes.find("word/document.xml") != std::string_view::npos) return DocumentFormat::kDocx;
  if (bytes.find("xl/workbook.xml") != std::string_view::npos) return DocumentFormat::kXlsx;
  return DocumentFormat::kZip;
}

DocumentFormat SniffOle2(std::string_view bytes) {
  if (bytes.find(Utf16Le("WordDocument")) != std::string_view::npos) {
    return DocumentFormat::kLegacyWord;
  }
  if (bytes.find(Utf16Le("Workbook")) != std::string_view::npos ||
      bytes.find(Utf16Le("Book")) != std::string_view::npos) {
    return DocumentFormat::kLegacyExcel;
  }
  return DocumentFormat::kLegacyOffice;
}

}  // namespace

DocumentFormat SniffDocumentFormat(std::string_view bytes) {
  if (bytes.substr(0, kZipMagic.size()) == kZipMagic) return SniffZip(bytes);
  if (bytes.substr(0, kOle2Magic.size()) == kOle2Magic) return SniffOle2(bytes);
  // The PDF header may follow a few bytes of junk (some servers prepend a
  // BOM or whitespace); readers look for it in the first KiB.
  // A page that merely mentions "%PDF-" has its markup or words before it.
  const size_t pdf = bytes.substr(0, 1024).find("%PDF-");
  if (pdf != std::string_view::npos && bytes.substr(0, pdf).find('<') == std::string_view::npos) {
    return DocumentFormat::kPdf;
  }
  return DocumentFormat::kText;
}

std::string_view DocumentFormatName(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kText: return "text";
    case DocumentFormat::kPdf: return "PDF";
    case DocumentFormat::kDocx: return "DOCX";
    case DocumentFormat::kXlsx: return "XLSX";
    case DocumentFormat::kZip: return "zip archive";
    case DocumentFormat::kLegacyWord: return "Word 97-2003 document (.doc)";
    case DocumentFormat::kLegacyExcel: return "Excel 97-2003 workbook (.xls)";
    case DocumentFormat::kLegacyOffice: return "OLE2 compound file (an old Office format)";
  }
  return "text";
}

}  // namespace regdiff::ingest
