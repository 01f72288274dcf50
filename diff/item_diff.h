// The structured comparison of two announcements, or of two versions or two
// language texts of one: items keyed by control code (uncoded items by list
// position), with field changes for items on both sides and a name match
// for items that lost or changed their code; effective clauses compared by
// the part they apply to; relations by (type, target, until); the header
// (title, publication date).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"

namespace regdiff::diff {

// What changed in an item present on both sides. Lists keep the order of
// the side they come from.
struct ItemFieldChanges {
  bool name_changed = false;
  std::vector<std::string> hs_added;    // on the right only
  std::vector<std::string> hs_removed;  // on the left only
  std::vector<std::string> elements_added;
  std::vector<std::string> elements_removed;

  bool empty() const;
};

// An item with the same key on both sides whose fields differ.
struct ItemChange {
  std::string key;  // as ItemKey
  Item left;
  Item right;
  ItemFieldChanges changes;
};

enum class RecodeMatch { kSameName, kSimilarName };
std::string_view RecodeMatchName(RecodeMatch match);  // "same_name", "similar_name"

// An item whose control code changed, was lost or was gained between the
// sides, found by its name (see kRecodeSimilarity).
struct RecodedItem {
  Item left;
  Item right;
  RecodeMatch match = RecodeMatch::kSameName;
  double similarity = 1.0;  // NameSimilarity of the two names
  ItemFieldChanges changes;
};

struct ClauseChange {
  std::string applies_to;  // the left clause's
  EffectiveClause left;
  EffectiveClause right;
};

struct EffectiveDiff {
  std::vector<EffectiveClause> added;    // right only
  std::vector<EffectiveClause> removed;  // left only
  std::vector<ClauseChange> changed;     // date or on-publication differs
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

struct RelationDiff {
  std::vector<Relation> added;    // right only, by (type, target, until)
  std::vector<Relation> removed;  // left only
  bool empty() const { return added.empty() && removed.empty(); }
};

enum class HeaderField { kTitle, kPublished };
std::string_view HeaderFieldName(HeaderField field);  // "title", "published"

struct HeaderChange {
  HeaderField field = HeaderField::kTitle;
  std::string left;   // "" when absent; dates as ISO
  std::string right;
  Evidence left_evidence;
  Evidence right_evidence;
};

struct AnnouncementDiff {
  std::vector<Item> added;    // right-side items with no counterpart, right order
  std::vector<Item> removed;  // left-side items with no counterpart, left order
  std::vector<ItemChange> changed;  // left order
  std::vector<RecodedItem> recoded;  // left order
  EffectiveDiff effective;
  RelationDiff relations;
  std::vector<HeaderChange> header;

  bool empty() const;
};

// Minimum NameSimilarity for an unmatched removed item and an unmatched
// added item to be reported as one recoded item. Names are compared after
// NormalizeName; they must also name the same elements, so "金属钐…" and
// "金属钬…" (similar text, different element) never match.
inline constexpr double kRecodeSimilarity = 0.85;

struct ItemDiffOptions {
  // False when the sides are texts in different languages: names, titles,
  // positions of uncoded items and clause part names are then not
  // comparable. Items match by control code only, name changes and recoding
  // are not reported, and unmatched effective clauses pair in order.
  bool same_language = true;
};

AnnouncementDiff DiffAnnouncements(const Announcement& a, const Announcement& b,
                                   const ItemDiffOptions& options = {});

// The key an item is matched by: its control code, or "@" + its position
// when it has none. The n-th repeat of a key within one list gets "#n"
// appended by DiffAnnouncements (n >= 2).
std::string ItemKey(const Item& item);

// The name with white space, punctuation (ASCII and CJK) and ASCII case
// removed: what "the same name" means.
std::string NormalizeName(std::string_view name);

// 2 * LCS / (|a| + |b|) over the code points of the normalised names, in
// [0, 1]; 1 for two empty names. Names longer than 512 code points compare
// by equality only.
double NameSimilarity(std::string_view a, std::string_view b);

}  // namespace regdiff::diff
