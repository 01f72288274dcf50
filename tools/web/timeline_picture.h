// The picture of a timeline on the /timeline page: one bar per control code
// (or per list a party is on) over a time axis with the years or months,
// coloured by state (controlled, suspended, ended), each event a mark with
// a <title> tooltip, the events' dates labelled above the plot. Inline SVG,
// every text in it escaped. RowsFor* are pure, so tests can check them.
//
// Hooks: svg#timeline-picture; g.row[data-key]; rect.bar[data-key]
// [data-state=controlled|suspended|ended][data-from][data-until] (data-until
// absent when open-ended); circle.event[data-key][data-kind][data-date];
// text.tick-label; text.date-label; line.today.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/date.h"
#include "corpus/timeline.h"

namespace regdiff::tools::web {

enum class BarState { kControlled, kSuspended, kEnded };
const char* BarStateName(BarState state);  // "controlled", "suspended", "ended"

struct BarSpan {
  Date from;
  std::optional<Date> until;  // the last day; nullopt: open-ended
  BarState state = BarState::kControlled;
};

struct PictureMark {
  Date date;
  std::string kind;    // EventKindName / PartyEventKindName
  std::string doc_id;  // the announcement causing it
  bool inferred = false;
};

struct PictureRow {
  std::string key;    // the control code (ItemState::key when uncoded), or the list
  std::string label;  // shown left of the bar
  std::vector<BarSpan> spans;  // in date order, contiguous
  std::vector<PictureMark> marks;
};

// One row per item key, in the order of first appearance, from events in
// date order. A bar from the day it enters control: suspended while a
// suspension runs (from its start, which may precede the entry, to its end
// or a resumption), ended from a repeal, controlled else; no bar before it
// enters. Several events on one day: the state after the last one holds.
std::vector<PictureRow> RowsForItems(const std::vector<TimelineEvent>& events);

// The same for a party: one row per list it is on, a bar from its listing
// (suspended while suspended, ended from a removal, a new listing after a
// removal controlled again).
std::vector<PictureRow> RowsForParty(const std::vector<PartyEvent>& events);

// The <svg id="timeline-picture"> for `rows` (none: ""); with `today`, the
// axis reaches it too and a line.today marks it.
std::string TimelinePicture(const std::vector<PictureRow>& rows, const std::string& title,
                            std::optional<Date> today = std::nullopt);

}  // namespace regdiff::tools::web
