// HTML to text with libxml2's HTML parser (no network, no entity expansion):
// drops script/style and page chrome, keeps block structure (paragraphs, list
// items, table rows and <br> become line breaks) and, when a known selector
// matches (ingest/site_selectors.h), keeps only the main content node.
#pragma once

#include <string>
#include <string_view>

#include "corpus/status.h"

namespace regdiff::ingest {

// Pages nested deeper than this many elements are refused: real pages stay
// under 50 levels, and libxml2 stops reading at 256, which would otherwise cut
// a page short without a word.
inline constexpr int kMaxHtmlDepth = 200;

struct HtmlText {
  std::string text;       // UTF-8, one block per line, no leading/trailing blank lines
  std::string title;      // <title> or the site's title node, trimmed; "" if none
  std::string selector;   // the main-content selector that matched; "" if the whole body
  // The first <meta name="generator" content="..."> (the program that wrote
  // the page, e.g. "regdiff regdiff.diff/1"), trimmed; "" if none.
  std::string generator;
};

// True when the bytes look like an HTML document rather than plain text.
bool LooksLikeHtml(std::string_view utf8);

// Converts a UTF-8 HTML document. Truncated or malformed HTML is recovered
// as far as libxml2 can; the result may be empty text. `content_selector`
// (a simple selector, e.g. from a watch sources file), when given, is tried
// before the built-in table; a node it matches needs only some text.
// Errors: kCorruption when libxml2 produces no document at all; kTooLarge
// for nesting deeper than kMaxHtmlDepth.
Result<HtmlText> HtmlToText(std::string_view utf8_html, std::string_view content_selector = {});

}  // namespace regdiff::ingest
