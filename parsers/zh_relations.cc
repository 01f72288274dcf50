// Relations of a Chinese announcement to others: 暂停实施 … 至2026年11月10日
// (suspends, with its end date), 恢复实施 (resumes), 废止 (repeals), 修改 /
// 调整 / 不再适用 (amends), 替代 (replaces), and any other citation
// (refers_to). Lists ("公告2025年第55号、56号…，及商务部公告2025年第61号、
// 62号暂停实施") expand to one relation per number, issuers carried over.
#include <algorithm>
#include <string>

#include "parsers/dates.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_phrases.h"
#include "parsers/zh_readers.h"
#include "parsers/zh_text.h"
#include "parsers/zh_references.h"

namespace regdiff::parsers {
namespace {

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
  for (const auto& v : ZhRelationPhrases()) {
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
      !RE2::PartialMatch(heading, ZhP().list_heading_end))
    return std::nullopt;
  return k - 1;
}

}  // namespace

std::vector<RelationReading> ReadZhRelations(const TextView& tv, const TextReadings& readings,
                                             const HeaderReading& header) {
  std::string_view view = tv.view();
  const size_t own_begin = header.number_begin, own_end = header.number_end;
  std::vector<Mention> refs = readings.mentions;
  // The own mention and links to other pages are no relations, and no verb
  // between them and a mention belongs to them.
  const std::vector<bool>& chrome = readings.chrome;
  std::erase_if(refs, [&](const Mention& r) {
    return (own_end > own_begin && r.keyword >= own_begin && r.keyword < own_end) ||
           chrome[tv.LineOf(r.keyword)];
  });
  // The span of each list of mentions, in text order.
  std::vector<GroupSpan> groups;
  for (const Mention& r : refs) {
    if (groups.empty() || groups.back().id != r.group) groups.push_back({r.group, r.begin, r.end});
    else groups.back().end = std::max(groups.back().end, r.end);
  }
  // Lines that open with a mention after at most a list marker.
  std::vector<bool> entry_lines(tv.lines().size(), false);
  for (const Mention& r : refs) {
    if (r.continuation) continue;
    const auto& line = tv.lines()[tv.LineOf(r.begin)];
    if (RE2::FullMatch(view.substr(line.begin, r.begin - line.begin), ZhP().list_entry_prefix))
      entry_lines[tv.LineOf(r.begin)] = true;
  }
  std::vector<RelationReading> out;
  for (size_t i = 0; i < refs.size(); ++i) {
    const Mention& ref = refs[i];
    if (ref.issuers.empty()) continue;  // no issuer: no doc_id to point at

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

    auto [sb, se] = ZhSentence(view, ref.keyword);
    std::string masked = MaskZhTitles(view, sb, se, TitleMask::kBracketed);
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
    std::string rule = "a verb of the phrase table after the mention, in its sentence";
    if (verb) {
      ev_end = sb + verb->pos + verb->len;
    } else {
      verb = FirstVerb(masked, before_begin - sb, group_begin - sb, true);
      if (verb) ev_begin = sb + verb->pos;
      rule = "a verb of the phrase table before the mention, in its sentence";
    }
    if (!verb) {
      // One mention per line under a heading that holds the verb.
      if (auto heading = ListHeading(tv, entry_lines, tv.LineOf(ref.begin))) {
        const auto& hl = tv.lines()[*heading];
        std::string hmasked = MaskZhTitles(view, hl.begin, hl.end, TitleMask::kBracketed);
        if (auto hv = FirstVerb(hmasked, 0, hmasked.size(), false)) {
          verb = hv;
          masked = hmasked;  // the end date, if any, is the heading's
          rule = "the verb of the heading above a list of mentions";
        }
      }
    }
    RelationReading rel;
    rel.target = ref;
    rel.type = verb ? verb->type : RelationType::kRefersTo;
    if (!verb) rule = "a mention no verb of the phrase table acts on: a citation";
    if (rel.type == RelationType::kSuspends) {
      // "至2026年11月10日" anywhere in the sentence.
      for (const DateMatch& d : FindDates(std::string_view(masked))) {
        std::string_view before = std::string_view(masked).substr(0, d.begin);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        if (before.size() >= 3 && before.substr(before.size() - 3) == "至") {
          rel.until = d.date;
          rule += "; the end date after 至";
          break;
        }
      }
    }
    rel.rule = std::move(rule);
    rel.begin = ev_begin;
    rel.end = ev_end;
    out.push_back(std::move(rel));
  }
  return out;
}

}  // namespace regdiff::parsers
