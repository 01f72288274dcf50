// The controlled-item list of a Chinese announcement. Reads the nested
// numbering 一、/(一)/1./(1)/①/a., control codes at the start of an item line
// ("(一)1C902.a 金属钐…") or labelled ("(管制编码:1E902.a)", "管制编码：1C909.b"),
// reference customs codes after 参考海关商品编号 / 参考税则号列 (attached to the
// nearest control code above), and element names in the item's own line and
// the headings above it. Tables flattened by copying (cells between "|", cells
// between spaces, one cell per line) are read by the columns their header row
// names. The reader classifies every line (ListLine, reading.h); the items
// are assembled by item_tree.cc, which reads lists without control codes
// (2023-2024) by position.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "parsers/element_names.h"
#include "parsers/hs_list.h"
#include "parsers/numerals.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"
#include "parsers/reading.h"
#include "parsers/zh_readers.h"
#include "parsers/zh_run_on.h"

namespace regdiff::parsers {
namespace {

constexpr int kMaxLevel = 5;

struct LineInfo {
  int level = 0;            // 1 一、 2 (一) 3 1. 4 (1) 5 a.; 0 unnumbered
  int number = 0;           // its number at that level
  std::string marker;       // "一", "(一)", "1", "(1)", "a"
  size_t content = 0;       // view offset after the marker
  std::optional<std::string> code;  // control code this line introduces
  size_t code_end = 0;      // view offset after the code (code at start)
  size_t labelled_code_begin = 0;  // view offset of "(管制编码:…)"; 0 if none
  std::vector<std::string> hs;     // HS codes printed on this line
  size_t hs_begin = 0, hs_end = 0; // view span of those codes
  size_t name_begin = 0;           // view offset of the name cell of a table row; 0 if none
  size_t name_end = 0;             // view offset where the name stops (HS label, cell end)
  bool empty_hs = false;           // an HS label with no numbers: "(参考…:、、)"
  bool goods_row = false;          // a row of a table of goods by HS code, no control code
  std::vector<size_t> ancestors;   // indexes of the heading lines above it
};

// Punctuation trimmed from the ends of names and evidence.
bool IsTrimmable(std::string_view s, size_t pos, size_t* len) {
  static constexpr std::string_view kTrim[] = {" ", ":", ";", ".", ",", "。", "、", "(", "，", "；"};
  if (pos >= s.size()) return false;
  for (auto t : kTrim) {
    // The first byte first: most bytes match none, and a compare is a call.
    if (s[pos] == t[0] && s.substr(pos, t.size()) == t) {
      *len = t.size();
      return true;
    }
  }
  return false;
}

std::pair<size_t, size_t> Trim(std::string_view view, size_t b, size_t e) {
  size_t len = 0;
  while (b < e && IsTrimmable(view, b, &len) && b + len <= e) b += len;
  bool changed = true;
  while (changed && e > b) {
    changed = false;
    for (size_t back = 1; back <= 3 && back <= e - b; ++back) {
      if (IsTrimmable(view, e - back, &len) && len == back) {
        e -= back;
        changed = true;
        break;
      }
    }
  }
  return {b, e};
}

// RE2's \s.
bool IsPatternSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// `line` after its leading spaces (RE2's \s) starts with one of `words`: the
// cheap test before an anchored pattern whose every match does.
bool OpensWithAny(std::string_view line, std::initializer_list<std::string_view> words) {
  size_t i = 0;
  while (i < line.size() && IsPatternSpace(line[i])) ++i;
  line.remove_prefix(i);
  for (std::string_view w : words)
    if (line.starts_with(w)) return true;
  return false;
}

// Whether a numbering marker may open `line`: after spaces, every marker
// pattern (zh_level1 … zh_level5) starts with "(", a digit, a letter a-z, a
// numeral 一…十 or a circled number ①…⑳. Most lines start otherwise and
// are spared the six patterns.
bool MayOpenWithMarker(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsPatternSpace(line[i])) ++i;
  if (i == line.size()) return false;
  const char c = line[i];
  if (c == '(' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) return true;
  if (OpensWithAny(line, {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})) return true;
  // ① … ⑳ are U+2460 … U+2473: E2 91 A0 … E2 91 B3.
  std::string_view rest = line.substr(i);
  return rest.size() >= 3 && rest[0] == '\xE2' && rest[1] == '\x91' &&
         static_cast<unsigned char>(rest[2]) >= 0xA0 && static_cast<unsigned char>(rest[2]) <= 0xB3;
}

// Numbering marker at the start of a line.
void ReadMarker(std::string_view line, size_t line_begin, LineInfo& info) {
  const ZhPatterns& p = ZhP();
  if (!MayOpenWithMarker(line)) {
    info.content = line_begin;
    return;
  }
  struct Level {
    const RE2* re;
    int level;
  };
  const Level levels[] = {{&p.level1, 1}, {&p.level2, 2}, {&p.level4, 4},
                          {&p.level4_circled, 4}, {&p.level3, 3}, {&p.zh_level5, 5}};
  std::string_view g[2];
  for (const auto& l : levels) {
    if (!MatchAt(*l.re, line, 0, line.size(), RE2::ANCHOR_START, g, 2)) continue;
    info.level = l.level;
    if (l.level == 5) {
      info.number = g[1][0] - 'a' + 1;
    } else if (l.re == &p.level4_circled) {  // U+2460 … U+2473: E2 91 A0 … E2 91 B3
      info.number = static_cast<unsigned char>(g[1][2]) - 0xA0 + 1;
      info.marker = std::string(g[1]);
      info.content = line_begin + g[0].size();
      return;
    } else {
      info.number = ParseChineseNumber(g[1]).value_or(0);
    }
    const bool bracketed = l.level == 2 || l.level == 4;
    info.marker.clear();
    if (bracketed) info.marker += '(';
    info.marker.append(g[1]);
    if (bracketed) info.marker += ')';
    info.content = line_begin + g[0].size();
    return;
  }
  info.content = line_begin;
}

// Adds the HS list read from [begin, limit) to the line; false when it holds
// no code.
bool AddHsList(std::string_view view, size_t begin, size_t limit, LineInfo& info) {
  HsList list = ReadHsList(view, begin, limit, ZhHsSeparators());
  if (list.codes.empty()) return false;
  if (info.hs.empty()) info.hs_begin = list.begin;
  info.hs_end = list.end;
  for (auto& code : list.codes) info.hs.push_back(std::move(code));
  return true;
}

void ReadHs(std::string_view view, size_t begin, size_t end, LineInfo& info) {
  const ZhPatterns& p = ZhP();
  // 商品编号/编码, 税则号列, 税号, 海关编码, HS编码, 货品号列: every label holds one.
  if (!ContainsAny(view.substr(begin, end - begin), {"商品编", "税", "编码", "号列"})) return;
  std::string_view m;
  size_t pos = begin;
  while (pos < end && MatchAt(p.hs_label, view, pos, end, RE2::UNANCHORED, m)) {
    size_t label = m.data() - view.data();
    size_t after = label + m.size();
    if (info.name_end == 0) info.name_end = label;
    if (!AddHsList(view, after, view.size(), info)) {
      // Empty only when the label sits in brackets with nothing but
      // separators before the closing bracket: "(参考海关商品编号:、、)".
      size_t k = after;
      while (k < end && (view[k] == ' ' || view.substr(k, 3) == "、" || view[k] == ',')) {
        k += view[k] == ' ' || view[k] == ',' ? 1 : 3;
      }
      if (k < end && view[k] == ')') info.empty_hs = true;
    }
    pos = std::max(after, info.hs.empty() ? after : info.hs_end);
    if (pos == label) ++pos;
  }
}

// Columns of a table whose rows were flattened to lines with "|" between the
// cells ("序号 | 物项名称 | 管制编码 | 参考海关商品编号"), as its header row names
// them; -1 where the header has no such column.
struct TableColumns {
  int name = -1;
  int hs = -1;
};

struct Cell {
  size_t begin, end;  // view offsets, spaces trimmed
};

std::vector<Cell> SplitCells(std::string_view view, size_t begin, size_t end) {
  std::vector<Cell> cells;
  size_t start = begin;
  for (size_t i = begin; i <= end; ++i) {
    if (i < end && view[i] != '|') continue;
    size_t b = start, e = i;
    while (b < e && view[b] == ' ') ++b;
    while (e > b && view[e - 1] == ' ') --e;
    cells.push_back({b, e});
    start = i + 1;
  }
  return cells;
}

bool IsCodeCell(std::string_view cell) {
  std::string_view g[2];
  return MatchAt(ZhP().control_code_at_start, cell, 0, cell.size(), RE2::ANCHOR_BOTH, g, 2);
}

// Reads a table row: the cell that is a control code, the name cell and the
// HS cell the header names. A row with no code cell that names columns
// becomes the header of the rows below it.
void ReadTableRow(std::string_view view, size_t begin, size_t end, TableColumns& table,
                  LineInfo& info) {
  std::vector<Cell> cells = SplitCells(view, begin, end);
  if (cells.size() < 2) return;
  auto text = [&](const Cell& c) { return view.substr(c.begin, c.end - c.begin); };
  int code_cell = -1;
  for (size_t k = 0; k < cells.size(); ++k) {
    if (IsCodeCell(text(cells[k]))) {
      code_cell = static_cast<int>(k);
      break;
    }
  }
  if (code_cell < 0) {
    TableColumns header;
    for (size_t k = 0; k < cells.size(); ++k) {
      std::string_view t = text(cells[k]);
      if (RE2::PartialMatch(t, ZhP().hs_label)) header.hs = static_cast<int>(k);
      else if (t.find("名称") != std::string_view::npos) header.name = static_cast<int>(k);
    }
    if (header.hs >= 0 || header.name >= 0) {
      table = header;
      return;
    }
    // A row of a table of goods by customs code (licence catalogues, customs
    // announcements): no control code, its HS cell holds the item's codes.
    if (table.hs < 0 || table.hs >= static_cast<int>(cells.size())) return;
    const Cell& c = cells[table.hs];
    if (!AddHsList(view, c.begin, c.end, info)) return;
    info.goods_row = true;
    if (table.name >= 0 && table.name < static_cast<int>(cells.size())) {
      info.name_begin = cells[table.name].begin;
      info.name_end = cells[table.name].end;
    }
    return;
  }
  if (info.code) return;
  info.code = std::string(text(cells[code_cell]));
  const int name = table.name >= 0 && table.name < static_cast<int>(cells.size()) &&
                           table.name != code_cell
                       ? table.name
                       : -1;
  if (name >= 0) {
    info.name_begin = cells[name].begin;
    info.name_end = cells[name].end;
  }
  if (table.hs >= 0 && table.hs < static_cast<int>(cells.size()) && table.hs != code_cell) {
    const Cell& c = cells[table.hs];
    AddHsList(view, c.begin, c.end, info);
  }
}

// A row of a table flattened with spaces between the cells: a code standing
// alone near the end of a numbered line ("1 金属钬及其制品 1C909.a 28053019"),
// with the reference customs code, if any, after it.
void ReadSpacedRow(std::string_view view, size_t begin, size_t end, LineInfo& info) {
  std::string_view rest = view.substr(begin, end - begin);
  std::string_view g[3];
  if (!MatchAt(ZhP().code_cell_at_end, rest, 0, rest.size(), RE2::UNANCHORED, g, 3)) return;
  info.code = std::string(g[1]);
  info.name_begin = begin;
  info.name_end = g[1].data() - view.data();
  if (!g[2].empty()) {
    size_t b = g[2].data() - view.data();
    AddHsList(view, b, b + g[2].size(), info);
  }
}

// The header row of a table of goods flattened with spaces: it names an HS
// column and a name column and holds no code ("序号 商品编号 商品名称 单位").
bool IsGoodsHeader(std::string_view line) {
  if (line.size() > 120 || line.find("名称") == std::string_view::npos) return false;
  if (!RE2::PartialMatch(line, ZhP().hs_label)) return false;
  return std::none_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A numbered row of such a table: "1 2805301910 金属钐 千克", the customs
// code first, then the name up to the next space.
void ReadSpacedGoodsRow(std::string_view view, size_t begin, size_t end, LineInfo& info) {
  size_t p = begin;
  while (p < end && view[p] == ' ') ++p;
  size_t digits_end = p;
  while (digits_end < end && view[digits_end] >= '0' && view[digits_end] <= '9') ++digits_end;
  const size_t n = digits_end - p;
  if ((n != 8 && n != 10) || digits_end >= end || view[digits_end] != ' ') return;
  info.hs.emplace_back(view.substr(p, n));
  info.hs_begin = p;
  info.hs_end = digits_end;
  info.goods_row = true;
  size_t name = digits_end;
  while (name < end && view[name] == ' ') ++name;
  size_t name_end = view.find(' ', name);
  info.name_begin = name;
  info.name_end = name_end == std::string_view::npos || name_end > end ? end : name_end;
}

// A table flattened one cell per line: a run of header cells ("序号", "物项
// 名称", "管制编码", "参考税则号列"), then rows of as many lines. Gives the line
// that holds each row's code its name and HS cells.
void ReadCellPerLineTable(const TextView& tv, std::vector<LineInfo>& infos) {
  std::string_view view = tv.view();
  std::vector<size_t> lines;  // non-empty lines
  for (size_t i = 0; i < tv.lines().size(); ++i)
    if (tv.line(i).find_first_not_of(' ') != std::string_view::npos) lines.push_back(i);
  for (size_t k = 0; k < lines.size();) {
    size_t n = 0;
    // Every header cell starts with one of these (zh_table_header_cell).
    auto header_cell = [&](std::string_view cell) {
      return OpensWithAny(cell, {"序号", "编", "名称", "物项", "类别", "管制", "备注", "说明",
                                 "参考", "海关", "商品", "税则", "计量", "单位"}) &&
             RE2::FullMatch(cell, ZhP().table_header_cell);
    };
    while (k + n < lines.size() && header_cell(tv.line(lines[k + n]))) ++n;
    if (n < 3) {
      k += n + 1;
      continue;
    }
    int code = -1, name = -1, hs = -1;
    for (size_t c = 0; c < n; ++c) {
      std::string_view cell = tv.line(lines[k + c]);
      if (RE2::PartialMatch(cell, ZhP().hs_label)) hs = static_cast<int>(c);
      else if (cell.find("编码") != std::string_view::npos ||
               cell.find("编号") != std::string_view::npos)
        code = static_cast<int>(c);
      else if (cell.find("名称") != std::string_view::npos) name = static_cast<int>(c);
    }
    k += n;
    if (code < 0 && hs >= 0) {
      // A table of goods by customs code: each row is an entry on its HS cell.
      for (; k + n <= lines.size(); k += n) {
        auto cell = [&](int c) { return lines[k + c]; };
        LineInfo& info = infos[cell(hs)];
        const auto& l = tv.lines()[cell(hs)];
        if (info.level != 0 || info.code || !info.hs.empty() ||
            !AddHsList(view, l.begin, l.end, info))
          break;
        info.goods_row = true;
        info.level = 3;
        info.content = l.begin;
        if (name >= 0) {
          const auto& nl = tv.lines()[cell(name)];
          std::tie(info.name_begin, info.name_end) = Trim(view, nl.begin, nl.end);
        }
        std::string_view first = tv.line(cell(0));
        if (hs != 0 && !first.empty() && first.find_first_not_of("0123456789 ") == std::string_view::npos) {
          auto [b, e] = Trim(first, 0, first.size());
          info.marker = std::string(first.substr(b, e - b));
        }
      }
      continue;
    }
    if (code < 0) continue;
    for (; k + n <= lines.size(); k += n) {
      auto cell = [&](int c) { return lines[k + c]; };
      std::string_view code_text = tv.line(cell(code));
      auto [cb, ce] = Trim(code_text, 0, code_text.size());
      if (!IsCodeCell(code_text.substr(cb, ce - cb))) break;
      LineInfo& info = infos[cell(code)];
      if (!info.code) info.code = std::string(code_text.substr(cb, ce - cb));
      if (name >= 0) {
        const auto& l = tv.lines()[cell(name)];
        std::tie(info.name_begin, info.name_end) = Trim(view, l.begin, l.end);
      }
      if (hs >= 0 && info.hs.empty()) {
        const auto& l = tv.lines()[cell(hs)];
        AddHsList(view, l.begin, l.end, info);
      }
    }
  }
}

// Entries numbered bare before their first character ("1金屬鍺(…)", "2區熔
// 鍺錠(…)"), as run-on lists print them (zh_run_on.h): a run of two or more
// unnumbered lines numbered 1, 2, 3 … (blank lines between allowed) is read
// at level 3, as "1." would be. A lone "3家美国实体…" is no entry.
void ReadBareNumberedRuns(const TextView& tv, std::vector<LineInfo>& infos) {
  struct Bare {
    size_t line;
    int number;
    size_t content;  // view offset after the number
  };
  std::vector<Bare> run;
  auto flush = [&] {
    if (run.size() >= 2) {
      for (const Bare& b : run) {
        LineInfo& info = infos[b.line];
        info.level = 3;
        info.number = b.number;
        info.marker = std::to_string(b.number);
        info.content = b.content;
      }
    }
    run.clear();
  };
  for (size_t i = 0; i < infos.size(); ++i) {
    std::string_view text = tv.line(i);
    const size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) continue;  // blank lines keep a run
    size_t after = 0;
    const int n = infos[i].level == 0 && !infos[i].code ? ZhEntryNumberAt(text, start, &after) : 0;
    if (n == 0 || (!run.empty() && n != run.back().number + 1)) flush();
    if (n == 0) continue;
    if (run.empty() && n != 1) continue;
    run.push_back({i, n, tv.lines()[i].begin + after});
  }
  flush();
}

// Classifies every line: marker, code, HS codes.
std::vector<LineInfo> ReadLines(const TextView& tv) {
  const ZhPatterns& p = ZhP();
  std::string_view view = tv.view();
  std::vector<LineInfo> infos(tv.lines().size());
  TableColumns table;
  bool spaced_goods_table = false;  // a header row "序号 商品编号 商品名称" seen
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    const auto& line = tv.lines()[i];
    std::string_view text = tv.line(i);
    LineInfo& info = infos[i];
    if (text.find('|') == std::string_view::npos && IsGoodsHeader(text)) spaced_goods_table = true;
    ReadMarker(text, line.begin, info);
    std::string_view rest = view.substr(info.content, line.end - info.content);
    std::string_view g[2];
    // A code at the start opens with a digit; a labelled one follows 编码 or 编号.
    if (OpensWithAny(rest, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}) &&
        MatchAt(p.control_code_at_start, rest, 0, rest.size(), RE2::ANCHOR_START, g, 2)) {
      size_t after = (g[1].data() - view.data()) + g[1].size();
      size_t k = after;
      while (k < line.end && view[k] == ' ') ++k;
      bool reference = view.substr(k, 3) == "项";  // "用于2B902.f项所管制物项"
      if (!reference) {
        info.code = std::string(g[1]);
        info.code_end = after;
      }
    }
    std::string_view lg[3];
    if (!info.code && ContainsAny(rest, {"编码", "编号"}) &&
        MatchAt(p.control_code_labelled, rest, 0, rest.size(), RE2::UNANCHORED, lg, 3)) {
      info.code = std::string(lg[1].empty() ? lg[2] : lg[1]);
      info.labelled_code_begin = lg[0].data() - view.data();
    }
    if (text.find('|') != std::string_view::npos) {
      ReadTableRow(view, line.begin, line.end, table, info);
      if (info.goods_row && info.level == 0) info.level = 3;  // an unnumbered row: an entry
    } else if (!info.code && info.level > 0 && spaced_goods_table) {
      ReadSpacedGoodsRow(view, info.content, line.end, info);
    } else if (!info.code && info.level > 0) {
      ReadSpacedRow(view, info.content, line.end, info);
    }
    ReadHs(view, info.content, line.end, info);
  }
  ReadCellPerLineTable(tv, infos);
  ReadBareNumberedRuns(tv, infos);
  return infos;
}

// Fills ancestors: the numbered lines above each line that contain it. A
// numbering restart ("(一)" after "(二十六)" with no heading between) means a
// heading was lost, so the stale parent is dropped.
void LinkAncestors(std::vector<LineInfo>& infos) {
  std::vector<size_t> stack;
  int last_number[kMaxLevel + 1] = {};
  for (size_t i = 0; i < infos.size(); ++i) {
    LineInfo& info = infos[i];
    if (info.level == 0) {
      info.ancestors = stack;
      continue;
    }
    const int level = info.level;
    while (!stack.empty() && infos[stack.back()].level >= level) stack.pop_back();
    if (last_number[level] > 0 && info.number <= last_number[level] && !stack.empty()) {
      int parent_level = infos[stack.back()].level;
      while (!stack.empty() && infos[stack.back()].level == parent_level) stack.pop_back();
    }
    last_number[level] = info.number;
    for (int k = level + 1; k <= kMaxLevel; ++k) last_number[k] = 0;
    info.ancestors = stack;
    stack.push_back(i);
  }
}

// The reader's line as the back half reads it (reading.h): the name span
// (the table's name cell, or the text after the marker and the code, up to
// an HS label or a labelled code), the evidence end, and the depth whose
// uncoded lines end the item a code opens. A code line whose numbering was
// lost takes the next numbered line as its first sub-line, so that line's
// depth and deeper belong to it; a section heading (一、) always ends it.
ListLine ToListLine(const TextView& tv, const std::vector<LineInfo>& infos, size_t i) {
  std::string_view view = tv.view();
  const LineInfo& info = infos[i];
  const auto& bounds = tv.lines()[i];
  ListLine line;
  line.depth = info.level;
  line.number = info.number;
  line.marker = info.marker;
  line.code = info.code;
  line.scope_depth = info.level;
  if (info.code && info.level == 0) {
    line.scope_depth = kMaxLevel + 1;
    for (size_t j = i + 1; j < infos.size(); ++j) {
      if (infos[j].level == 0) continue;
      line.scope_depth = std::max(1, infos[j].level - 1);
      break;
    }
  }
  size_t name_begin = info.name_begin ? info.name_begin
                      : info.code_end  ? info.code_end
                                       : info.content;
  // A table flattened one cell per line prints the name on a line of its own.
  const bool name_elsewhere = info.name_begin && (name_begin < bounds.begin || name_begin >= bounds.end);
  size_t name_end = name_elsewhere ? info.name_end : bounds.end;
  if (info.name_end > name_begin) name_end = std::min(name_end, info.name_end);
  if (info.labelled_code_begin > name_begin) name_end = std::min(name_end, info.labelled_code_begin);
  std::tie(line.name_begin, line.name_end) = Trim(view, name_begin, name_end);
  // The evidence is the whole line; only its end is trimmed, so that the
  // opening bracket of "(一)" stays.
  line.evidence_end = Trim(view, bounds.begin, bounds.end).second;
  line.hs = info.hs;
  line.hs_begin = info.hs_begin;
  line.hs_end = info.hs_end;
  line.empty_hs = info.empty_hs;
  line.announces_list =
      info.level == 1 && RE2::PartialMatch(tv.line(i), ZhP().list_heading);
  line.ancestors = info.ancestors;
  if (info.goods_row) line.rule = "a row of a table of goods by customs code";
  else if (info.code && info.code_end) line.rule = "a control code at the start of the line";
  else if (info.code && info.labelled_code_begin) line.rule = "a labelled control code (管制编码 …)";
  else if (info.code) line.rule = "a control code in a table row";
  else if (info.level > 0) line.rule = "a numbered line";
  return line;
}

}  // namespace

ListReading ReadZhList(const TextView& tv) {
  std::vector<LineInfo> infos = ReadLines(tv);
  LinkAncestors(infos);
  ListReading out;
  out.lines.reserve(infos.size());
  for (size_t i = 0; i < infos.size(); ++i) out.lines.push_back(ToListLine(tv, infos, i));
  std::string_view view = tv.view();
  std::string_view g[2];
  if (MatchAt(ZhP().stated_count, view, 0, view.size(), RE2::UNANCHORED, g, 2)) {
    out.stated_count = ParseChineseNumber(g[1]).value_or(-1);
    out.stated_count_text = std::string(g[0]);
  }
  out.announces_list = RE2::PartialMatch(view, ZhP().list_heading);
  return out;
}

}  // namespace regdiff::parsers
