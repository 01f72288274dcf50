// Normalisation of decoded text (character folding, whitespace, line
// structure) and the byte-aligned Traditional-to-Simplified copy made with
// OpenCC's t2s configuration, asked only about lines holding a character its
// dictionaries can change (most texts are Simplified and need no call).
#include "ingest/normalize.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>
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
constexpr char32_t kMaxCodePoint = 0x10FFFF;

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

// Every code point that the configuration's dictionaries may change: each
// character of a key that one of its values replaces. A text with none of
// them converts to itself (whatever the segmentation, a matched key whose
// value differs has such a character where they differ, and characters no
// key holds are kept), so it needs no conversion at all. One bit per code
// point (136 KiB).
class ChangeableChars {
 public:
  // From the conversion dictionaries of OpenCC configuration `config`;
  // false when OpenCC cannot load them (then every CJK character counts).
  bool Load(const char* config) {
    try {
      opencc::Config loader;
      opencc::ConverterPtr converter = loader.NewFromFile(config);
      bits_.assign((kMaxCodePoint + 1) / 64 + 1, 0);
      for (const opencc::ConversionPtr& conversion :
           converter->GetConversionChain()->GetConversions()) {
        std::vector<opencc::DictPtr> dicts;
        if (auto group = std::dynamic_pointer_cast<opencc::DictGroup>(conversion->GetDict())) {
          for (const opencc::DictPtr& d : group->GetDicts()) dicts.push_back(d);
        } else {
          dicts.push_back(conversion->GetDict());
        }
        for (const opencc::DictPtr& dict : dicts) {
          for (const auto& entry : *dict->GetLexicon()) Add(entry->Key(), entry->Values());
        }
      }
      return true;
    } catch (...) {  // opencc::Exception and whatever its loaders throw
      bits_.clear();
      return false;
    }
  }

  bool Has(char32_t cp) const {
    if (bits_.empty()) return cp >= kFirstCjk && cp != kReplacementChar;  // not loaded
    return cp <= kMaxCodePoint && ((bits_[cp / 64] >> (cp % 64)) & 1) != 0;
  }

 private:
  // Marks the characters of `key` that a value replaces: those at positions
  // where the two differ, or all of them when their lengths differ ("接著"
  // -> "接着" marks 著, not the common 接).
  void Add(const std::string& key, const std::vector<std::string>& values) {
    std::vector<char32_t> k = CodePoints(key);
    for (const std::string& value : values) {
      std::vector<char32_t> v = CodePoints(value);
      for (size_t i = 0; i < k.size(); ++i) {
        if (k.size() != v.size() || k[i] != v[i]) Mark(k[i]);
      }
    }
  }
  static std::vector<char32_t> CodePoints(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) out.push_back(NextChar(s, i));
    return out;
  }
  void Mark(char32_t cp) {
    if (cp <= kMaxCodePoint) bits_[cp / 64] |= uint64_t{1} << (cp % 64);
  }

  std::vector<uint64_t> bits_;
};

// The process-wide converter and the per-character cache, both used only
// under `mutex` (OpenCC instances are not documented as thread-safe), and
// the changeable set (read-only once built).
struct T2sState {
  T2sState() {
    // OpenCC resolves a bare name against its data directory; the absolute
    // path is for builds whose data directory differs (Debian's is this one).
    for (const char* config : {"t2s.json", "/usr/share/opencc/t2s.json"}) {
      auto candidate = std::make_unique<OpenCc>(config);
      if (candidate->ok()) {
        converter = std::move(candidate);
        changeable.Load(config);
        break;
      }
    }
  }

  std::mutex mutex;
  std::unique_ptr<OpenCc> converter;                     // null when OpenCC's data is missing
  std::unordered_map<char32_t, std::string> char_cache;  // "" = keep as is
  ChangeableChars changeable;
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

// Writes the Simplified form of `line` over `out` (same length): the
// line's OpenCC conversion when it changed no character boundary (phrase
// context kept), otherwise character by character, keeping what does not
// fit. Called under state.mutex.
void ConvertLine(T2sState& state, std::string_view line, char* out) {
  if (std::optional<std::string> whole = state.converter->Convert(line)) {
    if (SameBoundaries(line, *whole)) {
      whole->copy(out, whole->size());
      return;
    }
  }
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    char32_t cp = NextChar(line, i);
    if (cp < kFirstCjk || cp == kReplacementChar) continue;
    const std::string& replacement = ConvertChar(state, cp, line.substr(start, i - start));
    if (!replacement.empty()) replacement.copy(out + start, replacement.size());
  }
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
  T2sState& state = State();
  if (!state.converter) return out;  // no OpenCC data: match on the text as is

  // Only lines holding a character the dictionaries may change need OpenCC:
  // no dictionary key holds a line break, so a phrase never spans lines and
  // converting line by line gives what converting the whole text would.
  std::unique_lock<std::mutex> lock(state.mutex, std::defer_lock);
  size_t line_start = 0;
  while (line_start < normalized.size()) {
    size_t line_end = normalized.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = normalized.size();
    bool changeable = false;
    for (size_t i = line_start; i < line_end && !changeable;) {
      if (static_cast<unsigned char>(normalized[i]) < 0x80) {
        ++i;
        continue;
      }
      changeable = state.changeable.Has(NextChar(normalized, i));
    }
    if (changeable) {
      if (!lock.owns_lock()) lock.lock();
      ConvertLine(state, normalized.substr(line_start, line_end - line_start),
                  out.data() + line_start);
    }
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace regdiff::ingest
