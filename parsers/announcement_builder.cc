// The back half: readings to an Announcement; see announcement_builder.h.
#include "parsers/announcement_builder.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "corpus/issuers.h"
#include "parsers/item_tree.h"
#include "parsers/language_rules.h"
#include "parsers/parse.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {
namespace {

// The header's facts; the doc_id when number, year and issuers are all known.
void AssembleHeader(const HeaderReading& h, Announcement& a) {
  a.issuers = h.issuers;
  a.year = h.year;
  a.number = h.number;
  a.number_evidence = h.number_evidence;
  if (h.year && h.number && !h.issuers.empty()) {
    a.doc_id = MakeDocId(h.issuers, *h.year, *h.number);
  } else if (h.number) {
    a.warnings.push_back("announcement number found but its issuers are not named");
  } else {
    a.warnings.push_back("no announcement number found");
  }
  a.title = h.title;
  a.title_evidence = h.title_evidence;
  a.published = h.published;
  a.published_evidence = h.published_evidence;
}

}  // namespace

std::vector<EffectiveClause> AssembleEffective(const TextView& tv,
                                               std::vector<ClauseReading> found,
                                               const std::optional<Date>& published) {
  std::stable_sort(found.begin(), found.end(),
                   [](const ClauseReading& a, const ClauseReading& b) { return a.begin < b.begin; });
  std::vector<EffectiveClause> out;
  for (ClauseReading& f : found) {
    EffectiveClause c;
    c.date = f.on_publication ? published : f.date;
    c.on_publication = f.on_publication;
    c.applies_to = std::move(f.applies_to);
    c.evidence = tv.EvidenceFor(f.begin, f.end);
    bool duplicate = std::any_of(out.begin(), out.end(), [&](const EffectiveClause& o) {
      return o.date == c.date && o.on_publication == c.on_publication &&
             o.applies_to == c.applies_to;
    });
    if (!duplicate) out.push_back(std::move(c));
  }
  return out;
}

std::vector<Relation> AssembleRelations(const TextView& tv,
                                        const std::vector<RelationReading>& found,
                                        const HeaderReading& header,
                                        const std::optional<std::string>& own_doc_id) {
  // The document under a shorter list of its issuers.
  auto is_self = [&](const Mention& m) {
    return header.year == m.year && header.number == m.number &&
           std::all_of(m.issuers.begin(), m.issuers.end(), [&](const std::string& code) {
             return std::find(header.issuers.begin(), header.issuers.end(), code) !=
                    header.issuers.end();
           });
  };
  const bool plain_citations = header.own_from == OwnNumberFrom::kHeader;
  std::vector<Relation> out;
  for (const RelationReading& r : found) {
    if (r.target.issuers.empty() || r.target.issuers_incomplete || is_self(r.target)) continue;
    if (r.type == RelationType::kRefersTo && !plain_citations) continue;
    Relation rel;
    rel.type = r.type;
    rel.target = MakeDocId(r.target.issuers, r.target.year, r.target.number);
    if (own_doc_id && rel.target == *own_doc_id) continue;
    rel.until = r.until;
    bool duplicate = std::any_of(out.begin(), out.end(), [&](const Relation& o) {
      return o.type == rel.type && o.target == rel.target && o.until == rel.until;
    });
    if (duplicate) continue;
    rel.evidence = tv.EvidenceFor(r.begin, r.end);
    out.push_back(std::move(rel));
  }
  std::erase_if(out, [&](const Relation& r) {
    return !r.until && std::any_of(out.begin(), out.end(), [&](const Relation& o) {
             return o.until && o.type == r.type && o.target == r.target;
           });
  });
  std::set<std::string> acted_on;
  for (const Relation& r : out)
    if (r.type != RelationType::kRefersTo) acted_on.insert(r.target);
  std::erase_if(out, [&](const Relation& r) {
    return r.type == RelationType::kRefersTo && acted_on.count(r.target) > 0;
  });
  return out;
}

Announcement BuildAnnouncement(const NormalizedText& text, Lang lang) {
  const LanguageRules* rules = RulesFor(lang);
  if (!rules) std::abort();  // precondition: a language with rules
  const std::optional<NormalizedText> prepared = rules->prepare(text);
  const TextView tv(prepared ? *prepared : text);

  Announcement a;
  a.parser_version = kParserVersion;
  a.lang = lang;
  const TextReadings readings = rules->read_text(tv);
  const HeaderReading header = rules->read_header(tv, readings);
  AssembleHeader(header, a);
  a.effective = AssembleEffective(tv, rules->read_effective(tv, readings, header), a.published);
  ItemList items = BuildItemList(tv, rules->read_list(tv), rules->elements_in);
  a.items = std::move(items.items);
  for (auto& w : items.warnings) a.warnings.push_back(std::move(w));
  a.relations =
      AssembleRelations(tv, rules->read_relations(tv, readings, header), header, a.doc_id);
  return a;
}

}  // namespace regdiff::parsers
