// DiffStatus: ItemState rows of two dates matched by key.
#include "diff/status_diff.h"

#include <map>
#include <set>
#include <type_traits>

namespace regdiff::diff {
namespace {

std::vector<std::string> Missing(const std::vector<std::string>& from,
                                 const std::vector<std::string>& other) {
  std::set<std::string> have(other.begin(), other.end());
  std::vector<std::string> out;
  for (const std::string& v : from)
    if (!have.count(v)) out.push_back(v);
  return out;
}

// The kind of change between two listed states, or nullopt when nothing
// that matters differs.
std::optional<StatusChangeKind> Classify(const ItemState& b, const ItemState& a,
                                         const StatusChange& fields) {
  if (b.status != a.status) {
    switch (a.status) {
      case ItemStatus::kInForce:
        if (b.status == ItemStatus::kNotYetInForce) return StatusChangeKind::kEnteredControl;
        if (b.status == ItemStatus::kSuspended) return StatusChangeKind::kResumed;
        return StatusChangeKind::kStatusChanged;
      case ItemStatus::kSuspended: return StatusChangeKind::kSuspended;
      case ItemStatus::kRepealed: return StatusChangeKind::kRepealed;
      case ItemStatus::kNotYetInForce: return StatusChangeKind::kStatusChanged;
    }
  }
  if (b.basis != a.basis || b.since != a.since || b.until != a.until || b.governing != a.governing)
    return StatusChangeKind::kStatusChanged;
  if (!fields.hs_added.empty() || !fields.hs_removed.empty() || fields.name_changed ||
      b.listed_by != a.listed_by || b.elements != a.elements)
    return StatusChangeKind::kListingChanged;
  return std::nullopt;
}

}  // namespace

std::string_view StatusChangeKindName(StatusChangeKind kind) {
  switch (kind) {
    case StatusChangeKind::kNewlyListed: return "newly_listed";
    case StatusChangeKind::kDelisted: return "delisted";
    case StatusChangeKind::kEnteredControl: return "entered_control";
    case StatusChangeKind::kSuspended: return "suspended";
    case StatusChangeKind::kResumed: return "resumed";
    case StatusChangeKind::kRepealed: return "repealed";
    case StatusChangeKind::kStatusChanged: return "status_changed";
    case StatusChangeKind::kListingChanged: return "listing_changed";
  }
  return "status_changed";
}

namespace {

// DiffStatus, copying the states into the changes, or moving them when
// `States` is not const (each state goes into one change at most).
template <typename States>
StatusDiff DiffStatusOf(States& left, States& right) {
  constexpr bool kMove = !std::is_const_v<States>;
  auto take = [](auto& state) -> decltype(auto) {
    if constexpr (kMove) return std::move(state);
    else return static_cast<const ItemState&>(state);
  };
  std::map<std::string, size_t> before;  // key: index in left
  for (size_t i = 0; i < left.size(); ++i) before.emplace(left[i].key, i);
  std::vector<bool> taken(left.size());  // moved into a change, key and all
  std::set<std::string> seen;

  StatusDiff out;
  for (auto& a : right) {
    if (!seen.insert(a.key).second) continue;
    auto it = before.find(a.key);
    StatusChange c;
    c.key = a.key;
    if (it == before.end()) {
      c.kind = StatusChangeKind::kNewlyListed;
      c.hs_added = a.hs_codes;
      c.after = take(a);
      out.changes.push_back(std::move(c));
      continue;
    }
    auto& b = left[it->second];
    c.hs_added = Missing(a.hs_codes, b.hs_codes);
    c.hs_removed = Missing(b.hs_codes, a.hs_codes);
    c.name_changed = a.name != b.name;
    std::optional<StatusChangeKind> kind = Classify(b, a, c);
    if (!kind) continue;
    c.kind = *kind;
    c.before = take(b);
    c.after = take(a);
    taken[it->second] = true;
    out.changes.push_back(std::move(c));
  }
  for (size_t i = 0; i < left.size(); ++i) {
    if (taken[i]) continue;  // listed on the right date
    auto& b = left[i];
    if (!seen.insert(b.key).second) continue;  // listed on the right date, or a repeat
    StatusChange c;
    c.kind = StatusChangeKind::kDelisted;
    c.key = b.key;
    c.hs_removed = b.hs_codes;
    c.before = take(b);
    out.changes.push_back(std::move(c));
  }
  return out;
}

}  // namespace

StatusDiff DiffStatus(const std::vector<ItemState>& left, const std::vector<ItemState>& right) {
  return DiffStatusOf(left, right);
}

StatusDiff DiffStatus(std::vector<ItemState>&& left, std::vector<ItemState>&& right) {
  return DiffStatusOf(left, right);
}

}  // namespace regdiff::diff
