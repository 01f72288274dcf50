// Normalisation of decoded text (character folding, whitespace, line
// structure) and the byte-aligned Traditional-to-Simplified copy made with
// OpenCC's t2s configuration.
#include "ingest/normalize.h"

#include <opencc/opencc.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace regdiff::ingest {
namespace {

constexpr char32_t kReplacementChar = 0xFFFD;
// Characters below this are never Traditional Chinese: ASCII, Latin, CJK
// punctuation before the radicals block. The character-by-character path
// asks OpenCC only about characters from here on.
constexpr char32_t kFirstCjk = 0x2E80;

// ---------------------------------------------------------------------------
// UTF-8 helpers.

// Decodes the character at `i` (strict UTF-8), advancing `i`. An ill-formed
// sequence yields U+FFFD and advances past its maximal subpart.
char32_t NextChar(std::string_view s, size_t& i) {
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

void AppendUtf8(char32_t cp, std::string& out) {
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
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// ---------------------------------------------------------------------------
// Character folding.

enum class Fold { kKeep, kSpace, kNewline, kDrop };

Fold Classify(char32_t cp) {
  switch (cp) {
    case '\n':
    case '\f':
    case '\v':
    case 0x85:
    case 0x2028:
    case 0x2029:
      return Fold::kNewline;
    case '\t':
    case ' ':
    case 0xA0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Fold::kSpace;
    case 0xAD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return Fold::kDrop;  // soft hyphen and zero-width characters
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Fold::kSpace;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return Fold::kDrop;  // other controls
  return Fold::kKeep;
}

// Full-width ASCII forms (U+FF01..U+FF5E) to ASCII.
char32_t FoldWidth(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
  return cp;
}

// ---------------------------------------------------------------------------
// OpenCC, opened once per process.

// Owns an OpenCC converter handle.
class OpenCc {
 public:
  explicit OpenCc(const char* config) : handle_(opencc_open(config)) {}
  ~OpenCc() {
    if (ok()) opencc_close(handle_);
  }
  OpenCc(const OpenCc&) = delete;
  OpenCc& operator=(const OpenCc&) = delete;

  bool ok() const { return handle_ != kInvalid; }

  // The converted text, or nullopt when OpenCC fails (it reports errors by
  // returning null; its C API catches its own exceptions).
  std::optional<std::string> Convert(std::string_view utf8) const {
    if (!ok()) return std::nullopt;
    char* out = opencc_convert_utf8(handle_, utf8.data(), utf8.size());
    if (out == nullptr) return std::nullopt;
    std::string result(out);
    opencc_convert_utf8_free(out);
    return result;
  }

 private:
  static inline const opencc_t kInvalid = reinterpret_cast<opencc_t>(-1);
  opencc_t handle_;
};

// The process-wide converter and the per-character cache, both used only
// under `mutex` (OpenCC instances are not documented as thread-safe).
struct T2sState {
  T2sState() {
    // OpenCC resolves a bare name against its data directory; the absolute
    // path is for builds whose data directory differs (Debian's is this one).
    for (const char* config : {"t2s.json", "/usr/share/opencc/t2s.json"}) {
      auto candidate = std::make_unique<OpenCc>(config);
      if (candidate->ok()) {
        converter = std::move(candidate);
        break;
      }
    }
  }

  std::mutex mutex;
  std::unique_ptr<OpenCc> converter;                     // null when OpenCC's data is missing
  std::unordered_map<char32_t, std::string> char_cache;  // "" = keep as is
};

T2sState& State() {
  static T2sState state;
  return state;
}

// True when `a` and `b` have the same length and every character starts at
// the same offset with the same byte length.
bool SameBoundaries(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  while (i < a.size()) {
    size_t len = SequenceLength(static_cast<unsigned char>(a[i]));
    if (SequenceLength(static_cast<unsigned char>(b[i])) != len) return false;
    for (size_t k = 1; k < len && i + k < a.size(); ++k) {
      // A continuation byte must stay a continuation byte.
      if ((static_cast<unsigned char>(b[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// The same-length Simplified form of one character, "" to keep it.
const std::string& ConvertChar(T2sState& state, char32_t cp, std::string_view original) {
  auto it = state.char_cache.find(cp);
  if (it != state.char_cache.end()) return it->second;
  std::string replacement;
  if (std::optional<std::string> converted = state.converter->Convert(original)) {
    if (*converted != original && converted->size() == original.size()) {
      size_t i = 0;
      NextChar(*converted, i);
      if (i == converted->size()) replacement = std::move(*converted);  // exactly one char
    }
  }
  return state.char_cache.emplace(cp, std::move(replacement)).first->second;
}

}  // namespace

NormalizedText Normalize(std::string_view utf8) {
  // Pass 1: fold characters, unify line breaks.
  std::string folded;
  folded.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t cp = NextChar(utf8, i);
    if (cp == '\r') {
      if (i < utf8.size() && utf8[i] == '\n') ++i;
      folded += '\n';
      continue;
    }
    switch (Classify(cp)) {
      case Fold::kNewline:
        folded += '\n';
        break;
      case Fold::kSpace:
        folded += ' ';
        break;
      case Fold::kDrop:
        break;
      case Fold::kKeep:
        AppendUtf8(FoldWidth(cp), folded);
        break;
    }
  }

  // Pass 2: trim each line, keep at most one blank line between lines, none
  // at either end.
  NormalizedText result;
  result.text.reserve(folded.size());
  bool pending_blank = false;
  size_t start = 0;
  while (start <= folded.size()) {
    size_t end = folded.find('\n', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view line(folded.data() + start, end - start);
    size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      pending_blank = !result.text.empty();
    } else {
      line = line.substr(first, line.find_last_not_of(' ') - first + 1);
      if (!result.text.empty()) result.text += pending_blank ? "\n\n" : "\n";
      result.text += line;
      pending_blank = false;
    }
    start = end + 1;
  }
  result.match = ToSimplifiedAligned(result.text);
  return result;
}

std::string ToSimplifiedAligned(std::string_view normalized) {
  std::string out(normalized);
  bool has_cjk = false;
  for (size_t i = 0; i < normalized.size() && !has_cjk;) {
    has_cjk = NextChar(normalized, i) >= kFirstCjk;
  }
  if (!has_cjk) return out;

  T2sState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  if (!state.converter) return out;  // no OpenCC data: match on the text as is

  // Whole-text conversion keeps OpenCC's phrase context; take it when it
  // changed no character boundary.
  if (std::optional<std::string> whole = state.converter->Convert(normalized)) {
    if (SameBoundaries(normalized, *whole)) return std::move(*whole);
  }
  // Otherwise character by character, keeping what does not fit.
  size_t i = 0;
  while (i < normalized.size()) {
    size_t start = i;
    char32_t cp = NextChar(normalized, i);
    if (cp < kFirstCjk || cp == kReplacementChar) continue;
    std::string_view original = normalized.substr(start, i - start);
    const std::string& replacement = ConvertChar(state, cp, original);
    if (!replacement.empty()) out.replace(start, replacement.size(), replacement);
  }
  return out;
}

}  // namespace regdiff::ingest
