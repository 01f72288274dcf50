// What the Chinese and English party readers share: the entries of a list of
// parties (numbered or bulleted lines "1. 亨廷顿·英格尔斯工业公司（Huntington
// Ingalls Industries, Inc.）", "1. SUBARU Corporation (斯巴鲁株式会社)",
// tables flattened to lines with tabs, bars or runs of spaces between cells,
// or one cell a line, with or without address and country columns), a party
// as read before names are de-duplicated, and the step that merges the
// parties named in sentences with those of lists (formats.md: one entry per
// name as printed).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/issuers.h"
#include "corpus/model.h"
#include "parsers/party_words.h"
#include "parsers/reading.h"
#include "parsers/text_view.h"

namespace regdiff::parsers {

// The names in one entry of a list, as view offsets [begin, end) (equal when
// absent): the name in Chinese script and the name in Latin script, in
// whichever order and brackets the entry prints them.
struct NameParts {
  size_t han_begin = 0, han_end = 0;
  size_t latin_begin = 0, latin_end = 0;
  // A second Latin name in brackets after a Latin one: a translation's name
  // with the original beside it ("Huntington Ingalls Industrial Company
  // (Huntington Ingalls Industries, Inc.)"). An acronym stays in the name.
  size_t alt_begin = 0, alt_end = 0;
  std::optional<std::string> country;  // from a country cell or "(美国)", ISO alpha-2

  bool has_han() const { return han_end > han_begin; }
  bool has_latin() const { return latin_end > latin_begin; }
};

// Trims spaces, list punctuation and quotes off view[*b, *e); a full stop
// only after a Chinese character (a Latin name may end in "Inc.").
void TrimName(std::string_view view, size_t* b, size_t* e);

// The names of one name cell view[begin, end): "X公司(X Inc.)", "X Inc. (X公司)",
// "X公司 X Inc.", "X Inc.", with labelled fields after the name ("地址：…",
// "Address: …", "(别名：…)") and "(简称…)" asides left out.
NameParts SplitNameCell(std::string_view view, size_t begin, size_t end);

// Whether `line` opens with an entry marker ("1.", "(1)", "1" and a cell
// separator, a bullet).
bool IsEntryLine(std::string_view line);
// Whether line `i` opens a list: an entry, or the header row of a table
// (one line, or one cell a line).
bool IsListStart(const TextView& view, size_t i);
// The first line from `i` on that is not blank (lines().size() if none).
size_t NextNonBlankLine(const TextView& view, size_t i);

// One entry of a list: its names and the view span of its line(s).
struct ListEntry {
  NameParts names;
  size_t begin = 0, end = 0;  // view offsets, for Evidence
};

// The entries of a list whose heading (or announcing sentence) stands on the
// line before `first`: numbered lines ("1.", "1、", "(1)", "1" and a cell
// separator) counting up by one, bulleted lines, or a flattened table with an
// optional header row ("序号 名称 地址", "No. | Name | Address"). Lines after an
// entry that label its English name, address, alias or country belong to it.
// Reading ends at the first other line, at an entry that reads as a sentence
// or a control code rather than a name, at a break in the numbering, or at a
// line for which `stop` is true (a new heading, page chrome); *end_line is
// then the first line not read.
std::vector<ListEntry> ReadListEntries(const TextView& view, size_t first,
                                       const std::function<bool(size_t line)>& stop,
                                       size_t* end_line);

// The most parties one text may name; a reader stops collecting there (and
// says so in a warning). Real announcements name at most a few dozen.
constexpr size_t kMaxPartiesPerText = 2000;
// The most mentions of a list a reader looks at for sentences that act on
// it; real texts name a list a few times.
constexpr size_t kMaxListMentions = 500;

// A list's name found in a text ("出口管制管控名单", "watch list").
struct ListName {
  size_t begin = 0, end = 0;  // view offsets
  PartyList list = PartyList::kControlList;
};

// Every name of `words` in `text`, by position, none inside another ("管控名单"
// inside "出口管制管控名单"). With `whole_words`, a name must not touch a
// letter or digit on either side (English, matched on a lowercase copy).
std::vector<ListName> FindListNames(std::string_view text, std::span<const ListWord> words,
                                    bool whole_words);

// Keeps the first kMaxListMentions of `names`, with a warning when there were more.
void KeepListMentions(std::vector<ListName>& names, std::vector<std::string>& warnings);

// The document's own number, to tell its own mentions from citations.
struct OwnNumber {
  std::optional<DocIdParts> parts;
  std::string doc_id;
  size_t begin = 0, end = 0;  // the number as printed in the header

  static OwnNumber Of(const HeaderReading& header);
  // `r` is the own number, or another mention of the same announcement.
  bool Is(const Mention& r) const;
};

// A party as a reader found it, with the keys it is de-duplicated by.
struct FoundParty {
  Party party;
  std::string key;     // FoldPartyName of the name as read in the matching view
  std::string key_en;  // FoldPartyName of name_en ("" when none)
  bool from_list = false;  // an annex or list entry, not a sentence
};

// `name` folded for comparison as the scorer folds it: ASCII letters
// lowercased, spaces and ASCII and CJK punctuation (including "·" and "・")
// removed. Han characters are kept as they are (read the matching view, so
// Traditional and Simplified spellings of one name fold alike).
std::string FoldPartyName(std::string_view name);

// Which name of an entry a text prints as its own: a Chinese text the
// Chinese one (the Latin one beside it is name_en), an English text the
// Latin one (the bracketed Chinese one is dropped; a second Latin name in
// brackets is name_en).
enum class OwnScript { kHan, kLatin };

// The party of names `n` on `list`, evidence view[ev_begin, ev_end); a name
// without the text's own script stands as the name. `country` applies when
// the names carry none.
FoundParty MakeFoundParty(const TextView& view, const NameParts& n, OwnScript script,
                          PartyList list, PartyAction action,
                          const std::optional<std::string>& country, size_t ev_begin,
                          size_t ev_end, bool from_list);

// A sentence that puts parties on a list or takes them off, as a reader
// found it; it governs the lists below it.
struct PartyAct {
  PartyList list = PartyList::kControlList;
  PartyAction action = PartyAction::kAdd;
  size_t list_begin = 0, list_end = 0;  // view offsets of the list's name
  // Another announcement's act, a suspension of listing measures, an earlier
  // listing or another country's: its names are no parties, and a list only
  // such acts govern is read as no parties either.
  bool not_this = false;
  std::optional<std::string> country;  // "3家美国实体", "20 Japanese entities"
  std::optional<int> count;            // the number of entities it states
  // Its object points at a list below instead of naming parties ("将下列实体
  // 列入…：", "add the following entities to …:").
  bool forward = false;
};

// The heading of a list ("附件：出口管制管控名单", "Annex: Watch List").
struct ListHeading {
  std::optional<PartyList> list;  // the list it names, if any
  bool removal = false;           // it names a removal ("移出…名单的实体")
  bool suspension = false;        // it names a suspension: not a list of parties
  bool annex = false;             // an annex heading ("附件：…", "Annex: …"), which may
                                  // name its list alone; a bare list name needs an act
  size_t first_line = 0;          // the line after the heading
};

// What ReadGovernedLists needs of a language.
struct ListRules {
  OwnScript script = OwnScript::kHan;
  // The heading on line `i`, if it is one.
  std::function<std::optional<ListHeading>(size_t i)> heading;
  // Whether line `i` ends a list (page chrome, a new annex).
  std::function<bool(size_t i)> stop;
  // Whether line `i` ends announcing a list below it ("：", "as follows:").
  std::function<bool(size_t i)> opens_list;
  // Whether line `i` is page chrome.
  std::function<bool(size_t i)> chrome;
};

// Reads every list of the text: under a heading, the list it names (or, for
// a heading naming none, the list of the last act above it), its action from
// the heading or the last act of that list above it, a country the entries
// lack from that act; under a line ending with an act whose object points
// at the list ("决定将下列实体列入关注名单："), that act's (a colon after other
// words, "…并采取以下措施：", announces no list of parties). Lists under a
// suspension's heading, and lists only acts of others govern, are skipped.
// Appends the entries to `found` and a warning per list whose length differs
// from the count its act states.
void ReadGovernedLists(const TextView& view, const std::vector<PartyAct>& acts,
                       const ListRules& rules, std::vector<FoundParty>& found,
                       std::vector<std::string>& warnings);

// Gives the parties of `found` that lack a country the one country the
// acts of their list and action state, when they state exactly one
// (`stated` holds a (list, action, country) per act that counts entities of
// a country: "将X等2家美国实体列入…" over a list without countries).
struct StatedCountry {
  PartyList list;
  PartyAction action;
  std::string country;
};
void FillStatedCountries(std::vector<FoundParty>& found, const std::vector<StatedCountry>& stated);
// The same, with the countries of the acts of this document.
void FillStatedCountries(std::vector<FoundParty>& found, const std::vector<PartyAct>& acts);

// Keeps the count `act` states ("等20家日本实体", "20 Japanese entities"), with
// the view span [ev_begin, ev_end) as its evidence, unless the act is
// another's or states none, or a count for its list and action is kept.
void KeepStatedCount(const TextView& view, const PartyAct& act, size_t ev_begin, size_t ev_end,
                     std::vector<PartyCount>& counts);

// De-duplicates `found` by name: list entries first, then each party whose
// name (or English name) equals one already kept of the same list and action
// is dropped, and so is a sentence party whose name contains or is contained
// in a kept one of at least six bytes ("美国X公司" and "X公司"), the fuller
// name of two sentences kept; a kept party takes an English
// name and a country it lacks from a dropped twin. Returns the parties in
// document order (by evidence offset).
std::vector<Party> MergeParties(std::vector<FoundParty> found);

}  // namespace regdiff::parsers
