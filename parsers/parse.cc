// Language dispatch for the parsers, and the split of bilingual texts.
#include "parsers/parse.h"

#include "parsers/en_parser.h"
#include "parsers/lang_detect.h"
#include "parsers/zh_parser.h"

namespace regdiff::parsers {
namespace {

// Re-reads every evidence text from `original` by its offsets: a half of a
// bilingual text has the other language blanked, and a span may cross a
// blanked line.
void RebaseEvidence(Announcement& a, const NormalizedText& original) {
  auto fix = [&](Evidence& e) {
    if (e.end <= original.text.size() && e.begin <= e.end)
      e = MakeEvidence(original.text, e.begin, e.end);
  };
  fix(a.number_evidence);
  fix(a.title_evidence);
  fix(a.published_evidence);
  for (auto& c : a.effective) fix(c.evidence);
  for (auto& item : a.items) {
    fix(item.evidence);
    fix(item.hs_evidence);
  }
  for (auto& r : a.relations) fix(r.evidence);
}

Announcement ParseMonolingual(const NormalizedText& text, Lang lang) {
  return lang == Lang::kEn ? ParseEnAnnouncement(text) : ParseZhAnnouncement(text);
}

}  // namespace

bool HasAnnouncementFacts(const Announcement& a) {
  return a.number.has_value() || !a.items.empty() || !a.effective.empty() ||
         !a.relations.empty();
}

Result<Announcement> ParseAnnouncement(const NormalizedText& text) {
  if (IsBilingual(text)) {
    std::vector<Announcement> records = ParseAnnouncements(text);
    if (!records.empty()) return records.front();
  } else {
    Lang lang = DetectLang(text);
    if (lang == Lang::kUnknown) {
      return Status::NotAnnouncement("the text has no Chinese or English content");
    }
    Announcement a = ParseMonolingual(text, lang);
    if (HasAnnouncementFacts(a)) return a;
  }
  return Status::NotAnnouncement(
      "no announcement number, item list, effective clause or relation found");
}

std::vector<Announcement> ParseAnnouncements(const NormalizedText& text) {
  std::vector<Announcement> out;
  if (!IsBilingual(text)) {
    Result<Announcement> a = ParseAnnouncement(text);
    if (a.ok()) out.push_back(std::move(*a));
    return out;
  }
  BilingualParts parts = SplitBilingual(text);
  for (Announcement a : {ParseZhAnnouncement(parts.zh), ParseEnAnnouncement(parts.en)}) {
    if (!HasAnnouncementFacts(a)) continue;
    RebaseEvidence(a, text);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace regdiff::parsers
