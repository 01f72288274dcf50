// Folding party names and merging the parties of sentences and lists.
#include "parsers/parties.h"

#include <algorithm>
#include <utility>

#include "corpus/utf8.h"
#include "corpus/issuers.h"
#include "parsers/ascii.h"
#include "parsers/numerals.h"
#include "parsers/party_words.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"

namespace regdiff::parsers {
namespace {

// The most lines one entry of a table flattened one cell a line may take.
constexpr size_t kMaxCellLines = 6;
// Short lines before the first entry that are no entry ("（2025年9月25日）",
// "（按字母顺序排列）").
constexpr int kMaxLinesBeforeFirstEntry = 2;
// An entry longer than this is a paragraph, not a name.
constexpr size_t kMaxEntryBytes = 600;

bool HasHan(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto [cp, n] = utf8::DecodeAt(s, i);
    if (utf8::IsHan(cp) || utf8::IsKana(cp)) return true;
    i += n;
  }
  return false;
}

bool HasLatin(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return IsAsciiLetter(c); });
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

bool ContainsWord(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// An address written in Chinese: several place words, or one with a digit.
bool IsHanAddress(std::string_view s) {
  static constexpr std::string_view kPlaceWords[] = {"省", "市", "区", "县", "路", "街", "号",
                                                     "都", "州", "町", "丁目", "楼", "室", "大厦",
                                                     "大道", "邮编"};
  int n = 0;
  for (std::string_view w : kPlaceWords)
    if (s.find(w) != std::string_view::npos) ++n;
  return n >= 2 || (n == 1 && HasDigit(s));
}

// An address written in Latin letters: a house number with a comma or dash,
// or a street word.
bool IsLatinAddress(std::string_view s) {
  std::string lower = LowerAscii(s);
  if (HasDigit(s) && (s.find(',') != std::string_view::npos || s.find('-') != std::string_view::npos))
    return true;
  return ContainsWord(lower, {" street", " road", " avenue", " ave.", " blvd", " boulevard",
                              " suite ", " floor", "-ku", "-shi", "-cho", " prefecture",
                              "p.o. box", " st.,", " rd.,", " drive", " parkway", " highway"});
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Top-level bracket groups "(…)" of view[b, e), brackets included.
std::vector<std::pair<size_t, size_t>> BracketGroups(std::string_view v, size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = b; i < e; ++i) {
    if (v[i] == '(') {
      if (depth++ == 0) start = i;
    } else if (v[i] == ')' && depth > 0) {
      if (--depth == 0) out.emplace_back(start, i + 1);
    }
  }
  if (depth > 0) out.emplace_back(start, e);  // closed past a cut ("(X Inc.,别名：…)")
  return out;
}

std::optional<std::string> CountryOfCell(std::string_view cell) {
  while (!cell.empty() && IsSpace(cell.front())) cell.remove_prefix(1);
  while (!cell.empty() && IsSpace(cell.back())) cell.remove_suffix(1);
  if (auto c = ZhCountryCode(cell)) return c;
  return EnCountryCode(cell);
}

// A name cell without brackets that holds a Chinese and a Latin name side by
// side ("斯巴鲁株式会社 SUBARU Corporation", "SUBARU Corporation 斯巴鲁株式会社"),
// maybe an address or country after them: runs of space-separated words by
// script, the first of each script a name.
NameParts SplitByScript(std::string_view v, size_t b, size_t e) {
  NameParts out;
  struct Run {
    size_t b, e;
    bool han;
  };
  std::vector<Run> runs;
  for (size_t i = b; i < e;) {
    while (i < e && IsSpace(v[i])) ++i;
    if (i >= e) break;
    size_t j = i;
    while (j < e && !IsSpace(v[j])) ++j;
    // Latin words join into one run; a Chinese name has no spaces, so each
    // Chinese word is a cell of its own ("斯巴鲁株式会社 日本 SUBARU Corporation").
    bool han = HasHan(v.substr(i, j - i));
    if (!runs.empty() && !han && !runs.back().han) runs.back().e = j;
    else runs.push_back({i, j, han});
    i = j;
  }
  for (const Run& r : runs) {
    std::string_view text = v.substr(r.b, r.e - r.b);
    if (auto c = CountryOfCell(text)) {
      if (!out.country) out.country = c;
    } else if (r.han && !out.has_han() && !IsHanAddress(text)) {
      out.han_begin = r.b;
      out.han_end = r.e;
    } else if (!r.han && !out.has_latin() && HasLatin(text)) {
      // A house number after a name starts the address: "1-2-3 …", "4101
      // Washington Avenue, …" (a number inside a name does not: "… No. 2 …").
      size_t end = r.e;
      for (size_t k = r.b + 1; k + 1 < r.e; ++k) {
        if (!IsSpace(v[k - 1]) || !IsAsciiDigit(v[k])) continue;
        size_t t = k;
        while (t < r.e && !IsSpace(v[t])) ++t;
        std::string_view token = v.substr(k, t - k);
        std::string rest = LowerAscii(v.substr(t, r.e - t));
        if (token.find('-') != std::string_view::npos || token.find(',') != std::string_view::npos ||
            ContainsWord(rest.substr(0, 40), {"street", "road", "avenue", "ave", "blvd", "drive",
                                              "suite", "boulevard", "parkway", "lane", "way,"})) {
          end = k;
          break;
        }
      }
      std::string_view name = v.substr(r.b, end - r.b);
      if (!IsLatinAddress(name)) {
        out.latin_begin = r.b;
        out.latin_end = end;
      }
    }
  }
  return out;
}

// Punctuation and spaces outside ASCII that names are printed with or without.
bool IsFoldedAway(char32_t cp) {
  return cp == 0x00A0 || cp == 0x00B7 || cp == 0x30FB || cp == 0x2027 || cp == 0x2022 ||
         (cp >= 0x2010 && cp <= 0x201F) || (cp >= 0x3000 && cp <= 0x3003) ||
         (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

bool Contains(const std::string& a, const std::string& b) {
  constexpr size_t kMinContainedBytes = 6;  // two Chinese characters, six letters
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= kMinContainedBytes && longer.find(shorter) != std::string::npos;
}

// Whether `a` and `b` name the same party. Names that contain one another
// are one party only when one of them is a sentence's: two entries of a list
// are two parties even when one is the other's parent ("X株式会社" and
// "X株式会社Y制作所").
bool SameParty(const FoundParty& a, const FoundParty& b) {
  if (a.party.list != b.party.list || a.party.action != b.party.action) return false;
  if (a.key == b.key) return true;
  if (!(a.from_list && b.from_list) && Contains(a.key, b.key)) return true;
  auto en_matches = [](const std::string& en, const FoundParty& other) {
    return !en.empty() && (en == other.key || en == other.key_en);
  };
  return en_matches(a.key_en, b) || en_matches(b.key_en, a);
}

}  // namespace

void KeepListMentions(std::vector<ListName>& names, std::vector<std::string>& warnings) {
  if (names.size() <= kMaxListMentions) return;
  names.resize(kMaxListMentions);
  warnings.push_back("the text names a list more than " + std::to_string(kMaxListMentions) +
                     " times; sentences after that are not read");
}

OwnNumber OwnNumber::Of(const HeaderReading& header) {
  OwnNumber own;
  if (header.year && header.number && !header.issuers.empty()) {
    own.doc_id = MakeDocId(header.issuers, *header.year, *header.number);
    own.parts = ParseDocId(own.doc_id);
  }
  own.begin = header.number_begin;
  own.end = header.number_end;
  return own;
}

bool OwnNumber::Is(const Mention& r) const {
  if (r.begin < end && begin < r.end) return true;
  if (!parts || r.year != parts->year || r.number != parts->number) return false;
  return r.issuers.empty() || MakeDocId(r.issuers, r.year, r.number) == doc_id;
}

std::vector<ListName> FindListNames(std::string_view text, std::span<const ListWord> words,
                                    bool whole_words) {
  std::vector<ListName> all;
  for (const ListWord& w : words) {
    for (size_t p = text.find(w.word); p != std::string_view::npos; p = text.find(w.word, p + 1)) {
      const size_t e = p + w.word.size();
      if (whole_words && ((p > 0 && IsAsciiAlnum(text[p - 1])) ||
                          (e < text.size() && IsAsciiAlnum(text[e]))))
        continue;
      all.push_back({p, e, w.list});
    }
  }
  // By start, the longest first at one start; then drop those inside one kept.
  std::sort(all.begin(), all.end(), [](const ListName& a, const ListName& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<ListName> out;
  for (const ListName& n : all)
    if (out.empty() || n.begin >= out.back().end) out.push_back(n);
  return out;
}

std::string FoldPartyName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    auto [cp, n] = utf8::DecodeAt(name, i);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    } else if (!IsFoldedAway(cp)) {
      out.append(name.substr(i, n));
    }
    i += n;
  }
  return out;
}

void TrimName(std::string_view v, size_t* b, size_t* e) {
  static constexpr std::string_view kLead[] = {" ", "\t", ",", ";", ":", "、", "“", "\"", "「",
                                               "《", "-", "—"};
  static constexpr std::string_view kTrail[] = {" ", "\t", ",", ";", ":", "、", "。", "”",
                                                "\"", "」", "》", "—"};
  bool changed = true;
  while (changed && *b < *e) {
    changed = false;
    for (std::string_view w : kLead) {
      if (*e - *b >= w.size() && v.substr(*b, w.size()) == w) {
        *b += w.size();
        changed = true;
      }
    }
    for (std::string_view w : kTrail) {
      if (*e - *b >= w.size() && v.substr(*e - w.size(), w.size()) == w) {
        *e -= w.size();
        changed = true;
      }
    }
    if (*e - *b >= 2 && v[*e - 1] == '.' && static_cast<unsigned char>(v[*e - 2]) >= 0x80) {
      *e -= 1;
      changed = true;
    }
  }
}

NameParts SplitNameCell(std::string_view v, size_t b, size_t e) {
  // A labelled field after the name ends it.
  std::string_view g[1];
  std::string_view cell = v.substr(b, e - b);
  if (MatchAt(P().party_field_in_cell, cell, 0, cell.size(), RE2::UNANCHORED, g, 1)) {
    size_t at = static_cast<size_t>(g[0].data() - v.data());
    if (at <= b) return {};
    e = at;
  }
  TrimName(v, &b, &e);
  NameParts out;
  if (b >= e) return out;
  auto groups = BracketGroups(v, b, e);
  if (groups.empty()) {
    std::string_view all = v.substr(b, e - b);
    if (HasHan(all) && HasLatin(all)) return SplitByScript(v, b, e);
    if (HasHan(all)) {
      out.han_begin = b;
      out.han_end = e;
    } else if (HasLatin(all) || HasDigit(all)) {
      out.latin_begin = b;
      out.latin_end = e;
    }
    return out;
  }
  // The name outside the brackets: before the first group, else after the last.
  size_t ob = b, oe = groups.front().first;
  TrimName(v, &ob, &oe);
  if (ob >= oe) {
    ob = groups.back().second;
    oe = e;
    TrimName(v, &ob, &oe);
  }
  std::string_view outside = v.substr(ob, oe - ob);
  size_t han_b = 0, han_e = 0, lat_b = 0, lat_e = 0;
  bool country_group = false;
  for (auto [gb, ge] : groups) {
    size_t ib = gb + 1, ie = v[ge - 1] == ')' ? ge - 1 : ge;
    TrimName(v, &ib, &ie);
    std::string_view inner = v.substr(ib, ie - ib);
    if (inner.empty()) continue;
    if (auto c = CountryOfCell(inner)) {
      if (!out.country) out.country = c;
      country_group = true;
    } else if (HasHan(inner) && !HasLatin(inner)) {
      if (han_e == 0) han_b = ib, han_e = ie;
    } else if (HasLatin(inner) && !HasHan(inner)) {
      if (lat_e == 0) lat_b = ib, lat_e = ie;
    }
  }
  if (HasHan(outside)) {
    out.han_begin = ob;
    out.han_end = oe;
    if (lat_e > lat_b) out.latin_begin = lat_b, out.latin_end = lat_e;
  } else if (han_e > han_b) {
    out.han_begin = han_b;
    out.han_end = han_e;
    out.latin_begin = ob;
    out.latin_end = oe;
  } else if (!outside.empty()) {
    // A Latin name with its own brackets ("… Defense (RMD)"), or a country,
    // or a second name.
    out.latin_begin = ob;
    out.latin_end = country_group ? oe : e;
    if (lat_e > lat_b && v.substr(lat_b, lat_e - lat_b).find(' ') != std::string_view::npos) {
      out.latin_end = oe;
      out.alt_begin = lat_b;
      out.alt_end = lat_e;
    }
    TrimName(v, &out.latin_begin, &out.latin_end);
  }
  return out;
}

namespace {

// The cells of view[b, e): split at tabs, bars and runs of two or more spaces.
std::vector<std::pair<size_t, size_t>> SplitCells(std::string_view v, size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = b;
  auto close = [&](size_t at) {
    size_t cb = start, ce = at;
    while (cb < ce && IsSpace(v[cb])) ++cb;
    while (ce > cb && IsSpace(v[ce - 1])) --ce;
    if (cb < ce) out.emplace_back(cb, ce);
  };
  for (size_t i = b; i < e;) {
    if (v[i] == '\t' || v[i] == '|') {
      close(i);
      start = ++i;
    } else if (v[i] == ' ' && i + 1 < e && v[i + 1] == ' ') {
      close(i);
      while (i < e && IsSpace(v[i])) ++i;
      start = i;
    } else {
      ++i;
    }
  }
  close(e);
  return out;
}

// The columns a line of a header names, or empty when it holds anything
// else: cells split at tabs, bars or runs of spaces, each one column word;
// or column words joined by single spaces ("序号 中文名称 英文名称 地址", "No.
// Chinese name"), the longest first.
std::vector<Column> ColumnsOfLine(std::string_view v, size_t b, size_t e) {
  constexpr int kMaxWordsPerColumn = 3;
  std::vector<Column> out;
  for (auto [cb, ce] : SplitCells(v, b, e)) {
    std::vector<std::pair<size_t, size_t>> words;
    for (size_t i = cb; i < ce;) {
      while (i < ce && IsSpace(v[i])) ++i;
      size_t j = i;
      while (j < ce && !IsSpace(v[j])) ++j;
      if (j > i) words.emplace_back(i, j);
      i = j;
    }
    for (size_t w = 0; w < words.size();) {
      size_t take = 0;
      for (size_t k = std::min<size_t>(kMaxWordsPerColumn, words.size() - w); k > 0 && !take; --k) {
        if (auto c = ColumnOf(v.substr(words[w].first, words[w + k - 1].second - words[w].first))) {
          out.push_back(*c);
          take = k;
        }
      }
      if (!take) return {};
      w += take;
    }
  }
  return out;
}

bool OnlyDigits(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (IsAsciiDigit(c)) any = true;
    else if (!IsSpace(c) && c != '.' && c != ')' && c != '(') return false;
  }
  return any;
}

// The names of a row of cells, by the header's columns when it has as many,
// else by script: the first Chinese cell that is no address, the first Latin
// one that is no address, a cell naming a country.
NameParts RowNames(std::string_view v, const std::vector<std::pair<size_t, size_t>>& cells,
                   const std::vector<Column>& header) {
  if (cells.size() == 1) return SplitNameCell(v, cells[0].first, cells[0].second);
  NameParts out;
  if (!header.empty() && header.size() == cells.size()) {
    for (size_t i = 0; i < cells.size(); ++i) {
      auto [cb, ce] = cells[i];
      switch (header[i]) {
        case Column::kName:
        case Column::kNameZh:
        case Column::kNameEn: {
          NameParts n = SplitNameCell(v, cb, ce);
          if (!out.has_han() && n.has_han()) out.han_begin = n.han_begin, out.han_end = n.han_end;
          if (!out.has_latin() && n.has_latin())
            out.latin_begin = n.latin_begin, out.latin_end = n.latin_end;
          if (!out.country) out.country = n.country;
          break;
        }
        case Column::kCountry: {
          if (auto c = CountryOfCell(v.substr(cb, ce - cb))) out.country = c;
          else if (auto first = SplitByScript(v, cb, ce).country) out.country = first;
          break;
        }
        default:
          break;
      }
    }
    return out;
  }
  std::optional<std::pair<size_t, size_t>> han_cell, latin_cell;
  for (auto [cb, ce] : cells) {
    std::string_view text = v.substr(cb, ce - cb);
    if (OnlyDigits(text)) continue;
    if (auto c = CountryOfCell(text)) {
      if (!out.country) out.country = c;
    } else if (HasHan(text)) {
      if (!han_cell && !IsHanAddress(text)) han_cell = {cb, ce};
    } else if (HasLatin(text)) {
      if (!latin_cell && !IsLatinAddress(text)) latin_cell = {cb, ce};
    }
  }
  std::optional<std::string> country = out.country;
  if (han_cell) {
    out = SplitNameCell(v, han_cell->first, han_cell->second);
    if (!out.has_latin() && latin_cell) {
      NameParts l = SplitNameCell(v, latin_cell->first, latin_cell->second);
      out.latin_begin = l.latin_begin;
      out.latin_end = l.latin_end;
    }
  } else if (latin_cell) {
    out = SplitNameCell(v, latin_cell->first, latin_cell->second);
  }
  if (!out.country) out.country = country;
  return out;
}

// Whether a Latin line reads as a name rather than a sentence: it starts
// with a capital or digit, is short, and most of its longer words are
// capitalised ("Kawasaki Heavy Industries Aerospace Systems Company").
bool LooksLikeLatinName(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  if (s.empty() || s.size() > 150 || !(IsAsciiUpper(s[0]) || IsAsciiDigit(s[0]))) return false;
  // A verb of a sentence.
  std::string padded(" ");
  padded.append(LowerAscii(s));
  padded.push_back(' ');
  if (ContainsWord(padded, {" shall ", " must ", " will ", " is ", " are ", " was ", " were ",
                            " may ", " should ", " be ", " has ", " have ", " not "}))
    return false;
  int words = 0, capitalised = 0;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && !IsAsciiLetter(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && IsAsciiLetter(s[j])) ++j;
    if (j - i > 3) {
      ++words;
      if (IsAsciiUpper(s[i])) ++capitalised;
    }
    i = j;
  }
  return words == 0 || capitalised * 2 >= words;
}

// Whether `s` is the name of an issuing body ("商务部", "Ministry of Commerce").
bool IsIssuerName(std::string_view s) {
  std::string lower = LowerAscii(s);
  for (const IssuerEntry& issuer : Issuers()) {
    for (std::string_view alias : issuer.aliases_zh)
      if (s == alias) return true;
    for (std::string_view alias : issuer.aliases_en)
      if (lower == LowerAscii(alias)) return true;
  }
  return false;
}

// Whether the names of an entry read as a name, not as a sentence ("1. 禁止
//向上述实体出口…；", "2. Exporters shall apply …") or a control code.
bool ReadsAsName(std::string_view v, const NameParts& n) {
  if (!n.has_han() && !n.has_latin()) return false;
  // A signature under the list: the issuer, the date.
  for (auto [b, e] : {std::pair{n.han_begin, n.han_end}, std::pair{n.latin_begin, n.latin_end}}) {
    std::string_view s = v.substr(b, e - b);
    if (s.empty()) continue;
    std::string_view g[1];
    if (IsIssuerName(s) || MatchAt(P().date_zh, s, 0, s.size(), RE2::UNANCHORED, g, 1) ||
        MatchAt(P().date_en_mdy, s, 0, s.size(), RE2::UNANCHORED, g, 1) ||
        MatchAt(P().date_en_dmy, s, 0, s.size(), RE2::UNANCHORED, g, 1))
      return false;
  }
  if (n.has_han()) {
    std::string_view han = v.substr(n.han_begin, n.han_end - n.han_begin);
    if (ContainsWord(han, {"。", ";", "应当", "禁止", "不得"})) return false;
    int depth = 0;
    for (char c : han) {
      if (c == '(') ++depth;
      else if (c == ')' && depth > 0) --depth;
      else if (c == ',' && depth == 0) return false;
    }
    return true;
  }
  std::string_view latin = v.substr(n.latin_begin, n.latin_end - n.latin_begin);
  std::string_view g[1];
  if (MatchAt(ZhP().control_code_at_start, latin, 0, latin.size(), RE2::ANCHOR_START, g, 1))
    return false;
  return LooksLikeLatinName(latin);
}

bool BlankLine(std::string_view line) {
  return std::all_of(line.begin(), line.end(), IsSpace);
}

// A line under an entry that belongs to it: a labelled field ("英文名称：…",
// "Address: …"), or an unlabelled English name under a Chinese one, or an
// address. Applies what it says to `entry`; false for any other line.
bool ReadEntryDetail(const TextView& view, size_t line, ListEntry& entry) {
  std::string_view v = view.view();
  const TextView::Line& l = view.lines()[line];
  std::string_view g[3];
  std::string_view text = view.line(line);
  if (MatchAt(P().party_field_line, text, 0, text.size(), RE2::ANCHOR_START, g, 3)) {
    std::string label = LowerAscii(g[1]);
    size_t vb = static_cast<size_t>(g[2].data() - v.data()), ve = vb + g[2].size();
    if (ContainsWord(label, {"中文", "chinese"})) {
      TrimName(v, &vb, &ve);
      if (!entry.names.has_han() && vb < ve) {
        entry.names.han_begin = vb;
        entry.names.han_end = ve;
      }
    } else if (ContainsWord(label, {"英文", "外文", "english"})) {
      TrimName(v, &vb, &ve);
      if (!entry.names.has_latin() && vb < ve) {
        entry.names.latin_begin = vb;
        entry.names.latin_end = ve;
      }
    } else if (ContainsWord(label, {"国", "country"})) {
      if (!entry.names.country) entry.names.country = CountryOfCell(g[2]);
    }
    return true;
  }
  if (HasHan(text)) return IsHanAddress(text) && text.find("。") == std::string_view::npos;
  if (!HasLatin(text)) return false;
  if (IsLatinAddress(text)) return true;
  if (entry.names.has_han() && !entry.names.has_latin() && LooksLikeLatinName(text)) {
    size_t b = l.begin, e = l.end;
    TrimName(v, &b, &e);
    entry.names.latin_begin = b;
    entry.names.latin_end = e;
    return true;
  }
  return false;
}

}  // namespace

std::vector<ListEntry> ReadListEntries(const TextView& view, size_t first,
                                       const std::function<bool(size_t)>& stop,
                                       size_t* end_line) {
  const std::string_view v = view.view();
  const size_t n = view.lines().size();
  std::vector<ListEntry> out;
  std::vector<Column> header;
  bool header_per_line = false;  // the header was flattened one cell a line
  std::optional<int> last_number;
  int skipped = 0;
  size_t i = first;
  auto entry_at = [&](size_t line, std::string_view (&g)[5]) {
    std::string_view text = view.line(line);
    return MatchAt(P().party_entry, text, 0, text.size(), RE2::ANCHOR_START, g, 5);
  };
  while (i < n && out.size() < kMaxPartiesPerText) {
    const TextView::Line& l = view.lines()[i];
    std::string_view text = view.line(i);
    if (BlankLine(text)) {
      ++i;
      continue;
    }
    if (stop(i)) break;
    // A header: one line, or flattened over several ("No.", "Chinese name", …).
    if (out.empty()) {
      std::vector<Column> cols;
      size_t k = i;
      for (std::vector<Column> c; k < n && !BlankLine(view.line(k)) &&
                                  !(c = ColumnsOfLine(v, view.lines()[k].begin,
                                                      view.lines()[k].end)).empty();
           ++k)
        cols.insert(cols.end(), c.begin(), c.end());
      if (cols.size() >= 2) {
        header = std::move(cols);
        header_per_line = k > i + 1;
        i = k;
        continue;
      }
    }
    std::string_view g[5];
    if (!entry_at(i, g)) {
      // Rows of a table whose number cells are gone (an English copy blanks
      // a line holding a number alone): one line a row, or, under a header
      // flattened one cell a line, one line a cell.
      if (header.size() >= 2 && header.front() == Column::kNumber) {
        std::vector<std::pair<size_t, size_t>> row;
        size_t k = i;
        if (!header_per_line) {
          row = SplitCells(v, l.begin, l.end);
          k = i + 1;
        }
        while (header_per_line && k < n && row.size() + 1 < header.size()) {
          std::string_view h[5];
          if (BlankLine(view.line(k))) {
            ++k;
            continue;
          }
          if (stop(k) || entry_at(k, h)) break;
          row.emplace_back(view.lines()[k].begin, view.lines()[k].end);
          ++k;
        }
        ListEntry entry;
        entry.names = RowNames(v, row, std::vector<Column>(header.begin() + 1, header.end()));
        if (row.size() + 1 != header.size() || !ReadsAsName(v, entry.names)) break;
        entry.begin = row.front().first;
        entry.end = row.back().second;
        out.push_back(std::move(entry));
        i = k;
        continue;
      }
      if (out.empty() && skipped < kMaxLinesBeforeFirstEntry && text.size() < 90) {
        ++skipped;
        ++i;
        continue;
      }
      break;
    }
    std::optional<int> number;
    std::string_view digits = !g[1].empty() ? g[1] : !g[2].empty() ? g[2] : g[4];
    if (!digits.empty()) {
      number = ParseChineseNumber(digits);  // ASCII digits too
      if (!number || (last_number && *number != *last_number + 1)) break;
    }
    size_t content = static_cast<size_t>(g[0].data() - v.data()) + g[0].size();
    // "1. 中文名称：…": the label is no part of the name.
    std::string_view rest = v.substr(content, l.end - content);
    std::string_view label[1];
    if (MatchAt(P().party_name_label, rest, 0, rest.size(), RE2::ANCHOR_START, label, 1))
      content += label[0].size();
    ListEntry entry;
    entry.begin = l.begin;
    entry.end = l.end;
    size_t next = i + 1;
    if (BlankLine(v.substr(content, l.end - content))) {
      if (!number) break;
      // A row flattened one cell a line, up to the next row number.
      std::vector<std::pair<size_t, size_t>> row;
      size_t k = i + 1;
      const size_t max_cells = header.empty() ? kMaxCellLines : header.size() - 1;
      while (k < n && row.size() < max_cells) {
        std::string_view cell = view.line(k);
        if (BlankLine(cell)) {
          ++k;
          continue;
        }
        std::string_view h[5];
        if (stop(k) || entry_at(k, h)) break;
        row.emplace_back(view.lines()[k].begin, view.lines()[k].end);
        entry.end = view.lines()[k].end;
        ++k;
      }
      std::vector<Column> cols;
      if (!header.empty() && header.front() == Column::kNumber)
        cols.assign(header.begin() + 1, header.end());
      entry.names = RowNames(v, row, cols);
      next = k;
    } else {
      if (l.end - content > kMaxEntryBytes) break;
      auto row = SplitCells(v, content, l.end);
      std::vector<Column> cols = header;
      if (!cols.empty() && cols.front() == Column::kNumber && cols.size() == row.size() + 1)
        cols.erase(cols.begin());
      entry.names = RowNames(v, row, cols);
      // Lines under the entry that belong to it.
      size_t k = i + 1;
      while (k < n) {
        if (BlankLine(view.line(k))) {
          ++k;
          continue;
        }
        std::string_view h[5];
        if (stop(k) || entry_at(k, h) || !ReadEntryDetail(view, k, entry)) break;
        next = ++k;
      }
    }
    if (!ReadsAsName(v, entry.names)) break;
    if (number) last_number = number;
    out.push_back(std::move(entry));
    i = next;
  }
  *end_line = i;
  return out;
}

void FillStatedCountries(std::vector<FoundParty>& found, const std::vector<StatedCountry>& stated) {
  // Per list and action: the one country stated, or none when several are.
  struct Stated {
    std::optional<std::string> country;
    bool several = false;
  };
  Stated table[3][2];
  for (const StatedCountry& c : stated) {
    Stated& t = table[static_cast<int>(c.list)][static_cast<int>(c.action)];
    if (t.country && *t.country != c.country) t.several = true;
    t.country = c.country;
  }
  for (FoundParty& f : found) {
    const Stated& t = table[static_cast<int>(f.party.list)][static_cast<int>(f.party.action)];
    if (!f.party.country && t.country && !t.several) f.party.country = t.country;
  }
}

void FillStatedCountries(std::vector<FoundParty>& found, const std::vector<PartyAct>& acts) {
  std::vector<StatedCountry> stated;
  for (const PartyAct& a : acts)
    if (!a.not_this && a.country) stated.push_back({a.list, a.action, *a.country});
  FillStatedCountries(found, stated);
}

void KeepStatedCount(const TextView& view, const PartyAct& act, size_t ev_begin, size_t ev_end,
                     std::vector<PartyCount>& counts) {
  if (act.not_this || !act.count || *act.count <= 0) return;
  for (const PartyCount& c : counts)
    if (c.list == act.list && c.action == act.action) return;
  counts.push_back({act.list, act.action, *act.count, act.country, view.EvidenceFor(ev_begin, ev_end)});
}

FoundParty MakeFoundParty(const TextView& view, const NameParts& n, OwnScript script,
                          PartyList list, PartyAction action,
                          const std::optional<std::string>& country, size_t ev_begin,
                          size_t ev_end, bool from_list) {
  std::string_view v = view.view();
  FoundParty f;
  f.party.list = list;
  f.party.action = action;
  const bool han = script == OwnScript::kHan ? n.has_han() : !n.has_latin();
  const size_t b = han ? n.han_begin : n.latin_begin, e = han ? n.han_end : n.latin_end;
  f.party.name = view.DisplayText(b, e);
  f.key = FoldPartyName(v.substr(b, e - b));
  if (han && n.has_latin()) {
    f.party.name_en = view.DisplayText(n.latin_begin, n.latin_end);
    f.key_en = FoldPartyName(v.substr(n.latin_begin, n.latin_end - n.latin_begin));
  } else if (!han && n.alt_end > n.alt_begin) {
    f.party.name_en = view.DisplayText(n.alt_begin, n.alt_end);
    f.key_en = FoldPartyName(v.substr(n.alt_begin, n.alt_end - n.alt_begin));
  }
  f.party.country = n.country ? n.country : country;
  f.party.evidence = view.EvidenceFor(ev_begin, ev_end);
  f.from_list = from_list;
  return f;
}

size_t NextNonBlankLine(const TextView& view, size_t i) {
  while (i < view.lines().size() && BlankLine(view.line(i))) ++i;
  return i;
}

bool IsEntryLine(std::string_view line) {
  std::string_view g[1];
  return MatchAt(P().party_entry, line, 0, line.size(), RE2::ANCHOR_START, g, 1);
}

bool IsListStart(const TextView& view, size_t i) {
  if (IsEntryLine(view.line(i))) return true;
  const TextView::Line& l = view.lines()[i];
  if (ColumnsOfLine(view.view(), l.begin, l.end).size() >= 2) return true;
  // A header flattened one cell a line.
  const auto& lines = view.lines();
  return i + 1 < lines.size() && !ColumnsOfLine(view.view(), l.begin, l.end).empty() &&
         !ColumnsOfLine(view.view(), lines[i + 1].begin, lines[i + 1].end).empty();
}

void ReadGovernedLists(const TextView& view, const std::vector<PartyAct>& acts,
                       const ListRules& rules, std::vector<FoundParty>& found,
                       std::vector<std::string>& warnings) {
  const size_t n = view.lines().size();
  // What the acts above the current line left: per list (and for any list)
  // the last act of this document, and whether a later act was another's.
  struct Governing {
    const PartyAct* own = nullptr;
    bool cited = false;
  };
  Governing by_list[3], any;
  size_t next_act = 0;  // acts are in text order
  for (size_t i = 0; i < n && found.size() < kMaxPartiesPerText; ++i) {
    const TextView::Line& l = view.lines()[i];
    for (; next_act < acts.size() && acts[next_act].list_begin < l.begin; ++next_act) {
      const PartyAct& a = acts[next_act];
      for (Governing* g : {&by_list[static_cast<int>(a.list)], &any}) {
        g->cited = a.not_this;
        if (!a.not_this) g->own = &a;
      }
    }
    if (rules.chrome(i)) continue;
    std::optional<ListHeading> h = rules.heading(i);
    const PartyAct* governing = nullptr;  // the last act of this document before the list
    bool cited_list = false;              // a list only acts of others govern
    if (!h) {
      // An act ending its line announcing the list below it.
      for (size_t k = next_act; k < acts.size() && acts[k].list_begin < l.end; ++k)
        if (acts[k].list_end <= l.end && !acts[k].not_this && acts[k].forward) governing = &acts[k];
      if (!governing || !rules.opens_list(i)) continue;
      const size_t next = NextNonBlankLine(view, i + 1);
      if (next >= n || !IsListStart(view, next)) continue;
      h = ListHeading{governing->list, governing->action == PartyAction::kRemove, false, false,
                      i + 1};
    } else {
      const Governing& g = h->list ? by_list[static_cast<int>(*h->list)] : any;
      governing = g.own;
      cited_list = g.cited;
    }
    if (h->suspension || cited_list || (!h->list && !governing) || (!h->annex && !governing))
      continue;
    const PartyList list = h->list ? *h->list : governing->list;
    const PartyAction action = h->removal ? PartyAction::kRemove
                               : governing ? governing->action
                                           : PartyAction::kAdd;
    std::optional<std::string> country;
    if (governing && governing->list == list && governing->action == action)
      country = governing->country;
    size_t end_line = h->first_line;
    std::vector<ListEntry> entries = ReadListEntries(view, h->first_line, rules.stop, &end_line);
    if (entries.empty()) continue;
    for (const ListEntry& e : entries)
      found.push_back(
          MakeFoundParty(view, e.names, rules.script, list, action, country, e.begin, e.end, true));
    if (governing && governing->count && governing->list == list &&
        static_cast<size_t>(*governing->count) != entries.size()) {
      warnings.push_back("the text counts " + std::to_string(*governing->count) +
                         " entities for the " + std::string(PartyListName(list)) +
                         ", its list names " + std::to_string(entries.size()));
    }
    i = end_line > i ? end_line - 1 : i;
  }
  if (found.size() >= kMaxPartiesPerText)
    warnings.push_back("the text names more than " + std::to_string(kMaxPartiesPerText) +
                       " parties; the rest are not read");
}

std::vector<Party> MergeParties(std::vector<FoundParty> found) {
  // List entries first, each in document order; then sentence parties.
  std::stable_sort(found.begin(), found.end(), [](const FoundParty& a, const FoundParty& b) {
    return a.from_list > b.from_list;
  });
  std::vector<FoundParty> kept;
  for (FoundParty& f : found) {
    if (f.key.empty()) continue;
    auto twin = std::find_if(kept.begin(), kept.end(),
                             [&](const FoundParty& k) { return SameParty(k, f); });
    if (twin == kept.end()) {
      kept.push_back(std::move(f));
      continue;
    }
    if (!twin->from_list && !f.from_list && f.key.size() > twin->key.size()) {
      // Of two sentences naming one party, the fuller name ("斯巴鲁株式会社", not "斯巴鲁").
      std::swap(twin->party.name, f.party.name);
      std::swap(twin->key, f.key);
      std::swap(twin->party.evidence, f.party.evidence);
    }
    if (!twin->party.name_en && f.party.name_en) {
      twin->party.name_en = f.party.name_en;
      twin->key_en = f.key_en;
    }
    if (!twin->party.country && f.party.country) twin->party.country = f.party.country;
  }
  std::stable_sort(kept.begin(), kept.end(), [](const FoundParty& a, const FoundParty& b) {
    return a.party.evidence.begin < b.party.evidence.begin;
  });
  std::vector<Party> out;
  out.reserve(kept.size());
  for (FoundParty& k : kept) out.push_back(std::move(k.party));
  return out;
}

}  // namespace regdiff::parsers
