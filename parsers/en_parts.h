// The parts of the English announcement parser, each reading the matching
// view of one text (parsers/text_view.h). en_parser.cc assembles them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "parsers/en_references.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

// The document's own number, issuers, title and publication date.
struct EnHeader {
  std::vector<std::string> issuers;  // canonical codes
  std::optional<int> year;
  std::optional<int> number;
  size_t number_begin = 0, number_end = 0;  // view offsets of the own mention; 0,0 if none
  Evidence number_evidence;
  std::string title;
  Evidence title_evidence;
  std::optional<Date> published;
  Evidence published_evidence;
};
EnHeader ParseEnHeader(const TextView& view);

// Effective clauses, on-publication clauses resolved to `published`.
// [own_begin, own_end) is the document's own mention (0, 0 if none): a
// relative clause after it ("… Announcement No. 72 [2025], which takes effect
// immediately") speaks of the document.
std::vector<EffectiveClause> ParseEnEffective(const TextView& view,
                                              const std::optional<Date>& published,
                                              size_t own_begin = 0, size_t own_end = 0);

// The item list, with warnings for empty HS lists and OCR repairs.
struct EnItems {
  std::vector<Item> items;
  std::vector<std::string> warnings;
};
EnItems ParseEnItems(const TextView& view);

// Relations to other announcements. The own mention [own_begin, own_end) and
// any mention of `own_doc_id` are not relations.
std::vector<Relation> ParseEnRelations(const TextView& view,
                                       const std::optional<std::string>& own_doc_id,
                                       size_t own_begin, size_t own_end);

// A relation verb of the English phrase table found in a sentence.
struct EnVerb {
  size_t pos = 0;  // view offset
  size_t len = 0;
  RelationType type = RelationType::kRefersTo;
};

// The verb that acts on the mention ending at `mention_end` from right after
// it: a participle after an auxiliary ("… of 2025 are suspended", "… is
// hereby repealed") or an intransitive phrase ("… shall no longer apply"),
// with only auxiliaries, commas and bracketed asides in between; nullopt
// otherwise ("…, suspending …" and "… suspends …" are the mention acting).
std::optional<EnVerb> EnVerbAfterMention(std::string_view view, size_t mention_end,
                                         size_t sentence_end);

// A verb of the phrase table acts on the mention `ref`: a passive form right
// after it (EnVerbAfterMention) or any form before it in its sentence
// ("… suspend the implementation of Announcement No. 46 …").
bool EnMentionActedOn(std::string_view view, const EnAnnouncementRef& ref);

}  // namespace regdiff::parsers
