// The ingest pipeline for one input: raw bytes -> charset decoding -> HTML to
// text (when the bytes are HTML) -> normalisation. What tools/ calls for
// `ingest` and `parse`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "corpus/text.h"
#include "ingest/charset.h"
#include "ingest/document_format.h"

namespace regdiff::ingest {

// Size caps on untrusted input, each reported with a named error.
inline constexpr size_t kMaxInputBytes = 16u << 20;  // 16 MiB: pages are < 1 MiB
// One line of normalised text (an HTML block, a line of a text file): an
// announcement's longest paragraph is a few KiB; a longer line is minified
// junk or an attack on the parsers' per-line work, and the document is
// refused rather than cut.
inline constexpr size_t kMaxLineBytes = 64u << 10;

struct DocumentText {
  DocumentFormat format = DocumentFormat::kText;
  DecodedText decoded;  // charset facts (text only); decoded.utf8 is cleared to save memory
  bool is_html = false;
  std::string page_title;  // from HTML <title>, "" for plain text
  std::string generator;   // from HTML <meta name="generator">, "" if none
  NormalizedText normalized;
  // For a PDF: the byte offset in normalized.text where each page begins
  // (one per page, the first 0). Empty for every other format.
  std::vector<size_t> page_starts;
};

// The format is read from the bytes (SniffDocumentFormat): a PDF, DOCX or
// XLSX goes through its reader (pdf_text.h, office_text.h) before
// normalisation; `override_charset` and `content_selector` (see HtmlToText)
// apply to text only.
// Errors: kNotAnnouncement for empty input ("empty file"), kTooLarge past
// kMaxInputBytes, for a line past kMaxLineBytes and for HTML nested deeper
// than kMaxHtmlDepth (html_text.h), kCorruption for binary data,
// kNotAnnouncement when no text remains after HTML extraction; kUnsupported
// for a legacy .doc/.xls (the message says how to convert it) or a zip
// archive that is no DOCX/XLSX; the readers' errors.
Result<DocumentText> ExtractDocumentText(std::string_view bytes,
                                         std::string_view override_charset = {},
                                         std::string_view content_selector = {});

}  // namespace regdiff::ingest
