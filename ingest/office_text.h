// Word (DOCX) and Excel (XLSX) files to text: both are zip archives of XML
// parts (Office Open XML). A DOCX gives its paragraphs in order, numbered
// list items with the number Word shows ("1.", "（一）"), and each table row
// as one line of cells; an XLSX gives each sheet's rows, one line per row,
// cells separated by '\t'.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "corpus/status.h"

namespace regdiff::ingest {

// Caps on an untrusted archive (a zip bomb is small on disk and huge
// inflated), each reported with a named kTooLarge error.
struct OfficeLimits {
  size_t max_entries = 10000;             // files in the archive
  size_t max_inflated_bytes = 64u << 20;  // all XML read, inflated
  size_t max_ratio = 200;                 // inflated / compressed, per entry read
  size_t max_cells = 1000000;             // XLSX cells over all sheets
  size_t max_text_bytes = 16u << 20;      // the text regdiff keeps
};

// The text of word/document.xml (headers, footers, footnotes and comments
// are not read), lines joined by '\n', no empty line, no '\n' at either end:
// Every '\t' in the text separates two table cells, and nothing else does.
//  - a paragraph is a line: its runs' w:t joined, w:tab a ' ', w:br and
//    w:cr a new line; deleted (w:del) and moved-away (w:moveFrom) text, field
//    codes and ruby readings left out, inserted text (w:ins) kept;
//  - a numbered paragraph starts with the number Word shows, made from
//    word/numbering.xml (and the numbering of its style in word/styles.xml)
//    and followed by the level's w:suff: a tab (Word's default) or a
//    space as ' ', or nothing; no numbering.xml, no numbers;
//  - a table row is a line of its cells separated by '\t' (a cell's
//    paragraphs joined by ' '; a cell merged over n columns followed by n-1
//    empty ones; empty cells at the end left out); a nested table's rows
//    become paragraphs of the enclosing cell, their cells joined by ' '.
// Errors: kCorruption (not a zip, a damaged archive or XML, no
// word/document.xml, a DTD or entity reference in a part), kTooLarge (past
// `limits`, the message naming which).
Result<std::string> DocxToText(std::string_view bytes, const OfficeLimits& limits = {});

// The sheets in workbook order, each as a line with its name followed by
// its rows, one line per row that holds a value: cells in their columns (by
// their r="C5" reference) separated by '\t', so an empty cell keeps its tab
// and empty cells at the end are left out. Values as written in the file
// (numbers exactly as in <v>: "2805301910", "0.10"; shared and inline
// strings without phonetic runs; booleans TRUE and FALSE); a tab or line
// break inside a cell becomes a space. Errors: kCorruption (not a zip,
// damaged, no xl/workbook.xml, a sheet or shared string that is not there),
// kTooLarge (past `limits`, max_cells counting every <c> of every sheet).
Result<std::string> XlsxToText(std::string_view bytes, const OfficeLimits& limits = {});

}  // namespace regdiff::ingest
