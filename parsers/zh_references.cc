// Finding announcement mentions and their issuers.
#include "parsers/zh_references.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "corpus/issuers.h"
#include "parsers/numerals.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"

namespace regdiff::parsers {
namespace {

// The longest span a range of numbers may cover ("第55号至第58号").
constexpr int kMaxRange = 30;

// Separators allowed between issuer names.
constexpr std::string_view kIssuerSeparators[] = {" ", "\t", "、", ",", "和", "与", "及", "/"};

// (alias, code) pairs, longest alias first so "中华人民共和国商务部" wins over "商务部".
const std::vector<std::pair<std::string_view, std::string>>& AliasTable() {
  static const auto* kTable = [] {
    auto* table = new std::vector<std::pair<std::string_view, std::string>>();
    for (const auto& issuer : Issuers())
      for (auto alias : issuer.aliases_zh) table->emplace_back(alias, std::string(issuer.code));
    std::stable_sort(table->begin(), table->end(), [](const auto& a, const auto& b) {
      return a.first.size() > b.first.size();
    });
    return table;
  }();
  return *kTable;
}

bool EndsWithAt(std::string_view view, size_t pos, std::string_view s) {
  return pos >= s.size() && view.substr(pos - s.size(), s.size()) == s;
}

}  // namespace

std::vector<std::string> ZhIssuersBefore(std::string_view view, size_t pos, size_t* start) {
  std::vector<std::string> codes;
  *start = pos;
  size_t p = pos;
  // "联合" may stand between the names and 公告.
  if (EndsWithAt(view, p, "联合")) p -= std::string_view("联合").size();
  while (true) {
    size_t q = p;
    bool progressed = true;
    while (progressed) {  // separators
      progressed = false;
      for (auto sep : kIssuerSeparators) {
        bool space = sep == " " || sep == "\t";
        if ((space || !codes.empty()) && EndsWithAt(view, q, sep)) {
          q -= sep.size();
          progressed = true;
        }
      }
    }
    bool found = false;
    for (const auto& [alias, code] : AliasTable()) {
      if (EndsWithAt(view, q, alias)) {
        codes.push_back(code);
        q -= alias.size();
        found = true;
        break;
      }
    }
    if (!found) break;
    p = q;
    *start = q;
  }
  CanonicalizeIssuers(codes);
  return codes;
}

std::vector<Mention> FindZhMentions(std::string_view view) {
  const ZhPatterns& pat = ZhP();
  std::vector<Mention> out;
  size_t group = 0;

  // Adds the numbers after `last` up to `to` ("第55号至第58号": 56, 57, 58)
  // as continuations of `last` standing at [begin, end). `last` is a copy:
  // it is often out.back(), and out grows.
  auto add_range = [&](Mention last, int to, size_t begin, size_t end) {
    if (to <= last.number || to - last.number > kMaxRange) return;
    for (int n = last.number + 1; n <= to; ++n) {
      Mention more = last;
      more.continuation = true;
      more.number = n;
      more.begin = more.keyword = begin;
      more.end = end;
      out.push_back(more);
    }
  };

  auto add_list = [&](Mention first) {
    first.group = ++group;
    out.push_back(first);
    // "、56号、57号" continuations share issuers and year; "至58号" spans.
    size_t pos = first.end;
    std::string_view g[3];
    while (pos < view.size()) {
      const bool range =
          MatchAt(pat.number_range, view, pos, view.size(), RE2::ANCHOR_START, g, 3);
      if (!range &&
          !MatchAt(pat.number_more, view, pos, view.size(), RE2::ANCHOR_START, g, 3))
        break;
      Mention more = out.back();
      more.continuation = true;
      if (!g[1].empty()) more.year = ParseChineseNumber(g[1]).value_or(first.year);
      more.number = ParseChineseNumber(g[2]).value_or(0);
      more.begin = g[2].data() - view.data();
      more.keyword = more.begin;
      more.end = g[0].data() - view.data() + g[0].size();
      if (range && more.year == out.back().year) {
        add_range(out.back(), more.number, more.begin, more.end);
      } else if (more.number > 0) {
        out.push_back(more);
      }
      pos = more.end;
    }
    return pos;
  };

  std::string_view g[4];  // the most any pattern below captures, plus the whole match
  // The mention a match stands for: g[0] the whole, g[1] the year, g[2] the
  // number; its issuers are read from the text before it.
  auto ref_of_match = [&] {
    Mention ref;
    ref.keyword = g[0].data() - view.data();
    ref.end = ref.keyword + g[0].size();
    ref.year = ParseChineseNumber(g[1]).value_or(0);
    ref.number = ParseChineseNumber(g[2]).value_or(0);
    ref.issuers = ZhIssuersBefore(view, ref.keyword, &ref.begin);
    return ref;
  };
  // Whether `ref` overlaps a mention already read by an earlier pattern.
  auto overlaps_earlier = [&](const Mention& ref) {
    return std::any_of(out.begin(), out.end(), [&](const Mention& r) {
      return r.keyword < ref.end && ref.keyword < r.end;
    });
  };
  size_t pos = 0;
  while (pos < view.size() &&
         MatchAt(pat.number, view, pos, view.size(), RE2::UNANCHORED, g, 3)) {
    Mention ref = ref_of_match();
    if (ref.year > 0 && ref.number > 0) pos = add_list(ref);
    else pos = ref.end;
  }
  // "公告2025年第61、62号", "公告2025年第55至58号": numbers listed before one 号.
  pos = 0;
  while (pos < view.size() &&
         MatchAt(pat.number_inner_list, view, pos, view.size(), RE2::UNANCHORED, g, 4)) {
    Mention ref = ref_of_match();
    pos = ref.end;
    if (overlaps_earlier(ref) || ref.year <= 0 || ref.number <= 0) continue;
    ref.group = ++group;
    out.push_back(ref);
    std::string_view rest = g[3];
    std::string_view m[3];
    size_t at = 0;
    while (at < rest.size() &&
           MatchAt(pat.number_list_step, rest, at, rest.size(), RE2::ANCHOR_START, m, 3)) {
      int n = ParseChineseNumber(m[2]).value_or(0);
      size_t b = m[2].data() - view.data();
      if (!m[1].empty()) {
        add_range(out.back(), n, b, b + m[2].size());
      } else if (n > 0) {
        Mention more = ref;
        more.continuation = true;
        more.number = n;
        more.begin = more.keyword = b;
        more.end = b + m[2].size();
        out.push_back(more);
      }
      at = (m[0].data() - rest.data()) + m[0].size();
    }
  }
  // "2025年第57号公告": the issuers stand before the year.
  pos = 0;
  while (pos < view.size() &&
         MatchAt(pat.number_suffix, view, pos, view.size(), RE2::UNANCHORED, g, 3)) {
    Mention ref = ref_of_match();
    pos = ref.end;
    if (!overlaps_earlier(ref) && ref.year > 0 && ref.number > 0) {
      ref.group = ++group;
      out.push_back(ref);
    }
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.keyword < b.keyword;
  });
  // Each mention knows where its list ends.
  std::map<size_t, size_t> group_end;
  for (const Mention& m : out) group_end[m.group] = std::max(group_end[m.group], m.end);
  for (Mention& m : out) m.group_end = group_end[m.group];
  return out;
}

}  // namespace regdiff::parsers
