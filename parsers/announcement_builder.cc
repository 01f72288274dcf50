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
#include "parsers/explanation.h"
#include "parsers/item_tree.h"
#include "parsers/language_rules.h"
#include "parsers/parse.h"
#include "parsers/party_key.h"
#include "parsers/text_view.h"
#include "parsers/zh_simplified.h"

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

// A text that names no announcement as its own (a news summary of several)
// is about the one whose line states an effective clause after it, or
// introduces the item list with a colon: "The MOFCOM and GAC Announcement
// No. 57 of 2025, issued on October 9, adds five more elements …, effective
// from November 8, 2025:". Taken only when exactly one announcement fits.
void ResolveSubject(const TextView& tv, const TextReadings& readings,
                    const std::vector<ClauseReading>& clauses, const ListReading& list,
                    HeaderReading& h) {
  if (h.number) return;
  size_t first_item = list.lines.size();
  for (size_t i = 0; i < list.lines.size(); ++i) {
    if (list.lines[i].code || !list.lines[i].hs.empty()) {
      first_item = i;
      break;
    }
  }
  const std::vector<Mention>& mentions = readings.mentions;
  auto mention_between = [&](size_t b, size_t e) {
    return std::any_of(mentions.begin(), mentions.end(),
                       [&](const Mention& m) { return m.keyword >= b && m.keyword < e; });
  };
  const Mention* subject = nullptr;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    const bool in_list = m.continuation ||
                         (i + 1 < mentions.size() && mentions[i + 1].group == m.group);
    if (in_list || m.issuers.empty() || m.issuers_incomplete) continue;
    const size_t line = tv.LineOf(m.keyword);
    if (readings.chrome[line]) continue;
    const bool states_clause = std::any_of(clauses.begin(), clauses.end(), [&](const auto& c) {
      return tv.LineOf(c.begin) == line && c.begin >= m.group_end &&
             !mention_between(m.group_end, c.begin);
    });
    std::string_view text = tv.line(line);
    const size_t last = text.find_last_not_of(" \t");
    size_t next = line + 1;
    while (next < list.lines.size() && tv.line(next).find_first_not_of(" \t") == std::string_view::npos)
      ++next;
    const bool introduces_list = last != std::string_view::npos && text[last] == ':' &&
                                 next == first_item && !mention_between(m.group_end,
                                                                        tv.lines()[line].end);
    if (!states_clause && !introduces_list) continue;
    if (subject && (subject->year != m.year || subject->number != m.number ||
                    subject->issuers != m.issuers))
      return;  // two announcements fit: none is taken
    subject = subject ? subject : &m;
  }
  if (!subject) return;
  h.own_from = OwnNumberFrom::kProse;
  h.number_rule =
      "a summary of several announcements: the one whose line states its effective date or "
      "introduces its item list";
  h.issuers = subject->issuers;
  h.year = subject->year;
  h.number = subject->number;
  h.number_begin = subject->begin;
  h.number_end = subject->group_end;
  h.number_evidence = tv.EvidenceFor(subject->begin, subject->group_end);
}

// The header's facts and the mentions not taken for the own number.
void ExplainHeader(const TextView& tv, const TextReadings& readings, const HeaderReading& h,
                   const std::vector<RelationReading>& relations, const Announcement& a,
                   Explanation& explain) {
  if (a.doc_id) {
    explain.entries.push_back({"doc_id", *a.doc_id, true, h.number_rule, "", a.number_evidence});
  } else if (h.number) {
    explain.entries.push_back({"doc_id", "(number " + std::to_string(*h.number) + ")", false,
                               h.number_rule, "its issuers are not named", a.number_evidence});
  }
  if (a.published) {
    explain.entries.push_back(
        {"published", a.published->ToIso(), true, h.published_rule, "", a.published_evidence});
  }
  const std::vector<Mention>& mentions = readings.mentions;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.keyword >= h.number_begin && m.keyword < h.number_end) continue;  // the own one
    const std::string id = m.issuers.empty() ? "(number " + std::to_string(m.number) + " of " +
                                                   std::to_string(m.year) + ")"
                                             : MakeDocId(m.issuers, m.year, m.number);
    const bool in_list =
        m.continuation || (i + 1 < mentions.size() && mentions[i + 1].group == m.group);
    const bool acted_on = std::any_of(relations.begin(), relations.end(), [&](const auto& r) {
      return r.target.keyword == m.keyword && r.type != RelationType::kRefersTo;
    });
    const char* why = readings.chrome[tv.LineOf(m.keyword)] ? "it stands in a block of links to other pages"
                      : acted_on ? "the text acts on it (a relation verb)"
                      : in_list  ? "it is one of a list of numbers"
                                 : "it is cited, not stated as the text's own number";
    explain.entries.push_back({"mention", id, false, "not the text's own number", why,
                               tv.EvidenceFor(m.begin, std::max(m.end, m.begin))});
  }
}

}  // namespace

std::vector<EffectiveClause> AssembleEffective(const TextView& tv,
                                               std::vector<ClauseReading> found,
                                               const std::optional<Date>& published,
                                               Explanation* explain) {
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
    if (explain) {
      std::string value = (c.date ? c.date->ToIso() : std::string("(no date)")) +
                          (c.on_publication ? " on publication" : "") + " (" + c.applies_to + ")";
      explain->entries.push_back({"effective", std::move(value), !duplicate, f.rule,
                                  duplicate ? "states again a clause read before" : "",
                                  c.evidence});
    }
    if (!duplicate) out.push_back(std::move(c));
  }
  return out;
}

std::vector<Relation> AssembleRelations(const TextView& tv,
                                        const std::vector<RelationReading>& found,
                                        const HeaderReading& header,
                                        const std::optional<std::string>& own_doc_id,
                                        Explanation* explain) {
  // The document under a shorter list of its issuers.
  auto is_self = [&](const Mention& m) {
    return header.year == m.year && header.number == m.number &&
           std::all_of(m.issuers.begin(), m.issuers.end(), [&](const std::string& code) {
             return std::find(header.issuers.begin(), header.issuers.end(), code) !=
                    header.issuers.end();
           });
  };
  auto describe = [](RelationType type, const std::string& target, const std::optional<Date>& until) {
    return std::string(RelationTypeName(type)) + " " + target +
           (until ? " until " + until->ToIso() : std::string());
  };
  auto passed_over = [&](const RelationReading& r, const std::string& target, const char* why) {
    if (!explain) return;
    explain->entries.push_back({"relation", describe(r.type, target, r.until), false, r.rule, why,
                                tv.EvidenceFor(r.begin, r.end)});
  };
  const bool plain_citations = header.own_from == OwnNumberFrom::kHeader;
  std::vector<Relation> out;
  std::vector<std::string> rules;  // the rule of each relation of `out`
  for (const RelationReading& r : found) {
    const std::string target = r.target.issuers.empty()
                                   ? "(issuers unknown)"
                                   : MakeDocId(r.target.issuers, r.target.year, r.target.number);
    if (r.target.issuers.empty() || r.target.issuers_incomplete) {
      passed_over(r, target, "its issuers are not all named, so it has no doc_id");
      continue;
    }
    if (is_self(r.target) || (own_doc_id && target == *own_doc_id)) {
      passed_over(r, target, "it is the document itself");
      continue;
    }
    if (r.type == RelationType::kRefersTo && !plain_citations) {
      passed_over(r, target, "a text about the announcement (news, alert, summary) names it "
                             "without stating a relation");
      continue;
    }
    Relation rel;
    rel.type = r.type;
    rel.target = target;
    rel.until = r.until;
    bool duplicate = std::any_of(out.begin(), out.end(), [&](const Relation& o) {
      return o.type == rel.type && o.target == rel.target && o.until == rel.until;
    });
    if (duplicate) {
      passed_over(r, target, "states again a relation read before");
      continue;
    }
    rel.evidence = tv.EvidenceFor(r.begin, r.end);
    out.push_back(std::move(rel));
    rules.push_back(r.rule);
  }
  std::set<std::string> acted_on;
  for (const Relation& r : out)
    if (r.type != RelationType::kRefersTo) acted_on.insert(r.target);
  std::vector<Relation> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    const Relation& r = out[i];
    const bool untimed_repeat = !r.until && std::any_of(out.begin(), out.end(), [&](const Relation& o) {
      return o.until && o.type == r.type && o.target == r.target;
    });
    const bool plain_repeat = r.type == RelationType::kRefersTo && acted_on.count(r.target) > 0;
    if (explain) {
      const char* why = untimed_repeat ? "the text states the same relation with an end date"
                        : plain_repeat ? "a plain citation of an announcement the text acts on"
                                       : "";
      explain->entries.push_back({"relation", describe(r.type, r.target, r.until),
                                  !untimed_repeat && !plain_repeat, rules[i], why, r.evidence});
    }
    if (!untimed_repeat && !plain_repeat) kept.push_back(r);
  }
  return kept;
}

namespace {

// The view a language's readers read: a text without its matching view gets
// one first (parse.cc makes it), then the language's own preparation.
struct PreparedText {
  PreparedText(const NormalizedText& original, const LanguageRules& rules) {
    if (original.match.size() != original.text.size()) viewed = WithMatchingView(original);
    const NormalizedText& text = viewed ? *viewed : original;
    prepared = rules.prepare(text);
    view.emplace(prepared ? *prepared : text);
  }
  PreparedText(const PreparedText&) = delete;
  PreparedText& operator=(const PreparedText&) = delete;

  std::optional<NormalizedText> viewed, prepared;
  std::optional<TextView> view;  // of `prepared`, else `viewed`, else the original
};

}  // namespace

std::set<std::pair<int, int>> AnnouncementsNamedAtLineStarts(const NormalizedText& original,
                                                             Lang lang) {
  const LanguageRules* rules = RulesFor(lang);
  if (!rules) std::abort();  // precondition: a language with rules
  const PreparedText prepared(original, *rules);
  const TextView& tv = *prepared.view;
  std::set<std::pair<int, int>> named;
  for (const Mention& m : rules->read_text(tv).mentions) {
    if (m.continuation) continue;
    const size_t line = tv.LineOf(m.begin);
    const std::string_view before = tv.view().substr(tv.lines()[line].begin, m.begin - tv.lines()[line].begin);
    if (before.find_first_not_of(" \t") == std::string_view::npos) named.insert({m.year, m.number});
  }
  return named;
}

Announcement BuildAnnouncement(const NormalizedText& original, Lang lang, Explanation* explain) {
  const LanguageRules* rules = RulesFor(lang);
  if (!rules) std::abort();  // precondition: a language with rules
  const PreparedText prepared(original, *rules);
  const TextView& tv = *prepared.view;

  Announcement a;
  a.parser_version = kParserVersion;
  a.lang = lang;
  const TextReadings readings = rules->read_text(tv);
  HeaderReading header = rules->read_header(tv, readings);
  std::vector<ClauseReading> clauses = rules->read_effective(tv, readings, header);
  const ListReading list = rules->read_list(tv);
  ResolveSubject(tv, readings, clauses, list, header);
  AssembleHeader(header, a);
  const std::vector<RelationReading> relations = rules->read_relations(tv, readings, header);
  if (explain) ExplainHeader(tv, readings, header, relations, a, *explain);
  a.effective = AssembleEffective(tv, std::move(clauses), a.published, explain);
  ItemList items = BuildItemList(tv, list, rules->elements_in, explain);
  a.items = std::move(items.items);
  for (auto& w : items.warnings) a.warnings.push_back(std::move(w));
  a.relations = AssembleRelations(tv, relations, header, a.doc_id, explain);
  PartyReading parties = rules->read_parties(tv, readings, header);
  a.parties = std::move(parties.parties);
  for (Party& p : a.parties) SetPartyKeys(p);
  a.party_counts = std::move(parties.counts);
  for (auto& w : parties.warnings) a.warnings.push_back(std::move(w));
  if (explain) {
    for (const Party& p : a.parties)
      explain->entries.push_back({"party",
                                  std::string(PartyListName(p.list)) + " " +
                                      std::string(PartyActionName(p.action)) + " " + p.name,
                                  true, "a list name, its verb and the names it governs", "",
                                  p.evidence});
  }
  return a;
}

}  // namespace regdiff::parsers
