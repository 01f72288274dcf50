// Element names in item lines: which rows of the element table
// (corpus/elements.h) a piece of text names, in Chinese or in English, as a
// set with one bit per row. The item readers (zh_items.cc, en_items.cc) ask
// for the same heading lines once per item below them, so LineElements keeps
// each line's set once computed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/text_view.h"

namespace regdiff::parsers {

// Bit i stands for Elements()[i].
using ElementSet = uint32_t;

// Elements named in `text` (Simplified matching text) by Chinese name. A name
// directly followed by 化 or 酸 ("碲化", "锗酸") denotes a compound class and
// does not count (another mention of the same name may), except in 化合物
// ("碲化合物", compounds of tellurium).
ElementSet ZhElementSetIn(std::string_view text);

// Elements named in `text` by English name (whole words, any case:
// "Holmium-related" counts, "telluride" and "tungstate" do not), or by symbol
// where the writing is clearly symbolic: a symbol alone in brackets "(Ho)" or
// a hyphenated alloy "Sm-Co".
ElementSet EnElementSetIn(std::string_view text);

// The symbols of a set, in table order.
std::vector<std::string> ElementSymbols(ElementSet set);

// The element set of each line of a view, computed on first use with `scan`
// (ZhElementSetIn or EnElementSetIn). The view must outlive this.
class LineElements {
 public:
  LineElements(const TextView& tv, ElementSet (*scan)(std::string_view));
  ElementSet Of(size_t line);

 private:
  const TextView& tv_;
  ElementSet (*scan_)(std::string_view);
  std::vector<ElementSet> sets_;
  std::vector<bool> known_;
};

}  // namespace regdiff::parsers
