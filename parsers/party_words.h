// The words the party readers (zh_parties.cc, en_parties.cc) look for: the
// names of MOFCOM's lists, the verbs that put a party on a list or take it
// off, and the countries whose entities a text names ("3家美国实体", "20
// Japanese entities"). Data tables, one row per word; a new spelling is one
// added row.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "corpus/model.h"

namespace regdiff::parsers {

// A name of a list as it reads in the matching view (Simplified; English
// words are matched case-insensitively by en_parties.cc).
struct ListWord {
  std::string_view word;
  PartyList list;
};
// Chinese list names, longest first ("出口管制管控名单" before "管控名单").
std::span<const ListWord> ZhListWords();
// English list names, longest first.
std::span<const ListWord> EnListWords();

// A verb that adds a party to a list or removes one from it.
struct ActionWord {
  std::string_view word;
  PartyAction action;
};
// "列入", "纳入", "移出", "移除"… (Simplified).
std::span<const ActionWord> ZhActionWords();
// English verb forms, lowercase ("add", "added", "addition of", "removed",
// "delisted"); an adding verb takes its list after "to", "on", "in" or
// "into", a removing one after "from" or "off".
std::span<const ActionWord> EnActionWords();

// The column a header cell of a flattened table names ("序号", "中文名称",
// "English Name", "地址", "Country").
enum class Column { kNumber, kName, kNameZh, kNameEn, kAddress, kCountry, kOther };
// The column `cell` names (the whole cell, ASCII case folded), or nullopt.
std::optional<Column> ColumnOf(std::string_view cell);

// One country: its ISO 3166 alpha-2 code and the words that name it or its
// entities. Chinese words are written as the matching view reads them
// (Simplified characters): the Taiwan and Hong Kong names that differ from the
// mainland ones ("紐西蘭" reads "纽西兰", "義大利" reads "义大利") are rows of
// their own. English words are the name and the adjective ("Japan",
// "Japanese"), matched case-sensitively as proper nouns. Words are separated
// by '|'.
struct Country {
  std::string_view code;
  std::string_view zh;  // "美国|美方"
  std::string_view en;  // "United States|U.S.|American"
};
std::span<const Country> Countries();

// The code of the country a Chinese word names, or nullopt: the whole of
// `word` must be one of the table's words.
std::optional<std::string> ZhCountryCode(std::string_view word);
// The same for an English word or phrase ("U.S.", "Japanese", "United States").
std::optional<std::string> EnCountryCode(std::string_view word);

// The longest Chinese country word that `text` ends with, its length in
// *len; nullopt when none.
std::optional<std::string> ZhCountryAtEnd(std::string_view text, size_t* len);
// The longest Chinese country word `text` starts with, its length in *len.
std::optional<std::string> ZhCountryAtStart(std::string_view text, size_t* len);

}  // namespace regdiff::parsers
