// DiffTexts: bounded Myers on lines, patience anchors past the bound, then
// tokens within paired lines, then hunks.
#include "diff/text_diff.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <unordered_map>

#include "diff/utf8.h"

namespace regdiff::diff {
namespace {

enum class Edit : uint8_t { kKeep, kDelete, kInsert };

using Ids = std::span<const uint32_t>;

// Appends to `out` the shortest edit script from `a` to `b`, or returns
// false (appending nothing) when it needs more than `max_d` edits. Keeps the
// V vector of every round for the backtrack: O(D^2) memory, O((N+M)D) time.
bool Myers(Ids a, Ids b, size_t max_d, std::vector<Edit>& out) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = std::min<long>(n + m, static_cast<long>(max_d));
  const long off = max + 1;
  std::vector<long> v(2 * max + 3, 0);
  std::vector<std::vector<long>> trace;  // trace[d][k + d] = furthest x on diagonal k
  long found_d = -1;
  for (long d = 0; d <= max && found_d < 0; ++d) {
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                        : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[off + k] = x;
      if (x >= n && y >= m) found_d = d;
    }
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
  }
  if (found_d < 0) return false;

  std::vector<Edit> rev;
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& prev = trace[d - 1];  // index k + (d - 1)
    const long k = x - y;
    auto at = [&](long kk) { return prev[kk + d - 1]; };
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const long prev_k = down ? k + 1 : k - 1;
    const long prev_x = at(prev_k), prev_y = prev_x - prev_k;
    const long mid_x = down ? prev_x : prev_x + 1;
    while (x > mid_x) {
      rev.push_back(Edit::kKeep);
      --x, --y;
    }
    rev.push_back(down ? Edit::kInsert : Edit::kDelete);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0) {
    rev.push_back(Edit::kKeep);
    --x;
  }
  out.insert(out.end(), rev.rbegin(), rev.rend());
  return true;
}

// Patience anchors: pairs (i, j) of lines occurring exactly once in `a` and
// once in `b`, the longest run increasing on both sides.
std::vector<std::pair<size_t, size_t>> UniqueAnchors(Ids a, Ids b) {
  struct Seen {
    size_t in_a = 0, in_b = 0, pos_a = 0, pos_b = 0;
  };
  std::unordered_map<uint32_t, Seen> seen;
  for (size_t i = 0; i < a.size(); ++i) {
    Seen& s = seen[a[i]];
    ++s.in_a;
    s.pos_a = i;
  }
  for (size_t j = 0; j < b.size(); ++j) {
    auto it = seen.find(b[j]);
    if (it == seen.end()) continue;
    ++it->second.in_b;
    it->second.pos_b = j;
  }
  std::vector<std::pair<size_t, size_t>> pairs;  // in a's order
  for (size_t i = 0; i < a.size(); ++i) {
    const Seen& s = seen[a[i]];
    if (s.in_a == 1 && s.in_b == 1) pairs.emplace_back(i, s.pos_b);
  }
  // Longest increasing subsequence on the b positions.
  std::vector<size_t> tails, prev(pairs.size(), SIZE_MAX), tail_index;
  for (size_t p = 0; p < pairs.size(); ++p) {
    auto it = std::lower_bound(tails.begin(), tails.end(), pairs[p].second);
    const size_t len = static_cast<size_t>(it - tails.begin());
    if (len > 0) prev[p] = tail_index[len - 1];
    if (it == tails.end()) {
      tails.push_back(pairs[p].second);
      tail_index.push_back(p);
    } else {
      *it = pairs[p].second;
      tail_index[len] = p;
    }
  }
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t p = tail_index.empty() ? SIZE_MAX : tail_index.back(); p != SIZE_MAX; p = prev[p])
    out.push_back(pairs[p]);
  std::reverse(out.begin(), out.end());
  return out;
}

void Repeat(std::vector<Edit>& out, Edit e, size_t n) { out.insert(out.end(), n, e); }

// The edit script of lines a -> b: common ends, bounded Myers, then unique
// anchors, then whole replacement.
void DiffLines(Ids a, Ids b, size_t max_d, int depth, std::vector<Edit>& out, bool* fallback) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  Repeat(out, Edit::kKeep, prefix);
  Ids ma = a.subspan(prefix, a.size() - prefix - suffix);
  Ids mb = b.subspan(prefix, b.size() - prefix - suffix);
  if (ma.empty() || mb.empty()) {
    Repeat(out, Edit::kDelete, ma.size());
    Repeat(out, Edit::kInsert, mb.size());
  } else if (!Myers(ma, mb, max_d, out)) {
    std::vector<std::pair<size_t, size_t>> anchors =
        depth < 16 ? UniqueAnchors(ma, mb) : std::vector<std::pair<size_t, size_t>>{};
    if (anchors.empty()) {
      *fallback = true;
      Repeat(out, Edit::kDelete, ma.size());
      Repeat(out, Edit::kInsert, mb.size());
    } else {
      size_t i = 0, j = 0;
      for (auto [ai, bj] : anchors) {
        DiffLines(ma.subspan(i, ai - i), mb.subspan(j, bj - j), max_d, depth + 1, out, fallback);
        out.push_back(Edit::kKeep);
        i = ai + 1;
        j = bj + 1;
      }
      DiffLines(ma.subspan(i), mb.subspan(j), max_d, depth + 1, out, fallback);
    }
  }
  Repeat(out, Edit::kKeep, suffix);
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

class Interner {
 public:
  explicit Interner(size_t expected = 0) { ids_.reserve(expected); }
  uint32_t Id(std::string_view s) {
    return ids_.try_emplace(s, static_cast<uint32_t>(ids_.size())).first->second;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
};

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void AddSegment(std::vector<Segment>& segs, bool changed, std::string_view text) {
  if (!segs.empty() && segs.back().changed == changed) segs.back().text += text;
  else segs.push_back({changed, std::string(text)});
}

// Token-level marks for a deleted line and the inserted line paired with it.
// Leaves both empty when the lines share less than half their characters
// (they are different lines, not edits of one), or when a bound is hit.
void MarkTokens(DiffLine& del, DiffLine& ins, const TextDiffOptions& options, size_t* budget,
                bool* fallback) {
  const std::vector<std::string_view> ta = Tokenize(del.text), tb = Tokenize(ins.text);
  if (ta.size() > options.max_line_tokens || tb.size() > options.max_line_tokens ||
      ta.size() + tb.size() > *budget) {
    *fallback = true;
    return;
  }
  *budget -= ta.size() + tb.size();
  Interner interner;
  std::vector<uint32_t> ia, ib;
  for (auto t : ta) ia.push_back(interner.Id(t));
  for (auto t : tb) ib.push_back(interner.Id(t));
  std::vector<Edit> edits;
  if (!Myers(ia, ib, options.max_token_edits, edits)) {
    // More edits than the bound: under half shared anyway unless the lines
    // are long, and only then is something lost.
    if (ta.size() + tb.size() > 2 * options.max_token_edits) *fallback = true;
    return;
  }
  std::vector<Segment> sa, sb;
  size_t i = 0, j = 0, common = 0;
  for (Edit e : edits) {
    if (e == Edit::kKeep) {
      common += CodePointCount(ta[i]);
      AddSegment(sa, false, ta[i++]);
      AddSegment(sb, false, tb[j++]);
    } else if (e == Edit::kDelete) {
      AddSegment(sa, true, ta[i++]);
    } else {
      AddSegment(sb, true, tb[j++]);
    }
  }
  const size_t total = CodePointCount(del.text) + CodePointCount(ins.text);
  if (total == 0 || 2 * common * 2 < total) return;  // under half shared
  del.segments = std::move(sa);
  ins.segments = std::move(sb);
}

// Similarity of two lines as bags of tokens: 2 * shared / total, in [0, 1].
double BagSimilarity(const std::unordered_map<std::string_view, int>& a, size_t a_size,
                     const std::unordered_map<std::string_view, int>& b, size_t b_size) {
  if (a_size + b_size == 0) return 1.0;
  size_t shared = 0;
  for (const auto& [token, n] : a) {
    auto it = b.find(token);
    if (it != b.end()) shared += static_cast<size_t>(std::min(n, it->second));
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a_size + b_size);
}

// Which deleted line of a changed block is an edit of which inserted line:
// the order-preserving pairing with the greatest total similarity, counting
// only pairs that share at least half their tokens. Blocks too large to
// weigh are left unpaired (*too_large set).
std::vector<std::pair<size_t, size_t>> PairLines(std::span<const DiffLine> dels,
                                                 std::span<const DiffLine> inss,
                                                 const TextDiffOptions& options, bool* too_large) {
  std::vector<std::pair<size_t, size_t>> pairs;
  const size_t n = dels.size(), m = inss.size();
  if (n == 0 || m == 0) return pairs;
  if (n * m > options.max_block_pairs) {
    *too_large = true;
    return pairs;
  }
  std::vector<std::vector<std::string_view>> ta(n), tb(m);
  std::vector<std::unordered_map<std::string_view, int>> ba(n), bb(m);
  for (size_t i = 0; i < n; ++i) {
    ta[i] = Tokenize(dels[i].text);
    for (auto t : ta[i]) ++ba[i][t];
  }
  for (size_t j = 0; j < m; ++j) {
    tb[j] = Tokenize(inss[j].text);
    for (auto t : tb[j]) ++bb[j][t];
  }
  // best[i][j]: best total over dels[0, i) and inss[0, j).
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
  std::vector<std::vector<double>> sim(n, std::vector<double>(m, 0.0));
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      sim[i - 1][j - 1] = BagSimilarity(ba[i - 1], ta[i - 1].size(), bb[j - 1], tb[j - 1].size());
      double v = std::max(best[i - 1][j], best[i][j - 1]);
      if (sim[i - 1][j - 1] >= 0.5) v = std::max(v, best[i - 1][j - 1] + sim[i - 1][j - 1]);
      best[i][j] = v;
    }
  }
  for (size_t i = n, j = m; i > 0 && j > 0;) {
    if (sim[i - 1][j - 1] >= 0.5 && best[i][j] == best[i - 1][j - 1] + sim[i - 1][j - 1]) {
      pairs.emplace_back(i - 1, j - 1);
      --i, --j;
    } else if (best[i][j] == best[i - 1][j]) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<Hunk> MakeHunks(std::vector<DiffLine>& lines, size_t context) {
  std::vector<Hunk> hunks;
  size_t i = 0;
  const size_t n = lines.size();
  // last_left[k], last_right[k]: the last line number of each side among
  // lines[0, k), for hunks with an empty side.
  std::vector<size_t> last_left(n + 1, 0), last_right(n + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    last_left[k + 1] = lines[k].op != LineOp::kInsert ? lines[k].left_line : last_left[k];
    last_right[k + 1] = lines[k].op != LineOp::kDelete ? lines[k].right_line : last_right[k];
  }
  while (i < n) {
    while (i < n && lines[i].op == LineOp::kContext) ++i;
    if (i == n) break;
    size_t begin = i >= context ? i - context : 0;
    size_t end = i;  // one past the last changed line of the hunk
    for (;;) {
      while (end < n && lines[end].op != LineOp::kContext) ++end;
      size_t next = end;
      while (next < n && lines[next].op == LineOp::kContext) ++next;
      if (next < n && next - end <= 2 * context) {
        end = next;
        continue;
      }
      break;
    }
    const size_t stop = std::min(n, end + context);
    Hunk h;
    h.lines.reserve(stop - begin);
    for (size_t k = begin; k < stop; ++k) {
      DiffLine& l = lines[k];
      if (l.op != LineOp::kInsert) {
        if (h.left_count++ == 0) h.left_start = l.left_line;
      }
      if (l.op != LineOp::kDelete) {
        if (h.right_count++ == 0) h.right_start = l.right_line;
      }
      h.lines.push_back(std::move(l));
    }
    // Empty side: the number of the line before the hunk on that side.
    if (h.left_count == 0) h.left_start = last_left[begin];
    if (h.right_count == 0) h.right_start = last_right[begin];
    hunks.push_back(std::move(h));
    i = stop;
  }
  return hunks;
}

}  // namespace

std::string_view LineOpName(LineOp op) {
  switch (op) {
    case LineOp::kContext: return "context";
    case LineOp::kDelete: return "delete";
    case LineOp::kInsert: return "insert";
  }
  return "context";
}

std::vector<std::string_view> Tokenize(std::string_view line) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < line.size()) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(line, i, &len);
    size_t end = i + len;
    const bool word = IsWordChar(c), space = IsSpace(c);
    if (word || space) {
      while (end < line.size()) {
        size_t l2 = 1;
        const char32_t c2 = DecodeUtf8(line, end, &l2);
        if (word ? !IsWordChar(c2) : !IsSpace(c2)) break;
        end += l2;
      }
    }
    tokens.push_back(line.substr(i, end - i));
    i = end;
  }
  return tokens;
}

TextDiff DiffTexts(std::string_view left, std::string_view right, const TextDiffOptions& options) {
  TextDiff out;
  out.context = options.context;
  const std::vector<std::string_view> la = SplitLines(left), lb = SplitLines(right);
  Interner interner(la.size() + lb.size());
  std::vector<uint32_t> ia, ib;
  ia.reserve(la.size());
  ib.reserve(lb.size());
  for (auto l : la) ia.push_back(interner.Id(l));
  for (auto l : lb) ib.push_back(interner.Id(l));
  std::vector<Edit> edits;
  edits.reserve(la.size() + lb.size());
  DiffLines(ia, ib, options.max_line_edits, 0, edits, &out.line_fallback);

  // Lines in order; within each changed block, deletions before insertions,
  // the k-th deletion paired with the k-th insertion for token marks.
  std::vector<DiffLine> lines;
  lines.reserve(edits.size());
  size_t budget = options.max_total_tokens;
  size_t i = 0, j = 0, e = 0;
  while (e < edits.size()) {
    if (edits[e] == Edit::kKeep) {
      lines.push_back({LineOp::kContext, i + 1, j + 1, std::string(la[i]), {}});
      ++i, ++j, ++e;
      continue;
    }
    // The block's deletions, then its insertions, straight into `lines`.
    size_t block_end = e;
    while (block_end < edits.size() && edits[block_end] != Edit::kKeep) ++block_end;
    const size_t first_del = lines.size();
    for (size_t k = e; k < block_end; ++k) {
      if (edits[k] != Edit::kDelete) continue;
      lines.push_back({LineOp::kDelete, i + 1, 0, std::string(la[i]), {}});
      ++i;
    }
    const size_t first_ins = lines.size();
    for (size_t k = e; k < block_end; ++k) {
      if (edits[k] != Edit::kInsert) continue;
      lines.push_back({LineOp::kInsert, 0, j + 1, std::string(lb[j]), {}});
      ++j;
    }
    e = block_end;
    std::span<DiffLine> dels(lines.data() + first_del, first_ins - first_del);
    std::span<DiffLine> inss(lines.data() + first_ins, lines.size() - first_ins);
    for (auto [d, k] : PairLines(dels, inss, options, &out.token_fallback)) {
      dels[d].paired = inss[k].paired = true;
      MarkTokens(dels[d], inss[k], options, &budget, &out.token_fallback);
    }
    out.lines_deleted += dels.size();
    out.lines_inserted += inss.size();
  }
  out.hunks = MakeHunks(lines, options.context);
  return out;
}

}  // namespace regdiff::diff
