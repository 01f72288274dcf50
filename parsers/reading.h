// The neutral form between the two halves of the parser. A language's readers
// (zh_*.cc, en_*.cc) only read: they find mentions, the header, effective
// clauses, list lines and relations in a TextView and return them in these
// shapes, with view offsets. The back half (announcement_builder.cc,
// item_tree.cc) assembles them into an Announcement the same way for every
// language. As in ninja, where CLParser and DepfileParser read and one loop
// builds the graph.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "corpus/model.h"

namespace regdiff::parsers {

// A mention of a numbered announcement: "商务部 海关总署公告2025年第18号",
// "Announcement No. 18 of 2025 of the Ministry of Commerce". A list
// ("第55号、56号", "Nos. 55, 56 and 57") gives one mention per number, the
// issuers carried over, all of one `group`.
struct Mention {
  std::vector<std::string> issuers;  // canonical codes, canonical order; may be empty
  bool issuers_incomplete = false;   // another, unknown body is named with them
  int year = 0;
  int number = 0;
  size_t begin = 0;      // view offset where the mention starts (issuers before included)
  size_t keyword = 0;    // view offset of 公告 / "Announcement" (of the number for continuations)
  size_t end = 0;        // view offset after the mention's number
  size_t group = 0;      // mentions of one list share a group
  size_t group_end = 0;  // view offset after the whole list (issuers and years after included)
  bool continuation = false;  // "56号" after "第55号、": no keyword of its own
};

// What every reader of a text needs, read once per text.
struct TextReadings {
  std::vector<Mention> mentions;  // in order of position
  std::vector<bool> chrome;       // one flag per line: page chrome (related links)
};

// Where the text states its own number.
enum class OwnNumberFrom {
  kNone,    // nowhere
  kHeader,  // a header line or label: the text is the announcement (or a copy)
  kProse,   // a sentence about it: a news story, alert or summary
};

// A header reader's pick of the mention that is the document's own number.
struct OwnMention {
  const Mention* ref = nullptr;  // nullptr: none found
  std::vector<std::string> issuers;
  size_t begin = 0;
  OwnNumberFrom from = OwnNumberFrom::kNone;
  const char* rule = "";  // for --explain
};

// The document's own number, issuers, title and publication date.
struct HeaderReading {
  OwnNumberFrom own_from = OwnNumberFrom::kNone;
  std::string number_rule;     // the rule that found the own number (for --explain)
  std::string published_rule;  // the rule that found the publication date
  std::vector<std::string> issuers;  // canonical codes
  std::optional<int> year;
  std::optional<int> number;
  size_t number_begin = 0, number_end = 0;  // view offsets of the own mention; 0,0 if none
  Evidence number_evidence;
  std::string title;
  Evidence title_evidence;
  std::optional<Date> published;
  Evidence published_evidence;
};

// An effective clause as read: an on-publication clause carries no date (the
// back half gives it the publication date).
struct ClauseReading {
  size_t begin = 0, end = 0;  // view offsets of the evidence
  std::optional<Date> date;   // the date the clause names; nullopt on publication
  bool on_publication = false;
  std::string applies_to = "whole";
  std::string rule;  // the rule that read it (for --explain)
};

// One line of the text as the list reader classified it. Lines that are not
// part of the list keep their defaults (depth 0, no code, no HS code).
struct ListLine {
  int depth = 0;        // numbering depth, 1 outermost; 0 unnumbered
  int number = 0;       // its number at that depth
  std::string marker;   // the marker as it goes into positions: "一", "(一)", "(I)", "a"
  std::optional<std::string> code;  // the control code this line introduces
  // A later numbered line without a code at a depth up to this one ends the
  // item this line's code opens (the line's own depth, or, for an unnumbered
  // code line, the depth the reader infers for it).
  int scope_depth = 0;
  size_t name_begin = 0, name_end = 0;  // view span of the item's name, trimmed
  size_t evidence_end = 0;              // view offset where the line's evidence ends
  std::vector<std::string> hs;          // HS codes listed from this line, digits only
  size_t hs_begin = 0, hs_end = 0;      // view span of those codes
  bool empty_hs = false;                // an HS label with no numbers: "(参考…:、、)"
  bool announces_list = false;          // a heading that announces the list below it
  std::vector<size_t> ancestors;        // line indexes of the numbered lines above it
  std::string rule;                     // how its code or HS codes were read (for --explain)
};

// The list reader's result: one ListLine per line of the view.
struct ListReading {
  std::vector<ListLine> lines;
  std::vector<std::string> warnings;  // what the reader itself noticed (OCR repairs)
  // A count the text states ("下列5种物项") and the words stating it.
  std::optional<int> stated_count;
  std::string stated_count_text;
  bool announces_list = false;  // the text says a list follows ("下列物项", "the following items")
};

// The parties a text names as added to or removed from MOFCOM's lists, as
// its reader found them (de-duplicated by name, in document order).
struct PartyReading {
  std::vector<Party> parties;
  std::vector<PartyCount> counts;  // the first count stated per (list, action)
  std::vector<std::string> warnings;  // a stated count the list does not match, caps reached
};

// A relation as read: what the text does to the announcement it mentions.
struct RelationReading {
  Mention target;
  RelationType type = RelationType::kRefersTo;
  std::optional<Date> until;
  size_t begin = 0, end = 0;  // view offsets of the evidence
  std::string rule;           // how its type and end date were read (for --explain)
};

}  // namespace regdiff::parsers
