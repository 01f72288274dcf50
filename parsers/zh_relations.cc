// Relations of a Chinese announcement to others: 暂停实施 … 至2026年11月10日
// (suspends, with its end date), 恢复实施 (resumes), 废止 (repeals), 修改 /
// 调整 / 不再适用 (amends), 替代 (replaces), and any other citation
// (refers_to). Lists ("公告2025年第55号、56号…，及商务部公告2025年第61号、
// 62号暂停实施") expand to one relation per number, issuers carried over.
#include <algorithm>
#include <string>

#include "corpus/issuers.h"
#include "parsers/dates.h"
#include "parsers/patterns.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_parts.h"
#include "parsers/zh_references.h"

namespace regdiff::parsers {
namespace {

struct VerbPhrase {
  std::string_view phrase;
  RelationType type;
};

// The relation phrase table: one row per phrase, longest first where one
// contains another. Matched on the Simplified view with titles masked out.
constexpr VerbPhrase kVerbs[] = {
    {"暂停实施", RelationType::kSuspends},
    {"暂停执行", RelationType::kSuspends},
    {"暂停适用", RelationType::kSuspends},
    {"中止实施", RelationType::kSuspends},
    {"暂停", RelationType::kSuspends},  // "暂停…第二条的实施"
    {"中止", RelationType::kSuspends},
    {"恢复实施", RelationType::kResumes},
    {"恢复执行", RelationType::kResumes},
    {"恢复适用", RelationType::kResumes},
    {"恢复", RelationType::kResumes},
    {"同时废止", RelationType::kRepeals},
    {"予以废止", RelationType::kRepeals},
    {"废止", RelationType::kRepeals},
    {"废除", RelationType::kRepeals},
    {"停止执行", RelationType::kRepeals},
    {"停止实施", RelationType::kRepeals},
    {"终止执行", RelationType::kRepeals},
    {"终止实施", RelationType::kRepeals},
    {"不再执行", RelationType::kRepeals},
    {"不再适用", RelationType::kAmends},
    {"取消临时出口管制", RelationType::kAmends},
    {"取消出口管制", RelationType::kAmends},
    {"修改", RelationType::kAmends},
    {"修订", RelationType::kAmends},
    {"优化调整", RelationType::kAmends},
    {"增列", RelationType::kAmends},
    {"增补", RelationType::kAmends},
    {"调整", RelationType::kAmends},
    {"替代", RelationType::kReplaces},
    {"代替", RelationType::kReplaces},
    {"取代", RelationType::kReplaces},
};

// Hard-wrapped copies (PDF, some reposts) break sentences across lines:
// "…现将商务部公告2025年第61号、62号\n暂停实施至2026年11月10日。". A line
// break only wraps a sentence when the line above is a long one ending with
// no stop and the line below opens no new entry, clause or label. Titles
// ("…的公告", "…的决定") and page chrome ("【关闭窗口】") end lines without a
// stop, and count as one.
constexpr size_t kMinWrappedLineBytes = 30;  // ten Chinese characters
constexpr std::string_view kLineStops[] = {"。", ";", "；", ":", "：", "!", "！", "?", "？",
                                           ")", "）", "”", "」", "》", "】", "]",
                                           "公告", "决定", "通知", "办法", "目录"};

bool WrapsSentence(std::string_view view, size_t newline) {
  size_t above_begin = newline == 0 ? std::string_view::npos : view.rfind('\n', newline - 1);
  above_begin = above_begin == std::string_view::npos ? 0 : above_begin + 1;
  std::string_view above = view.substr(above_begin, newline - above_begin);
  while (!above.empty() && (above.back() == ' ' || above.back() == '\t')) above.remove_suffix(1);
  if (above.size() < kMinWrappedLineBytes) return false;
  for (std::string_view stop : kLineStops)
    if (above.ends_with(stop)) return false;
  size_t below_end = view.find('\n', newline + 1);
  if (below_end == std::string_view::npos) below_end = view.size();
  std::string_view below = view.substr(newline + 1, below_end - newline - 1);
  if (below.find_first_not_of(" \t") == std::string_view::npos) return false;
  return !RE2::PartialMatch(below, P().zh_line_opens_entry);
}

// Sentence bounds around `pos`: 。 ; and line breaks end a sentence, except
// a break that only wraps one (WrapsSentence).
std::pair<size_t, size_t> Sentence(std::string_view view, size_t pos) {
  size_t begin = 0, end = view.size();
  for (std::string_view stop : {"。", ";", "\n", "；"}) {
    size_t b = view.rfind(stop, pos);
    while (stop == "\n" && b != std::string_view::npos && b > 0 && WrapsSentence(view, b))
      b = view.rfind(stop, b - 1);
    if (b != std::string_view::npos) begin = std::max(begin, b + stop.size());
    size_t e = view.find(stop, pos);
    while (stop == "\n" && e != std::string_view::npos && WrapsSentence(view, e))
      e = view.find(stop, e + 1);
    if (e != std::string_view::npos) end = std::min(end, e);
  }
  return {begin, end};
}

// A copy of view[begin, end) with 《titles》 blanked (same length), so that
// words inside a cited title ("《关于暂停…的公告》") are not read as verbs.
std::string MaskTitles(std::string_view view, size_t begin, size_t end) {
  std::string s(view.substr(begin, end - begin));
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "《") == 0) {
      ++depth;
      i += 3;
    } else if (s.compare(i, 3, "》") == 0) {
      depth = std::max(0, depth - 1);
      i += 3;
    } else {
      if (depth > 0) s[i] = ' ';
      ++i;
    }
  }
  return s;
}

// Words that join mentions into one list: "、", ",", "及", "以及", "和".
bool OnlySeparators(std::string_view gap) {
  static constexpr std::string_view kJoins[] = {"以及", "、", ",", "，", "及", "和",
                                                "与", "并", " "};
  while (!gap.empty()) {
    bool joined = false;
    for (auto j : kJoins) {
      if (gap.substr(0, j.size()) == j) {
        gap.remove_prefix(j.size());
        joined = true;
        break;
      }
    }
    if (!joined) return false;
  }
  return true;
}

// The last clause break (",", ":") in view[begin, end), as [at, after); when
// there is none, [end, end). Between two mentions, the words before the break
// go with the first ("对A进行修改,") and the words after it with the second
// ("同时废止B").
std::pair<size_t, size_t> ClauseBreak(std::string_view view, size_t begin, size_t end) {
  std::pair<size_t, size_t> out{end, end};
  bool found = false;
  for (std::string_view stop : {",", "，", ":", "："}) {
    size_t at = view.substr(begin, end - begin).rfind(stop);
    if (at != std::string_view::npos && (!found || begin + at > out.first)) {
      out = {begin + at, begin + at + stop.size()};
      found = true;
    }
  }
  return out;
}

struct GroupSpan {
  size_t id;
  size_t begin, end;  // view offsets: issuers of the first mention to the last number
};

struct VerbHit {
  size_t pos;  // offset in the masked sentence
  size_t len;
  RelationType type;
};

std::optional<VerbHit> FirstVerb(std::string_view s, size_t from, size_t to, bool last) {
  std::optional<VerbHit> best;
  for (const auto& v : kVerbs) {
    size_t p = from;
    while ((p = s.find(v.phrase, p)) != std::string_view::npos && p + v.phrase.size() <= to) {
      bool better = !best || (last ? p > best->pos : p < best->pos) ||
                    (p == best->pos && v.phrase.size() > best->len);
      if (better) best = VerbHit{p, v.phrase.size(), v.type};
      p += v.phrase.size();
    }
  }
  return best;
}

// For a mention opening line `line` of a list one mention per line, the
// line of the heading above the list ("下列公告同时废止:"), if there is one.
std::optional<size_t> ListHeading(const TextView& tv, const std::vector<bool>& entry_lines,
                                  size_t line) {
  if (!entry_lines[line]) return std::nullopt;
  size_t k = line;
  while (k > 0 && (entry_lines[k - 1] || tv.line(k - 1).find_first_not_of(' ') ==
                                             std::string_view::npos))
    --k;
  if (k == 0) return std::nullopt;
  std::string_view heading = tv.line(k - 1);
  if (heading.find("。") != std::string_view::npos ||
      !RE2::PartialMatch(heading, P().zh_list_heading_end))
    return std::nullopt;
  return k - 1;
}

}  // namespace

std::vector<Relation> ParseZhRelations(const TextView& tv,
                                       const std::optional<std::string>& own_doc_id,
                                       size_t own_begin, size_t own_end) {
  return ParseZhRelations(tv, ReadZhText(tv), own_doc_id, own_begin, own_end);
}

std::vector<Relation> ParseZhRelations(const TextView& tv, const ZhReadings& readings,
                                       const std::optional<std::string>& own_doc_id,
                                       size_t own_begin, size_t own_end) {
  std::string_view view = tv.view();
  std::vector<AnnouncementRef> refs = readings.refs;
  // The own mention and links to other pages are no relations, and no verb
  // between them and a mention belongs to them.
  const std::vector<bool>& chrome = readings.chrome;
  std::erase_if(refs, [&](const AnnouncementRef& r) {
    return (own_end > own_begin && r.keyword >= own_begin && r.keyword < own_end) ||
           chrome[tv.LineOf(r.keyword)];
  });
  // The span of each list of mentions, in text order.
  std::vector<GroupSpan> groups;
  for (const AnnouncementRef& r : refs) {
    if (groups.empty() || groups.back().id != r.group) groups.push_back({r.group, r.begin, r.end});
    else groups.back().end = std::max(groups.back().end, r.end);
  }
  // Lines that open with a mention after at most a list marker.
  std::vector<bool> entry_lines(tv.lines().size(), false);
  for (const AnnouncementRef& r : refs) {
    if (r.continuation) continue;
    const auto& line = tv.lines()[tv.LineOf(r.begin)];
    if (RE2::FullMatch(view.substr(line.begin, r.begin - line.begin), P().zh_list_entry_prefix))
      entry_lines[tv.LineOf(r.begin)] = true;
  }
  std::vector<Relation> out;
  for (size_t i = 0; i < refs.size(); ++i) {
    const AnnouncementRef& ref = refs[i];
    if (ref.issuers.empty()) continue;  // no issuer: no doc_id to point at
    std::string target = MakeDocId(ref.issuers, ref.year, ref.number);
    if (own_doc_id && target == *own_doc_id) continue;

    // The end of this mention's list (its group).
    size_t group_end = ref.end;
    for (size_t j = i + 1; j < refs.size() && refs[j].group == ref.group; ++j)
      group_end = refs[j].end;
    size_t group_begin = ref.begin;
    for (size_t j = i; j-- > 0 && refs[j].group == ref.group;) group_begin = refs[j].begin;

    // "已被…第70号暂停实施" (a note of a law database): the other announcement
    // acts on this one, not this one on it.
    std::string_view lead = view.substr(0, group_begin);
    while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
    if (lead.ends_with("被")) continue;

    auto [sb, se] = Sentence(view, ref.keyword);
    std::string masked = MaskTitles(view, sb, se);
    // Mentions joined by separators ("…58号,及商务部公告…") share the verb
    // that follows the last of them, or precedes the first; a mention
    // separated by other words has a verb of its own. Search after this
    // mention first.
    size_t after_end = se, before_begin = sb;
    const size_t k = std::find_if(groups.begin(), groups.end(), [&](const GroupSpan& g) {
                       return g.id == ref.group;
                     }) - groups.begin();
    for (size_t j = k + 1, last_end = group_end; j < groups.size() && groups[j].begin < se; ++j) {
      const size_t gap = std::max(groups[j].begin, last_end);
      if (!OnlySeparators(view.substr(last_end, gap - last_end))) {
        after_end = ClauseBreak(view, last_end, gap).first;
        break;
      }
      last_end = groups[j].end;
    }
    for (size_t j = k, first_begin = group_begin; j-- > 0 && groups[j].end > sb;) {
      const size_t from = std::min(std::max(groups[j].end, sb), first_begin);
      if (!OnlySeparators(view.substr(from, first_begin - from))) {
        before_begin = ClauseBreak(view, from, first_begin).second;
        break;
      }
      first_begin = groups[j].begin;
    }
    auto verb = FirstVerb(masked, group_end - sb, after_end - sb, false);
    size_t ev_begin = group_begin, ev_end = group_end;
    if (verb) {
      ev_end = sb + verb->pos + verb->len;
    } else {
      verb = FirstVerb(masked, before_begin - sb, group_begin - sb, true);
      if (verb) ev_begin = sb + verb->pos;
    }
    if (!verb) {
      // One mention per line under a heading that holds the verb.
      if (auto heading = ListHeading(tv, entry_lines, tv.LineOf(ref.begin))) {
        const auto& hl = tv.lines()[*heading];
        std::string hmasked = MaskTitles(view, hl.begin, hl.end);
        if (auto hv = FirstVerb(hmasked, 0, hmasked.size(), false)) {
          verb = hv;
          masked = hmasked;  // the end date, if any, is the heading's
        }
      }
    }
    Relation rel;
    rel.type = verb ? verb->type : RelationType::kRefersTo;
    rel.target = target;
    if (rel.type == RelationType::kSuspends) {
      // "至2026年11月10日" anywhere in the sentence.
      for (const DateMatch& d : FindDates(std::string_view(masked))) {
        std::string_view before = std::string_view(masked).substr(0, d.begin);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        if (before.size() >= 3 && before.substr(before.size() - 3) == "至") {
          rel.until = d.date;
          break;
        }
      }
    }
    rel.evidence = tv.EvidenceFor(ev_begin, ev_end);
    bool duplicate = std::any_of(out.begin(), out.end(), [&](const Relation& r) {
      return r.type == rel.type && r.target == rel.target && r.until == rel.until;
    });
    if (!duplicate) out.push_back(std::move(rel));
  }
  // A mention without an end date (a title: "关于暂停实施…第55号等公告的公告")
  // adds nothing where the text states the same relation with one.
  std::erase_if(out, [&](const Relation& r) {
    return !r.until && std::any_of(out.begin(), out.end(), [&](const Relation& o) {
             return o.until && o.type == r.type && o.target == r.target;
           });
  });
  return out;
}

}  // namespace regdiff::parsers
