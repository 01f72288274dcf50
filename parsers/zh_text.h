// Sentences and titles of Chinese text, as the Chinese readers see them: a
// sentence ends at 。 ; or a line break that does not merely wrap it; titles
// (《…》, "关于…的决定") are masked where their words must not be read as the
// text's own verbs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace regdiff::parsers {

enum class LineBreaks {
  kEndSentences,  // every line break ends a sentence (header lines)
  kMayWrap,       // a break only wraps a sentence when the line above is long
                  // and ends with no stop, title ending or chrome, and the line
                  // below opens no new entry (hard-wrapped PDF copies and reposts)
};

// Sentence bounds [begin, end) around `pos`: 。 ; ； and line breaks end a
// sentence, line breaks as `breaks` says.
std::pair<size_t, size_t> ZhSentence(std::string_view view, size_t pos,
                                     LineBreaks breaks = LineBreaks::kMayWrap);

enum class TitleMask {
  kBracketed,  // 《…》 only: a cited title
  kAll,        // also unbracketed titles "关于/公布/发布…的决定" and an unfinished "关于…"
};

// A copy of view[begin, end) with its titles blanked to spaces (same length,
// so offsets still hold).
std::string MaskZhTitles(std::string_view view, size_t begin, size_t end, TitleMask mask);

}  // namespace regdiff::parsers
