// The consolidated states (corpus/timeline.h: ItemState, PartyState) as the
// store keeps them, one JSON object per stretch, and the element history
// (corpus/element_history.h) as one object, and back. An internal form,
// not a contract: the store rebuilds every stretch when regdiff changes it.
#pragma once

#include <string>

#include "corpus/element_history.h"
#include "corpus/status.h"
#include "corpus/timeline.h"

namespace regdiff {

std::string ItemStateToJson(const ItemState& s);
std::string PartyStateToJson(const PartyState& s);
std::string ElementHistoryToJson(const ElementHistory& h);

// Errors: kCorruption (not the shape the functions above write).
Result<ItemState> ItemStateFromJson(std::string_view json);
// The same into `state`, reusing the storage of its strings and lists (one
// ItemState for a read of many). On an error `state` holds part of the text.
Status ItemStateFromJsonInto(std::string_view json, ItemState& state);
Result<PartyState> PartyStateFromJson(std::string_view json);
Result<ElementHistory> ElementHistoryFromJson(std::string_view json);

}  // namespace regdiff
