// The byte-aligned Simplified matching view of Chinese text, made with
// OpenCC's t2s configuration, asked only about lines holding a character its
// dictionaries can change (most texts are Simplified and need no call).
#include "parsers/zh_simplified.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Lexicon.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/utf8.h"
#include "parsers/opencc_handle.h"

namespace regdiff::parsers {
namespace {

using utf8::kMaxCodePoint;
using utf8::kReplacementChar;
using utf8::NextChar;
using utf8::SequenceLength;

// Characters below this are never Traditional Chinese: ASCII, Latin, CJK
// punctuation before the radicals block. The character-by-character path
// asks OpenCC only about characters from here on.
constexpr char32_t kFirstCjk = 0x2E80;

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

bool HoldsHan(std::string_view text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0xE3 || b0 > 0xE9) continue;  // U+3400..U+9FFF lead bytes
    size_t j = i;
    const char32_t cp = NextChar(text, j);
    if (cp >= 0x3400 && cp <= 0x9FFF) return true;
  }
  return false;
}

NormalizedText WithMatchingView(const NormalizedText& text) {
  NormalizedText out = text;
  if (out.match.size() != out.text.size()) {
    out.match = HoldsHan(out.text) ? ToSimplifiedAligned(out.text) : out.text;
  }
  return out;
}

}  // namespace regdiff::parsers
