// AnswerTimeline: the events behind `regdiff timeline` and the /timeline page.
#include "tools/timeline_answer.h"

#include <algorithm>
#include <cctype>

#include "corpus/elements.h"
#include "tools/party_screening.h"

namespace regdiff::tools {

ItemFilter TimelineFilterFor(const std::string& what) {
  ItemFilter f;
  if (const ElementEntry* e = FindElement(what)) {
    f.element = std::string(e->symbol);
  } else if (!what.empty() && std::all_of(what.begin(), what.end(), [](unsigned char c) {
               return std::isdigit(c) != 0;
             })) {
    f.hs = what;
  } else {
    f.code = what;
  }
  return f;
}

Result<TimelineAnswer> AnswerTimeline(AnnouncementStore& store, const TimelineQuestion& question) {
  TimelineAnswer answer;
  // As known now, from the texts the answer rests on; as known at a time,
  // from every text as the store then held them (loaded once for both).
  std::optional<Timeline> whole;
  if (question.known_at) {
    auto all = LoadTimeline(store, question.known_at);
    if (!all.ok()) return all.status();
    whole.emplace(std::move(all).value());
  }
  if (!question.filter.empty()) {
    Result<Timeline> own = whole ? Result<Timeline>(Timeline()) : LoadItemTimeline(store, question.filter);
    if (!own.ok()) return own.status();
    for (const TimelineEvent& e : (whole ? *whole : *own).Events())
      if (Matches(question.filter, e.code, e.elements, e.hs_codes)) answer.items.push_back(e);
    if (!answer.items.empty()) return answer;
  }
  if (!question.party.empty()) {
    answer.party_key = QueryNameKey(question.party);
    Result<Timeline> own =
        whole ? Result<Timeline>(Timeline()) : LoadPartyTimeline(store, answer.party_key);
    if (!own.ok()) return own.status();
    answer.parties = (whole ? *whole : *own).PartyHistory(answer.party_key);
    if (!answer.parties.empty()) return answer;
  }
  std::string what = question.party;
  if (what.empty()) {
    what = !question.filter.code.empty() ? question.filter.code
           : !question.filter.hs.empty() ? question.filter.hs
                                         : question.filter.element;
  }
  return Status::NotFound("no stored announcement concerns '" + what + "'");
}

}  // namespace regdiff::tools
