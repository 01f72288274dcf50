// DiffTexts: line alignment, token marks (Chinese by character, English by
// word), hunks with context, and the bounds on large inputs.
#include "diff/text_diff.h"

#include <gtest/gtest.h>

namespace regdiff::diff {
namespace {

std::string Lines(int from, int to, const std::string& prefix = "line ") {
  std::string out;
  for (int i = from; i <= to; ++i) out += prefix + std::to_string(i) + "\n";
  return out;
}

// "-7,7 +7,7".
std::string HunkHeader(const Hunk& h) {
  std::string out = "-";
  out += std::to_string(h.left_start);
  out += ',';
  out += std::to_string(h.left_count);
  out += " +";
  out += std::to_string(h.right_start);
  out += ',';
  out += std::to_string(h.right_count);
  return out;
}

std::string Marked(const DiffLine& l) {
  std::string out;
  for (const Segment& s : l.segments) out += s.changed ? "[" + s.text + "]" : s.text;
  return out;
}

TEST(TextDiff, IdenticalTextsHaveNoHunks) {
  TextDiff d = DiffTexts("一\n二\n三\n", "一\n二\n三\n");
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.lines_deleted, 0u);
  EXPECT_TRUE(DiffTexts("", "").empty());
}

TEST(TextDiff, MarksChangedTokens) {
  struct Case {
    const char* name;
    std::string left, right;
    std::string left_marked, right_marked;
  } cases[] = {
      {"Chinese, by character", "本公告自2025年11月8日起实施", "本公告自2025年12月1日起正式实施",
       "本公告自2025年[11]月[8]日起实施", "本公告自2025年[12]月[1]日起[正式]实施"},
      {"Chinese HS list", "(参考海关商品编号:2846901940、2846901993、3824999922)",
       "(参考海关商品编号:2846901940、3824999922、2846901999)",
       "(参考海关商品编号:2846901940、[2846901993、]3824999922)",
       "(参考海关商品编号:2846901940、3824999922[、2846901999])"},
      {"English, by word", "shall come into force as of November 8, 2025.",
       "shall come into force as of December 1, 2025.", "shall come into force as of [November] [8], 2025.",
       "shall come into force as of [December] [1], 2025."},
      {"English word changed inside", "Holmium oxide and mixtures thereof", "Holmium oxides and mixtures thereof",
       "Holmium [oxide] and mixtures thereof", "Holmium [oxides] and mixtures thereof"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TextDiff d = DiffTexts(c.left + "\n", c.right + "\n");
    ASSERT_EQ(d.hunks.size(), 1u);
    ASSERT_EQ(d.hunks[0].lines.size(), 2u);
    EXPECT_EQ(d.hunks[0].lines[0].op, LineOp::kDelete);
    EXPECT_EQ(d.hunks[0].lines[1].op, LineOp::kInsert);
    EXPECT_EQ(Marked(d.hunks[0].lines[0]), c.left_marked);
    EXPECT_EQ(Marked(d.hunks[0].lines[1]), c.right_marked);
  }
}

TEST(TextDiff, PairsEachChangedLineWithItsMostSimilarCounterpart) {
  // The first line is gone and the others renumbered: pairing by position
  // would compare 1C903.a with 1C903.b.
  TextDiff d = DiffTexts("(一)1C903.a 金属钆、含钆的合金及相关制品\n(二)1C903.b 氧化钆及其混合物\n"
                         "(三)1C903.c 含钆的化合物及其混合物\n",
                         "(一)1C903.b 氧化钆及其混合物\n(二)1C903.d 含钆的化合物及其混合物\n");
  ASSERT_EQ(d.hunks.size(), 1u);
  const std::vector<DiffLine>& l = d.hunks[0].lines;
  ASSERT_EQ(l.size(), 5u);
  EXPECT_FALSE(l[0].paired);
  EXPECT_TRUE(l[0].segments.empty());
  EXPECT_TRUE(l[1].paired);
  EXPECT_EQ(Marked(l[1]), "([二])1C903.b 氧化钆及其混合物");
  EXPECT_EQ(Marked(l[3]), "([一])1C903.b 氧化钆及其混合物");
  EXPECT_EQ(Marked(l[2]), "([三])1C903.[c] 含钆的化合物及其混合物");
  EXPECT_EQ(Marked(l[4]), "([二])1C903.[d] 含钆的化合物及其混合物");
}

TEST(TextDiff, UnrelatedLinesAreChangedWhole) {
  TextDiff d = DiffTexts("一、钬相关物项\n", "I. Holmium-related items\n");
  ASSERT_EQ(d.hunks.size(), 1u);
  EXPECT_TRUE(d.hunks[0].lines[0].segments.empty());
  EXPECT_TRUE(d.hunks[0].lines[1].segments.empty());
  EXPECT_FALSE(d.token_fallback);
}

TEST(TextDiff, HunksCarryContextAndMergeWhenClose) {
  struct Case {
    const char* name;
    std::vector<int> changed;  // line numbers replaced on the right
    size_t context;
    std::vector<std::string> headers;
  } cases[] = {
      {"one change", {10}, 3, {"-7,7 +7,7"}},
      {"two far apart", {3, 18}, 3, {"-1,6 +1,6", "-15,6 +15,6"}},
      {"two close: one hunk", {10, 14}, 3, {"-7,11 +7,11"}},
      {"no context", {10}, 0, {"-10,1 +10,1"}},
      {"first line", {1}, 2, {"-1,3 +1,3"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string left = Lines(1, 20), right;
    for (int i = 1; i <= 20; ++i) {
      bool changed = std::find(c.changed.begin(), c.changed.end(), i) != c.changed.end();
      right += changed ? "changed " : "line ";
      right += std::to_string(i);
      right += '\n';
    }
    TextDiffOptions options;
    options.context = c.context;
    TextDiff d = DiffTexts(left, right, options);
    std::vector<std::string> headers;
    for (const Hunk& h : d.hunks) headers.push_back(HunkHeader(h));
    EXPECT_EQ(headers, c.headers);
  }
}

TEST(TextDiff, NumbersLinesOnEachSide) {
  TextDiff d = DiffTexts("a\nb\nc\n", "a\nx\ny\nc\n");
  ASSERT_EQ(d.hunks.size(), 1u);
  const std::vector<DiffLine>& l = d.hunks[0].lines;
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[0].op, LineOp::kContext);
  EXPECT_EQ(l[1].op, LineOp::kDelete);
  EXPECT_EQ(l[1].left_line, 2u);
  EXPECT_EQ(l[1].right_line, 0u);
  EXPECT_EQ(l[2].op, LineOp::kInsert);
  EXPECT_EQ(l[2].right_line, 2u);
  EXPECT_EQ(l[3].right_line, 3u);
  EXPECT_EQ(l[4].left_line, 3u);
  EXPECT_EQ(l[4].right_line, 4u);
  EXPECT_EQ(d.lines_deleted, 1u);
  EXPECT_EQ(d.lines_inserted, 2u);
}

TEST(TextDiff, PureInsertionStartsAfterThePrecedingLine) {
  TextDiff d = DiffTexts("a\nb\n", "new\na\nb\n", TextDiffOptions{.context = 0});
  ASSERT_EQ(d.hunks.size(), 1u);
  EXPECT_EQ(d.hunks[0].left_start, 0u);
  EXPECT_EQ(d.hunks[0].left_count, 0u);
  EXPECT_EQ(d.hunks[0].right_start, 1u);
  EXPECT_EQ(d.hunks[0].right_count, 1u);
}

TEST(TextDiff, TokenizesChineseByCharacterAndEnglishByWord) {
  struct Case {
    std::string line;
    std::vector<std::string> tokens;
  } cases[] = {
      {"金属钬", {"金", "属", "钬"}},
      {"1C909.a 金属", {"1C909", ".", "a", " ", "金", "属"}},
      {"Holmium  oxide,", {"Holmium", "  ", "oxide", ","}},
      {"28053019)。", {"28053019", ")", "。"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (auto t : Tokenize(c.line)) got.emplace_back(t);
    EXPECT_EQ(got, c.tokens) << c.line;
  }
}

TEST(TextDiff, IsDeterministic) {
  const std::string a = Lines(1, 200) + "x\ny\n" + Lines(300, 400);
  const std::string b = Lines(1, 150) + "y\nx\n" + Lines(300, 420, "row ");
  TextDiff d1 = DiffTexts(a, b), d2 = DiffTexts(a, b);
  ASSERT_EQ(d1.hunks.size(), d2.hunks.size());
  for (size_t i = 0; i < d1.hunks.size(); ++i) {
    ASSERT_EQ(d1.hunks[i].lines.size(), d2.hunks[i].lines.size());
    for (size_t k = 0; k < d1.hunks[i].lines.size(); ++k) {
      EXPECT_EQ(d1.hunks[i].lines[k].text, d2.hunks[i].lines[k].text);
      EXPECT_EQ(d1.hunks[i].lines[k].op, d2.hunks[i].lines[k].op);
    }
  }
}

TEST(TextDiff, LargeTextWithScatteredChangesIsAlignedExactly) {
  // 100,000 lines, every 50th changed: more edits than the Myers bound, so
  // unique-line anchors split the work.
  std::string left, right;
  for (int i = 0; i < 100000; ++i) {
    left += "line " + std::to_string(i) + "\n";
    right += (i % 50 == 0 ? "changed " : "line ") + std::to_string(i) + "\n";
  }
  TextDiff d = DiffTexts(left, right);
  EXPECT_EQ(d.lines_deleted, 2000u);
  EXPECT_EQ(d.lines_inserted, 2000u);
  EXPECT_FALSE(d.line_fallback);
  EXPECT_EQ(d.hunks.size(), 2000u);
}

TEST(TextDiff, LargeChangedBlocksAreNotPairedLineByLine) {
  std::string left, right;
  for (int i = 0; i < 300; ++i) {
    left += "item " + std::to_string(i) + " old\n";
    right += "item " + std::to_string(i) + " new\n";
  }
  TextDiffOptions options;
  options.max_block_pairs = 300 * 300 - 1;
  TextDiff d = DiffTexts(left, right, options);
  EXPECT_TRUE(d.token_fallback);
  EXPECT_FALSE(d.hunks[0].lines[0].paired);
  options.max_block_pairs = 300 * 300;
  d = DiffTexts(left, right, options);
  EXPECT_FALSE(d.token_fallback);
  EXPECT_TRUE(d.hunks[0].lines[0].paired);
  EXPECT_EQ(d.hunks[0].lines[0].segments.size(), 2u);  // "item 0 " unchanged, "old" changed
}

TEST(TextDiff, LargeUnrelatedTextsFallBackToWholeBlocks) {
  std::string left, right;
  for (int i = 0; i < 100000; ++i) {
    left += "a\n";
    right += "b\n";
  }
  TextDiff d = DiffTexts(left, right);
  EXPECT_TRUE(d.line_fallback);
  EXPECT_EQ(d.lines_deleted, 100000u);
  EXPECT_EQ(d.lines_inserted, 100000u);
  ASSERT_EQ(d.hunks.size(), 1u);
}

TEST(TextDiff, OverlongLinesAreComparedWhole) {
  std::string left, right;
  for (int i = 0; i < 5000; ++i) left += "w ";  // 10,000 tokens
  right = left;
  right[0] = 'x';
  TextDiff d = DiffTexts(left, right);
  ASSERT_EQ(d.hunks.size(), 1u);
  EXPECT_TRUE(d.token_fallback);
  EXPECT_TRUE(d.hunks[0].lines[0].segments.empty());
}

}  // namespace
}  // namespace regdiff::diff
