// Bytes the charset tests make: an HTML page without its declaration, text
// as UTF-16 in either byte order.
#pragma once

#include <string>
#include <string_view>

namespace regdiff::ingest::testing {

// Removes the first <meta ...> tag, leaving an undeclared page.
inline std::string WithoutMeta(std::string html) {
  size_t start = html.find("<meta");
  size_t end = html.find('>', start);
  html.erase(start, end - start + 1);
  return html;
}

// UTF-16 code units to bytes in the given byte order.
inline std::string Utf16Bytes(std::u16string_view text, bool little_endian) {
  std::string out;
  for (char16_t u : text) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

}  // namespace regdiff::ingest::testing
