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

namespace regdiff::parsers {

struct EnAnnouncementRef {
  std::vector<std::string> issuers;  // canonical codes, canonical order; may be empty
  bool issuers_incomplete = false;   // another, unknown body is named with them
  int year = 0;
  int number = 0;
  size_t begin = 0;    // view offset where the mention starts (issuers before included)
  size_t keyword = 0;  // view offset of "Announcement" (of the number for continuations)
  size_t end = 0;      // view offset after the mention's number (and its own year)
  size_t group = 0;    // mentions of one list ("No. 55, No. 56") share a group
  size_t group_end = 0;  // view offset after the whole list, years and issuers after included
  bool continuation = false;  // "No. 56" after "No. 55, ": no keyword of its own
};

// Every mention in `view`, in order of position. A mention needs its year;
// numbers without one ("Announcement No. 70" in a news lead) are skipped.
std::vector<EnAnnouncementRef> FindEnAnnouncementRefs(std::string_view view);

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
// Customs". Sets *end after the last name (pos when none), and *incomplete
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

// `s` with every run of spaces, tabs and line breaks made one space, trimmed:
// a display string (title, item name) wrapped across lines reads as one.
std::string EnCollapseSpaces(std::string_view s);

// Sentence bounds [begin, end) around `pos`: a sentence ends at a line break,
// ';' or a full stop followed by a space that does not close an abbreviation
// ("No. 18", "Art. 5", "U.S.") or a list marker at the start of the line
// ("I. ", "8. ").
std::pair<size_t, size_t> EnSentence(std::string_view view, size_t pos);

}  // namespace regdiff::parsers
