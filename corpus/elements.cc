// The element table.
#include "corpus/elements.h"

#include <array>

namespace regdiff {
namespace {

constexpr std::array<ElementEntry, 26> kElements = {{
    {"Sc", "钪", "鈧", "scandium", true},
    {"Y", "钇", "釔", "yttrium", true},
    {"La", "镧", "鑭", "lanthanum", true},
    {"Ce", "铈", "鈰", "cerium", true},
    {"Pr", "镨", "鐠", "praseodymium", true},
    {"Nd", "钕", "釹", "neodymium", true},
    {"Pm", "钷", "鉕", "promethium", true},
    {"Sm", "钐", "釤", "samarium", true},
    {"Eu", "铕", "銪", "europium", true},
    {"Gd", "钆", "釓", "gadolinium", true},
    {"Tb", "铽", "鋱", "terbium", true},
    {"Dy", "镝", "鏑", "dysprosium", true},
    {"Ho", "钬", "鈥", "holmium", true},
    {"Er", "铒", "鉺", "erbium", true},
    {"Tm", "铥", "銩", "thulium", true},
    {"Yb", "镱", "鐿", "ytterbium", true},
    {"Lu", "镥", "鑥", "lutetium", true},
    {"Ga", "镓", "鎵", "gallium", false},
    {"Ge", "锗", "鍺", "germanium", false},
    {"Sb", "锑", "銻", "antimony", false},
    {"W", "钨", "鎢", "tungsten", false},
    {"Te", "碲", "碲", "tellurium", false},
    {"Bi", "铋", "鉍", "bismuth", false},
    {"Mo", "钼", "鉬", "molybdenum", false},
    {"In", "铟", "銦", "indium", false},
    {"Li", "锂", "鋰", "lithium", false},
}};

}  // namespace

std::span<const ElementEntry> Elements() { return kElements; }

const ElementEntry* FindElementBySymbol(std::string_view symbol) {
  for (const auto& e : kElements)
    if (e.symbol == symbol) return &e;
  return nullptr;
}

namespace {

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

const ElementEntry* FindElement(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  if (name.empty()) return nullptr;
  if (const ElementEntry* exact = FindElementBySymbol(name)) return exact;
  for (const auto& e : kElements) {
    if (EqualsIgnoringAsciiCase(e.symbol, name) || e.zh == name || e.zh_hant == name ||
        EqualsIgnoringAsciiCase(e.en, name))
      return &e;
  }
  return nullptr;
}

size_t ElementRank(std::string_view symbol) {
  for (size_t i = 0; i < kElements.size(); ++i)
    if (kElements[i].symbol == symbol) return i;
  return kElements.size();
}

}  // namespace regdiff
