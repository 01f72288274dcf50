// PartyNameKey: fold, split into words at spaces and punctuation, take
// company forms off the ends, join. The company forms are data, below.
#include "corpus/name_match.h"

#include <algorithm>
#include <array>
#include <vector>

#include "corpus/utf8.h"

namespace regdiff {
namespace {

// Latin words that only state a company's legal form, compared after
// folding (lower case, no punctuation: "Co., Ltd." is the words co, ltd).
constexpr std::array<std::string_view, 26> kLatinCompanyForms = {
    "co",    "company", "corp",  "corporation", "inc",   "incorporated", "ltd",
    "limited", "llc",   "llp",   "lp",          "plc",   "gmbh",         "ag",
    "kk",    "kabushiki", "kaisha", "sa",       "spa",   "srl",          "sarl",
    "bv",    "nv",      "pte",   "pty",         "jsc"};

// Chinese and Japanese company forms at the end of a name, longest first so
// that 股份有限公司 is taken whole.
constexpr std::array<std::string_view, 8> kHanCompanySuffixes = {
    "股份有限公司", "有限责任公司", "有限公司", "株式会社", "有限会社", "合同会社", "公司", "会社"};

// Japanese forms that may also open a name (株式会社デンソー).
constexpr std::array<std::string_view, 2> kHanCompanyPrefixes = {"株式会社", "有限会社"};

// Latin words that open a name without naming it.
constexpr std::array<std::string_view, 1> kLatinArticles = {"the"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& table, std::string_view word) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

// Spaces and punctuation: the characters that separate words and are not
// part of any key. Full-width ASCII is folded before this is asked.
bool IsSeparator(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                       (cp >= 'A' && cp <= 'Z');
    return !alnum;
  }
  return (cp >= 0x00A0 && cp <= 0x00BF) ||  // no-break space, « », middle dot, ...
         cp == 0x00D7 ||                    // multiplication sign
         (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation: dashes, quotes, ...
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation: 、。「」【】
         cp == 0x30FB ||                    // katakana middle dot ・
         (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         cp == utf8::kReplacementChar;
}

// Full-width ASCII to ASCII, the ideographic space to a space, A-Z to a-z.
char32_t Fold(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp == 0x3000) cp = ' ';
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words(1);
  for (size_t i = 0; i < name.size();) {
    const char32_t cp = Fold(utf8::NextChar(name, i));
    if (IsSeparator(cp)) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      utf8::AppendUtf8(cp, words.back());
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Takes company forms off both ends of `words` while more than the form
// would be left.
void DropCompanyForms(std::vector<std::string>& words) {
  for (bool changed = true; changed && !words.empty();) {
    changed = false;
    if (words.size() > 1 && Contains(kLatinCompanyForms, words.back())) {
      words.pop_back();
      changed = true;
      continue;
    }
    if (words.size() > 1 && Contains(kLatinArticles, words.front())) {
      words.erase(words.begin());
      changed = true;
      continue;
    }
    std::string& last = words.back();
    // The longest form that ends the word is taken, or none.
    for (std::string_view suffix : kHanCompanySuffixes) {
      if (!EndsWith(last, suffix)) continue;
      if (last.size() > suffix.size() || words.size() > 1) {
        last.resize(last.size() - suffix.size());
        if (last.empty()) words.pop_back();
        changed = true;
      }
      break;
    }
    if (changed || words.empty()) continue;
    std::string& first = words.front();
    for (std::string_view prefix : kHanCompanyPrefixes) {
      if (!StartsWith(first, prefix)) continue;
      if (first.size() > prefix.size() || words.size() > 1) {
        first.erase(0, prefix.size());
        if (first.empty()) words.erase(words.begin());
        changed = true;
      }
      break;
    }
  }
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(utf8::NextChar(s, i));
  return out;
}

}  // namespace

std::string PartyNameKey(std::string_view name) {
  std::vector<std::string> words = Words(name);
  DropCompanyForms(words);
  std::string key;
  for (const std::string& w : words) key += w;
  return key;
}

double NameSimilarity(std::string_view key_a, std::string_view key_b) {
  if (key_a.empty() || key_b.empty()) return 0.0;
  if (key_a == key_b) return 1.0;
  const std::vector<char32_t> a = CodePoints(key_a);
  const std::vector<char32_t> b = CodePoints(key_b);
  // Levenshtein distance, one row at a time.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  const double longer = static_cast<double>(std::max(a.size(), b.size()));
  return 1.0 - static_cast<double>(row[b.size()]) / longer;
}

}  // namespace regdiff
