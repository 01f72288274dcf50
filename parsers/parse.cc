// Language dispatch for the parsers.
#include "parsers/parse.h"

#include "parsers/lang_detect.h"
#include "parsers/zh_parser.h"

namespace regdiff::parsers {

bool HasAnnouncementFacts(const Announcement& a) {
  return a.number.has_value() || !a.items.empty() || !a.effective.empty() ||
         !a.relations.empty();
}

Result<Announcement> ParseAnnouncement(const NormalizedText& text) {
  Lang lang = DetectLang(text);
  if (lang == Lang::kEn) {
    return Status::Unsupported("English announcements are not parsed yet");
  }
  if (lang == Lang::kUnknown) {
    return Status::NotAnnouncement("the text has no Chinese or English content");
  }
  Announcement a = ParseZhAnnouncement(text);
  if (!HasAnnouncementFacts(a)) {
    return Status::NotAnnouncement(
        "no announcement number, item list, effective clause or relation found");
  }
  return a;
}

}  // namespace regdiff::parsers
