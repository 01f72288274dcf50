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
  size_t ToText(size_t view_offset) const { return map_[view_offset]; }
  // The line index holding view offset `pos`.
  size_t LineOf(size_t pos) const;

  // Evidence for view bytes [begin, end), leading/trailing spaces trimmed.
  Evidence EvidenceFor(size_t begin, size_t end) const;
  // The normalised (display) text behind view bytes [begin, end).
  std::string DisplayText(size_t begin, size_t end) const;

  const NormalizedText& normalized() const { return text_; }

 private:
  const NormalizedText& text_;
  std::string view_;
  std::vector<size_t> map_;      // per view byte: its offset in the text; +1 entry for the end
  std::vector<size_t> map_end_;  // per view byte: end of the text bytes it stands for
  std::vector<Line> lines_;
};

}  // namespace regdiff::parsers
