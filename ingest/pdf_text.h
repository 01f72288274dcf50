// PDF to text through poppler-cpp: the text layer of every page in reading
// order, one line per line of print, with what print adds and a reader does
// not need taken out (running headers and footers, page numbers, the
// hyphens and breaks of justified English), and the start of every page
// kept so evidence can name its page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace regdiff::ingest {

// Caps on an untrusted PDF, each reported with a named kTooLarge error.
struct PdfLimits {
  int max_pages = 2000;               // a licence catalogue runs to a few hundred
  size_t max_text_bytes = 16u << 20;  // the text regdiff keeps, as for HTML
};

struct PdfText {
  // UTF-8, lines separated by '\n', the pages one after another (each page's
  // text ends with '\n'). Cells of a table row are separated by '\t'.
  std::string text;
  // page_starts[i]: the byte offset in `text` where page i + 1 begins.
  // One entry per page, the first 0, never decreasing.
  std::vector<size_t> page_starts;
};

// Errors: kCorruption (not a PDF, or one poppler cannot open), kUnsupported
// (encrypted: needs a password), kNotAnnouncement (no text layer: a scan;
// the message says so and names OCR), kTooLarge (past `limits`).
Result<PdfText> PdfToText(std::string_view bytes, const PdfLimits& limits = {});

}  // namespace regdiff::ingest
