// Small string helpers every folder may use: joining, trimming, ASCII case
// folding, and escaping text for HTML, XML, Markdown and CSV. Bytes in, bytes
// out: UTF-8 passes through untouched.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace regdiff {

// The strings of `parts` (any range of things appendable to a std::string:
// a vector or set of strings, string_views) with `separator` between them:
// Join({"a", "b", "c"}, ", ") is "a, b, c"; an empty range gives "".
template <typename Strings>
std::string Join(const Strings& parts, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out += separator;
    out += part;
    first = false;
  }
  return out;
}

// ASCII white space: space, tab, CR, LF.
inline constexpr std::string_view kAsciiSpace = " \t\r\n";

// `s` without the leading and trailing bytes that are in `drop`.
std::string_view Trim(std::string_view s, std::string_view drop = kAsciiSpace);

// `s` with A-Z folded to a-z; other bytes unchanged.
std::string AsciiLower(std::string_view s);

// The HS codes that may prefix `hs`: its prefixes of 4 to 9 digits shorter
// than itself, the rest `hs` again (six values, one per parameter of a query
// for "codes `hs` prefixes, or that prefix it"). Views into `hs`.
std::array<std::string_view, 6> HsPrefixes(std::string_view hs);

// Natural order of control codes and keys: digit runs compare as numbers
// ("1C99" < "1C902"), everything else bytewise.
bool CodeLess(std::string_view a, std::string_view b);

// Text for HTML content and attribute values: & < > " ' as entities; bytes
// that are no UTF-8 in their display form (corpus/display_text.h, \xNN).
std::string HtmlEscape(std::string_view text);

// Text for XML 1.0 character data and attribute values: & < > " as
// entities, and the control characters XML forbids (below U+0020 but tab,
// LF and CR) dropped; bytes that are no UTF-8 as \xNN.
std::string XmlEscape(std::string_view text);

// Text for one Markdown table cell or quote line: line breaks made spaces,
// the other control characters and bytes that are no UTF-8 shown as \xNN
// (EscapeControls), and the ASCII punctuation Markdown reads as markup
// (\ ` * _ [ ] < > | #) backslash-escaped, so no HTML gets through.
std::string MarkdownEscape(std::string_view text);

// Whether a spreadsheet would read a CSV field as a formula: it starts with
// = + - @ TAB or CR (OWASP, "CSV Injection"). A leading '-' counts too,
// though a negative number or a date is harmless: a cell "-2+3" or
// "-HYPERLINK(...)" would be evaluated.
bool CsvFormulaRisk(std::string_view text);

// `text` (a file name, a URL) as one Markdown code span for a table cell, as
// CommonMark and GFM read it: control characters and bytes that are no
// UTF-8 as \xNN (EscapeControls), '|' as "\|" (GFM splits the row first),
// fenced by one backtick more than the longest run of backticks it holds
// (padded with a space when it begins or ends with one). "" for "".
std::string MarkdownCode(std::string_view text);

// One CSV field as RFC 4180 writes it: in double quotes, with quotes
// doubled, when it holds a comma, a quote, CR or LF; else as it is. A field
// with a formula risk is first given a leading single quote (OWASP's
// neutralisation: "=HYPERLINK(...)" becomes "'=HYPERLINK(...)", which
// Excel, LibreOffice and Google Sheets show as text). Every CSV regdiff
// writes has its cells through here.
std::string CsvEscape(std::string_view text);

// One CSV record: the fields escaped, joined by commas, ended by CRLF.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace regdiff
