// The ingest pipeline for one document: size check, charset decoding, HTML
// extraction when the bytes are HTML, normalisation.
#include "ingest/document_text.h"

#include <string>
#include <string_view>
#include <utility>

#include "ingest/html_text.h"
#include "ingest/normalize.h"

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

}  // namespace

Result<DocumentText> ExtractDocumentText(std::string_view bytes,
                                         std::string_view override_charset,
                                         std::string_view content_selector) {
  if (bytes.empty()) return Status::NotAnnouncement("empty file");
  if (bytes.size() > kMaxInputBytes) {
    return Status::TooLarge("document is " + std::to_string(bytes.size()) + " bytes, over the " +
                            std::to_string(kMaxInputBytes) + "-byte limit");
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
