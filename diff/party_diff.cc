// DiffParties: one-to-one matching of parties by list, action and match key.
#include "diff/party_diff.h"

#include <algorithm>

#include "diff/item_diff.h"

namespace regdiff::diff {
namespace {

// The keys a party can be matched by: its own, and that of the English name
// printed beside it (how a Chinese text's party meets an English text's):
// Party::key_en, or the English name folded when the party has none.
std::vector<std::string> KeysOf(const Party& p) {
  std::vector<std::string> keys;
  if (std::string k = PartyMatchKey(p); !k.empty()) keys.push_back(std::move(k));
  if (p.name_en) {
    Party english;
    english.name = *p.name_en;
    english.key = p.key_en;
    if (std::string k = PartyMatchKey(english); !k.empty()) keys.push_back(std::move(k));
  }
  return keys;
}

bool SharesKey(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& k) {
    return std::find(b.begin(), b.end(), k) != b.end();
  });
}

}  // namespace

std::string PartyMatchKey(const Party& party) {
  return party.key.empty() ? NormalizeName(party.name) : party.key;
}

PartyDiff DiffParties(const std::vector<Party>& left, const std::vector<Party>& right,
                      const PartyDiffOptions& options) {
  std::vector<std::vector<std::string>> left_keys, right_keys;
  for (const Party& p : left) left_keys.push_back(KeysOf(p));
  for (const Party& p : right) right_keys.push_back(KeysOf(p));

  PartyDiff d;
  std::vector<bool> right_used(right.size(), false);
  for (size_t i = 0; i < left.size(); ++i) {
    const Party& l = left[i];
    size_t match = right.size();
    for (size_t j = 0; j < right.size() && match == right.size(); ++j) {
      const Party& r = right[j];
      if (!right_used[j] && r.list == l.list && r.action == l.action &&
          SharesKey(left_keys[i], right_keys[j]))
        match = j;
    }
    if (match == right.size()) {
      d.removed.push_back(l);
      continue;
    }
    right_used[match] = true;
    const Party& r = right[match];
    PartyChange c{l, r};
    c.name_en_changed = options.same_language && l.name_en != r.name_en;
    c.country_changed = l.country != r.country;
    if (c.name_en_changed || c.country_changed) d.changed.push_back(std::move(c));
  }
  for (size_t j = 0; j < right.size(); ++j)
    if (!right_used[j]) d.added.push_back(right[j]);
  return d;
}

}  // namespace regdiff::diff
