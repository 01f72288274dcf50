// The ingest pipeline for one input: raw bytes -> charset decoding -> HTML to
// text (when the bytes are HTML) -> normalisation. What tools/ calls for
// `ingest` and `parse`.
#pragma once

#include <string>
#include <string_view>

#include "corpus/status.h"
#include "corpus/text.h"
#include "ingest/charset.h"

namespace regdiff::ingest {

// Size caps on untrusted input, each reported with a named error.
inline constexpr size_t kMaxInputBytes = 16u << 20;  // 16 MiB: pages are < 1 MiB

struct DocumentText {
  DecodedText decoded;  // charset facts; decoded.utf8 is cleared to save memory
  bool is_html = false;
  std::string page_title;  // from HTML <title>, "" for plain text
  NormalizedText normalized;
};

// `content_selector`: see HtmlToText.
// Errors: kNotAnnouncement for empty input ("empty file"), kTooLarge past
// kMaxInputBytes, kCorruption for binary data, kNotAnnouncement when no text
// remains after HTML extraction.
Result<DocumentText> ExtractDocumentText(std::string_view bytes,
                                         std::string_view override_charset = {},
                                         std::string_view content_selector = {});

}  // namespace regdiff::ingest
