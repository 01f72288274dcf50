// One language's readers and the parser's back half run part by part over a
// text, the way BuildAnnouncement runs them, for the tests of one part: the
// header, the effective clauses, the item list, the relations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/model.h"
#include "corpus/text.h"
#include "parsers/announcement_builder.h"
#include "parsers/item_tree.h"
#include "parsers/lang_detect.h"
#include "parsers/language_rules.h"
#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers::testing {

class Parts {
 public:
  // `text` must outlive this.
  Parts(const NormalizedText& text, Lang lang)
      : rules_(*RulesFor(lang)),
        prepared_(rules_.prepare(text).value_or(text)),
        view_(prepared_),
        readings_(rules_.read_text(view_)) {}

  const TextView& view() const { return view_; }
  const TextReadings& readings() const { return readings_; }

  HeaderReading Header() const { return rules_.read_header(view_, readings_); }

  // The clauses, on-publication ones resolved to `published`; `own` gives
  // the document's own mention where a rule needs it.
  std::vector<EffectiveClause> Effective(std::optional<Date> published,
                                         const HeaderReading& own = {}) const {
    return AssembleEffective(view_, rules_.read_effective(view_, readings_, own), published);
  }

  ItemList Items() const { return BuildItemList(view_, rules_.read_list(view_), rules_.elements_in); }

  // The relations, without the mention at [own.number_begin, own.number_end)
  // and without `own_doc_id`. By default the text is taken for the
  // announcement itself (its plain citations kept).
  std::vector<Relation> Relations(const HeaderReading& own = OwnHeader(),
                                  const std::optional<std::string>& own_doc_id = std::nullopt) const {
    return AssembleRelations(view_, rules_.read_relations(view_, readings_, own), own,
                             own_doc_id);
  }

  // The parties, the document's own mention given by `own`.
  PartyReading Parties(const HeaderReading& own = {}) const {
    return rules_.read_parties(view_, readings_, own);
  }

  // A header of no number that marks the text as the announcement itself.
  static HeaderReading OwnHeader() {
    HeaderReading h;
    h.own_from = OwnNumberFrom::kHeader;
    return h;
  }

 private:
  const LanguageRules& rules_;
  NormalizedText prepared_;
  TextView view_;
  TextReadings readings_;
};

// The whole record of a Chinese text (Simplified or Traditional by its
// characters) or of an English one, as the parser builds it.
inline Announcement ZhAnnouncement(const NormalizedText& text) {
  return BuildAnnouncement(text, DetectLang(text) == Lang::kZhHant ? Lang::kZhHant : Lang::kZh);
}
inline Announcement EnAnnouncement(const NormalizedText& text) {
  return BuildAnnouncement(text, Lang::kEn);
}

}  // namespace regdiff::parsers::testing
