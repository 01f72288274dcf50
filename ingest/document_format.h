// What kind of file a document's bytes are, from the bytes themselves (a
// file's extension and a server's Content-Type lie too often): a PDF, a
// Word or Excel file of either generation, another zip archive, or text
// (HTML or plain, told apart after decoding).
#pragma once

#include <string_view>

namespace regdiff::ingest {

enum class DocumentFormat {
  kText,          // HTML or plain text, in some charset
  kPdf,           // "%PDF-" within the first KiB
  kDocx,          // a zip archive holding word/document.xml
  kXlsx,          // a zip archive holding xl/workbook.xml
  kZip,           // another zip archive (an ODF file, a bundle of files)
  kLegacyWord,    // Word 97-2003 (.doc): an OLE2 compound file with a WordDocument stream
  kLegacyExcel,   // Excel 97-2003 (.xls): an OLE2 compound file with a Workbook stream
  kLegacyOffice,  // another OLE2 compound file (PowerPoint, .wps, ...)
};

DocumentFormat SniffDocumentFormat(std::string_view bytes);

// "PDF", "DOCX", "XLSX", "zip archive", "Word 97-2003 (.doc)", ...: for
// messages and for what `show` says a text was read from.
std::string_view DocumentFormatName(DocumentFormat format);

}  // namespace regdiff::ingest
