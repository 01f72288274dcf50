// Assembles the Chinese parser's parts into an Announcement.
#include "parsers/zh_parser.h"

#include "corpus/issuers.h"
#include "parsers/lang_detect.h"
#include "parsers/parse.h"
#include "parsers/text_view.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_parties.h"
#include "parsers/zh_parts.h"

namespace regdiff::parsers {

ZhReadings ReadZhText(const TextView& tv) {
  return {FindZhAnnouncementRefs(tv.view()), ZhChromeLines(tv)};
}

Announcement ParseZhAnnouncement(const NormalizedText& text) {
  return ParseZhAnnouncement(text, DetectLang(text));
}

Announcement ParseZhAnnouncement(const NormalizedText& text, Lang lang) {
  TextView tv(text);
  Announcement a;
  a.parser_version = kParserVersion;
  a.lang = lang == Lang::kZhHant ? Lang::kZhHant : Lang::kZh;

  const ZhReadings readings = ReadZhText(tv);
  ZhHeader h = ParseZhHeader(tv, readings);
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

  a.effective = ParseZhEffective(tv, h.published, readings);
  ZhItems items = ParseZhItems(tv);
  a.items = std::move(items.items);
  for (auto& w : items.warnings) a.warnings.push_back(std::move(w));
  a.relations = ParseZhRelations(tv, readings, a.doc_id, h.number_begin, h.number_end);
  ZhParties parties = ReadZhParties(tv, a.doc_id, h.number_begin, h.number_end);
  a.parties = std::move(parties.parties);
  for (auto& w : parties.warnings) a.warnings.push_back(std::move(w));
  return a;
}

}  // namespace regdiff::parsers
