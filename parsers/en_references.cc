// Finding English announcement mentions, their issuers, and sentence bounds.
#include "parsers/en_references.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "corpus/issuers.h"
#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

struct Alias {
  std::string_view text;
  std::string code;
  bool acronym;  // all capitals: matched case-sensitively
};

// Names the press gives issuers besides those of the issuer table
// (corpus/issuers.cc): they identify a body in running text, never name it.
struct PressName {
  std::string_view text;
  std::string_view code;
};
constexpr PressName kPressNames[] = {
    {"commerce ministry", "MOFCOM"},
    {"customs administration", "GACC"},
    {"China Customs", "GACC"},
    {"General Administration of China Customs", "GACC"},
    {"industry ministry", "MIIT"},
    {"Ministry of Industry and IT", "MIIT"},
};

// Every English alias of every issuer, longest first so that "Ministry of
// Commerce of the People's Republic of China" wins over "Ministry of Commerce".
const std::vector<Alias>& AliasTable() {
  static const auto* kTable = [] {
    auto* table = new std::vector<Alias>();
    for (const auto& issuer : Issuers()) {
      for (auto alias : issuer.aliases_en) {
        bool acronym = std::all_of(alias.begin(), alias.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c));
        });
        table->push_back({alias, std::string(issuer.code), acronym});
      }
    }
    for (const auto& name : kPressNames) table->push_back({name.text, std::string(name.code), false});
    std::stable_sort(table->begin(), table->end(), [](const Alias& a, const Alias& b) {
      return a.text.size() > b.text.size();
    });
    return table;
  }();
  return *kTable;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

bool SameChar(char text, char alias, bool acronym) {
  return acronym ? text == alias : Lower(text) == Lower(alias);
}

// Matches `alias` forwards from `pos`: any case unless the alias is an
// acronym, ' and ’ interchangeable, and a space of the alias matching any run
// of whitespace, line breaks included (names wrapped across lines in PDF
// copies).
// Returns the end of the match, or npos.
size_t MatchAliasForward(std::string_view view, size_t pos, const Alias& alias) {
  std::string_view a = alias.text;
  size_t i = pos;
  for (size_t j = 0; j < a.size(); ++j) {
    if (a[j] == ' ') {
      if (i >= view.size() || !IsSpace(view[i])) return std::string_view::npos;
      while (i < view.size() && IsSpace(view[i])) ++i;
    } else if (a[j] == '\'' && view.substr(i, 3) == "’") {
      i += 3;
    } else {
      if (i >= view.size() || !SameChar(view[i], a[j], alias.acronym)) return std::string_view::npos;
      ++i;
    }
  }
  return i;
}

// Matches `alias` backwards, ending at `end`; returns its start, or npos.
size_t MatchAliasBackward(std::string_view view, size_t end, const Alias& alias) {
  std::string_view a = alias.text;
  size_t i = end;
  for (size_t j = a.size(); j-- > 0;) {
    if (a[j] == ' ') {
      if (i == 0 || !IsSpace(view[i - 1])) return std::string_view::npos;
      while (i > 0 && IsSpace(view[i - 1])) --i;
    } else if (a[j] == '\'' && i >= 3 && view.substr(i - 3, 3) == "’") {
      i -= 3;
    } else {
      if (i == 0 || !SameChar(view[i - 1], a[j], alias.acronym)) return std::string_view::npos;
      --i;
    }
  }
  return i;
}

// The alias ending at `pos` (word-bounded); sets *begin.
const Alias* AliasEndingAt(std::string_view view, size_t pos, size_t* begin) {
  if (pos < view.size() && IsWordChar(view[pos])) return nullptr;
  for (const Alias& alias : AliasTable()) {
    size_t b = MatchAliasBackward(view, pos, alias);
    if (b == std::string_view::npos || (b > 0 && IsWordChar(view[b - 1]))) continue;
    *begin = b;
    return &alias;
  }
  return nullptr;
}

// The alias starting at `pos` (word-bounded); sets *end.
const Alias* AliasStartingAt(std::string_view view, size_t pos, size_t* end) {
  if (pos > 0 && IsWordChar(view[pos - 1])) return nullptr;
  for (const Alias& alias : AliasTable()) {
    size_t e = MatchAliasForward(view, pos, alias);
    if (e == std::string_view::npos || (e < view.size() && IsWordChar(view[e]))) continue;
    *end = e;
    return &alias;
  }
  return nullptr;
}

bool EndsWithWordAt(std::string_view view, size_t pos, std::string_view word) {
  if (pos < word.size()) return false;
  size_t b = pos - word.size();
  for (size_t k = 0; k < word.size(); ++k)
    if (Lower(view[b + k]) != word[k]) return false;
  return b == 0 || !IsWordChar(view[b - 1]);
}

bool StartsWithWordAt(std::string_view view, size_t pos, std::string_view word) {
  if (pos + word.size() > view.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (Lower(view[pos + k]) != word[k]) return false;
  return pos + word.size() == view.size() || !IsWordChar(view[pos + word.size()]);
}

// Words and marks that may stand between issuer names.
constexpr std::string_view kSeparatorWords[] = {"and", "the"};
constexpr std::string_view kSeparatorMarks[] = {" ", "\t", ",", "&", "/", "-"};

// The length of a quotation mark (" “ ” ' ‘ ’) starting at / ending at `pos`, or 0.
size_t QuoteStartingAt(std::string_view view, size_t pos) {
  if (pos < view.size() && (view[pos] == '"' || view[pos] == '\'')) return 1;
  for (std::string_view q : {"“", "”", "‘", "’"})
    if (view.substr(pos, q.size()) == q) return q.size();
  return 0;
}
size_t QuoteEndingAt(std::string_view view, size_t pos) {
  if (pos > 0 && (view[pos - 1] == '"' || view[pos - 1] == '\'')) return 1;
  for (std::string_view q : {"“", "”", "‘", "’"})
    if (pos >= q.size() && view.substr(pos - q.size(), q.size()) == q) return q.size();
  return 0;
}

// Skips separators backwards from `pos`; a parenthesised alias "(MOFCOM)" or
// ("MOFCOM") after a full name counts as a separator.
size_t SkipSeparatorsBack(std::string_view view, size_t pos) {
  bool progressed = true;
  while (progressed && pos > 0) {
    progressed = false;
    for (auto mark : kSeparatorMarks) {
      if (pos >= mark.size() && view.substr(pos - mark.size(), mark.size()) == mark) {
        pos -= mark.size();
        progressed = true;
      }
    }
    for (auto word : kSeparatorWords) {
      if (EndsWithWordAt(view, pos, word)) {
        pos -= word.size();
        progressed = true;
      }
    }
    if (pos > 0 && view[pos - 1] == ')') {
      size_t open = view.rfind('(', pos - 1);
      size_t inner_end = pos - 1 - QuoteEndingAt(view, pos - 1);
      size_t b = 0;
      if (open != std::string_view::npos && AliasEndingAt(view, inner_end, &b) &&
          b == open + 1 + QuoteStartingAt(view, open + 1)) {
        pos = open;
        progressed = true;
      }
    }
  }
  return pos;
}

size_t SkipSeparatorsForward(std::string_view view, size_t pos) {
  bool progressed = true;
  while (progressed && pos < view.size()) {
    progressed = false;
    for (auto mark : kSeparatorMarks) {
      if (view.substr(pos, mark.size()) == mark) {
        pos += mark.size();
        progressed = true;
      }
    }
    for (auto word : kSeparatorWords) {
      if (StartsWithWordAt(view, pos, word)) {
        pos += word.size();
        progressed = true;
      }
    }
    if (pos < view.size() && view[pos] == '(') {
      size_t e = 0;
      size_t inner = pos + 1 + QuoteStartingAt(view, pos + 1);
      if (AliasStartingAt(view, inner, &e)) {
        e += QuoteStartingAt(view, e);
        if (e < view.size() && view[e] == ')') {
          pos = e + 1;
          progressed = true;
        }
      }
    }
  }
  return pos;
}

std::optional<int> ToInt(std::string_view digits) {
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsYear(int v) { return v >= 1900 && v <= 2199; }

struct Entry {
  int number = 0;
  int year = 0;
  size_t begin = 0, end = 0;
};

// Abbreviations after which a full stop does not end a sentence.
constexpr std::string_view kAbbreviations[] = {
    "no",  "nos", "art", "arts", "para", "paras", "etc", "vs",   "co",   "ltd",   "inc",
    "mr",  "ms",  "dr",  "st",   "jan",  "feb",   "mar", "apr",  "jun",  "jul",   "aug",
    "sep", "sept", "oct", "nov", "dec",  "approx", "fig", "vol", "cf",   "corp",  "dept"};

// Words that a Roman numeral may number ("Article I", "Part II").
constexpr std::string_view kNumberedParts[] = {"article", "articles", "part",    "parts",
                                              "section", "item",     "items",   "annex",
                                              "chapter", "paragraph", "clause"};

// `token` (at view offset t) is a Roman numeral numbering a part: "Article I".
bool IsPartNumeralBefore(std::string_view view, size_t line_begin, size_t t,
                         std::string_view token) {
  if (token.empty() || token.find_first_not_of("IVX") != std::string_view::npos) return false;
  size_t e = t;
  while (e > line_begin && view[e - 1] == ' ') --e;
  size_t b = e;
  while (b > line_begin && std::isalpha(static_cast<unsigned char>(view[b - 1]))) --b;
  std::string word(view.substr(b, e - b));
  for (char& c : word) c = Lower(c);
  return std::find(std::begin(kNumberedParts), std::end(kNumberedParts), word) !=
         std::end(kNumberedParts);
}

bool EndsSentence(std::string_view view, size_t line_begin, size_t dot) {
  if (dot + 1 < view.size() && view[dot + 1] != ' ' && view[dot + 1] != '\n' &&
      view[dot + 1] != '\t')
    return false;
  size_t t = dot;
  while (t > line_begin && (IsWordChar(view[t - 1]) || view[t - 1] == '.')) --t;
  std::string token(view.substr(t, dot - t));
  size_t first = line_begin;
  while (first < dot && (view[first] == ' ' || view[first] == '\t' || view[first] == '(')) ++first;
  if (token.empty()) return true;
  if (t == first) return false;  // "I. ", "8. ": a list marker
  if (IsPartNumeralBefore(view, line_begin, t, token) && dot + 2 < view.size() &&
      std::isupper(static_cast<unsigned char>(view[dot + 2])))
    return true;  // "… as set out in Article I. The …"
  if (token.find('.') != std::string::npos) return false;  // "U.S.", "e.g."
  if (token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0]))) return false;
  for (char& c : token) c = Lower(c);
  for (auto abbr : kAbbreviations)
    if (token == abbr) return false;
  return true;
}

}  // namespace

std::vector<std::string> EnIssuersBefore(std::string_view view, size_t pos, size_t* start,
                                         bool* incomplete) {
  std::vector<std::string> codes;
  *start = pos;
  if (incomplete) *incomplete = false;
  size_t p = pos;
  while (p > 0 && (view[p - 1] == ' ' || view[p - 1] == '\t')) --p;
  // A possessive: "MOFCOM's Announcement".
  if (p >= 2 && (view.substr(p - 2, 2) == "'s" || view.substr(p - 2, 2) == "'S")) p -= 2;
  else if (p >= 4 && view.substr(p - 4, 4) == "’s") p -= 4;
  // "… Customs ("GACC") jointly issued": the bracketed alias of the last name.
  if (p > 0 && view[p - 1] == ')') {
    size_t open = view.rfind('(', p - 1);
    size_t inner_end = p - 1 - QuoteEndingAt(view, p - 1);
    size_t b = 0;
    if (open != std::string_view::npos && AliasEndingAt(view, inner_end, &b) &&
        b == open + 1 + QuoteStartingAt(view, open + 1)) {
      p = open;
      while (p > 0 && (view[p - 1] == ' ' || view[p - 1] == '\t')) --p;
    }
  }
  while (true) {
    size_t q = codes.empty() ? p : SkipSeparatorsBack(view, p);
    size_t b = 0;
    const Alias* alias = AliasEndingAt(view, q, &b);
    if (!alias) break;
    codes.push_back(alias->code);
    p = b;
    *start = b;
  }
  if (incomplete && !codes.empty()) {
    size_t line = *start == 0 ? std::string_view::npos : view.rfind('\n', *start - 1);
    size_t from = line == std::string_view::npos ? 0 : line + 1;
    *incomplete = RE2::PartialMatch(view.substr(from, *start - from), EnP().unknown_body_before);
  }
  CanonicalizeIssuers(codes);
  return codes;
}

std::vector<std::string> EnIssuersAfter(std::string_view view, size_t pos, size_t* end,
                                        bool* incomplete) {
  std::vector<std::string> codes;
  *end = pos;
  if (incomplete) *incomplete = false;
  std::string_view m;
  // A quoted title in brackets may stand between: "No. 50 of 2006
  // ("Decision to …") issued by the Ministry of Commerce, …".
  size_t link = pos;
  if (MatchAt(EnP().title_aside, view, pos, view.size(), RE2::ANCHOR_START, m)) link += m.size();
  if (!MatchAt(EnP().issuer_link, view, link, view.size(), RE2::ANCHOR_START, m)) return codes;
  size_t p = link + m.size();
  bool first = true;
  while (p < view.size()) {
    size_t q = first ? p : SkipSeparatorsForward(view, p);
    size_t e = 0;
    const Alias* alias = AliasStartingAt(view, q, &e);
    if (!alias) break;
    codes.push_back(alias->code);
    // "Ministry of Commerce (MOFCOM)": the bracketed acronym belongs to the name.
    if (e + 1 < view.size() && view[e] == ' ' && view[e + 1] == '(') ++e;
    if (e < view.size() && view[e] == '(') {
      size_t ae = 0;
      if (AliasStartingAt(view, e + 1 + QuoteStartingAt(view, e + 1), &ae)) {
        ae += QuoteStartingAt(view, ae);
        if (ae < view.size() && view[ae] == ')') e = ae + 1;
      }
    }
    p = e;
    *end = e;
    first = false;
  }
  if (incomplete && !codes.empty()) {
    std::string_view unused;
    *incomplete = MatchAt(EnP().unknown_body_after, view, *end, view.size(), RE2::ANCHOR_START,
                          unused);
  }
  CanonicalizeIssuers(codes);
  return codes;
}

std::vector<std::string> EnIssuersNamedIn(std::string_view view, size_t begin, size_t end) {
  std::vector<std::string> codes;
  std::string_view span = view.substr(0, end);
  for (size_t p = begin; p < end; ++p) {
    if (!std::isalpha(static_cast<unsigned char>(span[p])) || (p > 0 && IsWordChar(span[p - 1])))
      continue;
    size_t e = 0;
    if (const Alias* alias = AliasStartingAt(span, p, &e)) {
      codes.push_back(alias->code);
      p = e;
    }
  }
  CanonicalizeIssuers(codes);
  return codes;
}

std::vector<std::string> EnIssuersListed(std::string_view view, size_t pos, size_t end) {
  std::vector<std::string> codes;
  while (end > pos && (IsSpace(view[end - 1]) || view[end - 1] == '.')) --end;
  std::string_view span = view.substr(0, end);
  size_t p = pos;
  while (p < end) {
    size_t q = p;
    while (q < end && (view[q] == ';' || view[q] == ',')) ++q;
    q = codes.empty() ? q : SkipSeparatorsForward(span, q);
    while (q < end && (view[q] == ';' || IsSpace(view[q]))) q = SkipSeparatorsForward(span, q + 1);
    if (q >= end) break;
    size_t e = 0;
    const Alias* alias = AliasStartingAt(span, q, &e);
    if (!alias) return {};
    codes.push_back(alias->code);
    p = e;
  }
  CanonicalizeIssuers(codes);
  return codes;
}

std::vector<Mention> FindEnMentions(std::string_view view) {
  const EnPatterns& pat = EnP();
  std::vector<Mention> out;
  size_t group = 0;
  std::string_view g[4];
  size_t pos = 0;
  while (pos < view.size() &&
         MatchAt(pat.ref_keyword, view, pos, view.size(), RE2::UNANCHORED, g, 2)) {
    const size_t kb = g[0].data() - view.data();
    const size_t ke = kb + g[0].size();
    const bool label = !g[1].empty();
    pos = ke;
    std::vector<Entry> entries;
    size_t p = ke;
    // The number (and its year, when written first) from `at`; sets p.
    auto read_number = [&](size_t at) {
      if (MatchAt(pat.ref_year_number, view, at, view.size(), RE2::ANCHOR_START, g, 4)) {
        int year = ToInt(g[1].empty() ? g[2] : g[1]).value_or(0);
        auto n = ToInt(g[3]);
        if (IsYear(year) && n && *n > 0) {
          size_t nb = g[3].data() - view.data();
          entries.push_back({*n, year, nb, nb + g[3].size()});
          p = (g[0].data() - view.data()) + g[0].size();
          return true;
        }
      }
      if (MatchAt(pat.ref_year_dash_number, view, at, view.size(), RE2::ANCHOR_START, g, 3)) {
        const int year = ToInt(g[1]).value_or(0);
        auto n = ToInt(g[2]);
        if (IsYear(year) && n && *n > 0) {
          size_t nb = g[2].data() - view.data();
          entries.push_back({*n, year, nb, nb + g[2].size()});
          p = (g[0].data() - view.data()) + g[0].size();
          return true;
        }
      }
      if (MatchAt(pat.ref_number, view, at, view.size(), RE2::ANCHOR_START, g, 2)) {
        auto n = ToInt(g[1]);
        if (n && *n > 0 && !IsYear(*n)) {
          size_t nb = g[1].data() - view.data();
          entries.push_back({*n, 0, nb, nb + g[1].size()});
          p = (g[0].data() - view.data()) + g[0].size();
          return true;
        }
      }
      return false;
    };
    // Issuers between the keyword and the number: "Announcement of the
    // Ministry of Commerce No. 46 [2024]".
    std::vector<std::string> inner;
    bool inner_incomplete = false;
    if (!read_number(ke) && label &&
        MatchAt(pat.ref_bare_number, view, ke, view.size(), RE2::ANCHOR_START, g, 2)) {
      // "Document No.: 18/2025": a bare number counts when its year follows.
      auto n = ToInt(g[1]);
      size_t nb = g[1].data() - view.data();
      std::string_view y[3];
      if (n && *n > 0 && !IsYear(*n) &&
          MatchAt(pat.ref_year_after, view, nb + g[1].size(), view.size(), RE2::ANCHOR_START,
                  y, 3)) {
        entries.push_back({*n, 0, nb, nb + g[1].size()});
        p = nb + g[1].size();
      }
    }
    if (entries.empty()) {
      size_t ie = ke;
      std::vector<std::string> named = EnIssuersAfter(view, ke, &ie, &inner_incomplete);
      if (!named.empty() && read_number(ie)) inner = std::move(named);
    }
    if (entries.empty()) continue;
    while (p < view.size()) {
      if (MatchAt(pat.ref_year_after, view, p, view.size(), RE2::ANCHOR_START, g, 3)) {
        int year = ToInt(g[1].empty() ? g[2] : g[1]).value_or(0);
        if (IsYear(year)) {
          size_t ye = (g[0].data() - view.data()) + g[0].size();
          for (auto& e : entries)
            if (e.year == 0) e.year = year;
          entries.back().end = ye;
          p = ye;
          continue;
        }
      }
      if (MatchAt(pat.ref_range, view, p, view.size(), RE2::ANCHOR_START, g, 2)) {
        auto n = ToInt(g[1]);
        int last = entries.back().number;
        if (n && *n > last && *n - last <= 20 && !IsYear(*n)) {
          size_t nb = g[1].data() - view.data();
          for (int k = last + 1; k <= *n; ++k) entries.push_back({k, 0, nb, nb + g[1].size()});
          p = nb + g[1].size();
          continue;
        }
      }
      if (MatchAt(pat.ref_more, view, p, view.size(), RE2::ANCHOR_START, g, 2)) {
        auto n = ToInt(g[1]);
        if (n && *n > 0 && !IsYear(*n)) {
          size_t nb = g[1].data() - view.data();
          entries.push_back({*n, 0, nb, nb + g[1].size()});
          p = nb + g[1].size();
          continue;
        }
      }
      break;
    }
    // Numbers written after a year-first mention share its year.
    for (size_t i = 1; i < entries.size(); ++i)
      if (entries[i].year == 0) entries[i].year = entries[i - 1].year;

    size_t begin = kb;
    bool incomplete = false, incomplete_after = false;
    std::vector<std::string> issuers = EnIssuersBefore(view, kb, &begin, &incomplete);
    size_t after_end = p;
    std::vector<std::string> after = EnIssuersAfter(view, p, &after_end, &incomplete_after);
    size_t group_end = after.empty() ? p : after_end;
    // The year after issuers named after the number: "No. 23 of the Ministry
    // of Commerce in 2023", "No. 61 of the Ministry of Commerce No. 2025".
    if (!after.empty() && std::any_of(entries.begin(), entries.end(),
                                      [](const Entry& e) { return e.year == 0; })) {
      for (const RE2* re : {&pat.ref_year_after, &pat.ref_year_as_number}) {
        const int groups = re->NumberOfCapturingGroups() + 1;
        if (!MatchAt(*re, view, after_end, view.size(), RE2::ANCHOR_START, g, groups)) continue;
        int year = ToInt(groups > 2 && g[1].empty() ? g[2] : g[1]).value_or(0);
        if (!IsYear(year)) continue;
        for (auto& e : entries)
          if (e.year == 0) e.year = year;
        group_end = (g[0].data() - view.data()) + g[0].size();
        break;
      }
    }
    if (issuers.empty() && !inner.empty()) {
      issuers = inner;
      incomplete = inner_incomplete;
      begin = kb;
    }
    if (issuers.empty()) {
      issuers = after;
      incomplete = incomplete_after;
      begin = kb;
    }
    ++group;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].year == 0) continue;
      Mention ref;
      ref.issuers = issuers;
      ref.issuers_incomplete = incomplete;
      ref.year = entries[i].year;
      ref.number = entries[i].number;
      ref.continuation = i > 0;
      ref.begin = i == 0 ? begin : entries[i].begin;
      ref.keyword = i == 0 ? kb : entries[i].begin;
      ref.end = entries.size() == 1 ? group_end : entries[i].end;
      ref.group = group;
      ref.group_end = group_end;
      out.push_back(std::move(ref));
    }
    pos = std::max(pos, group_end);
  }
  return out;
}

std::pair<size_t, size_t> EnSentence(std::string_view view, size_t pos) {
  pos = std::min(pos, view.size());
  size_t line_begin = pos == 0 ? 0 : view.rfind('\n', pos - 1);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  size_t line_end = view.find('\n', pos);
  if (line_end == std::string_view::npos) line_end = view.size();
  size_t begin = line_begin;
  for (size_t i = line_begin; i < line_end; ++i) {
    bool stop = false;
    size_t len = 1;
    if (view[i] == ';' || view[i] == '!' || view[i] == '?') {
      stop = true;
    } else if (view[i] == '.') {
      stop = EndsSentence(view, line_begin, i);
    } else if (view.substr(i, 3) == "。" || view.substr(i, 3) == "；") {
      stop = true;
      len = 3;
    }
    if (!stop) continue;
    if (i >= pos) return {begin, i};
    begin = i + len;
  }
  return {begin, line_end};
}

}  // namespace regdiff::parsers
