// The parsers' entry point: picks the parser for a text's language.
#pragma once

#include <vector>

#include "corpus/model.h"
#include "corpus/status.h"
#include "corpus/text.h"
#include "parsers/explanation.h"

namespace regdiff::parsers {

// Version of the parsing rules, stored with every parsed document. Bump it
// whenever a rule changes what is extracted: `regdiff ingest` then re-parses
// stored texts whose version differs.
inline constexpr char kParserVersion[] = "rules/3";

// A record listing more controlled items than this is refused (kTooLarge):
// the announcements we know list a few dozen, and 10,000 leaves room for a
// whole control list in an annex while keeping one document's rows bounded.
inline constexpr size_t kMaxItemsPerDocument = 10000;

// True when the parse found anything an announcement states: a number, an
// item, an effective clause, a relation or a party.
bool HasAnnouncementFacts(const Announcement& a);

// Parses a normalised text with the parser of its language (Chinese,
// Simplified or Traditional, or English). A bilingual text (see IsBilingual in
// lang_detect.h) gives its Chinese record, or its English one when the Chinese
// half states nothing. Errors: kNotAnnouncement when the text states no
// announcement fact at all; kTooLarge when a record lists more than
// kMaxItemsPerDocument items.
Result<Announcement> ParseAnnouncement(const NormalizedText& text);

// The same, recording in `explain` why each fact of the record returned was
// read and what was passed over (explanation.h).
Result<Announcement> ParseAnnouncement(const NormalizedText& text, Explanation* explain);

// Every record a text holds: for a bilingual text one per language, Chinese
// first, each parsed from its half (SplitBilingual) with evidence offsets and
// texts into `text` itself; for a monolingual text the one record of
// ParseAnnouncement. Records without announcement facts are left out, so the
// result is empty when the text is no announcement, or when a record passes
// kMaxItemsPerDocument (ParseAnnouncement says why).
std::vector<Announcement> ParseAnnouncements(const NormalizedText& text);

}  // namespace regdiff::parsers
