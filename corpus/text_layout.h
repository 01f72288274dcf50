// Where the bytes of a stored text came from when the text is more than one
// HTML page or text file: the pages of a PDF, and the attachments (附件) of
// an announcement page appended to its text. Evidence keeps its byte
// offsets into the whole text; the layout turns an offset into the part and
// the page a reader can open.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace regdiff {

struct TextPart {
  std::string name;    // an attachment's file name; "" for the document's own text
  std::string url;     // where an attachment was fetched; "" for the document's own text
  std::string sha256;  // of an attachment's raw bytes; "" for the document's own text
  std::string format;  // "PDF", "DOCX", "XLSX", "text" (ingest's DocumentFormatName)
  size_t begin = 0;    // the part's bytes [begin, end) in the whole text
  size_t end = 0;
  // Where each page of a PDF part begins, as offsets into the whole text;
  // empty for a part without pages.
  std::vector<size_t> page_starts;

  bool operator==(const TextPart&) const = default;
};

// The parts in text order, covering the text without overlap. Empty: the
// text is one part without pages (nothing to say).
struct TextLayout {
  std::vector<TextPart> parts;

  bool empty() const { return parts.empty(); }
  bool operator==(const TextLayout&) const = default;
};

struct TextPlace {
  const TextPart* part = nullptr;  // nullptr: no layout, or past every part
  int page = 0;                    // 1-based PDF page; 0: the part has no pages
};

// The part and page holding byte `offset` of the text.
TextPlace Locate(const TextLayout& layout, size_t offset);

// "" for an empty layout, else a JSON array of parts (how the store keeps it).
std::string LayoutToJson(const TextLayout& layout);
// Errors: kCorruption for JSON that is no layout, or parts that overlap,
// run backwards or reach past `text_size`.
Result<TextLayout> LayoutFromJson(std::string_view json, size_t text_size);

// "page 3", "附件1.pdf", "附件1.pdf, page 3"; "" when there is nothing to say.
std::string DescribePlace(const TextPlace& place);

}  // namespace regdiff
