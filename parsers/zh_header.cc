// Header of a Chinese announcement: its own number and issuers, title and
// publication date. Reads the 【发布文号】/【发文日期】 blocks of MOFCOM pages,
// the metadata blocks of law databases (发文文号:, 发文时间:), title lines
// ("商务部 海关总署公告2025年第18号 关于…的决定"), news leads ("商务部发布公告
// 2025第62号") and dated signature lines.
#include <algorithm>
#include <string>

#include "parsers/dates.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_phrases.h"
#include "parsers/zh_readers.h"
#include "parsers/zh_references.h"
#include "parsers/zh_text.h"

namespace regdiff::parsers {
namespace {

// The mention is followed, in its sentence, by a verb that cites it
// ("…第55号、56号暂停实施"); verbs inside a title ("关于优化调整…的公告")
// name what the announcement itself does and do not count.
bool IsCited(std::string_view view, const Mention& ref) {
  const size_t end =
      std::max(ref.end, ZhSentence(view, ref.end, LineBreaks::kEndSentences).second);
  std::string rest = MaskZhTitles(view, ref.end, end, TitleMask::kAll);
  for (const ZhVerbPhrase& verb : ZhRelationPhrases())
    if (rest.find(verb.phrase) != std::string::npos) return true;
  return false;
}

// Picks the document's own number: the first mention standing at the start of
// a line or after a short label, not part of a list, not in a related-links
// block and not cited by a verb; else the first "…发布公告N" in a news lead;
// else the first number in brackets after a published title ("商务部发布关于…
// 的公告(商务部公告2024年第46号)").
constexpr char kNewsLeadRule[] = "a news lead: a verb of publishing right before the number (发布公告…)";

OwnMention FindOwnMention(const TextView& tv, const std::vector<Mention>& refs,
                          const std::vector<bool>& chrome) {
  const ZhPatterns& p = ZhP();
  std::string_view view = tv.view();
  auto is_list = [&](size_t i) {
    return refs[i].continuation ||
           (i + 1 < refs.size() && refs[i + 1].group == refs[i].group);
  };
  auto is_link = [&](size_t i) { return chrome[tv.LineOf(refs[i].keyword)]; };
  for (size_t i = 0; i < refs.size(); ++i) {
    const auto& ref = refs[i];
    if (ref.continuation || is_list(i) || is_link(i) || ref.keyword == ref.end) continue;
    const auto& line = tv.lines()[tv.LineOf(ref.keyword)];
    std::string_view prefix = view.substr(line.begin, ref.begin - line.begin);
    if ((RE2::FullMatch(prefix, p.own_number_prefix) ||
         RE2::PartialMatch(prefix, p.own_number_label_suffix)) &&
        !IsCited(view, ref))
      return {&ref, ref.issuers, ref.begin, OwnNumberFrom::kHeader,
              "the number at the start of a line or after a label (发布文号, 标题 …), cited by no "
              "verb"};
  }
  for (size_t i = 0; i < refs.size(); ++i) {
    const auto& ref = refs[i];
    if (ref.continuation || is_list(i) || is_link(i)) continue;
    const auto& line = tv.lines()[tv.LineOf(ref.keyword)];
    std::string_view before = view.substr(line.begin, ref.begin - line.begin);
    std::string_view m;
    if (MatchAt(p.publish_verb_suffix, before, 0, before.size(), RE2::UNANCHORED, m)) {
      if (IsCited(view, ref)) continue;
      // "商务部发布《商务部公告…》": the mention names its issuers itself.
      if (!ref.issuers.empty())
        return {&ref, ref.issuers, ref.begin, OwnNumberFrom::kProse, kNewsLeadRule};
      size_t verb = line.begin + (m.data() - before.data());
      size_t start = verb;
      auto issuers = ZhIssuersBefore(view, verb, &start);
      if (!issuers.empty()) return {&ref, issuers, start, OwnNumberFrom::kProse, kNewsLeadRule};
    }
  }
  for (size_t i = 0; i < refs.size(); ++i) {
    const auto& ref = refs[i];
    if (ref.continuation || is_list(i) || is_link(i) || ref.issuers.empty()) continue;
    const auto& line = tv.lines()[tv.LineOf(ref.keyword)];
    std::string_view before = view.substr(line.begin, ref.begin - line.begin);
    if (RE2::PartialMatch(before, p.published_title_before) && !IsCited(view, ref))
      return {&ref, ref.issuers, ref.begin, OwnNumberFrom::kProse,
              "a published title followed by the number in brackets (发布…的公告(商务部公告…))"};
  }
  return {};
}

// Trims spaces and the punctuation that wraps titles.
std::pair<size_t, size_t> TrimSpan(std::string_view view, size_t b, size_t e) {
  auto is_trim = [&](size_t i) { return view[i] == ' ' || view[i] == '(' || view[i] == ')'; };
  while (b < e && is_trim(b)) ++b;
  while (e > b && is_trim(e - 1)) --e;
  return {b, e};
}

void FindTitle(const TextView& tv, const OwnMention& own, HeaderReading& h) {
  const ZhPatterns& p = ZhP();
  std::string_view view = tv.view();
  const size_t header_lines = std::min<size_t>(tv.lines().size(), 40);
  // 1. A labelled title line.
  for (size_t i = 0; i < header_lines; ++i) {
    std::string_view line = tv.line(i);
    std::string_view g[2];
    if (MatchAt(p.title_label, line, 0, line.size(), RE2::ANCHOR_BOTH, g, 2)) {
      size_t b = tv.lines()[i].begin + (g[1].data() - line.data());
      h.title_evidence = tv.EvidenceFor(b, b + g[1].size());
      h.title = h.title_evidence.text;
      return;
    }
  }
  // 2. "关于…的决定" on the own number's line, then anywhere in the header.
  std::vector<size_t> order;
  if (own.ref) order.push_back(tv.LineOf(own.ref->keyword));
  for (size_t i = 0; i < header_lines; ++i) order.push_back(i);
  for (size_t i : order) {
    std::string_view line = tv.line(i);
    std::string_view g[2];
    if (MatchAt(p.title, line, 0, line.size(), RE2::UNANCHORED, g, 2)) {
      size_t b = tv.lines()[i].begin + (g[1].data() - line.data());
      auto [tb, te] = TrimSpan(view, b, b + g[1].size());
      h.title_evidence = tv.EvidenceFor(tb, te);
      h.title = h.title_evidence.text;
      return;
    }
  }
}

// The date directly after a label match, if any.
std::optional<DateMatch> DateAfterLabel(std::string_view line, const RE2& label) {
  std::string_view m;
  size_t pos = 0;
  while (pos < line.size() && MatchAt(label, line, pos, line.size(), RE2::UNANCHORED, m)) {
    size_t after = (m.data() - line.data()) + m.size();
    if (auto d = LabelledDateAtStart(line.substr(after))) {
      d->begin += after;
      d->end += after;
      return d;
    }
    pos = after;
  }
  return std::nullopt;
}

// The issuers named by line `i` when it names issuing bodies and nothing
// else (the signature line "商务部 海关总署", or a "发文部门: 商务部 海关总署"
// block); empty otherwise.
std::vector<std::string> IssuersOfNameLine(const TextView& tv, size_t i) {
  std::string_view view = tv.view();
  const auto& line = tv.lines()[i];
  size_t b = line.begin, e = line.end;
  std::string_view text = view.substr(b, e - b);
  for (std::string_view label : {"发文部门:", "发文机关:", "发布机关:", "【发布机关】"}) {
    size_t at = text.find(label);
    if (at != std::string_view::npos) b += at + label.size();
  }
  while (e > b && view[e - 1] == ' ') --e;
  while (b < e && view[b] == ' ') ++b;
  if (b == e || e - b > 120) return {};
  size_t start = e;
  auto issuers = ZhIssuersBefore(view, e, &start);
  return start == b ? issuers : std::vector<std::string>{};
}

// Issuers from the last line that names only issuing bodies.
std::vector<std::string> IssuersFromNameLines(const TextView& tv) {
  for (size_t i = tv.lines().size(); i-- > 0;) {
    if (auto issuers = IssuersOfNameLine(tv, i); !issuers.empty()) return issuers;
  }
  return {};
}

// The date of a signature: line `i` is a date under a line naming only the
// signing bodies ("商务部 海关总署" / "2025年10月9日"), or names the bodies and
// then the date ("商务部 海关总署 2025年10月9日").
std::optional<DateMatch> SignatureDate(const TextView& tv, size_t i) {
  std::string_view line = tv.line(i);
  if (line.size() > 160) return std::nullopt;
  if (ParseDate(line)) {
    size_t prev = i;
    while (prev > 0 && tv.line(prev - 1).empty()) --prev;
    if (prev == 0 || IssuersOfNameLine(tv, prev - 1).empty()) return std::nullopt;
    return DateAtStart(line);
  }
  std::vector<DateMatch> dates = FindDates(line);
  if (dates.empty() || !ParseDate(line.substr(dates.back().begin))) return std::nullopt;
  size_t e = dates.back().begin;
  while (e > 0 && line[e - 1] == ' ') --e;
  size_t b = 0;
  while (b < e && line[b] == ' ') ++b;
  if (b == e) return std::nullopt;
  const size_t base = tv.lines()[i].begin;
  size_t start = base + e;
  if (ZhIssuersBefore(tv.view(), base + e, &start).empty() || start != base + b)
    return std::nullopt;
  return dates.back();
}

// The publication date, in order of trust: the dated signature (below the
// own number, `own_line`; a source and date above it are the page's); a strong
// label (发文日期, 成文日期, 发布日期); the last line after the own number
// (`own_line`) that is a date and nothing else, bracketed or not; a weak label (发文时间,
// 发布时间, which may carry a time of day). Dates in related-links blocks
// never count.
void FindPublished(const TextView& tv, const std::vector<bool>& chrome, size_t own_line,
                   HeaderReading& h) {
  const ZhPatterns& p = ZhP();
  auto set = [&](size_t line, const DateMatch& d, const char* rule) {
    size_t base = tv.lines()[line].begin;
    h.published_rule = rule;
    h.published = d.date;
    h.published_evidence = tv.EvidenceFor(base + d.begin, base + d.end);
  };
  for (size_t i = tv.lines().size(); i-- > own_line;) {
    if (chrome[i]) continue;
    if (auto d = SignatureDate(tv, i))
      return set(i, *d, "the dated signature under the issuing bodies");
  }
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    if (chrome[i]) continue;
    if (auto d = DateAfterLabel(tv.line(i), p.published_label_strong))
      return set(i, *d, "a publication date label (发文日期, 发布日期 …)");
  }
  for (size_t i = tv.lines().size(); i-- > own_line;) {
    std::string_view line = tv.line(i);
    size_t skip = 0;  // "(2025年10月9日)" under a title
    if (line.starts_with("(") && line.ends_with(")")) {
      skip = 1;
      line = line.substr(1, line.size() - 2);
    }
    if (chrome[i] || line.size() > 40 || !ParseDate(line)) continue;
    if (auto d = DateAtStart(line)) {
      d->begin += skip;
      d->end += skip;
      return set(i, *d, "a line after the own number that is a date and nothing else");
    }
  }
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    if (chrome[i]) continue;
    if (auto d = DateAfterLabel(tv.line(i), p.published_label_weak))
      return set(i, *d, "a publication time label (发布时间, 发文时间)");
  }
}

}  // namespace

HeaderReading ReadZhHeader(const TextView& tv, const TextReadings& readings) {
  HeaderReading h;
  const std::vector<Mention>& refs = readings.mentions;
  const std::vector<bool>& chrome = readings.chrome;
  OwnMention own = FindOwnMention(tv, refs, chrome);
  if (own.ref) {
    h.own_from = own.from;
    h.number_rule = own.rule;
    h.year = own.ref->year;
    h.number = own.ref->number;
    h.issuers = own.issuers.empty() ? IssuersFromNameLines(tv) : own.issuers;
    h.number_begin = own.begin;
    h.number_end = own.ref->end;
    h.number_evidence = tv.EvidenceFor(own.begin, own.ref->end);
  }
  FindTitle(tv, own, h);
  FindPublished(tv, chrome, own.ref ? tv.LineOf(own.ref->keyword) : 0, h);
  return h;
}

}  // namespace regdiff::parsers
