// Width-aware text tables, Markdown and CSV.
#include "tools/text_table.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "corpus/utf8.h"

namespace regdiff::tools {

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = utf8::NextChar(utf8, i);
    const UChar32 c = static_cast<UChar32>(cp);
    const int category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR || cp == 0x200B) {
      continue;
    }
    const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

bool ParseTableFormat(std::string_view name, TableFormat* format) {
  if (name == "text") *format = TableFormat::kText;
  else if (name == "markdown" || name == "md") *format = TableFormat::kMarkdown;
  else if (name == "csv") *format = TableFormat::kCsv;
  else return false;
  return true;
}

Table::Table(std::vector<std::string> headers, std::string gap)
    : headers_(std::move(headers)), right_(headers_.size(), false), gap_(std::move(gap)) {}

void Table::AlignRight(size_t column) {
  if (column < right_.size()) right_[column] = true;
}

void Table::AddRow(std::vector<std::string> cells, std::string note) {
  cells.resize(headers_.size());
  rows_.push_back({std::move(cells), std::move(note)});
}

std::string Table::RenderText(bool headers) const {
  // Cells and notes quote documents and name files: each stays on its line
  // and drives no terminal (corpus/display_text.h); widths are measured on
  // what is shown.
  auto shown = [](const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (const std::string& cell : cells) out.push_back(EscapeControls(cell));
    return out;
  };
  const std::vector<std::string> head = shown(headers_);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(rows_.size());
  for (const Row& r : rows_) rows.push_back(shown(r.cells));
  std::vector<size_t> widths(headers_.size(), 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(cells[c]));
  };
  if (headers) measure(head);
  for (const auto& cells : rows) measure(cells);
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c) text += gap_;
      const size_t width = DisplayWidth(cells[c]);
      const size_t pad = widths[c] > width ? widths[c] - width : 0;
      if (right_[c]) text.append(pad, ' ');
      text += cells[c];
      if (!right_[c] && c + 1 < cells.size()) text.append(pad, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out.append(text);
    out.push_back('\n');
  };
  if (headers) line(head);
  for (size_t i = 0; i < rows_.size(); ++i) {
    line(rows[i]);
    if (const Row& r = rows_[i]; !r.note.empty()) {
      out.append("    \u00bb ");
      out.append(EscapeControls(r.note));
      out.push_back('\n');
    }
  }
  return out;
}

std::string Table::RenderMarkdown() const {
  auto line = [](const std::vector<std::string>& cells) {
    std::string text = "|";
    for (const std::string& cell : cells) {
      text.push_back(' ');
      text.append(MarkdownEscape(cell));
      text.append(" |");
    }
    text.push_back('\n');
    return text;
  };
  std::string out = line(headers_);
  out += "|";
  for (size_t c = 0; c < headers_.size(); ++c) out += "---|";
  out += "\n";
  for (const Row& r : rows_) out += line(r.cells);
  return out;
}

std::string Table::RenderCsv() const {
  std::string out = CsvRow(headers_);
  for (const Row& r : rows_) out += CsvRow(r.cells);
  return out;
}

std::string Table::Render(TableFormat format) const {
  switch (format) {
    case TableFormat::kText: return RenderText();
    case TableFormat::kMarkdown: return RenderMarkdown();
    case TableFormat::kCsv: return RenderCsv();
  }
  return RenderText();
}

}  // namespace regdiff::tools
