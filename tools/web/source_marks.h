// Marking spans of a text in HTML: the evidence of an announcement's facts in
// its source text (web/announcement_page.h), a search's matches in a line
// (web/search_page.h). Spans may overlap; the marks they become always nest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace regdiff::tools::web {

// Bytes [begin, end) of a text to mark.
struct MarkSpan {
  size_t begin = 0;
  size_t end = 0;
  // "ev-3": the first mark of the span gets id="ev-3", and every mark of it
  // data-ev="ev-3"; "" for a plain <mark>.
  std::string id;
  // "fact-3": the first mark opens with an empty link back to it
  // (<a class="ev-back" href="#fact-3">); "" for none.
  std::string back_to;
};

// `text` HTML-escaped with each span wrapped in <mark>. Offsets past the
// text are clipped, offsets inside a UTF-8 sequence widened to the whole
// character, empty spans left out. Marks nest properly: where two spans
// overlap without one holding the other, the one that ends first is closed
// at its end and the marks open inside it that go on are reopened after it
// as continuation marks (class="ev-cont", the same data-ev, no id), so the
// text of every mark with one data-ev, in document order, is the span's
// text. Spans equal in extent nest in the order given.
std::string MarkedText(std::string_view text, const std::vector<MarkSpan>& spans);

}  // namespace regdiff::tools::web
