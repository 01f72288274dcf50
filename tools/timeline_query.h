// What `asof`, `timeline`, `query`, `export` and `diff` share: loading the
// timeline from the store as known at a time, reading dates from the command
// line, and filtering items by element, control code or HS code.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/timeline.h"
#include "tools/cli_context.h"

namespace regdiff::tools {

// "2025-11-09" -> Date. Errors: kInvalidArgument naming the flag.
Result<Date> ParseDateArg(const std::string& text, const std::string& flag);

// --known-at: "2026-11-27" (end of that day), "2026-11-27T06:00" (end of
// that minute), "2026-11-27T06:00:00Z" -> a UTC time as the store writes
// retrieval times ("2026-11-27T06:00:00Z"); "" (not given) -> nullopt.
// Errors: kInvalidArgument naming the flag.
Result<std::optional<std::string>> ParseKnownAt(const std::string& text);

// Builds the timeline from the newest stored version of every source, as the
// store knew them at `known_at` (nullopt: now), each loaded with `detail`.
// `visit`, when given, sees every stored document before its announcement
// joins the timeline.
Result<Timeline> LoadTimeline(
    AnnouncementStore& store, const std::optional<std::string>& known_at,
    DocumentDetail detail = DocumentDetail::kForTimeline,
    const std::function<void(const StoredDocument&)>& visit = {});

// LoadTimeline on the store at ctx.db_path.
Result<Timeline> LoadTimeline(const CommandContext& ctx,
                              const std::optional<std::string>& known_at);

struct ItemFilter;

// The timeline of every stored text (newest versions) of the announcements
// `doc_ids` and of those whose relations name one of them.
Result<Timeline> LoadTimelineOf(AnnouncementStore& store, const std::set<std::string>& doc_ids);

// The timeline of only the announcements the history of the items matching
// `filter` rests on: every text of the announcements listing such an item,
// and of those whose relations name them. Its events that match `filter`
// are those of the timeline of every stored text (Timeline's events of an
// item come from its listings and the relations naming their announcement).
Result<Timeline> LoadItemTimeline(AnnouncementStore& store, const ItemFilter& filter);

// The same for the party with match key `key`: every text of the
// announcements naming it under any key it is paired with (closed over those
// pairs, as Timeline joins a party's listings), and of those whose relations
// name them. Its PartyHistory(key) is that of every stored text.
Result<Timeline> LoadPartyTimeline(AnnouncementStore& store, const std::string& key);

struct ItemFilter {
  std::string element;  // symbol, "Ho" (ResolveFilter turns 钬, 鈥, holmium into it)
  std::string code;     // "1C909" matches 1C909, 1C909.a, 1C909.a.1
  std::string hs;       // digits; matches codes it is a prefix of, or that prefix it
  bool empty() const { return element.empty() && code.empty() && hs.empty(); }
};

// Checks a filter's values and writes the element as its symbol (the user
// may name it 钬, 鈥, holmium or ho). Errors: kInvalidArgument (no
// controlled element of that name, HS code that is not 4-10 digits).
Status ResolveFilter(ItemFilter& filter);

bool Matches(const ItemFilter& filter, const std::optional<std::string>& code,
             const std::vector<std::string>& elements, const std::vector<std::string>& hs_codes);

// What asof and query read: the items matching a filter and the parties, in
// force or not, on one date.
struct StatesOnDate {
  std::vector<ItemState> items;  // AsOf's order
  std::vector<PartyState> parties;  // PartiesAsOf's order
};

// The states on `date` (items when `items`, parties when `parties`): from the
// consolidated state the store keeps, an indexed read, when it is current and
// `known_at` is not given; else from the timeline rebuilt. Both give the same.
Result<StatesOnDate> StatesOn(AnnouncementStore& store, const Date& date,
                              const std::optional<std::string>& known_at,
                              const ItemFilter& filter, bool items, bool parties);

// StatesOn(date) of only the items and parties whose listing is one of
// `doc_ids` (listed_by): what those announcements govern that day. From the
// consolidated state through its index on listings when it is current (a
// read per announcement, not of every state); else StatesOn's, narrowed.
Result<StatesOnDate> StatesListedByOn(AnnouncementStore& store, const Date& date,
                                      const std::set<std::string>& doc_ids);

// StatesOn for an answer written as it is read: the parties (when
// `parties`) are read first and returned; then, when `items`, `visit` sees
// each matching item state in turn (the reference is valid during the call
// only). An error after the first visit leaves the answer part-written.
Result<std::vector<PartyState>> VisitStatesOn(AnnouncementStore& store, const Date& date,
                                              const std::optional<std::string>& known_at,
                                              const ItemFilter& filter, bool items, bool parties,
                                              const std::function<void(const ItemState&)>& visit);

}  // namespace regdiff::tools
