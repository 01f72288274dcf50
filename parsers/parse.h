// The parsers' entry point: picks the parser for a text's language.
#pragma once

#include "corpus/model.h"
#include "corpus/status.h"
#include "corpus/text.h"

namespace regdiff::parsers {

// Version of the parsing rules, stored with every parsed document. Bump it
// whenever a rule changes what is extracted: `regdiff ingest` then re-parses
// stored texts whose version differs.
inline constexpr char kParserVersion[] = "rules/1";

// True when the parse found anything an announcement states: a number, an
// item, an effective clause or a relation.
bool HasAnnouncementFacts(const Announcement& a);

// Parses a normalised text. Errors: kNotAnnouncement when the text states no
// announcement fact at all; kUnsupported for English texts until the English
// parser lands.
Result<Announcement> ParseAnnouncement(const NormalizedText& text);

}  // namespace regdiff::parsers
