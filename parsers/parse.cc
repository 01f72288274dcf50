// Language dispatch for the parsers, and the split of bilingual texts.
#include "parsers/parse.h"

#include <string>
#include <utility>
#include <vector>

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
  for (auto& p : a.parties) fix(p.evidence);
}

Announcement ParseMonolingual(const NormalizedText& text, Lang lang) {
  return lang == Lang::kEn ? ParseEnAnnouncement(text) : ParseZhAnnouncement(text, lang);
}

// The named limits on one record.
Status CheckLimits(const Announcement& a) {
  if (a.items.size() > kMaxItemsPerDocument) {
    return Status::TooLarge("the text lists " + std::to_string(a.items.size()) +
                            " items, over the limit of " +
                            std::to_string(kMaxItemsPerDocument) + " per document");
  }
  return Status::Ok();
}

// The records of a bilingual text, Chinese first, into `out`. A record past
// a limit refuses the whole text: `out` is left empty and the error returned.
Status ParseBilingual(const NormalizedText& text, std::vector<Announcement>& out) {
  BilingualParts parts = SplitBilingual(text);
  for (Announcement a : {ParseZhAnnouncement(parts.zh), ParseEnAnnouncement(parts.en)}) {
    if (!HasAnnouncementFacts(a)) continue;
    if (Status s = CheckLimits(a); !s.ok()) {
      out.clear();
      return s;
    }
    RebaseEvidence(a, text);
    out.push_back(std::move(a));
  }
  return Status::Ok();
}

// ParseAnnouncement, given whether the text IsBilingual (the callers need
// to know first, and counting takes a pass over the text).
Result<Announcement> ParseRecord(const NormalizedText& text, bool bilingual) {
  if (bilingual) {
    std::vector<Announcement> records;
    if (Status s = ParseBilingual(text, records); !s.ok()) return s;
    if (!records.empty()) return std::move(records.front());
  } else {
    Lang lang = DetectLang(text);
    if (lang == Lang::kUnknown) {
      return Status::NotAnnouncement("the text has no Chinese or English content");
    }
    Announcement a = ParseMonolingual(text, lang);
    if (HasAnnouncementFacts(a)) {
      if (Status s = CheckLimits(a); !s.ok()) return s;
      return a;
    }
  }
  return Status::NotAnnouncement(
      "no announcement number, item list, effective clause, relation or party found");
}

}  // namespace

bool HasAnnouncementFacts(const Announcement& a) {
  return a.number.has_value() || !a.items.empty() || !a.effective.empty() ||
         !a.relations.empty() || !a.parties.empty();
}

Result<Announcement> ParseAnnouncement(const NormalizedText& text) {
  return ParseRecord(text, IsBilingual(text));
}

std::vector<Announcement> ParseAnnouncements(const NormalizedText& text) {
  std::vector<Announcement> out;
  if (!IsBilingual(text)) {
    Result<Announcement> a = ParseRecord(text, false);
    if (a.ok()) out.push_back(std::move(*a));
    return out;
  }
  (void)ParseBilingual(text, out);  // empty on error: ParseAnnouncement says why
  return out;
}

}  // namespace regdiff::parsers
