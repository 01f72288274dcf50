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
  // "hit": a class every mark of the span carries (a search's match); ""
  // for none.
  std::string css_class;
};

// Where any of `forms` occurs in `text`, ASCII letters matched without case
// (as the store's search matches them): spans of class `css_class`, with ids
// `id_prefix` + 1, 2, ... from `*next_id` on (no id when `id_prefix` is
// empty), in text order.
std::vector<MarkSpan> MatchSpans(std::string_view text, const std::vector<std::string>& forms,
                                 std::string_view css_class = "", std::string_view id_prefix = "",
                                 int* next_id = nullptr);

// A point of the text where `html` goes: a page or part boundary drawn in a
// source text, between two characters. An empty element (its label drawn by
// the style sheet from an attribute) leaves every mark's text as it was.
struct TextBreak {
  size_t at = 0;     // byte offset; inside a UTF-8 sequence: after that character
  std::string html;  // written as is: the caller escapes what it holds
};

// `text` HTML-escaped with each span wrapped in <mark>. Offsets past the
// text are clipped, offsets inside a UTF-8 sequence widened to the whole
// character, empty spans left out. Marks nest properly: where two spans
// overlap without one holding the other, the one that ends first is closed
// at its end and the marks open inside it that go on are reopened after it
// as continuation marks (class="ev-cont", the same data-ev, no id), so the
// text of every mark with one data-ev, in document order, is the span's
// text. Spans equal in extent nest in the order given. Each of `breaks` is
// written at its offset (clipped to the text), after the marks ending there
// close and before those starting there open, inside those going on over it
// (unless one ends there: then the marks inside that one going on are
// reopened after the break); breaks at one offset in the order given.
std::string MarkedText(std::string_view text, const std::vector<MarkSpan>& spans,
                       const std::vector<TextBreak>& breaks = {});

}  // namespace regdiff::tools::web
