// The timeline: the control list in force on any date, rebuilt from the
// announcements' own events. An item enters control on its effective date
// (per clause where parts of an announcement start on different dates); a
// suspension is a window with an end, not a removal; resumption, repeal and
// replacement end or close states; a later listing of the same control code
// supersedes an earlier one (amendment of names or HS codes).
//
// 至 ("until") is read as inclusive: "暂停实施至2026年11月10日" suspends through
// 2026-11-10, and control applies again from 2026-11-11. When a suspension
// ends by its stated date with no later announcement about it, the state
// after it is labelled inferred, never stated.
//
// Parties (organisations on MOFCOM's lists) follow the same rules: a party
// enters its list on the listing announcement's effective date; a later
// announcement removing the same party from the same list ends it; a
// suspension of the listing announcement suspends its parties for the window,
// and a resumption or repeal of it acts on them as on items. A party is the
// same across announcements when it is on the same list and a key of one
// (Party::key, Party::key_en) equals a key of the other.
//
// The result depends only on the set of announcements, never on the order in
// which they were ingested.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/model.h"

namespace regdiff {

enum class ItemStatus { kNotYetInForce, kInForce, kSuspended, kRepealed };
std::string_view ItemStatusName(ItemStatus status);  // "in_force", "suspended", ...

// How a status is known: stated by an announcement, or inferred because a
// stated suspension window ran out with no later announcement.
enum class Basis { kStated, kInferred };
std::string_view BasisName(Basis basis);  // "stated", "inferred"

// A suspension window of an item, as stated (until is inclusive).
struct SuspensionWindow {
  Date from;
  std::optional<Date> until;  // nullopt: open-ended, or ended by a resumption
  std::string by;             // doc_id of the suspending announcement

  bool operator==(const SuspensionWindow&) const = default;
};

// One controlled item on one date.
struct ItemState {
  std::string key;                  // control code, or "doc_id#position" when uncoded
  std::optional<std::string> code;  // control code
  std::string name;
  std::vector<std::string> elements;  // symbols
  std::vector<std::string> hs_codes;  // digits
  std::string listed_by;              // doc_id of the announcement listing it
  ItemStatus status = ItemStatus::kInForce;
  Basis basis = Basis::kStated;
  std::optional<Date> since;  // when the current status began
  std::optional<Date> until;  // last day of the current status, when known
  std::vector<std::string> governing;  // doc_ids that govern this status
  std::string evidence;                // the sentence that states it
  std::optional<Date> effective_from;   // the day the item enters control
  std::optional<Date> effective_until;  // the last day before its repeal, if repealed
  std::vector<SuspensionWindow> suspensions;  // every window stated for it, by start

  bool operator==(const ItemState&) const = default;
};

enum class EventKind { kEnters, kSuspended, kSuspensionEnds, kResumed, kRepealed };
std::string_view EventKindName(EventKind kind);  // "enters", "suspended", ...

// A dated change of one item's status.
struct TimelineEvent {
  Date date;
  EventKind kind = EventKind::kEnters;
  std::string key;  // as ItemState::key
  std::optional<std::string> code;
  std::vector<std::string> elements;
  std::vector<std::string> hs_codes;
  std::string doc_id;  // the announcement that causes it
  Basis basis = Basis::kStated;
  std::string evidence;
};

enum class PartyStatus { kNotYetInForce, kInForce, kSuspended, kRemoved };
std::string_view PartyStatusName(PartyStatus status);  // "in_force", "removed", ...

// One party on one list on one date.
struct PartyState {
  PartyList list = PartyList::kControlList;
  std::string key;     // Party::key of the listing (else key_en, else the name)
  std::string key_en;  // Party::key_en of the listing; "" when none
  std::string name;    // as printed in the listing text
  std::optional<std::string> name_en;
  std::optional<std::string> country;  // ISO 3166 alpha-2
  std::string listed_by;               // doc_id of the listing announcement
  std::optional<Date> since;           // the listing's effective date
  PartyStatus status = PartyStatus::kInForce;
  Basis basis = Basis::kStated;
  std::optional<Date> status_since;  // when the current status began
  std::optional<Date> status_until;  // last day of the current status, when known
  std::optional<Date> removed_from;  // the day a removal (or repeal) takes effect
  std::vector<SuspensionWindow> suspensions;  // stated by that date, by start
  std::vector<std::string> governing;  // doc_ids that govern this status, listing first
  std::string evidence;         // the line or sentence naming the party in the listing
  std::string status_evidence;  // the sentence that states the current status

  bool operator==(const PartyState&) const = default;
};

enum class PartyEventKind { kListed, kSuspended, kSuspensionEnds, kResumed, kRemoved };
std::string_view PartyEventKindName(PartyEventKind kind);  // "listed", "suspended", ...

// A dated change of one party's standing on one list.
struct PartyEvent {
  Date date;
  PartyEventKind kind = PartyEventKind::kListed;
  PartyList list = PartyList::kControlList;
  std::string key;   // as PartyState::key
  std::string name;  // as printed by the announcement listing (or removing) it
  std::optional<std::string> name_en;
  std::string doc_id;  // the announcement that causes it
  Basis basis = Basis::kStated;
  std::string evidence;
};

// A run of days over which the state of one item (or one party) stays the
// same: the consolidated state, which the store keeps so that a read on a
// date need not rebuild the timeline. The states of the stretches holding a
// date, in stretch order, are AsOf (PartiesAsOf) of that date.
struct ItemStretch {
  Date from;
  std::optional<Date> until;  // the last day; nullopt: open-ended
  ItemState state;
  bool Holds(const Date& d) const { return from <= d && (!until || d <= *until); }
};

struct PartyStretch {
  Date from;
  std::optional<Date> until;  // the last day; nullopt: open-ended
  PartyState state;
  bool Holds(const Date& d) const { return from <= d && (!until || d <= *until); }
};

// Move-only: listings point into the owned announcements.
class Timeline {
 public:
  Timeline() = default;
  Timeline(Timeline&&) = default;
  Timeline& operator=(Timeline&&) = default;
  Timeline(const Timeline&) = delete;
  Timeline& operator=(const Timeline&) = delete;

  // Builds the timeline. Texts with the same doc_id (a Chinese original and a
  // translation, copies) are merged, the Chinese text first. Texts without a
  // doc_id take part only through their relations.
  static Timeline Build(std::vector<Announcement> announcements);

  // Every item listed by an announcement published on or before `date`, with
  // its status that day, ordered by control code (uncoded items last).
  std::vector<ItemState> AsOf(const Date& date) const;

  // Every event, ordered by date, then key, then kind. Built on the first
  // call (thread-safe), since most uses (asof, export) need none: each event
  // copies its item's codes and evidence, which at archive scale costs more
  // than the rest of Build.
  const std::vector<TimelineEvent>& Events() const;

  // The dates of Events(), ascending, each once; without building them.
  std::vector<Date> EventDates() const;

  // Every party listed by an announcement published on or before `date`,
  // with its status that day, ordered by list, then key. A party listed more
  // than once on one list appears once: in force (latest listing) before
  // suspended before not yet in force before removed.
  std::vector<PartyState> PartiesAsOf(const Date& date) const;

  // The history of every party one of whose keys (Party::key, key_en, on any
  // list) is `key`: listings, suspensions and their ends, removals, ordered
  // by date, then list, then kind. A removal of a party no stored
  // announcement listed is an event too. Empty when no party has the key.
  std::vector<PartyEvent> PartyHistory(std::string_view key) const;

  // Every item's states over time: per key, in the order AsOf gives keys,
  // the stretches from the first day the key is known, each as long as the
  // state stays the same (the last one open-ended). A state can change only
  // on a day one of the key's own dates names (publication, entry, a window's
  // start or the day after its end, a repeal, a later mention), so each key
  // is weighed on those days alone.
  std::vector<ItemStretch> ItemStretches() const;
  // The same, one at a time: the store keeps them as they come, never all at
  // once in memory. With `want`, only the stretches of the keys it accepts
  // (the others are not weighed at all).
  void VisitItemStretches(const std::function<void(const ItemStretch&)>& visit,
                          const std::function<bool(const std::string& key)>& want = {}) const;

  // EventDates() per listing announcement: each date an event of one of its
  // items falls on, with that announcement's doc_id (a date may come more
  // than once). Those of the announcements `want` accepts, when given.
  void VisitEventDates(
      const std::function<void(const std::string& doc_id, const Date& date)>& visit,
      const std::function<bool(const std::string& doc_id)>& want = {}) const;

  // The same for parties, per identity; the states of the stretches holding
  // a date, put in order by SortPartyStates, are PartiesAsOf of that date.
  std::vector<PartyStretch> PartyStretches() const;
  void VisitPartyStretches(const std::function<void(const PartyStretch&)>& visit) const;

  // PartiesAsOf's order: by list, then key, then listing announcement; else
  // as given.
  static void SortPartyStates(std::vector<PartyState>& states);

  // The announcements taken into account, by doc_id.
  const std::vector<Announcement>& Announcements() const { return docs_; }

 private:
  struct Window {
    Date begin;
    std::optional<Date> end;  // inclusive; nullopt when open-ended
    bool ended_by_stated_date = false;  // end comes from "until", not a resumption
    std::string ended_by;               // doc_id of the resuming announcement, if any
    std::string ended_evidence;         // the resuming sentence, if any
    std::string doc_id;
    std::string evidence;
    bool Holds(const Date& date) const { return begin <= date && (!end || date <= *end); }
  };
  // The dated course of one listing, of an item or of a party: its entry,
  // its suspension windows and its end (repeal, replacement, removal).
  struct Course {
    std::optional<Date> enters;  // nullopt when no date could be resolved
    const std::string* enters_evidence = nullptr;  // into docs_: never null once built
    std::vector<Window> windows;
    std::optional<Date> repealed;
    std::string repealed_by;
    std::string repeal_evidence;
    std::vector<Date> mentions;  // effective dates of every relation about it, sorted
  };
  struct Listing : Course {
    const Announcement* doc = nullptr;
    const Item* item = nullptr;
    std::string key;
  };
  struct PartyListing : Course {
    const Announcement* doc = nullptr;
    const Party* party = nullptr;
    size_t identity = 0;  // index into party_keys_
  };
  // A removal of a party no stored announcement listed before it.
  struct Removal {
    const Announcement* doc = nullptr;
    const Party* party = nullptr;
    Date date;
  };
  // A course's standing on one date, as ItemState and PartyState share it.
  struct Standing {
    ItemStatus status = ItemStatus::kInForce;  // kRepealed: ended
    Basis basis = Basis::kStated;
    std::optional<Date> since, until;
    std::vector<std::string> governing;  // after the listing announcement
    std::string evidence;
    std::vector<SuspensionWindow> suspensions;
  };

  ItemState StateOf(const Listing& l, const Date& date) const;
  PartyState PartyStateOf(const PartyListing& l, const Date& date) const;
  static Standing StandingOf(const Course& c, const std::string& listed_by, const Date& date);
  // StandingOf(c, date).status alone, without building the state: AsOf weighs
  // every listing of a key with it and builds only the one that governs.
  // Requires c.enters.
  static ItemStatus StatusOf(const Course& c, const Date& date);
  // Of the listings [begin, end) of one key, the one that governs on `date`
  // (AsOf's rule); null when none is known that day.
  template <typename L>
  static const L* Governing(const std::vector<L>& listings, size_t begin, size_t end,
                            const Date& date);
  // The days on which the state of the key with listings [begin, end) may
  // change, sorted, without repeats.
  template <typename L>
  static std::vector<Date> ChangeDays(const std::vector<L>& listings, size_t begin, size_t end);
  std::vector<TimelineEvent> BuildEvents() const;
  void BuildParties();

  std::vector<Announcement> docs_;
  std::vector<Listing> listings_;
  // Sorted by list, key, listing doc_id.
  std::vector<PartyListing> party_listings_;
  std::vector<Removal> removals_;
  // Per party identity, its display key; and every key to its identities.
  std::vector<std::string> party_keys_;
  std::unordered_map<std::string, std::vector<size_t>> identities_of_key_;
  // Events(), built once on demand. Pointers keep the Timeline movable.
  mutable std::unique_ptr<std::once_flag> events_once_ = std::make_unique<std::once_flag>();
  mutable std::vector<TimelineEvent> events_;
};

// The date an announcement's `item` enters control: the clause that names its
// part (第一条第(一)项 -> positions starting 一(一)), else the clause for the
// whole (or the rest), else the publication date.
std::optional<Date> ItemEffectiveDate(const Announcement& a, const Item& item,
                                      std::string* evidence = nullptr);

// The date an announcement's measures as a whole take effect: its whole-text
// clause, else its earliest clause, else its publication date.
std::optional<Date> AnnouncementEffectiveDate(const Announcement& a,
                                              std::string* evidence = nullptr);

}  // namespace regdiff
