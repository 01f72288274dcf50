// Mentions of numbered announcements in English text: "MOFCOM GAC
// Announcement No. 18 of 2025", "Announcement No. 18 [2025] of the Ministry of
// Commerce", "Announcement [2025] No. 18", "Announcements No. 55, No. 56 and
// No. 57 of 2025 of MOFCOM and GAC", with the issuers named before or after
// the mention carried over to every number of a list, and the English
// sentence splitting the other English parts share.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/reading.h"

namespace regdiff::parsers {

// Every mention in `view`, in order of position. A mention needs its year;
// numbers without one ("Announcement No. 70" in a news lead) are skipped.
std::vector<Mention> FindEnMentions(std::string_view view);

// Issuers named immediately before `pos` ("MOFCOM GAC", "Ministry of Commerce
// and the General Administration of Customs", "MOFCOM's"), scanning backwards
// over names and separators; sets *start to where the first name begins (pos
// when none). Acronyms match case-sensitively, full names in any case, and a
// name may be wrapped across a line break. *incomplete (if given) is set when
// an unknown body is named with them ("… Department and MOFCOM").
std::vector<std::string> EnIssuersBefore(std::string_view view, size_t pos, size_t* start,
                                         bool* incomplete = nullptr);

// Issuers named from `pos` on, after a linking "of (the)" / "by (the)" /
// "issued by": "of the Ministry of Commerce and the General Administration of
// Customs", after a quoted title in brackets if any. Sets *end after the last name (pos when none), and *incomplete
// when an unknown body follows them ("… and the GeneraI Administration").
std::vector<std::string> EnIssuersAfter(std::string_view view, size_t pos, size_t* end,
                                        bool* incomplete = nullptr);

// Every issuer named anywhere in view[begin, end), canonical order.
std::vector<std::string> EnIssuersNamedIn(std::string_view view, size_t begin, size_t end);

// Issuers listed in view[pos, end) and nothing else, with "," ";" "/" "&"
// "and" "the" between them: the value of an issuer label ("Ministry of
// Commerce; General Administration of Customs", "MOFCOM, GACC"). Empty when
// anything else stands in the span (trailing spaces and '.' aside).
std::vector<std::string> EnIssuersListed(std::string_view view, size_t pos, size_t end);

// Sentence bounds [begin, end) around `pos`: a sentence ends at a line break,
// ';' or a full stop followed by a space that does not close an abbreviation
// ("No. 18", "Art. 5", "U.S.") or a list marker at the start of the line
// ("I. ", "8. ").
std::pair<size_t, size_t> EnSentence(std::string_view view, size_t pos);

}  // namespace regdiff::parsers
