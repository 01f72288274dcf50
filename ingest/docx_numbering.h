// The numbered lists of a DOCX: the list definitions of word/numbering.xml
// (w:num -> w:abstractNum -> w:lvl), the numbering that paragraph styles of
// word/styles.xml carry, and the counters that give each numbered paragraph,
// in document order, the number Word shows ("1.", "（三）", "2.1").
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/status.h"

namespace regdiff::ingest {

// What a paragraph's w:pPr says about its numbering: its w:numPr (either
// part may be absent) and its style.
struct ParagraphNumbering {
  std::optional<std::string> num_id;  // w:numId/@w:val; "0" removes numbering
  std::optional<int> level;           // w:ilvl/@w:val, 0..8
  std::string style;                  // w:pStyle/@w:val
};

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;  // w:ilvl 0..8

  DocxNumbering() = default;  // no definitions: no paragraph is numbered

  // Reads the definitions; either part may be empty (absent from the file).
  // Errors: kCorruption (malformed XML, naming the part).
  static Result<DocxNumbering> Parse(std::string_view numbering_xml, std::string_view styles_xml);

  // The number shown before a paragraph with `numbering`, advancing the
  // counters of its list (deeper levels restart when a shallower one
  // advances), followed by its w:suff ('\t' by default, ' ', or nothing).
  // "" for a paragraph that is not numbered or whose list is not defined.
  std::string Next(const ParagraphNumbering& numbering);

 private:
  struct Level {
    int64_t start = 1;
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, e.g. "%1." or "（%1）"
    std::string suffix = " ";        // from w:suff: a tab or a space ' ', nothing ""
    bool legal = false;              // w:isLgl: lower levels shown in decimal
    std::string style;               // w:pStyle: the paragraph style tied to this level
  };
  using Levels = std::array<Level, kLevels>;
  struct List {  // one w:num
    std::string abstract_id;
    std::map<int, int64_t> start_overrides;  // level -> w:startOverride
    std::map<int, Level> level_overrides;    // level -> w:lvlOverride/w:lvl
  };
  struct StyleNumbering {
    std::optional<std::string> num_id;
    std::optional<int> level;
    std::string based_on;
  };
  struct Counters {
    std::array<int64_t, kLevels> value{};
    std::array<bool, kLevels> started{};
  };

  Status ParseNumbering(std::string_view xml);
  Status ParseStyles(std::string_view xml);
  const Level* FindLevel(const std::string& num_id, int level) const;

  std::map<std::string, Levels> abstracts_;     // w:abstractNumId -> levels
  std::map<std::string, List> lists_;           // w:numId -> list
  std::map<std::string, StyleNumbering> styles_;  // w:styleId -> its numbering
  std::map<std::string, Counters> counters_;    // w:numId -> counters
};

}  // namespace regdiff::ingest
