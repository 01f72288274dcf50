// Assembles the English parser's parts into an Announcement.
#include "parsers/en_parser.h"

#include "corpus/issuers.h"
#include "parsers/en_ocr_digits.h"
#include "parsers/en_parties.h"
#include "parsers/en_parts.h"
#include "parsers/en_unwrap.h"
#include "parsers/parse.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

Announcement ParseEnAnnouncement(const NormalizedText& text) {
  NormalizedText unwrapped = UnwrapEnglishLines(text);
  RepairOcrDigits(unwrapped.match);
  TextView tv(unwrapped);
  Announcement a;
  a.parser_version = kParserVersion;
  a.lang = Lang::kEn;

  EnHeader h = ParseEnHeader(tv);
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

  a.effective = ParseEnEffective(tv, h.published, h.number_begin, h.number_end);
  EnItems items = ParseEnItems(tv);
  a.items = std::move(items.items);
  for (auto& w : items.warnings) a.warnings.push_back(std::move(w));
  a.relations = ParseEnRelations(tv, a.doc_id, h.number_begin, h.number_end);
  EnParties parties = ReadEnParties(tv, a.doc_id, h.number_begin, h.number_end);
  a.parties = std::move(parties.parties);
  for (auto& w : parties.warnings) a.warnings.push_back(std::move(w));
  return a;
}

}  // namespace regdiff::parsers
