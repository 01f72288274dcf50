// MarkedText: spans of a text as properly nested <mark> elements.
#include "tools/web/source_marks.h"

#include <algorithm>
#include <numeric>

#include "corpus/strings.h"

namespace regdiff::tools::web {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The span clipped to the text and widened to whole UTF-8 characters.
MarkSpan Clipped(std::string_view text, MarkSpan s) {
  s.end = std::min(s.end, text.size());
  s.begin = std::min(s.begin, s.end);
  while (s.begin > 0 && IsContinuation(static_cast<unsigned char>(text[s.begin]))) --s.begin;
  while (s.end < text.size() && IsContinuation(static_cast<unsigned char>(text[s.end]))) ++s.end;
  return s;
}

void OpenMark(const MarkSpan& s, bool first, std::string* out) {
  std::string classes = first || s.id.empty() ? std::string() : std::string("ev-cont");
  if (!s.css_class.empty()) {
    if (!classes.empty()) classes += ' ';
    classes += s.css_class;
  }
  *out += "<mark";
  if (!classes.empty()) {
    *out += " class=\"";
    *out += HtmlEscape(classes);
    *out += '"';
  }
  if (s.id.empty()) {
    *out += '>';
    return;
  }
  if (first) {
    *out += " id=\"";
    *out += HtmlEscape(s.id);
    *out += '"';
  }
  *out += " data-ev=\"";
  *out += HtmlEscape(s.id);
  *out += "\">";
  if (first && !s.back_to.empty()) {
    *out += "<a class=\"ev-back\" href=\"#";
    *out += HtmlEscape(s.back_to);
    *out += "\" aria-label=\"back to the fact\"></a>";
  }
}

}  // namespace

std::vector<MarkSpan> MatchSpans(std::string_view text, const std::vector<std::string>& forms,
                                 std::string_view css_class, std::string_view id_prefix,
                                 int* next_id) {
  const std::string lower = AsciiLower(text);
  std::vector<MarkSpan> spans;
  for (const std::string& form : forms) {
    const std::string needle = AsciiLower(form);
    if (needle.empty()) continue;
    for (size_t at = lower.find(needle); at != std::string::npos;
         at = lower.find(needle, at + needle.size())) {
      spans.push_back({at, at + needle.size(), "", "", std::string(css_class)});
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const MarkSpan& a, const MarkSpan& b) { return a.begin < b.begin; });
  if (!id_prefix.empty()) {
    int local = 1;
    int* next = next_id ? next_id : &local;
    for (MarkSpan& span : spans) span.id = std::string(id_prefix) + std::to_string((*next)++);
  }
  return spans;
}

std::string MarkedText(std::string_view text, const std::vector<MarkSpan>& given,
                       const std::vector<TextBreak>& given_breaks) {
  std::vector<MarkSpan> spans;
  for (const MarkSpan& s : given) {
    if (s.begin >= s.end) continue;  // empty, before widening
    MarkSpan c = Clipped(text, s);
    if (c.begin < c.end) spans.push_back(std::move(c));
  }
  // Openers by start, the longer first (it holds the shorter), else as given.
  std::vector<size_t> order(spans.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (spans[a].begin != spans[b].begin) return spans[a].begin < spans[b].begin;
    return spans[a].end > spans[b].end;
  });
  // Breaks clipped and moved past a UTF-8 sequence they fall inside, in
  // offset order (those at one offset as given).
  std::vector<TextBreak> breaks = given_breaks;
  for (TextBreak& b : breaks) {
    b.at = std::min(b.at, text.size());
    while (b.at < text.size() && IsContinuation(static_cast<unsigned char>(text[b.at]))) ++b.at;
  }
  std::stable_sort(breaks.begin(), breaks.end(),
                   [](const TextBreak& a, const TextBreak& b) { return a.at < b.at; });
  std::vector<size_t> points;
  for (const MarkSpan& s : spans) {
    points.push_back(s.begin);
    points.push_back(s.end);
  }
  for (const TextBreak& b : breaks) points.push_back(b.at);
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::vector<size_t> open;  // indices into spans, outermost first
  size_t next = 0;           // into order: the next span to open
  size_t next_break = 0;     // into breaks: the next to write
  size_t at = 0;             // text written up to here
  for (size_t p : points) {
    out += HtmlEscape(text.substr(at, p - at));
    at = p;
    // Close every span ending here, with the marks inside it; those of the
    // latter that go on are reopened below.
    size_t lowest = open.size();
    for (size_t k = 0; k < open.size(); ++k) {
      if (spans[open[k]].end == p) {
        lowest = k;
        break;
      }
    }
    std::vector<size_t> reopen;
    while (open.size() > lowest) {
      out += "</mark>";
      if (spans[open.back()].end != p) reopen.push_back(open.back());
      open.pop_back();
    }
    std::reverse(reopen.begin(), reopen.end());  // outermost first again
    // The breaks here: before the marks (re)opening at this point, inside
    // those still open.
    while (next_break < breaks.size() && breaks[next_break].at == p) {
      out += breaks[next_break++].html;
    }
    // Reopened and new marks, the one ending last outermost (fewest splits);
    // at equal ends a reopened one stays outside a new one.
    std::vector<std::pair<size_t, bool>> opening;  // span, first mark of it
    for (size_t r : reopen) opening.emplace_back(r, false);
    while (next < order.size() && spans[order[next]].begin == p) {
      opening.emplace_back(order[next++], true);
    }
    std::stable_sort(opening.begin(), opening.end(), [&](const auto& a, const auto& b) {
      return spans[a.first].end > spans[b.first].end;
    });
    for (const auto& [span, first] : opening) {
      OpenMark(spans[span], first, &out);
      open.push_back(span);
    }
  }
  out += HtmlEscape(text.substr(at));
  return out;
}

}  // namespace regdiff::tools::web
