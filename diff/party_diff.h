// The parties two announcements (or two versions or two texts of one) add to
// or remove from MOFCOM's lists, compared: a party is the same on both sides
// when it has the same list, the same action and a shared match key
// (PartyMatchKey of its name, or the key of the English name printed beside
// it).
#pragma once

#include <string>
#include <vector>

#include "corpus/model.h"

namespace regdiff::diff {

// The key a party's name is matched by across two sides: Party::key, the
// parser's match key of the name (Simplified, half width, lower case, no
// spaces, punctuation or company forms), which the store keeps. A party
// without one (built by hand, or its name folded to nothing) falls back to
// the printed name folded by NormalizeName: ASCII letters lower-cased, white
// space and punctuation (ASCII and CJK) dropped. Every match of a name goes
// through this function; the English name's key is Party::key_en, with the
// same fallback.
std::string PartyMatchKey(const Party& party);

// What changed in a party present on both sides.
struct PartyChange {
  Party left;
  Party right;
  bool name_en_changed = false;  // same-language sides only
  bool country_changed = false;
};

struct PartyDiff {
  std::vector<Party> added;          // right side only, right order
  std::vector<Party> removed;        // left side only, left order
  std::vector<PartyChange> changed;  // left order
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

struct PartyDiffOptions {
  // False when the sides are texts in different languages: the English name
  // of a Chinese text's party is then the name of the English text's, and
  // differing English names are not reported.
  bool same_language = true;
};

// Compares the parties of two sides. "added" and "removed" are entries of
// one side only, whatever their action: a right-side removal from a list
// that the left side does not state is in `added`. Within one side, a party
// repeated on one (list, action) is matched once per repeat.
PartyDiff DiffParties(const std::vector<Party>& left, const std::vector<Party>& right,
                      const PartyDiffOptions& options = {});

}  // namespace regdiff::diff
