// Strict UTF-8 decoding and encoding, for the code that walks normalised
// text character by character (ingest/normalize.cc, parsers/zh_simplified.cc, text_view.cc, parties.cc)
// and the JSON reader and writer of corpus/ (state_json.cc, json_writer.cc).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace regdiff::utf8 {

inline constexpr char32_t kReplacementChar = 0xFFFD;
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Decodes the character at `i` (strict UTF-8), advancing `i`. An ill-formed
// sequence yields U+FFFD and advances past its maximal subpart.
inline char32_t NextChar(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    ++i;
    return kReplacementChar;
  }
  size_t k = 1;
  for (; k < len && i + k < s.size(); ++k) {
    unsigned char b = p[i + k];
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) break;
    cp = (cp << 6) | (b & 0x3F);
  }
  i += k;
  return k == len ? cp : kReplacementChar;
}

// The length of the well-formed UTF-8 sequence starting at `p[0]` (a byte
// of 0x80 or above) and ending by `end`, or 0 when it is ill-formed (RFC
// 3629: no overlong forms, no surrogates, nothing above U+10FFFF; as
// nlohmann-json's decoder).
inline size_t WellFormedLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < len) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if (p[k] < 0x80 || p[k] > 0xBF) return 0;
  return len;
}

inline void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Byte length of the UTF-8 sequence a lead byte starts; 1 for a stray byte.
inline size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// The character at `i` and its byte length (NextChar without advancing).
inline std::pair<char32_t, size_t> DecodeAt(std::string_view s, size_t i) {
  size_t next = i;
  const char32_t cp = NextChar(s, next);
  return {cp, next - i};
}

// A CJK ideograph (the unified blocks, extension A and B on, compatibility).
inline bool IsHan(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

// Hiragana or katakana (Japanese names).
inline bool IsKana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF; }

}  // namespace regdiff::utf8
