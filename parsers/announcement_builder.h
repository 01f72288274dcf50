// The back half of the parser, one for every language: runs a language's
// readers (language_rules.h) over a text and assembles what they read into
// an Announcement: the doc_id from the header, effective clauses resolved
// and de-duplicated, the item tree (item_tree.h), relations pointed at their
// targets' doc_ids and de-duplicated.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "corpus/model.h"
#include "corpus/text.h"
#include "parsers/explanation.h"
#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

// Everything the text states, read with the rules of `lang` (kZh, kZhHant or
// kEn), which the Announcement carries. Never fails: a text with no
// announcement facts yields an Announcement with no doc_id and no facts.
// With `explain`, every fact is recorded there with the rule that read it,
// and every candidate passed over with the reason. Precondition: lang is not
// kUnknown.
Announcement BuildAnnouncement(const NormalizedText& text, Lang lang,
                               Explanation* explain = nullptr);

// The announcements (year, number) `text` names at the start of a line,
// read with the rules of `lang`: the links of an index page stand one per
// line. Precondition: lang is not kUnknown.
std::set<std::pair<int, int>> AnnouncementsNamedAtLineStarts(const NormalizedText& text, Lang lang);

// The steps of BuildAnnouncement, for tests of one part.
//
// One clause per distinct (date, on publication, part), the first in text
// order; an on-publication clause takes `published`.
std::vector<EffectiveClause> AssembleEffective(const TextView& view,
                                               std::vector<ClauseReading> found,
                                               const std::optional<Date>& published,
                                               Explanation* explain = nullptr);
// One relation per distinct (type, target, end date), the first in text
// order. A mention whose issuers are unknown or not all read names no
// doc_id; the document itself is no relation, under its doc_id or a shorter
// list of its issuers ("商务部公告2025年第10号" in 商务部 海关总署公告2025年第10号).
// A relation stated again without its end date adds nothing, nor does a plain
// citation of a target the text also acts on. A text that is not the
// announcement itself (a news story: its own number read from prose, or none)
// cites other announcements without a relation to them: its plain citations
// are dropped.
std::vector<Relation> AssembleRelations(const TextView& view,
                                        const std::vector<RelationReading>& found,
                                        const HeaderReading& header,
                                        const std::optional<std::string>& own_doc_id,
                                        Explanation* explain = nullptr);

}  // namespace regdiff::parsers
