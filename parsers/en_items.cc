// The controlled-item list of an English announcement. Reads the nested
// numbering of translations ("I." / "(I)" / "(1)" / "(A)" / "1." / "a." /
// "(a)" / "(i)"), whose nesting is learnt from the order in which the styles
// first appear; control codes at the start of an item line ("(I) 1C909.a
// Holmium metal …") or labelled ("(Control code: 1E902.a)"); reference
// customs codes after "reference customs commodity number(s)", "HS code(s)",
// "tariff item(s)" …, attached to the nearest control code above; element
// names in the item's own line and the headings above it. The reader
// classifies every line (ListLine, reading.h); item_tree.cc assembles the
// items.
//
// OCR repair: a letter O inside the three-digit run of a control code
// ("1C9O9.a") is read as the digit 0, a letter l or I in its first place
// ("lC909.a") as the digit 1, each reported in a warning; nothing else is
// repaired.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "parsers/ascii.h"
#include "parsers/element_names.h"
#include "parsers/hs_list.h"
#include "parsers/en_readers.h"
#include "parsers/reading.h"
#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

enum class Kind { kDigit, kRomanUpper, kRomanLower, kLetterUpper, kLetterLower };
enum class Deco { kDot, kParen, kClose };  // "1." / "(1)" / "1)"

struct Style {
  Kind kind;
  Deco deco;
  bool operator==(const Style&) const = default;
};

struct Candidate {
  Style style;
  int value;
};

struct LineInfo {
  int depth = 0;                 // 1 for the outermost numbering; 0 unnumbered
  std::string marker;            // "I", "(I)", "1", "(a)"
  size_t content = 0;            // view offset after the marker
  size_t outer = 0;              // depth of the levels open above this line
  std::optional<std::string> code;  // control code this line introduces
  std::string printed_code;      // as printed, before OCR repair
  size_t code_end = 0;           // view offset after a code at the start
  size_t labelled_code_begin = 0;  // view offset of "(Control code: …)"; 0 if none
  std::vector<std::string> hs;   // HS codes listed from this line
  size_t hs_begin = 0, hs_end = 0;
  size_t name_end = 0;           // view offset of the HS label, 0 if none
  bool empty_hs = false;         // an HS label in brackets with no numbers
  std::vector<size_t> ancestors;  // indexes of the numbered lines above it
};

std::optional<int> ParseRoman(std::string_view s) {
  auto value = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      default: return 0;
    }
  };
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int v = value(s[i]);
    if (v == 0) return std::nullopt;
    int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  // Only canonical spellings up to 39.
  static constexpr std::string_view kRoman[] = {
      "",    "I",    "II",    "III",  "IV",   "V",    "VI",    "VII",    "VIII",  "IX",
      "X",   "XI",   "XII",   "XIII", "XIV",  "XV",   "XVI",   "XVII",   "XVIII", "XIX",
      "XX",  "XXI",  "XXII",  "XXIII", "XXIV", "XXV", "XXVI",  "XXVII",  "XXVIII", "XXIX",
      "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII",
      "XXXIX"};
  if (total <= 0 || total >= 40 || kRoman[total] != s) return std::nullopt;
  return total;
}

// Every reading of a marker token: "I" is Roman one or the letter I, "l" is
// the letter l or an OCR-damaged Roman one ("ll" for "II").
std::vector<Candidate> Candidates(std::string_view token, Deco deco) {
  std::vector<Candidate> out;
  if (std::isdigit(static_cast<unsigned char>(token[0]))) {
    int v = 0;
    for (char c : token) v = v * 10 + (c - '0');
    out.push_back({{Kind::kDigit, deco}, v});
    return out;
  }
  auto only = [&](std::string_view set) {
    return token.find_first_not_of(set) == std::string_view::npos;
  };
  if (only("IVXl")) {
    std::string up(token);
    std::replace(up.begin(), up.end(), 'l', 'I');
    if (auto v = ParseRoman(up)) out.push_back({{Kind::kRomanUpper, deco}, *v});
  }
  if (only("ivx")) {
    std::string up(token);
    for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (auto v = ParseRoman(up)) out.push_back({{Kind::kRomanLower, deco}, *v});
  }
  if (token.size() == 1) {
    char c = token[0];
    if (std::isupper(static_cast<unsigned char>(c)))
      out.push_back({{Kind::kLetterUpper, deco}, c - 'A' + 1});
    else
      out.push_back({{Kind::kLetterLower, deco}, c - 'a' + 1});
  }
  return out;
}

// The numbering levels open above the current line. The nesting of styles is
// learnt as they appear: a style seen before closes the deeper ones, a new one
// nests. Of a marker's readings, the one that continues an open level's
// sequence wins; then one that opens a level at 1: a new style, or a style
// already open further out that restarts at 1 below a level of another style
// ("1. Items …" / "(I) Antimony" / "1. Antimony ore": translations print 一、
// and 1. alike); then a restart at 1 of the innermost level of its style.
class Outline {
 public:
  // Places a marker of line `line`; returns its depth (1-based) and fills
  // *ancestors with the lines of the levels above it.
  int Place(const std::vector<Candidate>& candidates, size_t line, std::vector<size_t>* ancestors) {
    const Candidate* best = nullptr;
    size_t best_at = 0;  // the level the marker takes; stack_.size() nests it
    double best_score = -1;
    for (const auto& c : candidates) {
      auto [score, at] = Fit(c);
      if (score > best_score) best = &c, best_at = at, best_score = score;
    }
    stack_.resize(best_at);
    ancestors->clear();
    for (const auto& l : stack_) ancestors->push_back(l.line);
    stack_.push_back({best->style, best->value, line});
    return static_cast<int>(stack_.size());
  }
  size_t depth() const { return stack_.size(); }
  // Closes the levels below `depth`.
  void Truncate(size_t depth) {
    if (depth < stack_.size()) stack_.resize(depth);
  }
  void Ancestors(std::vector<size_t>* out) const {
    out->clear();
    for (const auto& l : stack_) out->push_back(l.line);
  }

 private:
  struct Level {
    Style style;
    int value;
    size_t line;
  };
  // How well reading `c` fits the open levels, and the level it takes.
  std::pair<double, size_t> Fit(const Candidate& c) const {
    std::optional<size_t> innermost;  // the innermost level of c's style
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].style != c.style) continue;
      if (c.value == stack_[k].value + 1) return {3, k};  // continues it
      if (!innermost) innermost = k;
    }
    if (!innermost) return {c.value == 1 ? 2 : 0.5, stack_.size()};  // a new style nests
    if (c.value != 1) return {0.4, *innermost};
    // A restart at 1 below a level of another style nests; else it restarts.
    if (*innermost + 1 < stack_.size()) return {2.5, stack_.size()};
    return {1, *innermost};
  }
  std::vector<Level> stack_;
};

// Punctuation trimmed from the ends of names and evidence.
std::pair<size_t, size_t> Trim(std::string_view view, size_t b, size_t e) {
  auto is_trim = [](char c) {
    return c == ' ' || c == '\t' || c == ':' || c == ';' || c == '.' || c == ',' || c == '(' ||
           c == '-';
  };
  while (b < e && is_trim(view[b])) ++b;
  while (e > b && is_trim(view[e - 1])) --e;
  return {b, e};
}

void ReadHs(std::string_view view, size_t begin, size_t end, LineInfo& info) {
  std::string_view m;
  size_t pos = begin;
  while (pos < end && MatchAt(EnP().hs_label, view, pos, end, RE2::UNANCHORED, m)) {
    size_t label = m.data() - view.data();
    size_t after = label + m.size();
    if (info.name_end == 0) info.name_end = label;
    HsList list = ReadHsList(view, after, view.size(), EnHsSeparators());
    const size_t list_end = list.codes.empty() ? after : list.end;
    if (!list.codes.empty()) {
      if (info.hs.empty()) info.hs_begin = list.begin;
      info.hs_end = list.end;
      for (auto& code : list.codes) info.hs.push_back(std::move(code));
    } else {
      // Empty only when the label sits in brackets with nothing but
      // separators before the closing bracket: "(HS code: , )".
      size_t k = after;
      while (k < end && (view[k] == ' ' || view[k] == ',' || view[k] == ';')) ++k;
      if (k < end && view[k] == ')') info.empty_hs = true;
    }
    pos = std::max(after, list_end);
    if (pos == label) ++pos;
  }
}

// The code with its OCR slips undone: a letter O in the three-digit run is
// 0, a letter l or I in first place is 1. The patterns admit no other slip.
std::string RepairCode(std::string code) {
  if (!code.empty() && (code[0] == 'l' || code[0] == 'I')) code[0] = '1';
  for (size_t i = 2; i < 5 && i < code.size(); ++i)
    if (code[i] == 'O') code[i] = '0';
  return code;
}

bool HasDigitRun(std::string_view code) {
  for (size_t i = 2; i < 5 && i < code.size(); ++i)
    if (IsAsciiDigit(code[i])) return true;
  return false;
}

// A table flattened to text, one row a line (cells joined by spaces, tabs
// or '|'), under a header row naming a control-code column and an HS-code or
// name column ("No. Item Control code HS Code(s)"). Reads a row into `info`:
// the first control code standing alone in it, the text before it as the
// name (after a row number), and the unlabelled customs codes after it.
// False when the line is no row (no code and no customs code): the table ends.
bool ReadTableRow(const TextView& tv, size_t i, LineInfo& info) {
  std::string_view view = tv.view();
  const auto& line = tv.lines()[i];
  std::string_view text = tv.line(i);
  std::string_view g[2];
  size_t after_code = 0;
  if (MatchAt(EnP().table_code, text, 0, text.size(), RE2::UNANCHORED, g, 2)) {
    info.printed_code = std::string(g[1]);
    size_t cb = line.begin + (g[1].data() - text.data());
    after_code = cb + g[1].size();
    size_t nb = line.begin;
    std::string_view m;
    if (MatchAt(EnP().row_number, text, 0, text.size(), RE2::ANCHOR_START, m))
      nb += m.size();
    if (cb > nb) {
      info.content = nb;
      info.name_end = cb;
    } else {
      info.code_end = after_code;
    }
  }
  // Customs codes: the first 8- or 10-digit number after the code, and the
  // list it opens.
  size_t k = after_code ? after_code : line.begin;
  std::string_view bounded = view.substr(0, line.end);
  for (; k < line.end; ++k) {
    if (!IsAsciiDigit(view[k]) || (k > line.begin && (IsAsciiDigit(view[k - 1]) || view[k - 1] == '.')))
      continue;
    HsList list = ReadHsList(bounded, k, bounded.size(), EnHsSeparators());
    if (list.codes.empty()) continue;
    // A row without a code continues the HS column only when nothing stands
    // before its codes ("Hotline: 12345678" under a table is no row).
    if (info.printed_code.empty() &&
        view.substr(line.begin, k - line.begin).find_first_not_of(" \t|") !=
            std::string_view::npos)
      break;
    if (info.code_end == 0 && info.name_end == 0) info.name_end = k;
    info.hs = std::move(list.codes);
    info.hs_begin = list.begin;
    info.hs_end = list.end;
    if (info.code_end && info.name_end == 0) info.name_end = k;
    break;
  }
  return !info.printed_code.empty() || !info.hs.empty();
}

// A code ending an item line after its name ("(I) Artificial diamond
// micropowders, 2C902.a;"), or ending it before its HS list. On a numbered
// line any separator will do; on an unnumbered one a column-like one (a tab,
// '|', a bracket, a comma or a dash), or a space on a short line that is no
// sentence, so that prose ending in a code is not an item. A code cited ("as
// in 1C902.a") is none.
void ReadCodeAtEnd(std::string_view view, const TextView::Line& line, LineInfo& info) {
  // The name and its code end where the HS list's label starts ("Samarium
  // oxide: 1C902.b. HS Code(s): …").
  size_t end = line.end;
  std::string_view m;
  if (MatchAt(EnP().hs_label, view, info.content, line.end, RE2::UNANCHORED, m))
    end = m.data() - view.data();
  std::string_view rest = view.substr(info.content, end - info.content);
  std::string_view g[3];
  if (!MatchAt(EnP().control_code_at_end, rest, 0, rest.size(), RE2::UNANCHORED, g, 3) ||
      !HasDigitRun(g[2]))
    return;
  size_t sep = g[1].data() - view.data();
  if (sep <= info.content) return;  // nothing named before it
  bool bracketed = g[0].find_first_of("([") != std::string_view::npos;
  bool spaced = g[1] == " ";
  std::string_view before = view.substr(info.content, sep - info.content);
  // An unnumbered line "Terbium metal … 1C904.a" (a table's columns joined by
  // a space) names an item when it is short and no sentence.
  if (info.depth == 0 && spaced && !bracketed &&
      (line.end - line.begin > 160 || RE2::PartialMatch(before, EnP().prose_verb) ||
       before.find(". ") != std::string_view::npos))
    return;
  if (RE2::PartialMatch(before, EnP().code_cited_before)) return;
  // The name must hold a word, not only numbers or another code.
  if (std::none_of(before.begin(), before.end(),
                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
    return;
  info.printed_code = std::string(g[2]);
  info.code = RepairCode(info.printed_code);
  info.labelled_code_begin = sep;
}

// A row of a table of goods by customs code ("| 1 | 2805301910 | Samarium
// metal | kg |", "1\t2805301910\tSamarium metal"): after an optional row
// number, the HS codes, then the name up to the next cell. False when the
// line holds no such row: the table has ended.
bool ReadGoodsRow(const TextView& tv, size_t i, LineInfo& info) {
  std::string_view view = tv.view();
  const auto& line = tv.lines()[i];
  std::string_view text = tv.line(i);
  size_t k = line.begin;
  std::string_view m;
  if (MatchAt(EnP().row_number, text, 0, text.size(), RE2::ANCHOR_START, m)) {
    k += m.size();
    for (char c : m)
      if (IsAsciiDigit(c)) info.marker += c;  // the row's number is its position
  }
  while (k < line.end && (view[k] == ' ' || view[k] == '\t' || view[k] == '|')) ++k;
  if (k >= line.end || !IsAsciiDigit(view[k])) return false;
  HsList list = ReadHsList(view, k, line.end, EnHsSeparators());
  if (list.codes.empty()) return false;
  info.hs = std::move(list.codes);
  info.hs_begin = list.begin;
  info.hs_end = list.end;
  size_t b = info.hs_end;
  while (b < line.end && (view[b] == ' ' || view[b] == '\t' || view[b] == '|')) ++b;
  size_t e = b;
  while (e < line.end && view[e] != '|' && view[e] != '\t') ++e;
  info.content = b;
  info.name_end = e;
  return true;
}

// Classifies every line: marker, code, HS codes.
std::vector<LineInfo> ReadLines(const TextView& tv) {
  const EnPatterns& p = EnP();
  std::string_view view = tv.view();
  std::vector<LineInfo> infos(tv.lines().size());
  Outline outline;
  std::optional<size_t> last_code_outer;  // outer depth of the last code line
  bool in_table = false;
  bool piped_table = false;  // the header's cells are split by '|'
  bool goods_table = false;  // the header names HS codes and goods, no control codes
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    const auto& line = tv.lines()[i];
    std::string_view text = tv.line(i);
    LineInfo& info = infos[i];
    info.content = line.begin;
    // Rows of a flattened table are read by their columns.
    // A numbered or labelled item line is no table row: the table has ended.
    std::string_view unused[4];
    if (in_table &&
        (MatchAt(p.marker, text, 0, text.size(), RE2::ANCHOR_START, unused, 4) ||
         MatchAt(p.hs_label, text, 0, text.size(), RE2::UNANCHORED, unused, 1)))
      in_table = false;
    if (in_table && RE2::FullMatch(text, p.table_rule)) continue;
    // A row of a '|' table holds a '|'; a note under a table ("Source: …") is none.
    if (in_table && ((piped_table && text.find('|') == std::string_view::npos) ||
                     RE2::PartialMatch(text, p.note_label)))
      in_table = false;
    if (in_table && goods_table) {
      if (ReadGoodsRow(tv, i, info)) {
        outline.Ancestors(&info.ancestors);
        info.outer = outline.depth();
        info.depth = static_cast<int>(info.outer) + 1;  // an entry, read by position
        continue;
      }
      info = LineInfo{};
      info.content = line.begin;
      in_table = false;
    }
    if (in_table) {
      if (ReadTableRow(tv, i, info)) {
        if (!info.printed_code.empty()) info.code = RepairCode(info.printed_code);
        outline.Ancestors(&info.ancestors);
        info.outer = outline.depth();
        continue;
      }
      info = LineInfo{};
      info.content = line.begin;
      in_table = false;
    }
    // A header row: short, unnumbered, naming the columns and holding no code
    // (a table of goods by customs code names no control-code column).
    std::string_view hs_column;
    const bool names_hs = text.size() < 200 &&
                          MatchAt(p.hs_label, text, 0, text.size(), RE2::UNANCHORED, hs_column);
    const bool names_goods = names_hs && !RE2::PartialMatch(text, p.table_header) &&
                             RE2::PartialMatch(text, p.name_column);
    if (text.size() < 200 && (RE2::PartialMatch(text, p.table_header) || names_goods) &&
        !MatchAt(p.marker, text, 0, text.size(), RE2::ANCHOR_START, unused, 4) &&
        !RE2::PartialMatch(text, p.any_code) &&
        std::none_of(text.begin(), text.end(), [](char c) { return IsAsciiDigit(c); })) {
      in_table = names_hs || RE2::PartialMatch(text, p.name_column);
      goods_table = names_goods;
      piped_table = text.find('|') != std::string_view::npos;
    }
    std::string_view g[4];
    if (MatchAt(p.long_marker, text, 0, text.size(), RE2::ANCHOR_START, g, 4)) {
      auto candidates = Candidates(g[1], g[2] == ")" ? Deco::kClose : Deco::kDot);
      if (!candidates.empty()) {
        info.depth = outline.Place(candidates, i, &info.ancestors);
        info.outer = info.depth - 1;
        info.marker = std::string(g[1]);
        info.content = line.begin + (g[3].data() - text.data()) + g[3].size();
      }
    } else if (MatchAt(p.marker, text, 0, text.size(), RE2::ANCHOR_START, g, 4)) {
      bool paren = !g[1].empty();
      std::string_view token = paren ? g[1] : g[2];
      size_t after = g[0].size();
      // "1.5 mm", "e.g.", "U.S.": a dot must be followed by a space, the end
      // of the line, or (after digits) a letter.
      bool ok = true;
      if (!paren) {
        size_t delim_end = (g[3].data() - text.data()) + g[3].size();
        bool space = delim_end < text.size() && (text[delim_end] == ' ' || text[delim_end] == '\t');
        bool end = delim_end >= text.size();
        bool digit_letter = IsAsciiDigit(token[0]) && delim_end < text.size() &&
                            std::isalpha(static_cast<unsigned char>(text[delim_end]));
        ok = space || end || digit_letter;
      }
      if (ok) {
        Deco deco = paren ? Deco::kParen : (g[3] == ")" ? Deco::kClose : Deco::kDot);
        auto candidates = Candidates(token, deco);
        if (!candidates.empty()) {
          info.depth = outline.Place(candidates, i, &info.ancestors);
          info.outer = info.depth - 1;
          info.marker = paren ? std::string("(").append(token).append(")") : std::string(token);
          info.content = line.begin + after;
        }
      }
    }
    std::string_view rest = view.substr(info.content, line.end - info.content);
    if (MatchAt(p.control_code_at_start, rest, 0, rest.size(), RE2::ANCHOR_START, g, 2) &&
        HasDigitRun(g[1])) {
      size_t after = (g[1].data() - view.data()) + g[1].size();
      std::string_view m;
      bool reference = MatchAt(p.code_reference_suffix, view, after, line.end,
                               RE2::ANCHOR_START, m);
      if (!reference) {
        info.printed_code = std::string(g[1]);
        info.code = RepairCode(info.printed_code);
        info.code_end = after;
      }
    }
    if (!info.code &&
        MatchAt(p.control_code_labelled, rest, 0, rest.size(), RE2::UNANCHORED, g, 2) &&
        HasDigitRun(g[1])) {
      info.printed_code = std::string(g[1]);
      info.code = RepairCode(info.printed_code);
      info.labelled_code_begin = g[0].data() - view.data();
    }
    // "Holmium (Ho, 1C909): Including …": a summary's entry, the code in the
    // brackets after the name.
    if (!info.code &&
        MatchAt(p.code_after_name, rest, 0, rest.size(), RE2::ANCHOR_START, g, 3) &&
        HasDigitRun(g[2])) {
      info.printed_code = std::string(g[2]);
      info.code = RepairCode(info.printed_code);
      info.labelled_code_begin = (g[1].data() - view.data()) + g[1].size();
    }
    if (!info.code) ReadCodeAtEnd(view, line, info);
    if (info.depth == 0) {
      // An unnumbered code line is a sibling of the previous item, not a
      // child of that item's numbered sub-items.
      if (info.code && last_code_outer) outline.Truncate(*last_code_outer);
      outline.Ancestors(&info.ancestors);
      info.outer = outline.depth();
    }
    if (info.code) last_code_outer = info.outer;
    ReadHs(view, info.content, line.end, info);
  }
  return infos;
}

// The reader's line as the back half reads it (reading.h): the name span
// (after the marker and the code, up to an HS label or a labelled code), the
// evidence end (trailing punctuation off), and the depth whose uncoded lines
// end the item a code opens: the line's own, or for an unnumbered code line
// the depth of the levels open above it.
ListLine ToListLine(const TextView& tv, const LineInfo& info, size_t i) {
  std::string_view view = tv.view();
  const auto& bounds = tv.lines()[i];
  ListLine line;
  line.depth = info.depth;
  line.marker = info.marker;
  line.code = info.code;
  line.scope_depth = info.depth > 0 ? info.depth : static_cast<int>(info.outer);
  size_t name_begin = info.code_end ? info.code_end : info.content;
  size_t name_end = bounds.end;
  if (info.name_end > name_begin) name_end = std::min(name_end, info.name_end);
  if (info.labelled_code_begin > name_begin) name_end = std::min(name_end, info.labelled_code_begin);
  std::tie(line.name_begin, line.name_end) = Trim(view, name_begin, name_end);
  size_t ev_end = bounds.end;
  auto trailing = [](char c) { return c == ' ' || c == ';' || c == '.' || c == ',' || c == ':'; };
  while (ev_end > bounds.begin && trailing(view[ev_end - 1])) --ev_end;
  line.evidence_end = ev_end;
  line.hs = info.hs;
  line.hs_begin = info.hs_begin;
  line.hs_end = info.hs_end;
  line.empty_hs = info.empty_hs;
  line.ancestors = info.ancestors;
  if (info.code && info.code_end) line.rule = "a control code at the start of the line";
  else if (info.code && info.labelled_code_begin) line.rule = "a control code after the name";
  else if (info.code) line.rule = "a control code in a table row";
  else if (info.depth > 0) line.rule = "a numbered line";
  if (info.code && *info.code != info.printed_code)
    line.rule += " (OCR slip repaired: printed " + info.printed_code + ")";
  return line;
}

}  // namespace

ListReading ReadEnList(const TextView& tv) {
  std::vector<LineInfo> infos = ReadLines(tv);
  ListReading out;
  for (const auto& info : infos) {
    if (info.code && *info.code != info.printed_code) {
      out.warnings.push_back("OCR repair: control code printed as " + info.printed_code +
                             " read as " + *info.code);
    }
  }
  out.lines.reserve(infos.size());
  for (size_t i = 0; i < infos.size(); ++i) out.lines.push_back(ToListLine(tv, infos[i], i));
  out.announces_list = RE2::PartialMatch(tv.view(), EnP().list_heading);
  return out;
}

}  // namespace regdiff::parsers
