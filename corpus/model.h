// The structured form of an export-control announcement: what the parsers
// write, the store keeps, and the timeline, diff and export read. Every
// extracted fact carries the Evidence span it was read from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/date.h"

namespace regdiff {

// A span of a document's normalised text: byte offsets [begin, end) into the
// UTF-8 text stored for its snapshot. `text` is a copy of those bytes, kept so
// a fact can be shown without the whole text at hand.
struct Evidence {
  size_t begin = 0;
  size_t end = 0;
  std::string text;

  bool empty() const { return begin == end; }
  bool operator==(const Evidence&) const = default;
};

// Makes the Evidence for bytes [begin, end) of `normalized`.
Evidence MakeEvidence(std::string_view normalized, size_t begin, size_t end);

// "自2025年11月8日起正式实施" and its kin, resolved to a date.
struct EffectiveClause {
  std::optional<Date> date;  // resolved; nullopt when the text gives none
  bool on_publication = false;  // "自公布之日起": the date is the publication date
  std::string applies_to = "whole";  // "whole", or the words naming the part
  Evidence evidence;

  bool operator==(const EffectiveClause&) const = default;
};

enum class RelationType { kSuspends, kResumes, kAmends, kRepeals, kReplaces, kRefersTo };

// "suspends", "resumes", ... (the formats.md spelling).
std::string_view RelationTypeName(RelationType type);
std::optional<RelationType> RelationTypeFromName(std::string_view name);

// What this announcement does to another one.
struct Relation {
  RelationType type = RelationType::kRefersTo;
  std::string target;         // doc_id of the other announcement
  std::optional<Date> until;  // end date the text gives ("至2026年11月10日")
  Evidence evidence;

  bool operator==(const Relation&) const = default;
};

// One entry of the controlled-item list.
struct Item {
  std::optional<std::string> code;  // control code "1C902.a"; nullopt for old lists
  std::string position;             // list position "一(一)", "一(一)1"
  std::string name;                 // item name as printed, code and HS list removed
  std::vector<std::string> elements;  // chemical symbols ("Sm"), sorted, unique
  std::vector<std::string> hs_codes;  // reference customs codes, digits only, as printed
  Evidence evidence;                  // the item's own line
  Evidence hs_evidence;               // the HS-code list(s), first to last

  bool operator==(const Item&) const = default;
};

// The MOFCOM lists an announcement puts organisations and persons on or takes
// them off: 出口管制管控名单 (Export Control List), 关注名单 (Watch List),
// 不可靠实体清单 (Unreliable Entity List).
enum class PartyList { kControlList, kWatchList, kUnreliableEntityList };
enum class PartyAction { kAdd, kRemove };

// "control_list", "watch_list", "unreliable_entity_list" (the formats.md spelling).
std::string_view PartyListName(PartyList list);
std::optional<PartyList> PartyListFromName(std::string_view name);
// "add", "remove".
std::string_view PartyActionName(PartyAction action);
std::optional<PartyAction> PartyActionFromName(std::string_view name);

// An organisation or person the announcement adds to, or removes from, a list.
struct Party {
  PartyList list = PartyList::kControlList;
  PartyAction action = PartyAction::kAdd;
  std::string name;                     // as printed, in the text's own language and script
  std::optional<std::string> name_en;   // the English name printed beside a Chinese one
                                        // (English texts: a second one in brackets)
  std::optional<std::string> country;   // ISO 3166 alpha-2 ("US") where the text states it
  Evidence evidence;                    // the annex line or the sentence naming it
  // Match keys (corpus/name_match.h, PartyNameKey): `name` and `name_en`
  // folded to Simplified script, half width, lower case, without spaces,
  // punctuation or company forms. Filled by the parser; "" when the name
  // folds to nothing. Two parties are the same organisation when a key of
  // one equals a key of the other. Not part of the formats.md JSON.
  std::string key;
  std::string key_en;

  bool operator==(const Party&) const = default;
};

// How many parties an announcement says it puts on, or takes off, one list
// ("将斯巴鲁株式会社等20家日本实体列入关注名单": 20, JP), whether or not the copy
// at hand prints them all: a news copy or a page without its annex names
// one of twenty.
struct PartyCount {
  PartyList list = PartyList::kControlList;
  PartyAction action = PartyAction::kAdd;
  int count = 0;
  std::optional<std::string> country;  // ISO 3166 alpha-2 when the count names one
  Evidence evidence;                   // the sentence stating it

  bool operator==(const PartyCount&) const = default;
};

enum class Lang { kUnknown, kZh, kZhHant, kEn };

// "zh", "zh-hant", "en", "unknown".
std::string_view LangName(Lang lang);
std::optional<Lang> LangFromName(std::string_view name);

// One announcement as read from one text.
struct Announcement {
  std::optional<std::string> doc_id;  // "mofcom-gacc-2025-18"; nullopt if unnumbered
  std::vector<std::string> issuers;   // canonical codes in canonical order: "MOFCOM"
  std::optional<int> year;            // of the number, e.g. 2025
  std::optional<int> number;          // e.g. 18
  Lang lang = Lang::kUnknown;
  std::string title;                  // "关于…的决定"; empty when not found
  std::optional<Date> published;      // publication date the text states
  Evidence number_evidence;           // "商务部 海关总署公告2025年第18号"
  Evidence title_evidence;
  Evidence published_evidence;
  std::vector<EffectiveClause> effective;
  std::vector<Item> items;  // in document order
  std::vector<Relation> relations;
  std::vector<Party> parties;  // in document order, one per name as printed
  std::vector<PartyCount> party_counts;  // the first count stated per (list, action)
  std::vector<std::string> warnings;  // checks that failed: count mismatch, empty lists
  std::string parser_version;         // "zh/1": which parser and rule set wrote this

  bool operator==(const Announcement&) const = default;
};

}  // namespace regdiff
