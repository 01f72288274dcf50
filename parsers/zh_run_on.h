// Run-on item lists of Chinese copies: entries a copy printed one after
// another on one line ("1金屬鍺(…)。 2區熔鍺錠(…)。 3磷鍺鋅(…)。") are given
// lines of their own in the matching view, so the list reader sees one entry
// a line. The normalised text is untouched: evidence still quotes it.
#pragma once

#include <optional>
#include <string_view>

#include "corpus/text.h"

namespace regdiff::parsers {

// `text` with a line break in its matching view before every entry of a
// run-on numbered list: after a stop (。 ; ；) and the spaces after it, an
// entry number that continues the sequence the line opened with (1, then 2,
// 3 …), written bare before a Chinese character ("2區熔") or with a
// separator ("2.", "2、"). The space before the number becomes the break, or,
// with none, the 。 before it becomes a break and two spaces (byte lengths
// unchanged). nullopt when the text holds no such list.
std::optional<NormalizedText> SplitRunOnLists(const NormalizedText& text);

// The entry number written at `pos` of `s`, one or two digits, bare before a
// Chinese character ("2區熔") or with a separator ("2.", "2、"); sets *after
// to the offset after the digits. 0 when no entry number stands there.
int ZhEntryNumberAt(std::string_view s, size_t pos, size_t* after);

}  // namespace regdiff::parsers
