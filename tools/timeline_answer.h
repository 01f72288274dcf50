// A timeline as `regdiff timeline WHAT` answers it: the dated events of the
// items matching an element, control code or HS code, or else the history of
// a party on MOFCOM's lists. Shared by `timeline` and `serve` (the /timeline
// page), so both give the same events to the same question.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/store.h"
#include "corpus/timeline.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {

struct TimelineQuestion {
  ItemFilter filter;  // resolved (ResolveFilter); empty: no item asked about
  std::string party;  // a party's name, asked about when no item event matches; "" none
  std::optional<std::string> known_at;  // ParseKnownAt's; nullopt: as known now
};

struct TimelineAnswer {
  std::vector<TimelineEvent> items;  // Timeline::Events' order; empty when about a party
  std::string party_key;             // QueryNameKey(party) when the answer is a party's
  std::vector<PartyEvent> parties;   // PartyHistory(party_key)
};

// The filter `regdiff timeline WHAT` reads WHAT as: an element (Ho, 钬, 鈥,
// holmium), an HS code (digits) or a control code. Unresolved.
ItemFilter TimelineFilterFor(const std::string& what);

// The events of the items matching `question.filter`; when none (or no
// filter), the history of the party `question.party`. Errors: kNotFound when
// neither has an event ("no stored announcement concerns 'WHAT'", WHAT the
// party's name, else the filter's value), kDatabase.
Result<TimelineAnswer> AnswerTimeline(AnnouncementStore& store, const TimelineQuestion& question);

}  // namespace regdiff::tools
