// The item list of an announcement, assembled from the lines a list reader
// classified (ListReading), the same way for every language: coded lists
// item by control code (sub-codes included) with the HS codes printed under
// each; lists without codes by position, the items being the lines at the
// depth that carries HS codes, or, with no HS code on a numbered line, the
// leaves under a heading that announces the list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/model.h"
#include "parsers/element_names.h"
#include "parsers/explanation.h"
#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

struct ItemList {
  std::vector<Item> items;             // in document order
  std::vector<std::string> warnings;   // empty HS lists, count mismatches, the reader's own
};

// `list` must hold one ListLine per line of `view`. Elements are read with
// `elements_in` from each item's line, its name and the headings above it.
// With `explain`, each item is recorded there with how it was read.
ItemList BuildItemList(const TextView& view, const ListReading& list,
                       ElementSet (*elements_in)(std::string_view),
                       Explanation* explain = nullptr);

}  // namespace regdiff::parsers
