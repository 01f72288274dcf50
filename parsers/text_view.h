// TextView: the matching view of a NormalizedText that the parsers read. It is
// NormalizedText::match with copying noise taken out (pinyin glosses such as
// "商(shāng)", stray symbols between Chinese characters such as "国▪际", and
// HTML entities left in plain text such as "&ensp;" and "&gt;"), split into
// lines, with a map from every byte of the view back to the normalised text
// so each fact's Evidence points into the stored text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "corpus/text.h"

namespace regdiff::parsers {

class TextView {
 public:
  struct Line {
    size_t begin = 0;  // byte offsets into view()
    size_t end = 0;    // excluding '\n'
  };

  // `text` must outlive the view.
  explicit TextView(const NormalizedText& text);

  std::string_view view() const { return view_; }
  const std::vector<Line>& lines() const { return lines_; }
  std::string_view line(size_t i) const {
    return std::string_view(view_).substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }
  // Offset of a view byte (or view().size()) in the normalised text.
  size_t ToText(size_t view_offset) const;
  // The line index holding view offset `pos`.
  size_t LineOf(size_t pos) const;

  // Evidence for view bytes [begin, end), leading/trailing spaces trimmed.
  Evidence EvidenceFor(size_t begin, size_t end) const;
  // The normalised (display) text behind view bytes [begin, end).
  std::string DisplayText(size_t begin, size_t end) const;

  const NormalizedText& normalized() const { return text_; }

 private:
  // A stretch of the view and the text bytes behind it. The view is the text
  // with a few spans dropped or replaced, so the map from view to text is
  // kept as pieces, not one entry per byte (which cost more than the rest of
  // building the view).
  struct Piece {
    size_t view_begin;  // first view byte of the piece
    size_t text_begin;  // the text offset of that byte
    // 0 for bytes copied from the text: view byte view_begin + k stands for
    // text byte text_begin + k. Otherwise the piece is an entity's
    // replacement, each of whose bytes stands for the entity_len text bytes
    // at text_begin.
    size_t entity_len;
  };
  // The piece holding view byte `view_offset` (< view().size()).
  const Piece& PieceOf(size_t view_offset) const;
  // End of the text bytes that view byte `view_offset` stands for.
  size_t ToTextEnd(size_t view_offset) const;

  const NormalizedText& text_;
  std::string view_;
  size_t text_size_ = 0;       // bytes of the text the view was built from
  std::vector<Piece> pieces_;  // by view_begin; a new one starts after every skip
  std::vector<Line> lines_;
};

// `s` with every run of spaces, tabs and line breaks made one space, trimmed:
// a display string (title, item name) wrapped across lines reads as one.
std::string CollapseSpaces(std::string_view s);

}  // namespace regdiff::parsers
