// DOCX and XLSX to text. Both open the archive through ZipArchive (entry
// count, inflated bytes and ratio capped while reading) and stream their XML
// parts through XmlPartReader (no DTD, no entities, no network). Every byte
// of text made is counted against OfficeLimits::max_text_bytes as it is
// made, so that markup that multiplies (a long w:lvlText on every
// paragraph, a cell at column XFD) stops at the cap rather than after it.
#include "ingest/office_text.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <vector>

#include "ingest/docx_numbering.h"
#include "ingest/xml_part_reader.h"
#include "ingest/zip_archive.h"

namespace regdiff::ingest {
namespace {

using Node = XmlPartReader::Node;

// A table row never spans more grid columns than this per cell (Word's own
// limit is 63 columns); a larger w:gridSpan is damage or an attack.
constexpr int kMaxGridSpan = 64;
// Column XFD, the last one Excel has.
constexpr size_t kMaxXlsxColumn = 16383;

ZipLimits ZipLimitsOf(const OfficeLimits& limits) {
  ZipLimits z;
  z.max_entries = limits.max_entries;
  z.max_inflated_bytes = limits.max_inflated_bytes;
  z.max_ratio = limits.max_ratio;
  return z;
}

// The bytes of text made so far, against max_text_bytes.
class TextBudget {
 public:
  explicit TextBudget(size_t max) : max_(max) {}
  Status Spend(size_t n) {
    used_ += n;
    if (used_ > max_) {
      return Status::TooLarge("text over the limit of " + std::to_string(max_) + " bytes");
    }
    return Status::Ok();
  }

 private:
  size_t max_;
  size_t used_ = 0;
};

// Reads a part that must be there: a missing one is a damaged file.
Result<std::string> ReadRequired(ZipArchive& zip, const std::string& name, const char* what) {
  Result<std::string> part = zip.Read(name);
  if (!part.ok() && part.status().code() == Status::Code::kNotFound) {
    return Status::Corruption("no " + name + " in the archive: not " + what);
  }
  return part;
}

// Reads a part that may be absent ("" then).
Result<std::string> ReadOptional(ZipArchive& zip, const std::string& name) {
  Result<std::string> part = zip.Read(name);
  if (!part.ok() && part.status().code() == Status::Code::kNotFound) return std::string();
  return part;
}

// Lines joined by '\n', lines holding only spaces and tabs left out.
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = line.find('\n', start);
      if (end == std::string::npos) end = line.size();
      const std::string_view one(line.data() + start, end - start);
      if (one.find_first_not_of(" \t") != std::string_view::npos) {
        if (!out.empty()) out += '\n';
        out.append(one);
      }
      start = end + 1;
    }
  }
  return out;
}

// One line of cells: '\t' between them, empty cells at the end left out.
std::string JoinCells(std::vector<std::string> cells) {
  while (!cells.empty() && cells.back().find_first_not_of(' ') == std::string::npos) cells.pop_back();
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += '\t';
    out += cells[i];
  }
  return out;
}

// Line breaks and tabs inside a cell become spaces: a cell stays in its
// column and its row on one line.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return s;
}

// ---------------------------------------------------------------------------
// DOCX: word/document.xml

// Elements skipped with everything inside: deleted and moved-away text,
// field codes, the earlier properties a tracked change keeps, ruby text (a
// reading above its base, like XLSX's phonetic runs) and mc:Fallback (the
// same content again as mc:Choice, for older readers).
bool SkippedInDocument(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      "del",         "moveFrom",       "delText",     "delInstrText", "instrText",
      "pPrChange",   "rPrChange",      "sectPrChange", "tblPrChange", "trPrChange",
      "tcPrChange",  "tblGridChange",  "numberingChange", "rt", "Fallback"};
  return std::find(std::begin(kSkipped), std::end(kSkipped), name) != std::end(kSkipped);
}

// What the document body is made of while it is read: paragraphs, tables,
// rows and cells, nested in any order (a table in a cell, a text box's
// paragraphs in a paragraph).
struct Block {
  enum class Kind { kParagraph, kTable, kRow, kCell } kind;
  std::string text;                  // kParagraph
  ParagraphNumbering numbering;      // kParagraph
  std::vector<std::string> parts;    // kTable: row lines; kRow: cells; kCell: paragraphs
  int span = 1;                      // kCell: w:gridSpan
};

class DocxBody {
 public:
  DocxBody(DocxNumbering numbering, size_t max_text_bytes)
      : numbering_(std::move(numbering)), budget_(max_text_bytes) {}

  Result<std::string> Read(std::string_view xml) {
    XmlPartReader reader(xml, "word/document.xml");
    // The open elements: local name, and whether it opened a block (closing
    // it closes that block, whatever malformed nesting came between).
    std::vector<std::pair<std::string, bool>> open;
    for (;;) {
      Result<Node> node = reader.Next();
      if (!node.ok()) return node.status();
      Status s;
      if (*node == Node::kEnd) break;
      if (*node == Node::kStart) {
        std::string name(reader.LocalName());
        if (SkippedInDocument(name)) {
          s = reader.SkipChildren();
          if (!s.ok()) return s;
          Result<Node> close = reader.Next();  // its own kClose
          if (!close.ok()) return close.status();
          continue;
        }
        const std::string parent = open.empty() ? "" : open.back().first;
        const std::string grandparent = open.size() < 2 ? "" : open[open.size() - 2].first;
        const size_t blocks = blocks_.size();
        s = Start(reader, name, parent, grandparent);
        open.emplace_back(std::move(name), blocks_.size() > blocks);
      } else if (*node == Node::kClose) {
        if (open.empty()) continue;
        const bool opened_block = open.back().second;
        open.pop_back();
        if (opened_block) s = Close();
      } else if (*node == Node::kText && !open.empty() && open.back().first == "t") {
        s = Append(std::string(reader.Text()));
      }
      if (!s.ok()) return s;
    }
    std::string text = JoinLines(lines_);
    Status s = budget_.Spend(0);
    if (!s.ok()) return s;
    return text;
  }

 private:
  Block* Top(Block::Kind kind) {
    return !blocks_.empty() && blocks_.back().kind == kind ? &blocks_.back() : nullptr;
  }

  // Text into the innermost paragraph (none: text outside paragraphs is
  // dropped); a carriage return (&#13;) is a line break.
  Status Append(const std::string& text) {
    Block* p = Top(Block::Kind::kParagraph);
    if (!p) return Status::Ok();
    const size_t from = p->text.size();
    p->text += text;
    std::replace(p->text.begin() + static_cast<std::ptrdiff_t>(from), p->text.end(), '\r', '\n');
    return budget_.Spend(text.size());
  }

  Status Start(XmlPartReader& r, const std::string& name, const std::string& parent,
               const std::string& grandparent) {
    if (name == "p") {
      blocks_.push_back({Block::Kind::kParagraph, {}, {}, {}, 1});
    } else if (name == "tbl") {
      blocks_.push_back({Block::Kind::kTable, {}, {}, {}, 1});
    } else if (name == "tr" && Top(Block::Kind::kTable)) {
      blocks_.push_back({Block::Kind::kRow, {}, {}, {}, 1});
    } else if (name == "tc" && Top(Block::Kind::kRow)) {
      blocks_.push_back({Block::Kind::kCell, {}, {}, {}, 1});
    } else if (name == "gridSpan" && parent == "tcPr" && Top(Block::Kind::kCell)) {
      const std::string v = r.Attribute("val").value_or("1");
      blocks_.back().span = std::clamp(std::atoi(v.c_str()), 1, kMaxGridSpan);
    } else if (parent == "r" && (name == "tab" || name == "ptab")) {
      return Append(" ");  // '\t' separates table cells only
    } else if (parent == "r" && (name == "br" || name == "cr")) {
      return Append("\n");
    } else if (parent == "r" && name == "noBreakHyphen") {
      return Append("-");
    } else if (Block* p = Top(Block::Kind::kParagraph)) {
      if (name == "pStyle" && parent == "pPr" && grandparent == "p") {
        p->numbering.style = r.Attribute("val").value_or("");
      } else if (name == "numId" && parent == "numPr" && grandparent == "pPr") {
        p->numbering.num_id = r.Attribute("val").value_or("");
      } else if (name == "ilvl" && parent == "numPr" && grandparent == "pPr") {
        const std::string v = r.Attribute("val").value_or("");
        char* end = nullptr;
        const long l = std::strtol(v.c_str(), &end, 10);
        if (end != v.c_str() && l >= 0 && l < DocxNumbering::kLevels) {
          p->numbering.level = static_cast<int>(l);
        }
      }
    }
    return Status::Ok();
  }

  // Closes the innermost block (its element closed).
  Status Close() {
    if (Top(Block::Kind::kParagraph)) {
      Block p = std::move(blocks_.back());
      blocks_.pop_back();
      const std::string number = numbering_.Next(p.numbering);
      Status s = budget_.Spend(number.size());
      if (!s.ok()) return s;
      return Place(number + p.text);
    }
    if (Top(Block::Kind::kCell)) {
      Block cell = std::move(blocks_.back());
      blocks_.pop_back();
      std::string text;
      for (const std::string& part : cell.parts) {
        if (part.find_first_not_of(" \t\n") == std::string::npos) continue;
        if (!text.empty()) text += ' ';
        text += OneLine(part);
      }
      Block* row = Top(Block::Kind::kRow);
      if (!row) return Status::Ok();
      row->parts.push_back(std::move(text));
      // A merged cell keeps the columns after it in place.
      for (int i = 1; i < cell.span; ++i) row->parts.emplace_back();
      return budget_.Spend(static_cast<size_t>(cell.span));
    }
    if (Top(Block::Kind::kRow)) {
      Block row = std::move(blocks_.back());
      blocks_.pop_back();
      if (Block* table = Top(Block::Kind::kTable)) table->parts.push_back(JoinCells(std::move(row.parts)));
      return Status::Ok();
    }
    if (Top(Block::Kind::kTable)) {
      Block table = std::move(blocks_.back());
      blocks_.pop_back();
      for (std::string& line : table.parts) {
        Status s = Place(std::move(line));
        if (!s.ok()) return s;
      }
    }
    return Status::Ok();
  }

  // A finished paragraph or table row goes to what encloses it: a cell (a
  // nested table's row becomes one more paragraph of the cell, its cells
  // separated by spaces), a paragraph (a text box: lines of their own), or
  // the document.
  Status Place(std::string text) {
    if (Block* cell = Top(Block::Kind::kCell)) {
      cell->parts.push_back(std::move(text));
    } else if (Block* p = Top(Block::Kind::kParagraph)) {
      p->text += '\n';
      p->text += text;
      p->text += '\n';
      return budget_.Spend(2);
    } else {
      lines_.push_back(std::move(text));
    }
    return Status::Ok();
  }

  DocxNumbering numbering_;
  TextBudget budget_;
  std::vector<Block> blocks_;
  std::vector<std::string> lines_;
};

// ---------------------------------------------------------------------------
// XLSX

struct Sheet {
  std::string name;
  std::string part;  // e.g. xl/worksheets/sheet1.xml
};

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml".
std::string ResolveTarget(const std::string& target) {
  std::vector<std::string> segments;
  std::string path = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& seg : segments) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

Result<std::vector<Sheet>> ReadSheets(ZipArchive& zip) {
  Result<std::string> workbook = ReadRequired(zip, "xl/workbook.xml", "an Excel workbook");
  if (!workbook.ok()) return workbook.status();
  std::vector<std::pair<std::string, std::string>> named;  // (name, r:id)
  {
    XmlPartReader r(*workbook, "xl/workbook.xml");
    for (;;) {
      Result<Node> node = r.Next();
      if (!node.ok()) return node.status();
      if (*node == Node::kEnd) break;
      if (*node == Node::kStart && r.LocalName() == "sheet") {
        named.emplace_back(r.Attribute("name").value_or(""), r.Attribute("id").value_or(""));
      }
    }
  }
  Result<std::string> rels = ReadRequired(zip, "xl/_rels/workbook.xml.rels", "an Excel workbook");
  if (!rels.ok()) return rels.status();
  std::vector<std::pair<std::string, std::string>> targets;  // (Id, part)
  {
    XmlPartReader r(*rels, "xl/_rels/workbook.xml.rels");
    for (;;) {
      Result<Node> node = r.Next();
      if (!node.ok()) return node.status();
      if (*node == Node::kEnd) break;
      if (*node == Node::kStart && r.LocalName() == "Relationship" &&
          r.Attribute("TargetMode").value_or("") != "External") {
        targets.emplace_back(r.Attribute("Id").value_or(""),
                             ResolveTarget(r.Attribute("Target").value_or("")));
      }
    }
  }
  std::vector<Sheet> sheets;
  for (const auto& sheet : named) {
    const std::string& name = sheet.first;
    const std::string& id = sheet.second;
    auto t = std::find_if(targets.begin(), targets.end(), [&id](const auto& x) { return x.first == id; });
    if (t == targets.end()) {
      return Status::Corruption("xl/workbook.xml: sheet '" + name + "' names relationship '" + id +
                                "', which xl/_rels/workbook.xml.rels lacks");
    }
    sheets.push_back({name, t->second});
  }
  return sheets;
}

// The text of each w:si of xl/sharedStrings.xml (rich runs joined; phonetic
// guides, x:rPh, left out).
Result<std::vector<std::string>> ReadSharedStrings(std::string_view xml) {
  std::vector<std::string> strings;
  if (xml.empty()) return strings;
  XmlPartReader r(xml, "xl/sharedStrings.xml");
  bool in_t = false;
  std::optional<std::string> current;
  for (;;) {
    Result<Node> node = r.Next();
    if (!node.ok()) return node.status();
    if (*node == Node::kEnd) break;
    if (*node == Node::kStart) {
      const std::string_view name = r.LocalName();
      if (name == "rPh") {
        Status s = r.SkipChildren();
        if (!s.ok()) return s;
      } else if (name == "si") {
        current = std::string();
      } else if (name == "t") {
        in_t = true;
      }
    } else if (*node == Node::kClose) {
      if (r.LocalName() == "t") in_t = false;
      if (r.LocalName() == "si" && current) {
        strings.push_back(std::move(*current));
        current.reset();
      }
    } else if (*node == Node::kText && in_t && current) {
      current->append(r.Text());
    }
  }
  return strings;
}

// "C5" -> 2 (column C); nullopt when `ref` names no column Excel has.
std::optional<size_t> ColumnOf(std::string_view ref) {
  size_t col = 0, letters = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<size_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0 || col - 1 > kMaxXlsxColumn) return std::nullopt;
  return col - 1;
}

class SheetReader {
 public:
  SheetReader(const std::vector<std::string>& shared, const OfficeLimits& limits, TextBudget* budget,
              size_t* cells)
      : shared_(shared), limits_(limits), budget_(budget), cells_(cells) {}

  // Appends the sheet's rows to `out`, one line each.
  Status Read(std::string_view xml, const std::string& part, std::string* out) {
    XmlPartReader r(xml, part);
    enum class In { kNone, kValue, kInline } in = In::kNone;
    bool in_cell = false;
    for (;;) {
      Result<Node> node = r.Next();
      if (!node.ok()) return node.status();
      if (*node == Node::kEnd) break;
      if (*node == Node::kStart) {
        const std::string_view name = r.LocalName();
        if (name == "row") {
          row_.clear();
          next_col_ = 0;
        } else if (name == "c") {
          in_cell = true;
          if (++*cells_ > limits_.max_cells) {
            return Status::TooLarge("spreadsheet with more than " + std::to_string(limits_.max_cells) +
                                    " cells, over the cell limit");
          }
          std::optional<size_t> col = ColumnOf(r.Attribute("r").value_or(""));
          col_ = col ? *col : next_col_;
          type_ = r.Attribute("t").value_or("n");
          value_.clear();
        } else if (in_cell && name == "v") {
          in = In::kValue;
        } else if (in_cell && name == "is") {
          in = In::kInline;
        } else if (in == In::kInline && name == "rPh") {
          Status s = r.SkipChildren();
          if (!s.ok()) return s;
        } else if (name == "f" || name == "extLst") {
          Status s = r.SkipChildren();  // formulas: their cached value is in v
          if (!s.ok()) return s;
        }
      } else if (*node == Node::kClose) {
        const std::string_view name = r.LocalName();
        if (name == "v" || name == "is") {
          in = In::kNone;
        } else if (name == "c" && in_cell) {
          in_cell = false;
          Status s = PlaceCell();
          if (!s.ok()) return s;
        } else if (name == "row") {
          std::string line = JoinCells(std::move(row_));
          row_.clear();
          if (line.empty()) continue;
          Status s = budget_->Spend(line.size() + 1);
          if (!s.ok()) return s;
          out->append(line);
          out->push_back('\n');
        }
      } else if (*node == Node::kText && in != In::kNone) {
        value_.append(r.Text());
        if (value_.size() > limits_.max_text_bytes) {
          return Status::TooLarge("text over the limit of " + std::to_string(limits_.max_text_bytes) +
                                  " bytes");
        }
      }
    }
    return Status::Ok();
  }

 private:
  Status PlaceCell() {
    std::string text;
    if (type_ == "s" && !value_.empty()) {
      char* end = nullptr;
      const unsigned long long i = std::strtoull(value_.c_str(), &end, 10);
      if (end == value_.c_str() || i >= shared_.size()) {
        return Status::Corruption("a cell names shared string '" + value_ + "' of " +
                                  std::to_string(shared_.size()));
      }
      text = shared_[static_cast<size_t>(i)];
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else {
      text = value_;  // n, str, inlineStr, e, d: as written
    }
    next_col_ = col_ + 1;
    if (text.empty()) return Status::Ok();
    if (row_.size() <= col_) {
      Status s = budget_->Spend(col_ + 1 - row_.size());  // the tabs before it
      if (!s.ok()) return s;
      row_.resize(col_ + 1);
    }
    Status s = budget_->Spend(text.size());
    if (!s.ok()) return s;
    row_[col_] = OneLine(std::move(text));
    return Status::Ok();
  }

  const std::vector<std::string>& shared_;
  const OfficeLimits& limits_;
  TextBudget* budget_;
  size_t* cells_;
  std::vector<std::string> row_;
  size_t col_ = 0, next_col_ = 0;
  std::string type_, value_;
};

}  // namespace

Result<std::string> DocxToText(std::string_view bytes, const OfficeLimits& limits) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes, ZipLimitsOf(limits));
  if (!zip.ok()) return zip.status();
  Result<std::string> document = ReadRequired(*zip, "word/document.xml", "a Word document");
  if (!document.ok()) return document.status();
  Result<std::string> numbering_xml = ReadOptional(*zip, "word/numbering.xml");
  if (!numbering_xml.ok()) return numbering_xml.status();
  // Styles matter only for lists: without numbering.xml nothing is numbered.
  Result<std::string> styles_xml =
      numbering_xml->empty() ? Result<std::string>(std::string()) : ReadOptional(*zip, "word/styles.xml");
  if (!styles_xml.ok()) return styles_xml.status();
  Result<DocxNumbering> numbering = DocxNumbering::Parse(*numbering_xml, *styles_xml);
  if (!numbering.ok()) return numbering.status();
  DocxBody body(std::move(*numbering), limits.max_text_bytes);
  return body.Read(*document);
}

Result<std::string> XlsxToText(std::string_view bytes, const OfficeLimits& limits) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes, ZipLimitsOf(limits));
  if (!zip.ok()) return zip.status();
  Result<std::vector<Sheet>> sheets = ReadSheets(*zip);
  if (!sheets.ok()) return sheets.status();
  Result<std::string> shared_xml = ReadOptional(*zip, "xl/sharedStrings.xml");
  if (!shared_xml.ok()) return shared_xml.status();
  Result<std::vector<std::string>> shared = ReadSharedStrings(*shared_xml);
  if (!shared.ok()) return shared.status();
  shared_xml->clear();
  shared_xml->shrink_to_fit();

  TextBudget budget(limits.max_text_bytes);
  size_t cells = 0;
  std::string out;
  for (const Sheet& sheet : *sheets) {
    Result<std::string> xml = ReadRequired(*zip, sheet.part, "a complete Excel workbook");
    if (!xml.ok()) return xml.status();
    const std::string name = OneLine(sheet.name);
    Status s = budget.Spend(name.size() + 1);
    if (!s.ok()) return s;
    out.append(name);
    out.push_back('\n');
    SheetReader reader(*shared, limits, &budget, &cells);
    s = reader.Read(*xml, sheet.part, &out);
    if (!s.ok()) return s;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace regdiff::ingest
