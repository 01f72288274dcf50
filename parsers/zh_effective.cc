// Effective clauses of Chinese announcements: 自公布之日起(正式)实施,
// 自发布之日起施行, 自即日起, 自2025年11月8日起正式实施, and partial clauses that
// name articles (本公告第一条第(一)项、第(二)项自2025年12月1日起实施).
#include <algorithm>
#include <string>

#include "parsers/dates.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_readers.h"

namespace regdiff::parsers {
namespace {

// Where the clause's subject starts: after the last clause break before `pos`
// on its line, and after the numbering that opens a paragraph ("八、").
size_t ClauseStart(std::string_view view, size_t line_begin, size_t pos) {
  size_t start = line_begin;
  // Searched back from `pos` to the line's start only, not through the text
  // before it.
  const std::string_view from_line = view.substr(line_begin);
  for (std::string_view stop : {",", "。", ";", ":", "，"}) {
    if (pos <= line_begin) break;
    size_t at = from_line.rfind(stop, pos - 1 - line_begin);
    if (at != std::string_view::npos) start = std::max(start, line_begin + at + stop.size());
  }
  std::string_view subject = view.substr(start, pos - start);
  std::string_view g[2];
  if (MatchAt(ZhP().level1, subject, 0, subject.size(), RE2::ANCHOR_START, g, 2))
    start += g[0].size();
  return start;
}

// The part of the announcement a clause names, or "whole".
std::string AppliesTo(const TextView& tv, size_t line_begin, size_t clause_pos) {
  std::string_view view = tv.view();
  size_t start = ClauseStart(view, line_begin, clause_pos);
  std::string_view subject = view.substr(start, clause_pos - start);
  // Drop the words for "this announcement".
  for (std::string_view self : {"本公告", "本决定", "本规定", "本办法", "本通知"}) {
    if (subject.substr(0, self.size()) == self) {
      start += self.size();
      subject.remove_prefix(self.size());
    }
  }
  if (!RE2::PartialMatch(subject, ZhP().part_reference)) return "whole";
  Evidence e = tv.EvidenceFor(start, clause_pos);
  return e.text.empty() ? "whole" : e.text;
}

}  // namespace

std::vector<ClauseReading> ReadZhEffective(const TextView& tv, const TextReadings& readings,
                                           const HeaderReading& /*header*/) {
  const ZhPatterns& p = ZhP();
  std::string_view view = tv.view();
  struct Found {
    size_t begin, end;
    std::optional<Date> date;
    bool on_publication;
    const char* rule;
  };
  std::vector<Found> found;
  const std::vector<bool>& chrome = readings.chrome;
  // "自2024年12月1日起施行的《条例》": a clause that qualifies a noun is about
  // something else.
  auto qualifies = [&](size_t end) { return view.substr(end, 3) == "的"; };
  for (size_t li = 0; li < tv.lines().size(); ++li) {
    if (chrome[li]) continue;
    const auto& line = tv.lines()[li];
    std::string_view text = view.substr(line.begin, line.end - line.begin);
    std::string_view m;
    const bool ri_qi = ContainsAny(text, {"日起"});  // 之日起, 自即日起: in every match
    for (const RE2* re : {&p.effective_on_publication, &p.effective_immediately}) {
      if (!ri_qi) break;
      const char* rule = re == &p.effective_on_publication
                             ? "自公布之日起实施: on publication"
                             : "自即日起: on publication";
      size_t pos = 0;
      while (pos < text.size() && MatchAt(*re, text, pos, text.size(), RE2::UNANCHORED, m)) {
        size_t b = line.begin + (m.data() - text.data());
        if (!qualifies(b + m.size())) found.push_back({b, b + m.size(), std::nullopt, true, rule});
        pos = (m.data() - text.data()) + m.size();
      }
    }
    // 自 <date> 起实施: a lead word and a verb (zh_effective_after_date) on the line.
    if (!ContainsAny(text, {"自", "从", "于"}) ||
        !ContainsAny(text, {"实施", "施行", "生效", "执行"}))
      continue;
    for (const DateMatch& d : FindDates(text)) {
      std::string_view before = text.substr(0, d.begin);
      size_t trim = before.size();
      while (trim > 0 && before[trim - 1] == ' ') --trim;
      size_t lead = 0;
      for (std::string_view w : {"自", "从", "于"}) {
        if (trim >= w.size() && before.substr(trim - w.size(), w.size()) == w) lead = w.size();
      }
      if (lead == 0) continue;
      std::string_view after = text.substr(d.end);
      std::string_view tail;
      if (!MatchAt(p.effective_after_date, after, 0, after.size(), RE2::ANCHOR_START, tail))
        continue;
      size_t b = line.begin + trim - lead;
      size_t e = line.begin + d.end + tail.size();
      if (!qualifies(e)) found.push_back({b, e, d.date, false, "自<date>起实施: from a date"});
    }
  }

  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::vector<ClauseReading> out;
  for (const auto& f : found) {
    const size_t line_begin = tv.lines()[tv.LineOf(f.begin)].begin;
    // The evidence runs from the clause's subject to its verb.
    const size_t start = ClauseStart(view, line_begin, f.begin);
    // A subject naming a numbered announcement ("此前发布的2025年第18号公告自
    // 2025年4月4日起实施") is another document's clause.
    std::string_view subject = view.substr(start, f.begin - start);
    if (RE2::PartialMatch(subject, ZhP().number) ||
        RE2::PartialMatch(subject, ZhP().number_suffix))
      continue;
    out.push_back(
        {start, f.end, f.date, f.on_publication, AppliesTo(tv, line_begin, f.begin), f.rule});
  }
  return out;
}

}  // namespace regdiff::parsers
