// Charset detection and decoding with ICU: BOM, caller override, the page's
// declaration, ICU's detector; the evidence is weighed by how cleanly each
// candidate decodes, so a page that declares the wrong charset is overruled.
#include "ingest/charset.h"

#include <unicode/localpointer.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "corpus/strings.h"

namespace regdiff::ingest {
namespace {

constexpr size_t kDeclarationScanBytes = 4096;
// More C0 control bytes than 1 in kControlShareDivisor marks binary data.
constexpr size_t kControlShareDivisor = 20;
// ICU's detector looks at this many bytes at most: a prefix is plenty of
// evidence and keeps detection fast on large pages.
constexpr size_t kDetectorSampleBytes = 64 * 1024;
// How many of ICU's ranked guesses are tried when the best one decodes badly.
constexpr size_t kDetectorCandidates = 3;
// Between undeclared GB18030 and Big5 that both decode cleanly, the share of
// low trail bytes decides (see CountTrailBytes).
constexpr double kBig5LowTrailShare = 0.2;
constexpr double kGbkLowTrailShare = 0.05;
// A declared GB charset (or Big5) that decodes cleanly is overruled by the
// other only on at least this many double-byte characters whose share of
// low trail bytes is on the other's side of the limits above, and only when
// the other decodes every byte too (see OtherChineseCharset).
constexpr size_t kMinPairsToOverrule = 16;
// UTF-16 without a BOM is read in the byte order whose code units are at
// least this share plain text (see ReadBomlessUtf16). Chinese and English
// texts are all but 100%; their bytes read in the wrong order 30-90%
// (English swapped reads mostly as CJK ideographs, hence the tie rule);
// binary data rarely decodes at all.
constexpr double kUtf16PlainShare = 0.95;

// Charset labels as pages write them, mapped to the ICU converter we use.
// GB2312 and GBK are subsets of GB18030, so one converter serves them all.
struct CharsetAlias {
  std::string_view label;
  std::string_view converter;
};
// clang-format off
constexpr std::array<CharsetAlias, 27> kCharsetAliases = {{
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"gb_2312-80", "gb18030"},
    {"gb_2312", "gb18030"},
    {"x-gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"windows-936", "gb18030"},
    {"ms936", "gb18030"},
    {"csgb2312", "gb18030"},
    {"euc-cn", "gb18030"},
    {"x-euc-cn", "gb18030"},
    {"chinese", "gb18030"},
    {"iso-ir-58", "gb18030"},
    {"gb18030", "gb18030"},
    {"big5", "big5"},
    {"big-5", "big5"},
    {"cn-big5", "big5"},
    {"x-x-big5", "big5"},
    {"csbig5", "big5"},
    {"cp950", "big5"},
    {"big5-hkscs", "big5-hkscs"},
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"utf-16le", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"utf-16", "utf-16"},
}};
// clang-format on

// A charset label without the white space and quotes around it.
std::string_view TrimLabel(std::string_view s) { return Trim(s, " \t\r\n\"'"); }

// The converter name for a charset label; unknown labels pass through for
// ICU to resolve (or reject).
std::string CanonicalCharset(std::string_view label) {
  std::string lower = AsciiLower(TrimLabel(label));
  for (const CharsetAlias& alias : kCharsetAliases) {
    if (lower == alias.label) return std::string(alias.converter);
  }
  return lower;
}

bool IsUtf16(std::string_view canonical) { return canonical.rfind("utf-16", 0) == 0; }

// ---------------------------------------------------------------------------
// Decoding with a counting callback.

struct ReplacementCounter {
  int count = 0;
};

// Writes U+FFFD for every illegal, irregular or unassigned sequence and
// counts it. ICU calls this with other reasons (reset, close) that need
// nothing.
void CountingToUCallback(const void* context, UConverterToUnicodeArgs* args,
                         const char* /*code_units*/, int32_t /*length*/,
                         UConverterCallbackReason reason, UErrorCode* err) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) {
    return;
  }
  auto* counter = static_cast<ReplacementCounter*>(const_cast<void*>(context));
  ++counter->count;
  *err = U_ZERO_ERROR;
  static const UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

struct Decoding {
  std::u16string utf16;
  int replaced = 0;
};

// Decodes `bytes` with ICU converter `converter`; nullopt when ICU does not
// know the charset.
std::optional<Decoding> DecodeWith(std::string_view bytes, const std::string& converter) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUConverterPointer conv(ucnv_open(converter.c_str(), &status));
  if (U_FAILURE(status) || conv.isNull()) return std::nullopt;

  ReplacementCounter counter;
  ucnv_setToUCallBack(conv.getAlias(), CountingToUCallback, &counter, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;

  Decoding out;
  // Every supported charset yields at most one UTF-16 unit per input byte,
  // plus one replacement per byte in the worst case.
  out.utf16.resize(bytes.size() + 16);
  UChar* target = out.utf16.data();
  UChar* target_limit = out.utf16.data() + out.utf16.size();
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  for (;;) {
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.getAlias(), &target, target_limit, &source, source_limit, nullptr,
                   /*flush=*/true, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      size_t used = static_cast<size_t>(target - out.utf16.data());
      out.utf16.resize(out.utf16.size() * 2);
      target = out.utf16.data() + used;
      target_limit = out.utf16.data() + out.utf16.size();
      continue;
    }
    break;
  }
  if (U_FAILURE(status)) return std::nullopt;
  out.utf16.resize(static_cast<size_t>(target - out.utf16.data()));
  out.replaced = counter.count;
  return out;
}

std::string Utf16ToUtf8(const std::u16string& utf16) {
  if (utf16.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strToUTF8WithSub(nullptr, 0, &length, utf16.data(), static_cast<int32_t>(utf16.size()), 0xFFFD,
                     nullptr, &status);
  std::string out(static_cast<size_t>(length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), length, &length, utf16.data(), static_cast<int32_t>(utf16.size()),
                     0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return {};
  return out;
}

// ---------------------------------------------------------------------------
// Evidence from the bytes themselves.

struct Utf8Stats {
  int multibyte = 0;  // well-formed sequences of 2-4 bytes
  int invalid = 0;    // ill-formed sequences (maximal subparts)
  bool ascii_only() const { return multibyte == 0 && invalid == 0; }
  bool valid() const { return invalid == 0; }
  // Valid UTF-8 with a few damaged sequences: legacy CJK encodings almost
  // never form this many well-formed multibyte sequences by chance.
  bool mostly_valid() const { return multibyte >= 4 && multibyte >= 8 * invalid; }
};

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
Utf8Stats ScanUtf8(std::string_view bytes) {
  Utf8Stats stats;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
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
      ++stats.invalid;
      ++i;
      continue;
    }
    size_t k = 1;
    for (; k < len && i + k < n; ++k) {
      unsigned char b = p[i + k];
      unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
      if (b < min || b > max) break;
    }
    if (k == len) {
      ++stats.multibyte;
      i += len;
    } else {
      ++stats.invalid;
      i += k;
    }
  }
  return stats;
}

bool IsSuspectControl(uint32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F;
}

// Non-OK when `units` (bytes or UTF-16 code units) look like binary data.
template <typename Units>
Status CheckNotBinary(const Units& units) {
  size_t nuls = 0, controls = 0;
  for (auto u : units) {
    uint32_t c = static_cast<std::make_unsigned_t<decltype(u)>>(u);
    if (c == 0) {
      ++nuls;
    } else if (IsSuspectControl(c)) {
      ++controls;
    }
  }
  if (nuls > 0) {
    return Status::Corruption("binary data: " + std::to_string(nuls) +
                              " NUL byte(s), not a text or HTML file");
  }
  if (controls > 0 && controls * kControlShareDivisor > units.size()) {
    return Status::Corruption("binary data: " + std::to_string(controls) + " of " +
                              std::to_string(units.size()) +
                              " bytes are control characters, not a text or HTML file");
  }
  return Status::Ok();
}

struct Candidate {
  std::string charset;  // canonical converter name
  Decoding decoding;
};

std::optional<Candidate> TryCharset(std::string_view bytes, const std::string& charset) {
  std::optional<Decoding> d = DecodeWith(bytes, charset);
  if (!d) return std::nullopt;
  return Candidate{charset, std::move(*d)};
}

// Whether a code unit is what the texts we read are made of: ASCII (printing
// characters and line breaks), Latin-1, general punctuation, circled numbers,
// CJK punctuation, CJK ideographs, full-width forms. Chinese or English text
// is almost all of these; the same bytes read in the other byte order are
// not (a CJK character's swapped units scatter over the whole BMP, and
// swapped ASCII punctuation, digits and line breaks fall outside them).
bool IsPlainTextUnit(char16_t u) {
  return u == '\t' || u == '\n' || u == '\r' || (u >= 0x20 && u <= 0x7E) ||
         (u >= 0xA0 && u <= 0xFF) || (u >= 0x2000 && u <= 0x206F) ||
         (u >= 0x2460 && u <= 0x24FF) || (u >= 0x3000 && u <= 0x303F) ||
         (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF);
}

// A reading of bytes as UTF-16 in one byte order, with how plausible it is.
struct Utf16Reading {
  Candidate candidate;
  size_t plain = 0;  // code units that are IsPlainTextUnit
  size_t ascii = 0;  // code units below 0x80
};

// UTF-16 without a BOM. Its NUL bytes (the high byte of every ASCII
// character, the low byte of 一 U+4E00 and its kin) may fall on both
// parities, so the byte order is chosen by decoding: each order that decodes
// without an error and holds no NUL or run of control characters is a
// reading, and the reading with the larger share of plain text units wins
// if that share is at least kUtf16PlainShare (ties: the one with more ASCII,
// as swapped lowercase ASCII reads as CJK ideographs). nullopt when neither
// order reads as text: binary data, or UTF-16 too damaged to tell.
std::optional<Candidate> ReadBomlessUtf16(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return std::nullopt;
  std::optional<Utf16Reading> best;
  for (const char* order : {"utf-16le", "utf-16be"}) {
    std::optional<Candidate> c = TryCharset(bytes, order);
    if (!c || c->decoding.replaced > 0 || c->decoding.utf16.empty() ||
        !CheckNotBinary(c->decoding.utf16).ok()) {
      continue;
    }
    Utf16Reading r{std::move(*c)};
    for (char16_t u : r.candidate.decoding.utf16) {
      if (IsPlainTextUnit(u)) ++r.plain;
      if (u < 0x80) ++r.ascii;
    }
    const size_t units = r.candidate.decoding.utf16.size();
    if (static_cast<double>(r.plain) < kUtf16PlainShare * static_cast<double>(units)) continue;
    if (!best || r.plain > best->plain || (r.plain == best->plain && r.ascii > best->ascii)) {
      best = std::move(r);
    }
  }
  if (!best) return std::nullopt;
  return std::move(best->candidate);
}

// Double-byte characters read as GBK (lead byte 0x81-0xFE), and how many
// have a trail byte below 0xA1. Big5 puts about 40% of its common
// characters there; GB2312, which covers nearly all of any Simplified text,
// puts none. Both encodings decode each other's bytes without a single
// error, so this is what tells them apart.
struct TrailBytes {
  size_t pairs = 0;
  size_t low = 0;  // trail byte below 0xA1
  double share() const {
    return pairs == 0 ? 0.0 : static_cast<double>(low) / static_cast<double>(pairs);
  }
};

TrailBytes CountTrailBytes(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  TrailBytes out;
  for (size_t i = 0; i + 1 < bytes.size();) {
    if (p[i] < 0x81 || p[i] == 0xFF) {
      ++i;
      continue;
    }
    unsigned char trail = p[i + 1];
    if (trail >= 0x30 && trail <= 0x39) {  // a GB18030 four-byte sequence
      i += 4;
      continue;
    }
    ++out.pairs;
    if (trail < 0xA1) ++out.low;
    i += 2;
  }
  return out;
}

// Big5 bytes under a GB declaration decode without an error, as nonsense
// (and GB bytes under a Big5 one often do). When `declared` ("gb18030" or
// "big5") decoded cleanly but the bytes' low trail share is plainly the
// other's (see CountTrailBytes, kMinPairsToOverrule) and the other charset
// decodes them cleanly too, returns that reading and says why in `because`.
std::optional<Candidate> OtherChineseCharset(std::string_view bytes, const std::string& declared,
                                             std::string& because) {
  const TrailBytes trail = CountTrailBytes(bytes);
  if (trail.pairs < kMinPairsToOverrule) return std::nullopt;
  const double share = trail.share();
  std::string other;
  if (declared == "gb18030" && share >= kBig5LowTrailShare) other = "big5";
  if (declared == "big5" && share < kGbkLowTrailShare) other = "gb18030";
  if (other.empty()) return std::nullopt;
  std::optional<Candidate> c = TryCharset(bytes, other);
  if (!c || c->decoding.replaced > 0) return std::nullopt;
  const int percent = static_cast<int>(share * 100 + 0.5);
  because = std::to_string(percent);
  because.append("% of its ")
      .append(std::to_string(trail.pairs))
      .append(" two-byte characters have a trail byte below 0xA1 (GB2312 text: none, Big5 "
              "text: about 40%), and ")
      .append(other == "big5" ? "Big5" : "GB18030")
      .append(" decodes every byte");
  return c;
}

// ICU's ranked guesses, canonical names, best first.
std::vector<std::string> DetectCharsets(std::string_view bytes, std::string_view hint) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUCharsetDetectorPointer detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return out;
  std::string_view sample = bytes.substr(0, kDetectorSampleBytes);
  ucsdet_setText(detector.getAlias(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  std::string hint_copy(hint);
  if (!hint_copy.empty()) {
    ucsdet_setDeclaredEncoding(detector.getAlias(), hint_copy.c_str(),
                               static_cast<int32_t>(hint_copy.size()), &status);
  }
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.getAlias(), &found, &status);
  if (U_FAILURE(status) || matches == nullptr) return out;
  for (int32_t i = 0; i < found; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &s);
    if (U_FAILURE(s) || name == nullptr) continue;
    std::string canonical = CanonicalCharset(name);
    if (std::find(out.begin(), out.end(), canonical) == out.end()) out.push_back(canonical);
  }
  return out;
}

DecodedText Finish(DecodedText result, const Candidate& chosen) {
  result.used_charset = chosen.charset;
  result.replaced_chars = chosen.decoding.replaced;
  result.utf8 = Utf16ToUtf8(chosen.decoding.utf16);
  return result;
}

// Finds `needle` (lowercase ASCII) in `hay` ignoring ASCII case, from `from`.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) {
      ++k;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The value after `key` and optional spaces, '=', quotes: "charset=gbk".
std::string ValueAfter(std::string_view text, size_t key_end) {
  size_t i = key_end;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] != '=') return "";
  ++i;
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\'')) {
    ++i;
  }
  size_t start = i;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':')) break;
    ++i;
  }
  return AsciiLower(text.substr(start, i - start));
}

}  // namespace

std::string ConverterForLabel(std::string_view label) { return CanonicalCharset(label); }

std::string DeclaredCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kDeclarationScanBytes);
  // <?xml version="1.0" encoding="..."?> (XHTML pages).
  size_t xml = FindNoCase(head, "<?xml");
  if (xml != std::string_view::npos && xml < 16) {
    size_t end = head.find("?>", xml);
    std::string_view decl = head.substr(xml, end == std::string_view::npos ? 200 : end - xml);
    size_t enc = FindNoCase(decl, "encoding");
    if (enc != std::string_view::npos) {
      std::string value = ValueAfter(decl, enc + 8);
      if (!value.empty()) return value;
    }
  }
  // <meta charset=...> and <meta http-equiv content="...; charset=...">.
  size_t pos = 0;
  while ((pos = FindNoCase(head, "<meta", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    std::string_view tag =
        head.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    size_t key = 0;
    while ((key = FindNoCase(tag, "charset", key)) != std::string_view::npos) {
      key += 7;
      std::string value = ValueAfter(tag, key);
      if (!value.empty()) return value;
    }
    pos += 5;
  }
  return "";
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view override_charset) {
  if (bytes.empty()) return Status::InvalidArgument("empty file");

  DecodedText result;
  std::string override_canonical;
  if (!TrimLabel(override_charset).empty()) {
    result.declared_charset = AsciiLower(TrimLabel(override_charset));
    override_canonical = CanonicalCharset(override_charset);
  }

  // 1. A byte-order mark settles it.
  struct Bom {
    std::string_view bytes;
    std::string_view charset;
  };
  static constexpr Bom kBoms[] = {
      {"\xEF\xBB\xBF", "utf-8"}, {"\xFF\xFE", "utf-16le"}, {"\xFE\xFF", "utf-16be"}};
  for (const Bom& bom : kBoms) {
    if (bytes.substr(0, bom.bytes.size()) != bom.bytes) continue;
    std::string_view body = bytes.substr(bom.bytes.size());
    if (body.empty()) return Status::InvalidArgument("empty file");
    std::optional<Candidate> c = TryCharset(body, std::string(bom.charset));
    if (!c) return Status::Internal("ICU has no converter for " + std::string(bom.charset));
    if (IsUtf16(bom.charset)) {
      if (Status s = CheckNotBinary(c->decoding.utf16); !s.ok()) return s;
    } else {
      if (Status s = CheckNotBinary(body); !s.ok()) return s;
      if (result.declared_charset.empty()) result.declared_charset = DeclaredCharset(body);
    }
    return Finish(std::move(result), *c);
  }

  // 2. NUL bytes: UTF-16 without a BOM, or binary junk.
  if (bytes.find('\0') != std::string_view::npos) {
    // A byte order the caller names is taken if it reads cleanly.
    if (override_canonical == "utf-16le" || override_canonical == "utf-16be") {
      std::optional<Candidate> c = TryCharset(bytes, override_canonical);
      if (c && c->decoding.replaced == 0 && CheckNotBinary(c->decoding.utf16).ok()) {
        return Finish(std::move(result), *c);
      }
    }
    if (std::optional<Candidate> c = ReadBomlessUtf16(bytes)) {
      return Finish(std::move(result), *c);
    }
    return CheckNotBinary(bytes);  // reports the NUL bytes
  }
  if (Status s = CheckNotBinary(bytes); !s.ok()) return s;

  std::string page_declared = DeclaredCharset(bytes);
  if (result.declared_charset.empty()) result.declared_charset = page_declared;
  std::string page_canonical = page_declared.empty() ? "" : CanonicalCharset(page_declared);
  // A page that found its own <meta> in ASCII bytes is not UTF-16, whatever it
  // says (browsers treat such a declaration as UTF-8, and so do we).
  if (IsUtf16(page_canonical)) page_canonical = "utf-8";

  Utf8Stats utf8 = ScanUtf8(bytes);
  // 3. Pure ASCII, or (nearly) valid UTF-8 with multibyte characters: legacy
  // CJK encodings practically never form that many well-formed UTF-8
  // sequences, so this overrules any declaration (decoding UTF-8 bytes as
  // GB18030 often "succeeds" without a single replacement, as mojibake).
  if (utf8.valid()) {
    // Well-formed UTF-8 decodes to itself: no converter round trip.
    result.used_charset = "utf-8";
    result.utf8 = std::string(bytes);
    return result;
  }
  if (utf8.mostly_valid()) {
    std::optional<Candidate> c = TryCharset(bytes, "utf-8");
    if (!c) return Status::Internal("ICU has no UTF-8 converter");
    return Finish(std::move(result), *c);
  }

  // 4. Weigh the candidates in order of evidence (override, declaration,
  // ICU's ranked guesses): the first that decodes cleanly wins; otherwise a
  // later one replaces the current best only when it has fewer than half its
  // replacements.
  std::vector<std::string> tried;
  std::optional<Candidate> best;
  auto consider = [&](const std::string& charset) {
    if (charset.empty() || std::find(tried.begin(), tried.end(), charset) != tried.end()) {
      return;
    }
    tried.push_back(charset);
    std::optional<Candidate> c = TryCharset(bytes, charset);
    if (!c) return;  // a label ICU does not know
    if (!best || 2 * c->decoding.replaced < best->decoding.replaced) best = std::move(c);
  };
  auto clean = [&best] { return best && best->decoding.replaced == 0; };
  consider(override_canonical);
  if (!clean()) consider(page_canonical);
  if (clean() && (best->charset == "gb18030" || best->charset == "big5")) {
    if (auto other = OtherChineseCharset(bytes, best->charset, result.overruled_because)) {
      best = std::move(other);
    }
  }
  if (!clean()) {
    std::vector<std::string> detected = DetectCharsets(bytes, page_declared);
    if (!detected.empty()) result.detected_charset = detected.front();
    // Announcements are Chinese: on short texts ICU often ranks Shift_JIS or
    // EUC-KR first, so the Chinese charsets it found at all are tried first.
    std::stable_partition(detected.begin(), detected.end(),
                          [](const std::string& c) { return c == "gb18030" || c == "big5"; });
    if (detected.size() > kDetectorCandidates) detected.resize(kDetectorCandidates);
    for (const std::string& charset : detected) {
      consider(charset);
      if (clean()) break;
    }
    if (clean() && (best->charset == "gb18030" || best->charset == "big5")) {
      double share = CountTrailBytes(bytes).share();
      std::string other = share >= kBig5LowTrailShare ? "big5"
                          : share < kGbkLowTrailShare ? "gb18030"
                                                      : best->charset;
      if (other != best->charset) {
        std::optional<Candidate> c = TryCharset(bytes, other);
        if (c && c->decoding.replaced == 0) best = std::move(c);
      }
    }
  }
  if (!best) {
    // Nothing ICU knows fits: decode as UTF-8 and let U+FFFD show the damage.
    best = TryCharset(bytes, "utf-8");
    if (!best) return Status::Internal("ICU has no UTF-8 converter");
  }
  return Finish(std::move(result), *best);
}

}  // namespace regdiff::ingest
