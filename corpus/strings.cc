// Joining, trimming, case folding and markup escaping.
#include "corpus/strings.h"

#include <algorithm>

#include "corpus/display_text.h"

namespace regdiff {
namespace {

enum class Markup { kHtml, kXml };

// HTML and XML escape the same markup characters; HTML also the apostrophe
// (attribute values may be single-quoted), and XML drops the control
// characters XML 1.0 forbids.
std::string EscapeMarkup(std::string_view bytes, Markup markup) {
  const std::string text = Utf8DisplayForm(bytes);  // the page is UTF-8
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += markup == Markup::kHtml ? "&#39;" : "'"; break;
      default: {
        const bool forbidden =
            static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
        if (!(markup == Markup::kXml && forbidden)) out += c;
      }
    }
  }
  return out;
}

}  // namespace

std::string_view Trim(std::string_view s, std::string_view drop) {
  const size_t begin = s.find_first_not_of(drop);
  if (begin == std::string_view::npos) return s.substr(s.size());
  return s.substr(begin, s.find_last_not_of(drop) - begin + 1);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string HtmlEscape(std::string_view text) { return EscapeMarkup(text, Markup::kHtml); }

std::string XmlEscape(std::string_view text) { return EscapeMarkup(text, Markup::kXml); }

std::string MarkdownEscape(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  const std::string visible = EscapeControls(spaced);
  std::string out;
  out.reserve(visible.size());
  for (char c : visible) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

bool CsvFormulaRisk(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string MarkdownCode(std::string_view text) {
  if (text.empty()) return "";
  std::string inner;
  size_t longest = 0, run = 0;
  for (char c : EscapeControls(text)) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|') inner += '\\';
    inner += c;
  }
  const std::string fence(longest + 1, '`');
  // CommonMark strips one space from each end when both ends have one, and
  // a backtick at an end would join the fence.
  const bool pad = !inner.empty() && (inner.front() == '`' || inner.back() == '`' ||
                                      (inner.front() == ' ' && inner.back() == ' '));
  std::string out = fence;
  if (pad) out += ' ';
  out += inner;
  if (pad) out += ' ';
  out += fence;
  return out;
}

std::string CsvEscape(std::string_view text) {
  std::string field = CsvFormulaRisk(text) ? "'" : "";
  field += text;
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) row += ',';
    row += CsvEscape(fields[i]);
  }
  row += "\r\n";
  return row;
}

namespace {
bool AsciiDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::array<std::string_view, 6> HsPrefixes(std::string_view hs) {
  std::array<std::string_view, 6> out;
  for (size_t i = 0; i < out.size(); ++i) {
    const size_t len = 4 + i;
    out[i] = len < hs.size() ? hs.substr(0, len) : hs;
  }
  return out;
}

bool CodeLess(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (AsciiDigit(a[i]) && AsciiDigit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && AsciiDigit(a[ie])) ++ie;
      while (je < b.size() && AsciiDigit(b[je])) ++je;
      // Compare digit runs as numbers: strip leading zeros, then length, then digits.
      size_t is = i, js = j;
      while (is + 1 < ie && a[is] == '0') ++is;
      while (js + 1 < je && b[js] == '0') ++js;
      if (ie - is != je - js) return ie - is < je - js;
      int c = a.substr(is, ie - is).compare(b.substr(js, je - js));
      if (c != 0) return c < 0;
      if (ie - i != je - j) return ie - i < je - j;  // "01" after "1"
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace regdiff
