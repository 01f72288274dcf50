// The parts of the Chinese announcement parser, each reading the matching
// view of one text (parsers/text_view.h). zh_parser.cc assembles them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/model.h"
#include "parsers/text_view.h"
#include "parsers/zh_references.h"

namespace regdiff::parsers {

// What the header, effective-clause and relation readers each need from the
// whole text, read once per text by ParseZhAnnouncement.
struct ZhReadings {
  std::vector<AnnouncementRef> refs;  // FindZhAnnouncementRefs(view.view())
  std::vector<bool> chrome;           // ZhChromeLines(view)
};
ZhReadings ReadZhText(const TextView& view);

// The document's own number, issuers, title and publication date.
struct ZhHeader {
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
ZhHeader ParseZhHeader(const TextView& view);
ZhHeader ParseZhHeader(const TextView& view, const ZhReadings& readings);

// Effective clauses, on-publication clauses resolved to `published`.
std::vector<EffectiveClause> ParseZhEffective(const TextView& view,
                                              const std::optional<Date>& published);
std::vector<EffectiveClause> ParseZhEffective(const TextView& view,
                                              const std::optional<Date>& published,
                                              const ZhReadings& readings);

// The item list, with warnings for empty HS lists and count mismatches.
struct ZhItems {
  std::vector<Item> items;
  std::vector<std::string> warnings;
};
ZhItems ParseZhItems(const TextView& view);

// Relations to other announcements. The own mention [own_begin, own_end) and
// any mention of `own_doc_id` are not relations.
std::vector<Relation> ParseZhRelations(const TextView& view,
                                       const std::optional<std::string>& own_doc_id,
                                       size_t own_begin, size_t own_end);
std::vector<Relation> ParseZhRelations(const TextView& view, const ZhReadings& readings,
                                       const std::optional<std::string>& own_doc_id,
                                       size_t own_begin, size_t own_end);

}  // namespace regdiff::parsers
