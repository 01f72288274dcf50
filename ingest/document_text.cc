// The ingest pipeline for one document: size check, charset decoding, HTML
// extraction when the bytes are HTML, normalisation.
#include "ingest/document_text.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/html_text.h"
#include "ingest/normalize.h"
#include "ingest/office_text.h"
#include "ingest/pdf_text.h"

namespace regdiff::ingest {
namespace {

// kTooLarge naming the first line of `text` longer than kMaxLineBytes.
Status CheckLineLengths(std::string_view text) {
  size_t line = 1;
  for (size_t start = 0; start <= text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > kMaxLineBytes) {
      return Status::TooLarge("line " + std::to_string(line) + " is " +
                              std::to_string(end - start) + " bytes, over the limit of " +
                              std::to_string(kMaxLineBytes) + " bytes per line");
    }
    start = end + 1;
  }
  return Status::Ok();
}

// Table cells as the item parser reads them: " | " between cells. In a
// Word or Excel text every tab separates cells; in a PDF's a tab is a wide
// gap, which is a table's only on a line of three cells or more (a gap or
// two also stands after a list number or inside a signature line).
std::string CellsAsTableRows(std::string_view text, size_t min_tabs) {
  std::string out;
  out.reserve(text.size());
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const bool row = static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) >= min_tabs;
    for (char c : line) {
      if (c == '\t' && row) out.append(" | ");
      else out.push_back(c);
    }
    if (end < text.size()) out.push_back('\n');
    start = end + 1;
  }
  return out;
}

// The pages of a PDF normalised one by one, so that each page's start is
// known in the normalised text.
Result<DocumentText> FromPdf(std::string_view bytes) {
  PdfLimits limits;
  limits.max_text_bytes = kMaxInputBytes;
  Result<PdfText> pdf = PdfToText(bytes, limits);
  if (!pdf.ok()) return pdf.status();
  DocumentText doc;
  doc.format = DocumentFormat::kPdf;
  for (size_t i = 0; i < pdf->page_starts.size(); ++i) {
    const size_t begin = pdf->page_starts[i];
    const size_t end = i + 1 < pdf->page_starts.size() ? pdf->page_starts[i + 1] : pdf->text.size();
    NormalizedText page =
        Normalize(CellsAsTableRows(std::string_view(pdf->text).substr(begin, end - begin), 2));
    if (!doc.normalized.text.empty() && !page.text.empty()) doc.normalized.text.push_back('\n');
    doc.page_starts.push_back(doc.normalized.text.size());
    doc.normalized.text.append(page.text);
  }
  if (doc.normalized.text.empty()) return Status::NotAnnouncement("no text in the PDF");
  return doc;
}

Result<DocumentText> FromOffice(std::string_view bytes, DocumentFormat format) {
  OfficeLimits limits;
  limits.max_text_bytes = kMaxInputBytes;
  Result<std::string> text =
      format == DocumentFormat::kDocx ? DocxToText(bytes, limits) : XlsxToText(bytes, limits);
  if (!text.ok()) return text.status();
  DocumentText doc;
  doc.format = format;
  // The columns a table's header row names (control code, name, reference
  // HS code) are read from " | " rows; normalisation would make tabs spaces.
  doc.normalized = Normalize(CellsAsTableRows(*text, 1));
  if (doc.normalized.text.empty()) {
    return Status::NotAnnouncement(std::string("no text in the ") +
                                   std::string(DocumentFormatName(format)));
  }
  return doc;
}

// What to do with a format regdiff does not read.
Status Unreadable(DocumentFormat format) {
  std::string message = "a " + std::string(DocumentFormatName(format));
  switch (format) {
    case DocumentFormat::kLegacyWord:
      message +=
          ": regdiff reads DOCX; convert it with "
          "`libreoffice --headless --convert-to docx FILE`";
      break;
    case DocumentFormat::kLegacyExcel:
      message +=
          ": regdiff reads XLSX; convert it with "
          "`libreoffice --headless --convert-to xlsx FILE`";
      break;
    default:
      message += ", not an announcement format regdiff reads (HTML, text, PDF, DOCX, XLSX)";
      break;
  }
  return Status::Unsupported(message);
}

}  // namespace

Result<DocumentText> ExtractDocumentText(std::string_view bytes, std::string_view override_charset,
                                         std::string_view content_selector) {
  if (bytes.empty()) return Status::NotAnnouncement("empty file");
  if (bytes.size() > kMaxInputBytes) {
    return Status::TooLarge("document is " + std::to_string(bytes.size()) + " bytes, over the " +
                            std::to_string(kMaxInputBytes) + "-byte limit");
  }

  const DocumentFormat format = SniffDocumentFormat(bytes);
  if (format != DocumentFormat::kText) {
    Result<DocumentText> doc = format == DocumentFormat::kPdf ? FromPdf(bytes)
                               : format == DocumentFormat::kDocx || format == DocumentFormat::kXlsx
                                   ? FromOffice(bytes, format)
                                   : Result<DocumentText>(Unreadable(format));
    if (!doc.ok()) return doc.status();
    if (Status s = CheckLineLengths(doc->normalized.text); !s.ok()) return s;
    return doc;
  }

  Result<DecodedText> decoded = DecodeToUtf8(bytes, override_charset);
  if (!decoded.ok()) return decoded.status();

  DocumentText doc;
  doc.decoded = std::move(decoded).value();
  doc.is_html = LooksLikeHtml(doc.decoded.utf8);

  if (doc.is_html) {
    Result<HtmlText> html = HtmlToText(doc.decoded.utf8, content_selector);
    if (!html.ok()) return html.status();
    doc.page_title = Normalize(html->title).text;
    doc.generator = std::move(html->generator);
    doc.normalized = Normalize(html->text);
    if (doc.normalized.text.empty()) {
      return Status::NotAnnouncement("no text after HTML extraction");
    }
  } else {
    doc.normalized = Normalize(doc.decoded.utf8);
    if (doc.normalized.text.empty()) {
      return Status::NotAnnouncement("no text in the document");
    }
  }
  if (Status s = CheckLineLengths(doc.normalized.text); !s.ok()) return s;
  doc.decoded.utf8.clear();
  doc.decoded.utf8.shrink_to_fit();
  return doc;
}

}  // namespace regdiff::ingest
