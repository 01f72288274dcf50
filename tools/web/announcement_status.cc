// StatusOf and StatusesOn: an announcement's standing from its listings'.
#include "tools/web/announcement_status.h"

#include <algorithm>
#include <set>

#include "tools/timeline_query.h"

namespace regdiff::tools::web {
namespace {

// Up to this many announcements, StatusesOn reads what each governs through
// the index on listings rather than every state of the day.
constexpr size_t kReadEachUpTo = 256;

struct StatusRow {
  DocStatus status;
  std::string_view name;
  std::string_view label;
};

constexpr StatusRow kStatuses[] = {
    {DocStatus::kInForce, "in_force", "in force"},
    {DocStatus::kSuspended, "suspended", "suspended"},
    {DocStatus::kNotYetInForce, "not_yet_in_force", "not yet in force"},
    {DocStatus::kRepealed, "repealed", "repealed"},
    {DocStatus::kSuperseded, "superseded", "superseded"},
};

DocStatus FromItem(ItemStatus s) {
  switch (s) {
    case ItemStatus::kInForce: return DocStatus::kInForce;
    case ItemStatus::kSuspended: return DocStatus::kSuspended;
    case ItemStatus::kNotYetInForce: return DocStatus::kNotYetInForce;
    case ItemStatus::kRepealed: return DocStatus::kRepealed;
  }
  return DocStatus::kInForce;
}

DocStatus FromParty(PartyStatus s) {
  switch (s) {
    case PartyStatus::kInForce: return DocStatus::kInForce;
    case PartyStatus::kSuspended: return DocStatus::kSuspended;
    case PartyStatus::kNotYetInForce: return DocStatus::kNotYetInForce;
    case PartyStatus::kRemoved: return DocStatus::kRepealed;
  }
  return DocStatus::kInForce;
}

}  // namespace

std::string_view DocStatusName(DocStatus status) {
  for (const StatusRow& row : kStatuses)
    if (row.status == status) return row.name;
  return "in_force";
}

std::optional<DocStatus> DocStatusFromName(std::string_view name) {
  for (const StatusRow& row : kStatuses)
    if (row.name == name) return row.status;
  return std::nullopt;
}

std::string_view DocStatusLabel(DocStatus status) {
  for (const StatusRow& row : kStatuses)
    if (row.status == status) return row.label;
  return "in force";
}

const std::vector<DocStatus>& AllDocStatuses() {
  static const std::vector<DocStatus> all = [] {
    std::vector<DocStatus> v;
    for (const StatusRow& row : kStatuses) v.push_back(row.status);
    return v;
  }();
  return all;
}

std::optional<DocStatus> StatusOf(const Announcement& a, const Date& date, const std::vector<ItemStatus>& items,
                   const std::vector<PartyStatus>& parties) {
  if (a.published && date < *a.published) return DocStatus::kNotYetInForce;
  std::vector<DocStatus> governed;
  for (ItemStatus s : items) governed.push_back(FromItem(s));
  for (PartyStatus s : parties) governed.push_back(FromParty(s));
  if (!governed.empty()) {
    // The enumerators are in the order of strength.
    return *std::min_element(governed.begin(), governed.end());
  }
  const std::optional<Date> effective = AnnouncementEffectiveDate(a);
  if (!effective) return std::nullopt;
  const bool lists = !a.items.empty() ||
                     std::any_of(a.parties.begin(), a.parties.end(),
                                 [](const Party& p) { return p.action == PartyAction::kAdd; });
  if (lists) return DocStatus::kSuperseded;
  if (date < *effective) return DocStatus::kNotYetInForce;
  return DocStatus::kInForce;
}

Result<Governed> GovernedOn(AnnouncementStore& store, const Date& date,
                            const std::optional<std::set<std::string>>& doc_ids) {
  Governed out;
  if (doc_ids) {
    auto states = StatesListedByOn(store, date, *doc_ids);
    if (!states.ok()) return states.status();
    for (const ItemState& s : states->items) out.items[s.listed_by].push_back(s.status);
    for (const PartyState& s : states->parties) out.parties[s.listed_by].push_back(s.status);
    return out;
  }
  // Every state of the day, visited rather than held.
  auto parties = VisitStatesOn(store, date, std::nullopt, ItemFilter{}, true, true,
                               [&out](const ItemState& s) { out.items[s.listed_by].push_back(s.status); });
  if (!parties.ok()) return parties.status();
  for (const PartyState& s : *parties) out.parties[s.listed_by].push_back(s.status);
  return out;
}

std::optional<DocStatus> StatusOf(const Announcement& a, const Date& date,
                                  const Governed& governed) {
  static const std::vector<ItemStatus> kNoItems;
  static const std::vector<PartyStatus> kNoParties;
  if (!a.doc_id) return StatusOf(a, date, kNoItems, kNoParties);
  auto items = governed.items.find(*a.doc_id);
  auto parties = governed.parties.find(*a.doc_id);
  return StatusOf(a, date, items == governed.items.end() ? kNoItems : items->second,
                  parties == governed.parties.end() ? kNoParties : parties->second);
}

void AddStatuses(const std::vector<const Announcement*>& texts, const Date& date,
                 const Governed& governed, std::map<std::string, DocStatus>* out) {
  for (const Announcement* a : texts) {
    if (!a->doc_id || out->count(*a->doc_id)) continue;
    if (auto status = StatusOf(*a, date, governed)) (*out)[*a->doc_id] = *status;
  }
}

Result<std::map<std::string, DocStatus>> StatusesOn(AnnouncementStore& store, const Date& date,
                                                    const std::vector<const Announcement*>& docs) {
  std::set<std::string> doc_ids;
  for (const Announcement* a : docs)
    if (a->doc_id) doc_ids.insert(*a->doc_id);
  // A few announcements (one page of a list, one announcement's texts): what
  // each governs, through the index on listings; many: every state of the
  // day in one read.
  auto governed = GovernedOn(store, date,
                             doc_ids.size() <= kReadEachUpTo
                                 ? std::optional<std::set<std::string>>(std::move(doc_ids))
                                 : std::nullopt);
  if (!governed.ok()) return governed.status();
  std::map<std::string, DocStatus> out;
  AddStatuses(docs, date, *governed, &out);
  return out;
}

}  // namespace regdiff::tools::web
