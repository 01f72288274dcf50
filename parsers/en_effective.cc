// Effective clauses of English announcements: "shall come into force as of
// the date of promulgation", "took effect upon its release", "shall be
// implemented from November 8, 2025", "shall take effect on/from/as of …",
// "effective upon publication", "with effect from …", "Effective date:
// 2025-11-08", and partial clauses naming parts ("Items (I) and (II) of
// Article 1 shall be implemented from December 1, 2025").
#include <algorithm>
#include <cctype>
#include <string>

#include "parsers/dates.h"
#include "parsers/en_readers.h"
#include "parsers/en_references.h"
#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

// Words at the end of a subject that belong to the verb ("… shall").
constexpr std::string_view kTrailingAuxiliaries[] = {
    "shall", "will", "also", "hereby", "officially", "formally", "is", "are", "to", "be"};
// Words after the part named that refer to the announcement itself.
constexpr std::string_view kSelfSuffixes[] = {
    " of this announcement", " of the announcement", " of this decision", " of the decision",
    " of this notice", " in this announcement", " hereof", " herein"};

bool EndsWithWordCi(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  std::string_view tail = s.substr(s.size() - word.size());
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(tail[i])) != word[i]) return false;
  return s.size() == word.size() || s[s.size() - word.size() - 1] == ' ';
}

// Where the clause's subject starts: the start of its sentence, after a list
// marker ("VIII. ") and a connective ("In addition, ").
size_t ClauseStart(std::string_view view, size_t pos) {
  auto [sb, se] = EnSentence(view, pos);
  size_t start = sb;
  std::string_view g[4];
  if (MatchAt(EnP().marker, view, start, pos, RE2::ANCHOR_START, g, 4))
    start = (g[0].data() - view.data()) + g[0].size();
  // An article heading before a new sentence: "Article 2 Items (I) and (II)
  // …", "Article III. This announcement …" (but "Article 1 shall …" is the
  // subject itself).
  if (MatchAt(EnP().article_heading, view, start, pos, RE2::ANCHOR_START, g, 1)) {
    size_t after = (g[0].data() - view.data()) + g[0].size();
    if (after < pos && std::isupper(static_cast<unsigned char>(view[after]))) start = after;
  }
  // A later clause of the same sentence: ", and the remaining provisions …".
  std::string_view m;
  size_t at = start;
  while (at < pos && MatchAt(EnP().clause_break, view, at, pos, RE2::UNANCHORED, m)) {
    size_t after = (m.data() - view.data()) + m.size();
    size_t w = after;
    while (w < pos && std::isalpha(static_cast<unsigned char>(view[w]))) ++w;
    std::string_view word = view.substr(after, w - after);
    bool roman = !word.empty() && word.find_first_not_of("IVXivx") == std::string_view::npos;
    bool number = word == "No" || word == "Nos";
    if (!word.empty() && !roman && !number) start = after;
    at = after;
  }
  if (MatchAt(EnP().connective, view, start, pos, RE2::ANCHOR_START, m))
    start = (m.data() - view.data()) + m.size();
  while (start < pos && (view[start] == ' ' || view[start] == '\t')) ++start;
  return start;
}

// The part of the announcement a clause's subject names, or "whole".
std::string AppliesTo(const TextView& tv, size_t start, size_t verb) {
  std::string_view view = tv.view();
  size_t end = verb;
  bool changed = true;
  while (changed) {
    changed = false;
    while (end > start && (view[end - 1] == ' ' || view[end - 1] == ',')) --end;
    std::string_view subject = view.substr(start, end - start);
    for (auto aux : kTrailingAuxiliaries) {
      if (EndsWithWordCi(subject, aux)) {
        end -= aux.size();
        changed = true;
        break;
      }
    }
    for (auto self : kSelfSuffixes) {
      if (!changed && EndsWithWordCi(subject, self.substr(1)) && subject.size() > self.size()) {
        end -= self.size();
        changed = true;
        break;
      }
    }
  }
  std::string_view subject = view.substr(start, end - start);
  // Bracketed asides ("(see Annex 1)") name no part; short markers ("(I)") do.
  std::string plain;
  for (size_t i = 0; i < subject.size(); ++i) {
    size_t close = subject[i] == '(' ? subject.find(')', i) : std::string_view::npos;
    if (close != std::string_view::npos &&
        subject.substr(i, close - i).find(' ') != std::string_view::npos) {
      i = close;
      continue;
    }
    plain += subject[i];
  }
  if (plain.empty() || !RE2::PartialMatch(plain, EnP().part_reference)) return "whole";
  Evidence e = tv.EvidenceFor(start, end);
  return e.text.empty() ? "whole" : e.text;
}

// "…, except Article I(3), which shall take effect …": the part named
// between an "except" and the comma at `comma` (view offsets), when it is a
// part of the announcement; nullopt otherwise.
std::optional<std::string> ExceptedPart(const TextView& tv, size_t start, size_t comma) {
  std::string_view view = tv.view();
  if (comma <= start) return std::nullopt;
  std::string_view m;
  size_t at = start, part = std::string_view::npos;
  while (at < comma && MatchAt(EnP().except_lead, view, at, comma, RE2::UNANCHORED, m)) {
    part = (m.data() - view.data()) + m.size();
    at = part;
  }
  if (part == std::string_view::npos) return std::nullopt;
  std::string_view named = view.substr(part, comma - part);
  if (named.find(',') != std::string_view::npos || named.size() > 80 ||
      !RE2::PartialMatch(named, EnP().part_reference))
    return std::nullopt;
  Evidence e = tv.EvidenceFor(part, comma);
  if (e.text.empty()) return std::nullopt;
  return e.text;
}

bool Overlaps(const std::vector<ClauseReading>& found, size_t b, size_t e) {
  return std::any_of(found.begin(), found.end(),
                     [&](const ClauseReading& f) { return f.begin < e && b < f.end; });
}

// "… shall come into force as of <date | the date of promulgation>", and
// "From <date>, this announcement shall be implemented".
void VerbClauses(const TextView& tv, size_t own_begin, size_t own_end,
                 std::vector<ClauseReading>& found) {
  const EnPatterns& p = EnP();
  std::string_view view = tv.view();
  std::string_view m;
  size_t pos = 0;
  while (pos < view.size() &&
         MatchAt(p.effect_verb, view, pos, view.size(), RE2::UNANCHORED, m)) {
    const size_t vb = m.data() - view.data();
    const size_t ve = vb + m.size();
    pos = ve;
    const size_t line_end = tv.lines()[tv.LineOf(vb)].end;
    auto [sb, se] = EnSentence(view, vb);
    size_t t = ve;
    std::string_view prefix;
    if (MatchAt(p.effect_time_prefix, view, ve, line_end, RE2::ANCHOR_START, prefix))
      t = ve + prefix.size();
    const size_t start = ClauseStart(view, vb);
    // The subject proper: after the last comma ("Under the Law, this
    // announcement …" is this announcement; "the Law, which came …" is not).
    std::string_view subject = view.substr(start, vb - start);
    size_t comma = subject.rfind(',');
    if (comma != std::string_view::npos) subject.remove_prefix(comma + 1);
    // "…, except Article I(3), which shall take effect …": the relative
    // clause's subject is the part excepted.
    std::optional<std::string> except_part;
    if (comma != std::string_view::npos && RE2::PartialMatch(subject, p.relative_start))
      except_part = ExceptedPart(tv, start, start + comma);
    // "… Announcement No. 72 [2025], published on …, which takes effect
    // immediately": a relative clause after the own mention, with no other
    // announcement named between, speaks of this one.
    bool own_relative = false;
    if (!except_part && own_end > own_begin && own_begin >= sb && own_end <= vb &&
        RE2::PartialMatch(subject, p.relative_start)) {
      std::string_view between = view.substr(own_end, vb - own_end);
      own_relative = FindEnMentions(between).empty();
    }
    if (!except_part && !own_relative && RE2::PartialMatch(subject, p.foreign_subject))
      continue;
    if (own_relative) except_part = "whole";
    auto applies_to = [&](size_t b, size_t e) { return except_part ? *except_part : AppliesTo(tv, b, e); };
    std::string_view day;
    if (MatchAt(p.publication_day, view, t, line_end, RE2::ANCHOR_START, day)) {
      size_t end = t + day.size();
      found.push_back({start, end, std::nullopt, true, applies_to(start, vb),
                       "a verb of taking effect, then the day of publication"});
      continue;
    }
    if (auto d = DateAtStart(view.substr(t, line_end - t))) {
      size_t end = t + d->end;
      found.push_back({start, end, d->date, false, applies_to(start, vb),
                       "a verb of taking effect, then a date"});
      continue;
    }
    // The date before the verb: "From November 8, 2025, this announcement shall …".
    std::string_view sentence = view.substr(sb, vb - sb);
    for (const DateMatch& d : FindDates(sentence)) {
      std::string_view lead = sentence.substr(0, d.begin);
      if (!RE2::PartialMatch(lead, p.from_date_lead)) continue;
      if (vb - (sb + d.end) > 120) continue;
      size_t subject_begin = sb + d.end;
      while (subject_begin < vb && (view[subject_begin] == ',' || view[subject_begin] == ' '))
        ++subject_begin;
      found.push_back({start, ve, d.date, false, applies_to(subject_begin, vb),
                       "\"From <date>, …\" before a verb of taking effect"});
      break;
    }
  }
}

// "effective upon release", "with immediate effect", "(Effective from the
// date of promulgation)": on publication, without a verb.
void StandaloneClauses(const TextView& tv, std::vector<ClauseReading>& found) {
  const EnPatterns& p = EnP();
  std::string_view view = tv.view();
  std::string_view m;
  size_t pos = 0;
  std::vector<ClauseReading> more;
  while (pos < view.size() &&
         MatchAt(p.effective_standalone, view, pos, view.size(), RE2::UNANCHORED, m)) {
    size_t b = m.data() - view.data(), e = b + m.size();
    pos = e;
    if (Overlaps(found, b, e)) continue;
    auto [sb, se] = EnSentence(view, b);
    // A deadline or a validity period, not an effective clause.
    if (RE2::PartialMatch(view.substr(sb, b - sb), p.period_context)) continue;
    more.push_back({b, e, std::nullopt, true, "whole",
                    "\"effective upon release\" and its kin: on publication"});
  }
  found.insert(found.end(), more.begin(), more.end());
}

// "effective December 1, 2025", "with effect from 1 December 2025".
void EffectiveDateClauses(const TextView& tv, std::vector<ClauseReading>& found) {
  std::vector<ClauseReading> more;
  for (size_t li = 0; li < tv.lines().size(); ++li) {
    const auto& line = tv.lines()[li];
    std::string_view text = tv.line(li);
    for (const DateMatch& d : FindDates(text)) {
      std::string_view before = text.substr(0, d.begin);
      std::string_view g[1];
      if (!MatchAt(EnP().effective_date_lead, before, 0, before.size(), RE2::UNANCHORED, g, 1))
        continue;
      size_t lead = g[0].data() - before.data();
      size_t b = line.begin + lead, e = line.begin + d.end;
      if (Overlaps(found, b, e)) continue;
      more.push_back({b, e, d.date, false, "whole", "\"effective <date>\""});
    }
  }
  found.insert(found.end(), more.begin(), more.end());
}

// "Effective date: 2025-11-08" in a metadata block.
void LabelledClauses(const TextView& tv, std::vector<ClauseReading>& found) {
  for (size_t li = 0; li < tv.lines().size(); ++li) {
    std::string_view text = tv.line(li);
    std::string_view m;
    if (!MatchAt(EnP().effective_label, text, 0, text.size(), RE2::ANCHOR_START, m)) continue;
    size_t after = m.size();
    size_t b = tv.lines()[li].begin;
    if (auto d = DateAtStart(text.substr(after))) {
      found.push_back({b, b + after + d->end, d->date, false, "whole",
                       "an effective-date label (Effective date: …)"});
      continue;
    }
    // "Effective: upon release", "Effective date: the date of publication".
    std::string_view prefix, day;
    size_t t = after;
    if (MatchAt(EnP().effect_time_prefix, text, t, text.size(), RE2::ANCHOR_START, prefix))
      t += prefix.size();
    if (MatchAt(EnP().publication_day, text, t, text.size(), RE2::ANCHOR_START, day) &&
        !Overlaps(found, b, b + t + day.size()))
      found.push_back({b, b + t + day.size(), std::nullopt, true, "whole",
                       "an effective-date label naming the day of publication"});
  }
}

}  // namespace

std::vector<ClauseReading> ReadEnEffective(const TextView& tv, const TextReadings& /*readings*/,
                                           const HeaderReading& header) {
  std::vector<ClauseReading> found;
  VerbClauses(tv, header.number_begin, header.number_end, found);
  StandaloneClauses(tv, found);
  EffectiveDateClauses(tv, found);
  LabelledClauses(tv, found);
  std::sort(found.begin(), found.end(),
            [](const ClauseReading& a, const ClauseReading& b) { return a.begin < b.begin; });
  return found;
}

}  // namespace regdiff::parsers
