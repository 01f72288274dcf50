// The ingest pipeline for one document: size check, charset decoding, HTML
// extraction when the bytes are HTML, normalisation.
#include "ingest/document_text.h"

#include <utility>

#include "ingest/html_text.h"
#include "ingest/normalize.h"

namespace regdiff::ingest {

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
  doc.decoded.utf8.clear();
  doc.decoded.utf8.shrink_to_fit();
  return doc;
}

}  // namespace regdiff::ingest
