// Header of an English announcement: its own number and issuers, title and
// publication date. Reads MOFCOM's English pages ("MOFCOM GAC Announcement No.
// 57 of 2025 on …", "Date of publication: October 9, 2025"), the bracketed
// metadata of translations ("[Document Number] Announcement No. 18 [2025] of
// the Ministry of Commerce …", "[Date of Issuance]: April 4, 2025"), news
// leads ("… jointly issued Announcement No. 70 of 2025") and dated signature
// lines. Page and reprint timestamps are never read as the publication date.
#include <algorithm>
#include <set>
#include <string>

#include "corpus/issuers.h"
#include "parsers/dates.h"
#include "parsers/en_readers.h"
#include "parsers/en_references.h"
#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

constexpr size_t kHeaderLines = 40;

// The mention is cited by a verb right after it ("… of 2024 is suspended"),
// unless a title follows it ("… of 2025 on Suspending …").
bool IsCited(std::string_view view, const Mention& ref) {
  std::string_view m;
  if (MatchAt(EnP().title_follows, view, ref.group_end, view.size(), RE2::ANCHOR_START, m))
    return false;
  auto [sb, se] = EnSentence(view, ref.keyword);
  return EnVerbAfterMention(view, ref.group_end, se).has_value();
}

// Every code of `part` is in `whole`.
bool Includes(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  return std::all_of(part.begin(), part.end(), [&](const std::string& code) {
    return std::find(whole.begin(), whole.end(), code) != whole.end();
  });
}

// Picks the document's own number, the earlier of: the first mention standing
// at the start of a line or after a short label, not part of a list and not
// cited by a verb; and the first "<issuers> (jointly) issued Announcement …"
// of a news lead (a news page names its subject before any list it quotes).
OwnMention FindOwnMention(const TextView& tv, const std::vector<Mention>& refs) {
  const EnPatterns& p = EnP();
  std::string_view view = tv.view();
  auto is_list = [&](size_t i) {
    return refs[i].continuation || (i + 1 < refs.size() && refs[i + 1].group == refs[i].group);
  };
  OwnMention at_line_start;
  for (size_t i = 0; i < refs.size(); ++i) {
    const auto& ref = refs[i];
    if (is_list(i)) continue;
    const auto& line = tv.lines()[tv.LineOf(ref.begin)];
    std::string_view prefix = view.substr(line.begin, ref.begin - line.begin);
    if (RE2::FullMatch(prefix, p.own_number_prefix) && !IsCited(view, ref)) {
      at_line_start = {&ref, ref.issuers, ref.begin, OwnNumberFrom::kHeader,
                       "the number at the start of a line or after a label ([Document Number] …), "
                       "cited by no verb"};
      break;
    }
  }
  for (size_t i = 0; i < refs.size(); ++i) {
    if (at_line_start.ref && refs[i].keyword >= at_line_start.ref->keyword) break;
    const auto& ref = refs[i];
    if (is_list(i)) continue;
    const auto& line = tv.lines()[tv.LineOf(ref.begin)];
    std::string_view before = view.substr(line.begin, ref.begin - line.begin);
    std::string_view m;
    if (!MatchAt(p.publish_verb_suffix, before, 0, before.size(), RE2::UNANCHORED, m) &&
        !MatchAt(p.published_title_before, before, 0, before.size(), RE2::UNANCHORED, m))
      continue;
    size_t verb = line.begin + (m.data() - before.data());
    // "… Customs on Friday issued …": the issuers stand before the time phrase.
    std::string_view t;
    std::string_view lead = view.substr(line.begin, verb - line.begin);
    if (MatchAt(p.time_adverb_suffix, lead, 0, lead.size(), RE2::UNANCHORED, t))
      verb = line.begin + (t.data() - lead.data());
    // The bodies the sentence names as issuing it, unless the mention names
    // others; they complete a mention that names only some of them
    // ("… the State Cryptography Administration jointly issued … (Ministry
    // of Commerce Announcement No. 51 of 2024)").
    size_t start = verb;
    std::vector<std::string> subject = EnIssuersBefore(view, verb, &start);
    const bool by_subject = ref.issuers.empty() || (subject.size() > ref.issuers.size() &&
                                                    Includes(subject, ref.issuers));
    const std::vector<std::string>& issuers = by_subject ? subject : ref.issuers;
    if (!issuers.empty() && !IsCited(view, ref))
      return {&ref, issuers, ref.issuers.empty() ? start : ref.begin, OwnNumberFrom::kProse,
              "a news lead: the issuing bodies, a verb of publishing, then the number (or a "
              "quoted title and the number in brackets)"};
  }
  if (at_line_start.ref) return at_line_start;
  // A news text naming one announcement only, in passing ("The measures, set
  // out in MOFCOM and GAC Announcement No. 33 of 2024, come into force …"):
  // that one is its subject, unless its sentence places it in the past
  // ("This follows …"). Announcements a verb of the relation table acts on,
  // in any of their mentions, are the text's targets, not its subject, and
  // are passed over.
  std::set<std::pair<int, int>> targets;  // (year, number)
  for (const auto& ref : refs)
    if (EnMentionActedOn(view, ref)) targets.insert({ref.year, ref.number});
  const Mention* sole = nullptr;
  for (const auto& ref : refs) {
    if (ref.continuation || targets.count({ref.year, ref.number})) continue;
    auto [sb, se] = EnSentence(view, ref.keyword);
    if (RE2::PartialMatch(view.substr(sb, se - sb), p.earlier_context)) return {};
    if (sole && (sole->year != ref.year || sole->number != ref.number)) return {};
    if (!sole || (sole->issuers.empty() && !ref.issuers.empty())) sole = &ref;
  }
  if (!sole) return {};
  return {sole, sole->issuers, sole->begin, OwnNumberFrom::kProse,
          "the one announcement a news text names, in passing, and acts on nowhere"};
}

// A line that names only issuing bodies (the signature line "Ministry of
// Commerce  General Administration of Customs"); its issuers or empty.
std::vector<std::string> IssuerNameLine(const TextView& tv, size_t i) {
  std::string_view view = tv.view();
  const auto& line = tv.lines()[i];
  size_t b = line.begin, e = line.end;
  while (e > b && (view[e - 1] == ' ' || view[e - 1] == '\t' || view[e - 1] == '.')) --e;
  while (b < e && (view[b] == ' ' || view[b] == '\t')) ++b;
  if (b == e || e - b > 200) return {};
  size_t start = e;
  auto issuers = EnIssuersBefore(view, e, &start);
  return start == b ? issuers : std::vector<std::string>{};
}

bool BlankLine(const TextView& tv, size_t i) {
  return tv.line(i).find_first_not_of(" \t") == std::string_view::npos;
}

// The issuers of the block of issuer-name lines ending at line `last` (a
// signature names each body on its own line).
std::vector<std::string> IssuerBlockEndingAt(const TextView& tv, size_t last) {
  std::vector<std::string> all;
  for (size_t k = last + 1; k-- > 0;) {
    if (BlankLine(tv, k)) continue;
    auto issuers = IssuerNameLine(tv, k);
    if (issuers.empty()) break;
    all.insert(all.end(), issuers.begin(), issuers.end());
  }
  CanonicalizeIssuers(all);
  return all;
}

// The signature: the last block of issuer-name lines.
std::vector<std::string> IssuersFromNameLines(const TextView& tv) {
  for (size_t i = tv.lines().size(); i-- > 0;)
    if (!IssuerNameLine(tv, i).empty()) return IssuerBlockEndingAt(tv, i);
  return {};
}

// "[Issuing Authority] Ministry of Commerce; General Administration of Customs".
std::vector<std::string> IssuersFromLabel(const TextView& tv) {
  const size_t header_lines = std::min(tv.lines().size(), kHeaderLines);
  for (size_t i = 0; i < header_lines; ++i) {
    std::string_view line = tv.line(i);
    std::string_view m;
    if (!MatchAt(EnP().issuer_label, line, 0, line.size(), RE2::ANCHOR_START, m)) continue;
    size_t b = tv.lines()[i].begin + m.size();
    auto issuers = EnIssuersListed(tv.view(), b, tv.lines()[i].end);
    if (!issuers.empty()) return issuers;
  }
  return {};
}

// Issuers of an own number that names none: the issuer-name lines right
// above it (a header "Ministry of Commerce and General Administration of
// Customs" over "Public Announcement No. 58 (2025)"), an issuer label, or
// the signature.
std::vector<std::string> IssuersElsewhere(const TextView& tv, size_t own_line) {
  size_t k = own_line;
  while (k > 0 && BlankLine(tv, k - 1)) --k;
  if (k > 0 && !IssuerNameLine(tv, k - 1).empty()) return IssuerBlockEndingAt(tv, k - 1);
  if (auto issuers = IssuersFromLabel(tv); !issuers.empty()) return issuers;
  return IssuersFromNameLines(tv);
}

// The bodies named in the paragraph of the own mention (up to three lines
// above it) before it, outside mentions of other announcements.
std::vector<std::string> IssuersInParagraph(const TextView& tv,
                                            const std::vector<Mention>& refs,
                                            const Mention& own) {
  std::string_view view = tv.view();
  size_t line = tv.LineOf(own.keyword);
  size_t first = line;
  while (first > 0 && line - first < 3 && !BlankLine(tv, first - 1)) --first;
  std::vector<std::string> all;
  size_t from = tv.lines()[first].begin;
  auto add = [&](size_t b, size_t e) {
    auto named = EnIssuersNamedIn(view, b, e);
    all.insert(all.end(), named.begin(), named.end());
  };
  for (const auto& r : refs) {
    if (r.keyword >= own.keyword) break;
    if (r.group_end <= from) continue;
    if (r.begin > from) add(from, r.begin);
    from = std::max(from, r.group_end);
  }
  if (own.keyword > from) add(from, own.keyword);
  CanonicalizeIssuers(all);
  return all;
}

std::pair<size_t, size_t> TrimSpan(std::string_view view, size_t b, size_t e) {
  auto is_trim = [&](char c) {
    return c == ' ' || c == '\t' || c == '.' || c == ';' || c == ',' || c == '"';
  };
  while (b < e && is_trim(view[b])) ++b;
  while (e > b && is_trim(view[e - 1])) --e;
  return {b, e};
}

void SetTitle(const TextView& tv, size_t b, size_t e, HeaderReading& h) {
  auto [tb, te] = TrimSpan(tv.view(), b, e);
  if (tb == te) return;
  h.title_evidence = tv.EvidenceFor(tb, te);
  h.title = CollapseSpaces(h.title_evidence.text);
}

// A line that is one title-like phrase: "Decision on …" near its start, one
// sentence, not an introduction ending in ':'.
bool TitleLike(const TextView& tv, size_t i, std::string_view* title) {
  std::string_view line = tv.line(i);
  if (line.empty() || line.size() > 300) return false;
  std::string_view g[2];
  if (!MatchAt(EnP().title, line, 0, line.size(), RE2::UNANCHORED, g, 2)) return false;
  size_t at = g[1].data() - line.data();
  if (at > 20) return false;
  size_t last = line.find_last_not_of(" \t");
  if (last != std::string_view::npos && line[last] == ':') return false;
  auto [sb, se] = EnSentence(tv.view(), tv.lines()[i].begin + at);
  if (se < tv.lines()[i].end && tv.lines()[i].end - se > 2) return false;
  *title = g[1];
  return true;
}

void FindTitle(const TextView& tv, const OwnMention& own, HeaderReading& h) {
  const EnPatterns& p = EnP();
  std::string_view view = tv.view();
  const size_t header_lines = std::min(tv.lines().size(), kHeaderLines);
  // 1. A labelled title line.
  for (size_t i = 0; i < header_lines; ++i) {
    std::string_view line = tv.line(i);
    std::string_view g[2];
    if (MatchAt(p.title_label, line, 0, line.size(), RE2::ANCHOR_BOTH, g, 2)) {
      size_t b = tv.lines()[i].begin + (g[1].data() - line.data());
      return SetTitle(tv, b, b + g[1].size(), h);
    }
  }
  // 2. The rest of the own number's line: "… of 2025 on Imposing …" or
  // "…: Decision to Implement …".
  if (own.ref) {
    const auto& line = tv.lines()[tv.LineOf(own.ref->keyword)];
    if (own.ref->group_end <= line.end) {
      std::string_view rest = view.substr(own.ref->group_end, line.end - own.ref->group_end);
      std::string_view g[2];
      if (MatchAt(p.title_on, rest, 0, rest.size(), RE2::ANCHOR_BOTH, g, 2) ||
          MatchAt(p.title, rest, 0, rest.size(), RE2::UNANCHORED, g, 2)) {
        size_t b = own.ref->group_end + (g[1].data() - rest.data());
        return SetTitle(tv, b, b + g[1].size(), h);
      }
    }
  }
  // 3. A title-like line in the header.
  for (size_t i = 0; i < header_lines; ++i) {
    std::string_view title;
    if (TitleLike(tv, i, &title)) {
      size_t b = tv.lines()[i].begin + (title.data() - tv.line(i).data());
      return SetTitle(tv, b, b + title.size(), h);
    }
  }
}

// The date directly after a label at the start of `line` or after a '|'.
std::optional<DateMatch> DateAfterLabel(std::string_view line, const RE2& label) {
  size_t pos = 0;
  while (pos <= line.size()) {
    std::string_view m;
    if (MatchAt(label, line, pos, line.size(), RE2::ANCHOR_START, m)) {
      size_t after = (m.data() - line.data()) + m.size();
      if (auto d = LabelledDateAtStart(line.substr(after))) {
        d->begin += after;
        d->end += after;
        return d;
      }
    }
    size_t bar = line.find('|', pos);
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return std::nullopt;
}

// "On 4 February 2025, the Ministry of Commerce … jointly issued
// Announcement No. 10 of 2025": a date after "On", then a publishing verb and
// the own number in the same sentence with no other announcement between.
bool OnDateNewsLead(const TextView& tv, const std::vector<Mention>& refs,
                    const HeaderReading& h, size_t date_begin, size_t date_end,
                    std::string_view lead) {
  const EnPatterns& p = EnP();
  if (h.number_end <= h.number_begin || h.number_begin < date_end) return false;
  if (!RE2::PartialMatch(lead, p.on_date_lead)) return false;
  std::string_view view = tv.view();
  auto [sb, se] = EnSentence(view, date_begin);
  if (h.number_end > se) return false;
  std::string_view between = view.substr(date_end, h.number_end - date_end);
  if (!RE2::PartialMatch(between, p.publish_verb)) return false;
  return std::none_of(refs.begin(), refs.end(), [&](const Mention& r) {
    return r.keyword > date_end && r.keyword < h.number_begin;
  });
}

void FindPublished(const TextView& tv, const std::vector<Mention>& refs, HeaderReading& h) {
  const EnPatterns& p = EnP();
  auto set = [&](size_t line, const DateMatch& d, const char* rule) {
    size_t base = tv.lines()[line].begin;
    h.published_rule = rule;
    h.published = d.date;
    h.published_evidence = tv.EvidenceFor(base + d.begin, base + d.end);
  };
  // 1. A label: "Date of publication:", "[Date of Issuance]", "Released on".
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    if (auto d = DateAfterLabel(tv.line(i), p.published_label))
      return set(i, *d, "a publication date label (Date of publication, [Date of Issuance] …)");
  }
  // 2. The dated signature: a line that is a date and nothing else, under a
  // line naming the issuers (last one first); or "<issuers> <date>" on one line.
  std::string_view view = tv.view();
  for (size_t i = tv.lines().size(); i-- > 0;) {
    std::string_view line = tv.line(i);
    if (line.size() > 250) continue;
    if (auto d = DateAtStart(line); d && ParseDate(line)) {
      size_t seen = 0;
      for (size_t k = i; k-- > 0 && seen < 3;) {
        if (tv.line(k).find_first_not_of(" \t") == std::string_view::npos) continue;
        ++seen;
        if (!IssuerNameLine(tv, k).empty())
          return set(i, *d, "the dated signature under the issuing bodies");
      }
      continue;
    }
    std::vector<DateMatch> dates = FindDates(line);
    if (dates.size() != 1) continue;
    const DateMatch& d = dates.front();
    if (line.find_first_not_of(" \t.", d.end) != std::string_view::npos) continue;
    size_t b = tv.lines()[i].begin;
    size_t e = b + d.begin;
    while (e > b && (view[e - 1] == ' ' || view[e - 1] == ',' || view[e - 1] == '\t')) --e;
    size_t first = b;
    while (first < e && view[first] == ' ') ++first;
    size_t start = e;
    if (e > first && !EnIssuersBefore(view, e, &start).empty() && start == first)
      return set(i, d, "the dated signature: the issuing bodies, then the date");
  }
  // 3. Prose dating the announcement, in a sentence that is no page chrome
  // ("Posted on …"): right after a word naming it ("the announcement, dated
  // Nov. 7, 2025", "a joint announcement issued on August 15, 2024"), or in a
  // sentence naming it and no other announcement.
  for (size_t i = 0; i < tv.lines().size(); ++i) {
    std::string_view line = tv.line(i);
    for (const DateMatch& d : FindDates(line)) {
      std::string_view lead = line.substr(0, d.begin);
      size_t at = tv.lines()[i].begin + d.begin;
      if (OnDateNewsLead(tv, refs, h, at, tv.lines()[i].begin + d.end, lead))
        return set(i, d, "a news lead: \"On <date>, … issued\" the own number");
      if (!RE2::PartialMatch(lead, p.published_lead)) continue;
      // Plain variables, not a structured binding: lambdas capture them below.
      const auto sentence_span = EnSentence(view, at);
      const size_t sb = sentence_span.first, se = sentence_span.second;
      std::string_view sentence = view.substr(sb, se - sb);
      if (RE2::PartialMatch(sentence, p.page_chrome)) continue;
      bool own = h.number_end > h.number_begin && h.number_begin < se && h.number_end > sb;
      bool other = std::any_of(refs.begin(), refs.end(), [&](const Mention& r) {
        return r.keyword >= sb && r.keyword < se && (r.year != h.year || r.number != h.number);
      });
      std::string_view before = view.substr(sb, at - sb);
      bool self_dated = RE2::PartialMatch(before, p.self_dated_lead);
      if (!self_dated && (other || !(own || RE2::PartialMatch(before, p.self_noun)))) continue;
      return set(i, d, "prose dating the announcement (\"dated\", \"issued on\")");
    }
  }
}

}  // namespace

HeaderReading ReadEnHeader(const TextView& tv, const TextReadings& readings) {
  HeaderReading h;
  const std::vector<Mention>& refs = readings.mentions;
  OwnMention own = FindOwnMention(tv, refs);
  if (own.ref) {
    h.own_from = own.from;
    h.number_rule = own.rule;
    h.year = own.ref->year;
    h.number = own.ref->number;
    // Issuers only partly read (an unknown or OCR-damaged name among them)
    // are not used; the signature may name them all.
    bool known = !own.issuers.empty() && !own.ref->issuers_incomplete;
    h.issuers = known ? own.issuers : IssuersElsewhere(tv, tv.LineOf(own.ref->keyword));
    // A news text: the bodies its paragraph names before the number ("China's
    // commerce ministry said … The ministry made the decision in Announcement
    // No. 72 [2025] …").
    if (h.issuers.empty()) h.issuers = IssuersInParagraph(tv, refs, *own.ref);
    h.number_begin = own.begin;
    h.number_end = own.ref->group_end;
    h.number_evidence = tv.EvidenceFor(own.begin, own.ref->group_end);
  }
  FindTitle(tv, own, h);
  FindPublished(tv, refs, h);
  return h;
}

}  // namespace regdiff::parsers
