// Fuzz target bodies over parsers/: the input is taken as normalised text
// without its matching view (as ingest/ leaves it: the parser makes it),
// parsed, and every evidence span checked against the text it points into.
#include "tests/fuzz/parser_targets.h"

#include <string>
#include <string_view>

#include "corpus/model.h"
#include "corpus/text.h"
#include "parsers/dates.h"
#include "parsers/announcement_builder.h"
#include "parsers/parse.h"
#include "tests/fuzz/fuzz_check.h"

namespace regdiff::fuzz {
namespace {

NormalizedText TextOf(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  std::string s(reinterpret_cast<const char*>(data), size);
  return NormalizedText{s, ""};
}

void CheckEvidence(const Evidence& e, const std::string& text) {
  Check(e.begin <= e.end && e.end <= text.size(), "evidence outside the text");
  Check(e.text == std::string_view(text).substr(e.begin, e.end - e.begin),
        "evidence text is not the bytes it points at");
}

void CheckAnnouncement(const Announcement& a, const std::string& text) {
  CheckEvidence(a.number_evidence, text);
  CheckEvidence(a.title_evidence, text);
  CheckEvidence(a.published_evidence, text);
  if (a.published) Check(a.published->valid(), "invalid publication date");
  for (const EffectiveClause& c : a.effective) {
    CheckEvidence(c.evidence, text);
    if (c.date) Check(c.date->valid(), "invalid effective date");
  }
  for (const Item& item : a.items) {
    CheckEvidence(item.evidence, text);
    CheckEvidence(item.hs_evidence, text);
    for (const std::string& hs : item.hs_codes) {
      Check(!hs.empty() && hs.find_first_not_of("0123456789") == std::string::npos,
            "an HS code that is not digits");
    }
  }
  for (const Relation& r : a.relations) {
    CheckEvidence(r.evidence, text);
    Check(!r.target.empty(), "a relation without target");
    if (r.until) Check(r.until->valid(), "invalid until date");
  }
  for (const Party& p : a.parties) {
    CheckEvidence(p.evidence, text);
    Check(!p.name.empty(), "a party without a name");
  }
}

void CheckDispatch(const NormalizedText& text) {
  for (const Announcement& a : parsers::ParseAnnouncements(text)) {
    Check(parsers::HasAnnouncementFacts(a), "a record without announcement facts");
    CheckAnnouncement(a, text.text);
  }
}

}  // namespace

int FuzzZhParser(const uint8_t* data, size_t size) {
  NormalizedText text = TextOf(data, size);
  CheckAnnouncement(parsers::BuildAnnouncement(text, Lang::kZh), text.text);
  CheckDispatch(text);
  return 0;
}

int FuzzEnParser(const uint8_t* data, size_t size) {
  NormalizedText text = TextOf(data, size);
  Announcement a = parsers::BuildAnnouncement(text, Lang::kEn);
  Check(a.lang == Lang::kEn, "the English parser set another language");
  CheckAnnouncement(a, text.text);
  CheckDispatch(text);
  return 0;
}

int FuzzDates(const uint8_t* data, size_t size) {
  NormalizedText text = TextOf(data, size);
  std::string_view s = text.text;
  size_t last_end = 0;
  for (const parsers::DateMatch& m : parsers::FindDates(s)) {
    Check(m.begin < m.end && m.end <= s.size(), "date span outside the text");
    Check(m.begin >= last_end, "date matches overlap or are out of order");
    Check(m.date.valid(), "FindDates returned an impossible day");
    last_end = m.end;
    // A found date, cut out, is one date and nothing else.
    std::optional<Date> alone = parsers::ParseDate(s.substr(m.begin, m.end - m.begin));
    Check(alone.has_value() && *alone == m.date, "a found date does not parse alone");
  }
  if (std::optional<parsers::DateMatch> m = parsers::DateAtStart(s)) {
    Check(m->end <= s.size() && m->date.valid(), "DateAtStart out of bounds or invalid");
  }
  if (std::optional<Date> d = parsers::ParseDate(s)) Check(d->valid(), "ParseDate invalid day");
  return 0;
}

}  // namespace regdiff::fuzz
