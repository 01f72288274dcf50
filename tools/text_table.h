// The tables the read commands print (asof, timeline, list): one set of
// rows rendered for a terminal, as Markdown or as CSV. On a terminal the
// columns line up by display width, a CJK or full-width character counting
// two columns, so long keys and Chinese names do not push the columns out of
// line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace regdiff::tools {

// Terminal columns `utf8` takes: East Asian Wide and Fullwidth characters
// two, combining marks and other zero-width characters none, the rest one.
size_t DisplayWidth(std::string_view utf8);

// How a read command prints a table.
enum class TableFormat { kText, kMarkdown, kCsv };

// "text", "markdown" (or "md"), "csv"; false for anything else.
bool ParseTableFormat(std::string_view name, TableFormat* format);

class Table {
 public:
  // `gap`: what separates two columns in text.
  explicit Table(std::vector<std::string> headers, std::string gap = " ");

  // One row, as many cells as headers. `note` (text only) is printed on a
  // line of its own under the row, indented ("» evidence").
  void AddRow(std::vector<std::string> cells, std::string note = "");

  // Text only: pad `column` on the left (numbers), so its cells end in line.
  void AlignRight(size_t column);

  // Text: the headers (unless `headers` is false) and the rows, each column
  // but the last padded to its widest cell; trailing spaces trimmed.
  std::string RenderText(bool headers = true) const;
  // A GitHub Markdown table, cells escaped.
  std::string RenderMarkdown() const;
  // RFC 4180 CSV with a header row.
  std::string RenderCsv() const;
  std::string Render(TableFormat format) const;

  bool empty() const { return rows_.empty(); }

 private:
  struct Row {
    std::vector<std::string> cells;
    std::string note;
  };
  std::vector<std::string> headers_;
  std::vector<bool> right_;  // per column: aligned right in text
  std::string gap_;
  std::vector<Row> rows_;
};

}  // namespace regdiff::tools
