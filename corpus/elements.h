// The controlled elements: the 17 rare earths and the other elements that
// export-control announcements name (Ga, Ge, Sb, W, Te, Bi, Mo, In, Li), with
// their Simplified, Traditional and English names. One row per element.
#pragma once

#include <span>
#include <string_view>

namespace regdiff {

struct ElementEntry {
  std::string_view symbol;   // "Sm"
  std::string_view zh;       // Simplified character, "钐"
  std::string_view zh_hant;  // Traditional character, "釤"
  std::string_view en;       // English name, lowercase, "samarium"
  bool rare_earth;
};

// Rare earths first in atomic-number order, then the others.
std::span<const ElementEntry> Elements();

// The entry for a symbol ("Ho"), case-sensitive; nullptr if not controlled.
const ElementEntry* FindElementBySymbol(std::string_view symbol);

// The entry any of its names gives: the symbol in any letter case ("Ho",
// "HO"), the Simplified or Traditional character ("钬", "鈥"), the English
// name in any letter case ("holmium", "Holmium"); surrounding spaces
// ignored. nullptr when none matches.
const ElementEntry* FindElement(std::string_view name);

// Position of the symbol in Elements(), for a stable sort; size() if unknown.
size_t ElementRank(std::string_view symbol);

}  // namespace regdiff
