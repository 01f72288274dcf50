// Utf8DisplayForm and EscapeControls: one walk over the bytes.
#include "corpus/display_text.h"

#include "corpus/utf8.h"

namespace regdiff {
namespace {

enum class Controls { kKeep, kEscape, kEscapeButLineFeed };

void AppendEscaped(unsigned value, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[(value >> 4) & 0xF];
  out += kHex[value & 0xF];
}

std::string Display(std::string_view bytes, Controls controls) {
  std::string out;
  out.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      const bool control = c < 0x20 || c == 0x7F;
      if (control && controls != Controls::kKeep &&
          !(c == '\n' && controls == Controls::kEscapeButLineFeed)) {
        AppendEscaped(c, out);
      } else {
        out += static_cast<char>(c);
      }
      ++p;
      continue;
    }
    const size_t len = utf8::WellFormedLength(p, end);
    if (len == 0) {  // a byte of an ill-formed sequence
      AppendEscaped(c, out);
      ++p;
      continue;
    }
    // C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F.
    if (controls != Controls::kKeep && len == 2 && c == 0xC2 && p[1] <= 0x9F) {
      AppendEscaped(p[1], out);
    } else {
      out.append(reinterpret_cast<const char*>(p), len);
    }
    p += len;
  }
  return out;
}

}  // namespace

bool IsUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const size_t len = utf8::WellFormedLength(p, end);
    if (len == 0) return false;
    p += len;
  }
  return true;
}

std::string Utf8DisplayForm(std::string_view bytes) {
  if (IsUtf8(bytes)) return std::string(bytes);
  return Display(bytes, Controls::kKeep);
}

std::string EscapeControls(std::string_view bytes) { return Display(bytes, Controls::kEscape); }

std::string EscapeControlsKeepingLines(std::string_view text) {
  return Display(text, Controls::kEscapeButLineFeed);
}

}  // namespace regdiff
