// An announcement's standing on a date, as the pages of `regdiff serve` show
// and filter it (status=): read from the states of the items and parties it
// lists on that date (the consolidated state, tools/timeline_query.h
// StatesOn), as `asof` and `query` read them.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "corpus/status.h"
#include "corpus/store.h"
#include "corpus/timeline.h"

namespace regdiff::tools::web {

enum class DocStatus { kInForce, kSuspended, kNotYetInForce, kRepealed, kSuperseded };

// "in_force", "suspended", "not_yet_in_force", "repealed", "superseded".
std::string_view DocStatusName(DocStatus status);
std::optional<DocStatus> DocStatusFromName(std::string_view name);
// For people: "in force", "not yet in force", ...
std::string_view DocStatusLabel(DocStatus status);
// Every status, in DocStatusName's order.
const std::vector<DocStatus>& AllDocStatuses();

// The standing of `a` on `date`, given the statuses that day of the items
// and parties it governs (those whose listing it is):
//   - published after `date`: not yet in force;
//   - governing any: the strongest of theirs, in force before suspended
//     before not yet in force before repealed (an item repealed or a party
//     removed);
//   - with neither a publication nor an effective date: unknown (nullopt;
//     the timeline cannot place it either);
//   - governing none though it lists items or adds parties: superseded
//     (later listings of the same codes or parties govern them);
//   - listing nothing (it suspends, resumes or repeals others, or removes
//     parties): in force from its effective date, not yet in force before.
std::optional<DocStatus> StatusOf(const Announcement& a, const Date& date, const std::vector<ItemStatus>& items,
                   const std::vector<PartyStatus>& parties);

// What announcements govern on a date: the statuses of the items and
// parties whose listing each is (listed_by), by doc_id.
struct Governed {
  std::map<std::string, std::vector<ItemStatus>> items;
  std::map<std::string, std::vector<PartyStatus>> parties;
};

// What the announcements `doc_ids` govern on `date` (through the index on
// listings: a read per announcement), or every announcement when nullopt
// (one read of all the day's states). Errors: the store's.
Result<Governed> GovernedOn(AnnouncementStore& store, const Date& date,
                            const std::optional<std::set<std::string>>& doc_ids);

// StatusOf `a` with what it governs, read from `governed`.
std::optional<DocStatus> StatusOf(const Announcement& a, const Date& date,
                                  const Governed& governed);

// Adds to `out` the standing on `date` of each announcement of `texts` it
// does not hold yet: StatusOf its first text that has one (texts of one
// announcement share a doc_id and a standing).
void AddStatuses(const std::vector<const Announcement*>& texts, const Date& date,
                 const Governed& governed, std::map<std::string, DocStatus>* out);

// StatusOf on `date` for each of `docs` that has a doc_id and a known
// status, by doc_id (texts of one announcement share one; the first text
// with a status gives it). Errors: the store's.
Result<std::map<std::string, DocStatus>> StatusesOn(AnnouncementStore& store, const Date& date,
                                                    const std::vector<const Announcement*>& docs);

}  // namespace regdiff::tools::web
