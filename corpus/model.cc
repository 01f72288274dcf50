// Names of the model's enumerations and the Evidence constructor.
#include "corpus/model.h"

#include <algorithm>
#include <array>
#include <utility>

namespace regdiff {
namespace {

constexpr std::array<std::pair<RelationType, std::string_view>, 6> kRelationNames = {{
    {RelationType::kSuspends, "suspends"},
    {RelationType::kResumes, "resumes"},
    {RelationType::kAmends, "amends"},
    {RelationType::kRepeals, "repeals"},
    {RelationType::kReplaces, "replaces"},
    {RelationType::kRefersTo, "refers_to"},
}};

constexpr std::array<std::pair<PartyList, std::string_view>, 3> kPartyListNames = {{
    {PartyList::kControlList, "control_list"},
    {PartyList::kWatchList, "watch_list"},
    {PartyList::kUnreliableEntityList, "unreliable_entity_list"},
}};

constexpr std::array<std::pair<PartyAction, std::string_view>, 2> kPartyActionNames = {{
    {PartyAction::kAdd, "add"},
    {PartyAction::kRemove, "remove"},
}};

constexpr std::array<std::pair<Lang, std::string_view>, 4> kLangNames = {{
    {Lang::kUnknown, "unknown"},
    {Lang::kZh, "zh"},
    {Lang::kZhHant, "zh-hant"},
    {Lang::kEn, "en"},
}};

}  // namespace

Evidence MakeEvidence(std::string_view normalized, size_t begin, size_t end) {
  end = std::min(end, normalized.size());
  begin = std::min(begin, end);
  return Evidence{begin, end, std::string(normalized.substr(begin, end - begin))};
}

std::string_view RelationTypeName(RelationType type) {
  for (const auto& [t, name] : kRelationNames)
    if (t == type) return name;
  return "refers_to";
}

std::optional<RelationType> RelationTypeFromName(std::string_view name) {
  for (const auto& [t, n] : kRelationNames)
    if (n == name) return t;
  return std::nullopt;
}

std::string_view PartyListName(PartyList list) {
  for (const auto& [l, name] : kPartyListNames)
    if (l == list) return name;
  return "control_list";
}

std::optional<PartyList> PartyListFromName(std::string_view name) {
  for (const auto& [l, n] : kPartyListNames)
    if (n == name) return l;
  return std::nullopt;
}

std::string_view PartyActionName(PartyAction action) {
  for (const auto& [a, name] : kPartyActionNames)
    if (a == action) return name;
  return "add";
}

std::optional<PartyAction> PartyActionFromName(std::string_view name) {
  for (const auto& [a, n] : kPartyActionNames)
    if (n == name) return a;
  return std::nullopt;
}

std::string_view LangName(Lang lang) {
  for (const auto& [l, name] : kLangNames)
    if (l == lang) return name;
  return "unknown";
}

std::optional<Lang> LangFromName(std::string_view name) {
  for (const auto& [l, n] : kLangNames)
    if (n == name) return l;
  return std::nullopt;
}

}  // namespace regdiff
