// The diff of two normalised texts: lines aligned by Myers' O(ND) algorithm
// (bounded: past a number of edits it anchors on lines unique to both sides,
// and past that it replaces the block whole), then, within each changed line
// paired with a similar one, tokens aligned the same way: one token per
// Chinese character, one per English word, space run or punctuation mark.
// Hunks carry N lines of context, as unified diffs do. Deterministic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace regdiff::diff {

enum class LineOp { kContext, kDelete, kInsert };
std::string_view LineOpName(LineOp op);  // "context", "delete", "insert"

// A run of a changed line: unchanged text, or text that differs from the
// line it is paired with.
struct Segment {
  bool changed = false;
  std::string text;
  bool operator==(const Segment&) const = default;
};

struct DiffLine {
  LineOp op = LineOp::kContext;
  size_t left_line = 0;   // 1-based line number on the left; 0 for insertions
  size_t right_line = 0;  // 1-based line number on the right; 0 for deletions
  std::string text;       // without the line break
  // For a deleted or inserted line paired with a similar line of the other
  // side: `text` cut into unchanged and changed runs. Empty otherwise (the
  // whole line is changed).
  std::vector<Segment> segments;
  // True for a deleted line and the inserted line it was paired with (most
  // similar lines of one changed block, in order); side-by-side views put a
  // pair on one row.
  bool paired = false;
};

// Unified-diff hunk: "@@ -left_start,left_count +right_start,right_count @@".
// A start is the first line's number, or the preceding line's when the
// count is 0.
struct Hunk {
  size_t left_start = 0;
  size_t left_count = 0;
  size_t right_start = 0;
  size_t right_count = 0;
  std::vector<DiffLine> lines;
};

struct TextDiffOptions {
  size_t context = 3;            // unchanged lines around each change
  size_t max_line_edits = 1000;  // Myers bound on lines, per block
  size_t max_token_edits = 400;  // Myers bound on tokens, per line pair
  size_t max_line_tokens = 4000;   // longer lines are compared whole
  size_t max_total_tokens = 1u << 20;  // token budget of all line pairs together
  size_t max_block_pairs = 40000;  // deletions x insertions weighed for pairing, per block
};

struct TextDiff {
  std::vector<Hunk> hunks;
  size_t context = 3;
  size_t lines_deleted = 0;
  size_t lines_inserted = 0;
  // The line bound was exceeded and a block had no unique lines to anchor
  // on: that block is shown as deleted then inserted whole.
  bool line_fallback = false;
  // Some changed lines were not compared token by token (a line too long,
  // a changed block too large to pair, or the token budget spent) and are
  // shown whole.
  bool token_fallback = false;

  bool empty() const { return hunks.empty(); }
};

// Diffs two '\n'-separated texts (a final '\n' ends the last line; it does
// not start another).
TextDiff DiffTexts(std::string_view left, std::string_view right,
                   const TextDiffOptions& options = {});

// The tokens of a line: runs of word characters, runs of white space, and
// every other character (CJK characters, punctuation) on its own. The
// concatenation of the tokens is the line.
std::vector<std::string_view> Tokenize(std::string_view line);

}  // namespace regdiff::diff
