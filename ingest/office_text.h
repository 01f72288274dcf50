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

// Errors: kCorruption (not a zip, a damaged archive or XML, no
// word/document.xml), kTooLarge (past `limits`).
Result<std::string> DocxToText(std::string_view bytes, const OfficeLimits& limits = {});

// Errors: kCorruption (not a zip, damaged, no xl/workbook.xml), kTooLarge.
Result<std::string> XlsxToText(std::string_view bytes, const OfficeLimits& limits = {});

}  // namespace regdiff::ingest
