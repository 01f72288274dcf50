// The parsers' regular expressions (RE2), each compiled once and listed once,
// in one table per language (zh_patterns.h, en_patterns.h) and this file's
// shared one (dates, read by one reader for both languages). A pattern is a
// member of its table declared with REGDIFF_PATTERN(name, "…"), which also
// registers it under its name, so the test that every pattern compiles walks
// the tables. Patterns run on the matching view of a text (Simplified,
// full-width forms folded to ASCII; see corpus/text.h), so one pattern covers
// Simplified, Traditional, full-width and ASCII spellings.
#pragma once

#include <re2/re2.h>

#include <cstdlib>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace regdiff::parsers {

class PatternTable;

// An RE2 pattern with its name, registered in its table when constructed.
class Pattern : public RE2 {
 public:
  Pattern(PatternTable& table, std::string_view name, const char* pattern);
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  std::string_view name() const { return name_; }

 private:
  std::string_view name_;
};

// The base of a table: its patterns in the order they are declared. A table
// is built once and never moved (its patterns point back into it).
class PatternTable {
 public:
  explicit PatternTable(std::string_view name) : name_(name) {}
  PatternTable(const PatternTable&) = delete;
  PatternTable& operator=(const PatternTable&) = delete;

  std::string_view name() const { return name_; }
  std::span<const Pattern* const> patterns() const { return patterns_; }

 private:
  friend class Pattern;
  std::string_view name_;
  std::vector<const Pattern*> patterns_;
};

// Declares the table member `name` with its pattern text, named "name".
#define REGDIFF_PATTERN(name, pattern) Pattern name{*this, #name, pattern}

struct SharedPatterns : PatternTable {
  SharedPatterns() : PatternTable("shared") {}

  // Dates.
  REGDIFF_PATTERN(date_zh, R"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)");
  REGDIFF_PATTERN(date_zh_numeral,
      R"(([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)");
  REGDIFF_PATTERN(date_dashed, R"((\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2}))");
  REGDIFF_PATTERN(date_en_mdy,
      R"((?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)");
  REGDIFF_PATTERN(date_en_dmy,
      R"((?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b)");

  // Parties (parties.cc and the readers zh_parties.cc, en_parties.cc): list
  // names, verbs and countries are in party_words.cc's tables.
  // These patterns are matched on the substring they describe (a line, a
  // cell, a sentence's object), so '^' and '$' mark its ends.
  //
  // An entry at the start of a line: "1.", "1、", "(1)", "1" before a cell
  // separator or at the end of the line (number in group 1 or 2), a bullet
  // (group 3), or "一、" (group 4). The entry's text follows the match.
  REGDIFF_PATTERN(party_entry,
      R"(^\s*\|?\s*(?:\(\s*(\d{1,3})\s*\)\s*|(\d{1,3})\s*(?:[.、)]\s*|\s+|\|\s*|$)|([·•*▪-])\s*|([一二三四五六七八九十]{1,3})\s*、\s*))");
  // A label before the name on an entry's own line ("1. 中文名称：…", "1. Name: …").
  REGDIFF_PATTERN(party_name_label,
      R"(^\s*(?:中文名称|名称|实体名称|企业名称|单位名称|机构名称|中文名|(?i:name|entity\s+name|name\s+of\s+(?:the\s+)?entity|english\s+name|chinese\s+name))\s*:\s*)");
  // A label opening a line that belongs to the entry above ("英文名称：",
  // "地址：", "Address:"): group 1 the label, group 2 the value.
  REGDIFF_PATTERN(party_field_line,
      R"(^\s*(英文名称|外文名称|英文名|中文名称|中文名|地址|注册地址|办公地址|别名|又名|曾用名|国家|国别|国家/地区|国家\(地区\)|所在国|所在国家|(?i:english\s+name|name\s+in\s+english|chinese\s+name|name\s+in\s+chinese|address(?:es)?|alias(?:es)?|a\.k\.a\.?|country|country/region))\s*[:]\s*(.*?)\s*$)");
  // A labelled field after the name in one cell ("…公司，地址：…",
  // "… Inc. Address: …", "…(别名：…)"): the name ends where it starts.
  REGDIFF_PATTERN(party_field_in_cell,
      R"((?:^|[\s,;、(])(?:地址|注册地址|办公地址|别名|又名|曾用名|简称|以下简称|下称|(?i:address|alias(?:es)?|a\.k\.a\.?|also\s+known\s+as|formerly\s+known\s+as|hereinafter))\s*[:]?)");
};

namespace internal {
// What MatchAt does, with a bare pointer: groups must hold n entries.
bool MatchInto(const RE2& re, std::string_view text, size_t pos, size_t end,
               RE2::Anchor anchor, std::string_view* groups, int n);
}  // namespace internal

// RE2::Match with string_view submatches: matches `re` against
// text[pos, end) and fills groups[0..n) (groups[0] is the whole match). n
// must not exceed the pattern's groups plus one (RE2 then fails the match)
// nor the array: asking for more than the array holds aborts, instead of
// writing past it.
template <size_t N>
bool MatchAt(const RE2& re, std::string_view text, size_t pos, size_t end, RE2::Anchor anchor,
             std::string_view (&groups)[N], int n) {
  if (n < 0 || static_cast<size_t>(n) > N) std::abort();
  return internal::MatchInto(re, text, pos, end, anchor, groups, n);
}

// The same for the whole match alone.
inline bool MatchAt(const RE2& re, std::string_view text, size_t pos, size_t end,
                    RE2::Anchor anchor, std::string_view& whole) {
  return internal::MatchInto(re, text, pos, end, anchor, &whole, 1);
}

// Whether `text` contains one of `words`. A pattern call costs far more than
// a few substring searches, so a reader that runs a pattern on every line
// first asks whether the line holds a word that every match must contain.
inline bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

// The shared table, built on first use (thread-safe).
const SharedPatterns& P();

// Every pattern table (shared, Chinese, English), for the test that proves
// each pattern compiles.
std::span<const PatternTable* const> AllPatternTables();

}  // namespace regdiff::parsers
