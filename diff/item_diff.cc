// DiffAnnouncements: matching by key, then by name, then the clause,
// relation and header comparisons.
#include "diff/item_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "diff/utf8.h"

namespace regdiff::diff {
namespace {

constexpr size_t kMaxSimilarityCodePoints = 512;

// Keys with "#n" added to the n-th repeat (n >= 2) of a key.
template <typename T, typename KeyFn>
std::vector<std::string> UniqueKeys(const std::vector<T>& values, KeyFn key_of) {
  std::unordered_map<std::string, int> seen;
  seen.reserve(values.size());
  std::vector<std::string> keys;
  keys.reserve(values.size());
  for (const T& v : values) {
    std::string key = key_of(v);
    const int n = ++seen[key];
    if (n > 1) {
      key += '#';
      key += std::to_string(n);
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

// Values of `from` missing from `other`, each once, in `from`'s order. The
// lists are short (a few HS codes or elements per item) and usually equal,
// so equal lists return at once and the rest is a linear scan.
std::vector<std::string> Missing(const std::vector<std::string>& from,
                                 const std::vector<std::string>& other) {
  std::vector<std::string> out;
  if (from == other) return out;
  for (size_t i = 0; i < from.size(); ++i) {
    const std::string& v = from[i];
    if (std::find(other.begin(), other.end(), v) != other.end()) continue;
    if (std::find(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(i), v) !=
        from.begin() + static_cast<std::ptrdiff_t>(i))
      continue;  // reported at its first occurrence
    out.push_back(v);
  }
  return out;
}

ItemFieldChanges CompareItems(const Item& left, const Item& right, bool same_language) {
  ItemFieldChanges c;
  c.name_changed = same_language && left.name != right.name &&
                   NormalizeName(left.name) != NormalizeName(right.name);
  c.hs_added = Missing(right.hs_codes, left.hs_codes);
  c.hs_removed = Missing(left.hs_codes, right.hs_codes);
  c.elements_added = Missing(right.elements, left.elements);
  c.elements_removed = Missing(left.elements, right.elements);
  return c;
}

// The set of an item's elements, as a sorted list without repeats: two items
// have the same elements when these are equal.
std::vector<std::string> ElementSet(const Item& item) {
  std::vector<std::string> set = item.elements;
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    out.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  return out;
}

void DiffItems(const Announcement& a, const Announcement& b, const ItemDiffOptions& options,
               AnnouncementDiff& out) {
  const std::vector<std::string> left_keys = UniqueKeys(a.items, ItemKey);
  const std::vector<std::string> right_keys = UniqueKeys(b.items, ItemKey);
  std::unordered_map<std::string_view, size_t> right_index;
  right_index.reserve(right_keys.size());
  for (size_t j = 0; j < right_keys.size(); ++j) right_index[right_keys[j]] = j;

  std::vector<bool> left_matched(a.items.size(), false), right_matched(b.items.size(), false);
  for (size_t i = 0; i < a.items.size(); ++i) {
    auto it = right_index.find(left_keys[i]);
    if (it == right_index.end()) continue;
    left_matched[i] = right_matched[it->second] = true;
    ItemFieldChanges c = CompareItems(a.items[i], b.items[it->second], options.same_language);
    if (!c.empty()) out.changed.push_back({left_keys[i], a.items[i], b.items[it->second], c});
  }

  // Items that lost or changed their key, matched by name: every candidate
  // pair at or above the threshold, best first, each item used once.
  std::vector<std::pair<size_t, size_t>> recoded_pairs;
  if (options.same_language) {
    struct Candidate {
      double score;
      size_t i, j;
    };
    // Only items with the same set of elements can pair: bucket the unmatched
    // right items by that set, so the name comparison stays within a bucket.
    std::map<std::vector<std::string>, std::vector<size_t>> right_by_elements;
    for (size_t j = 0; j < b.items.size(); ++j)
      if (!right_matched[j]) right_by_elements[ElementSet(b.items[j])].push_back(j);
    std::vector<Candidate> candidates;
    for (size_t i = 0; i < a.items.size(); ++i) {
      if (left_matched[i]) continue;
      auto bucket = right_by_elements.find(ElementSet(a.items[i]));
      if (bucket == right_by_elements.end()) continue;
      for (size_t j : bucket->second) {
        const double score = NameSimilarity(a.items[i].name, b.items[j].name);
        if (score >= kRecodeSimilarity) candidates.push_back({score, i, j});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      return std::tie(y.score, x.i, x.j) < std::tie(x.score, y.i, y.j);
    });
    for (const Candidate& c : candidates) {
      if (left_matched[c.i] || right_matched[c.j]) continue;
      left_matched[c.i] = right_matched[c.j] = true;
      recoded_pairs.emplace_back(c.i, c.j);
    }
    std::sort(recoded_pairs.begin(), recoded_pairs.end());
  }
  for (auto [i, j] : recoded_pairs) {
    RecodedItem r;
    r.left = a.items[i];
    r.right = b.items[j];
    r.similarity = NameSimilarity(r.left.name, r.right.name);
    r.match = NormalizeName(r.left.name) == NormalizeName(r.right.name) ? RecodeMatch::kSameName
                                                                         : RecodeMatch::kSimilarName;
    r.changes = CompareItems(r.left, r.right, options.same_language);
    out.recoded.push_back(std::move(r));
  }
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!left_matched[i]) out.removed.push_back(a.items[i]);
  for (size_t j = 0; j < b.items.size(); ++j)
    if (!right_matched[j]) out.added.push_back(b.items[j]);
}

void DiffEffective(const Announcement& a, const Announcement& b, const ItemDiffOptions& options,
                   EffectiveDiff& out) {
  auto applies = [](const EffectiveClause& c) { return c.applies_to; };
  const std::vector<std::string> left_keys = UniqueKeys(a.effective, applies);
  const std::vector<std::string> right_keys = UniqueKeys(b.effective, applies);
  std::vector<bool> left_matched(a.effective.size(), false),
      right_matched(b.effective.size(), false);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < left_keys.size(); ++i) {
    for (size_t j = 0; j < right_keys.size(); ++j) {
      if (right_matched[j] || left_keys[i] != right_keys[j]) continue;
      left_matched[i] = right_matched[j] = true;
      pairs.emplace_back(i, j);
      break;
    }
  }
  if (!options.same_language) {  // part names are in different languages: pair in order
    size_t j = 0;
    for (size_t i = 0; i < left_keys.size(); ++i) {
      if (left_matched[i]) continue;
      while (j < right_keys.size() && right_matched[j]) ++j;
      if (j == right_keys.size()) break;
      left_matched[i] = right_matched[j] = true;
      pairs.emplace_back(i, j);
    }
    std::sort(pairs.begin(), pairs.end());
  }
  for (auto [i, j] : pairs) {
    const EffectiveClause& l = a.effective[i];
    const EffectiveClause& r = b.effective[j];
    if (l.date != r.date || l.on_publication != r.on_publication)
      out.changed.push_back({l.applies_to, l, r});
  }
  for (size_t i = 0; i < a.effective.size(); ++i)
    if (!left_matched[i]) out.removed.push_back(a.effective[i]);
  for (size_t j = 0; j < b.effective.size(); ++j)
    if (!right_matched[j]) out.added.push_back(b.effective[j]);
}

void DiffRelations(const Announcement& a, const Announcement& b, RelationDiff& out) {
  using Key = std::tuple<RelationType, std::string, std::optional<Date>>;
  auto key = [](const Relation& r) { return Key(r.type, r.target, r.until); };
  auto unmatched = [&](const std::vector<Relation>& from, const std::vector<Relation>& other) {
    std::map<Key, int> have;
    for (const Relation& r : other) ++have[key(r)];
    std::vector<Relation> missing;
    for (const Relation& r : from) {
      int& n = have[key(r)];
      if (n > 0) --n;
      else missing.push_back(r);
    }
    return missing;
  };
  out.added = unmatched(b.relations, a.relations);
  out.removed = unmatched(a.relations, b.relations);
}

void DiffHeader(const Announcement& a, const Announcement& b, const ItemDiffOptions& options,
                std::vector<HeaderChange>& out) {
  if (options.same_language && a.title != b.title) {
    out.push_back({HeaderField::kTitle, a.title, b.title, a.title_evidence, b.title_evidence});
  }
  if (a.published != b.published) {
    out.push_back({HeaderField::kPublished, a.published ? a.published->ToIso() : "",
                   b.published ? b.published->ToIso() : "", a.published_evidence,
                   b.published_evidence});
  }
}

}  // namespace

bool ItemFieldChanges::empty() const {
  return !name_changed && hs_added.empty() && hs_removed.empty() && elements_added.empty() &&
         elements_removed.empty();
}

bool AnnouncementDiff::empty() const {
  return added.empty() && removed.empty() && changed.empty() && recoded.empty() &&
         effective.empty() && relations.empty() && header.empty();
}

std::string_view RecodeMatchName(RecodeMatch match) {
  return match == RecodeMatch::kSameName ? "same_name" : "similar_name";
}

std::string_view HeaderFieldName(HeaderField field) {
  return field == HeaderField::kTitle ? "title" : "published";
}

std::string ItemKey(const Item& item) { return item.code ? *item.code : "@" + item.position; }

std::string NormalizeName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(name, i, &len);
    if (!IsSpace(c) && !IsPunctuation(c)) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else out.append(name.substr(i, len));
    }
    i += len;
  }
  return out;
}

double NameSimilarity(std::string_view a, std::string_view b) {
  const std::string na = NormalizeName(a), nb = NormalizeName(b);
  if (na == nb) return 1.0;
  const std::vector<char32_t> x = CodePoints(na), y = CodePoints(nb);
  if (x.size() > kMaxSimilarityCodePoints || y.size() > kMaxSimilarityCodePoints) return 0.0;
  // LCS length, one row at a time.
  std::vector<size_t> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return 2.0 * static_cast<double>(prev[y.size()]) / static_cast<double>(x.size() + y.size());
}

AnnouncementDiff DiffAnnouncements(const Announcement& a, const Announcement& b,
                                   const ItemDiffOptions& options) {
  AnnouncementDiff out;
  DiffItems(a, b, options, out);
  DiffEffective(a, b, options, out.effective);
  DiffRelations(a, b, out.relations);
  DiffHeader(a, b, options, out.header);
  return out;
}

}  // namespace regdiff::diff
