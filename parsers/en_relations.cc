// Relations of an English announcement to others: "suspend the
// implementation of … until November 10, 2026" / "… are suspended until …"
// (suspends, with its end date), "resume" (resumes), "repeal", "abolish",
// "annul" (repeals), "amend", "adjust", "no longer apply" (amends), "replace",
// "supersede" (replaces), and any other citation (refers_to). Lists
// ("Announcements No. 55, No. 56 … of 2025 of MOFCOM and GAC and Announcements
// No. 61 and No. 62 of 2025 of MOFCOM") expand to one relation per number,
// issuers carried over (en_references.cc).
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "parsers/dates.h"
#include "parsers/en_readers.h"
#include "parsers/en_references.h"
#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

// How a verb form may stand after the announcement it acts on: a participle
// needs an auxiliary ("… is repealed"), an intransitive phrase needs none
// ("… shall no longer apply"); an active form ("suspends …", "suspension of
// …") acts on what follows it.
enum class Form { kActive, kParticiple, kIntransitive };

struct VerbPhrase {
  std::string_view phrase;  // lowercase words, single spaces
  RelationType type;
  Form form;
};

// The relation phrase table: one row per word form. Matched whole-word in any
// case, but a capitalised form counts only at the start of a sentence, so
// that words of Title Case titles ("… on Suspending the …") are not verbs.
constexpr VerbPhrase kVerbs[] = {
    {"suspend", RelationType::kSuspends, Form::kActive},
    {"suspends", RelationType::kSuspends, Form::kActive},
    {"suspended", RelationType::kSuspends, Form::kParticiple},
    {"suspending", RelationType::kSuspends, Form::kActive},
    {"suspension", RelationType::kSuspends, Form::kActive},
    {"pause", RelationType::kSuspends, Form::kActive},
    {"pauses", RelationType::kSuspends, Form::kActive},
    {"paused", RelationType::kSuspends, Form::kParticiple},
    {"pausing", RelationType::kSuspends, Form::kActive},
    {"put on hold", RelationType::kSuspends, Form::kParticiple},
    {"resume", RelationType::kResumes, Form::kIntransitive},
    {"resumes", RelationType::kResumes, Form::kIntransitive},
    {"resumed", RelationType::kResumes, Form::kParticiple},
    {"resuming", RelationType::kResumes, Form::kActive},
    {"resumption", RelationType::kResumes, Form::kActive},
    {"reinstate", RelationType::kResumes, Form::kActive},
    {"reinstated", RelationType::kResumes, Form::kParticiple},
    {"repeal", RelationType::kRepeals, Form::kActive},
    {"repeals", RelationType::kRepeals, Form::kActive},
    {"repealed", RelationType::kRepeals, Form::kParticiple},
    {"repealing", RelationType::kRepeals, Form::kActive},
    {"abolish", RelationType::kRepeals, Form::kActive},
    {"abolishes", RelationType::kRepeals, Form::kActive},
    {"abolished", RelationType::kRepeals, Form::kParticiple},
    {"abolishing", RelationType::kRepeals, Form::kActive},
    {"annul", RelationType::kRepeals, Form::kActive},
    {"annuls", RelationType::kRepeals, Form::kActive},
    {"annulled", RelationType::kRepeals, Form::kParticiple},
    {"invalidate", RelationType::kRepeals, Form::kActive},
    {"invalidates", RelationType::kRepeals, Form::kActive},
    {"invalidated", RelationType::kRepeals, Form::kParticiple},
    {"rescind", RelationType::kRepeals, Form::kActive},
    {"rescinded", RelationType::kRepeals, Form::kParticiple},
    {"revoke", RelationType::kRepeals, Form::kActive},
    {"revoked", RelationType::kRepeals, Form::kParticiple},
    {"no longer be implemented", RelationType::kRepeals, Form::kIntransitive},
    {"no longer be enforced", RelationType::kRepeals, Form::kIntransitive},
    {"cease to be effective", RelationType::kRepeals, Form::kIntransitive},
    {"ceases to be effective", RelationType::kRepeals, Form::kIntransitive},
    {"no longer apply", RelationType::kAmends, Form::kIntransitive},
    {"no longer applies", RelationType::kAmends, Form::kIntransitive},
    {"no longer be applicable", RelationType::kAmends, Form::kIntransitive},
    {"no longer applicable", RelationType::kAmends, Form::kIntransitive},
    // Controls cancelled on the items of another announcement: 取消…管制.
    {"cancel", RelationType::kAmends, Form::kActive},
    {"cancels", RelationType::kAmends, Form::kActive},
    {"canceled", RelationType::kAmends, Form::kParticiple},
    {"cancelled", RelationType::kAmends, Form::kParticiple},
    {"amend", RelationType::kAmends, Form::kActive},
    {"amends", RelationType::kAmends, Form::kActive},
    {"amended", RelationType::kAmends, Form::kParticiple},
    {"amending", RelationType::kAmends, Form::kActive},
    {"amendment", RelationType::kAmends, Form::kActive},
    {"adjust", RelationType::kAmends, Form::kActive},
    {"adjusts", RelationType::kAmends, Form::kActive},
    {"adjusted", RelationType::kAmends, Form::kParticiple},
    {"adjusting", RelationType::kAmends, Form::kActive},
    {"adjustment", RelationType::kAmends, Form::kActive},
    {"revise", RelationType::kAmends, Form::kActive},
    {"revises", RelationType::kAmends, Form::kActive},
    {"revised", RelationType::kAmends, Form::kParticiple},
    {"revision", RelationType::kAmends, Form::kActive},
    {"modify", RelationType::kAmends, Form::kActive},
    {"modifies", RelationType::kAmends, Form::kActive},
    {"modified", RelationType::kAmends, Form::kParticiple},
    {"modification", RelationType::kAmends, Form::kActive},
    {"replace", RelationType::kReplaces, Form::kActive},
    {"replaces", RelationType::kReplaces, Form::kActive},
    {"replaced", RelationType::kReplaces, Form::kParticiple},
    {"replacing", RelationType::kReplaces, Form::kActive},
    {"supersede", RelationType::kReplaces, Form::kActive},
    {"supersedes", RelationType::kReplaces, Form::kActive},
    {"superseded", RelationType::kReplaces, Form::kParticiple},
};

// Words that may stand between a mention and its passive verb.
constexpr std::string_view kAuxiliaries[] = {
    "is",        "are",      "was",        "were",   "shall",  "will",     "be",
    "been",      "being",    "hereby",     "also",   "now",    "hereafter", "herewith",
    "officially", "formally", "temporarily", "partially", "partly", "simultaneously",
    "accordingly", "respectively", "all", "both", "has", "have", "had", "to", "jointly"};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool EqualsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  return true;
}

// The sentence-initial position: only spaces, brackets and a list marker
// before `pos` in its sentence.
bool AtSentenceStart(std::string_view view, size_t sentence_begin, size_t pos) {
  std::string_view before = view.substr(sentence_begin, pos - sentence_begin);
  std::string_view g[4];
  size_t skip = 0;
  if (MatchAt(EnP().marker, before, 0, before.size(), RE2::ANCHOR_START, g, 4))
    skip = g[0].size();
  for (size_t i = skip; i < before.size(); ++i)
    if (before[i] != ' ' && before[i] != '\t' && before[i] != '(' && before[i] != '"') return false;
  return true;
}

// The longest phrase of the table starting at `pos` of `text`.
std::optional<EnVerb> VerbAt(std::string_view text, size_t pos, size_t sentence_begin,
                             Form* form = nullptr) {
  if (pos > 0 && IsWordChar(text[pos - 1])) return std::nullopt;
  std::optional<EnVerb> best;
  Form best_form = Form::kActive;
  for (const auto& v : kVerbs) {
    if (pos + v.phrase.size() > text.size()) continue;
    size_t e = pos + v.phrase.size();
    if (e < text.size() && IsWordChar(text[e])) continue;
    if (!EqualsLower(text.substr(pos, v.phrase.size()), v.phrase)) continue;
    if (best && best->len >= v.phrase.size()) continue;
    best = EnVerb{pos, v.phrase.size(), v.type};
    best_form = v.form;
  }
  if (best && std::isupper(static_cast<unsigned char>(text[pos])) &&
      !AtSentenceStart(text, sentence_begin, pos))
    return std::nullopt;
  if (form) *form = best_form;
  return best;
}

// `view` with quoted passages blanked (same length), so that words inside a
// cited title ("“Announcement on Suspending …”") are not read as verbs. A
// quotation is paired within its line.
std::string MaskQuotes(std::string_view view) {
  std::string s(view);
  struct Pair {
    std::string_view open, close;
  };
  constexpr Pair kQuotes[] = {{"“", "”"}, {"\"", "\""}, {"《", "》"}};
  size_t line = 0;
  while (line < s.size()) {
    size_t end = s.find('\n', line);
    if (end == std::string::npos) end = s.size();
    for (const auto& q : kQuotes) {
      size_t p = line;
      while ((p = s.find(q.open, p)) != std::string::npos && p < end) {
        size_t c = s.find(q.close, p + q.open.size());
        if (c == std::string::npos || c >= end) break;
        for (size_t k = p + q.open.size(); k < c; ++k) s[k] = ' ';
        p = c + q.close.size();
      }
    }
    line = end + 1;
  }
  return s;
}

// Skips auxiliaries, spaces, commas, bracketed asides and quoted titles;
// counts the auxiliaries in *auxiliaries.
size_t SkipAuxiliaries(std::string_view view, size_t pos, size_t end, int* auxiliaries) {
  while (pos < end) {
    char c = view[pos];
    if (c == ' ' || c == '\t' || c == ',') {
      ++pos;
      continue;
    }
    if (c == '(' || c == '"' || view.substr(pos, 3) == "“") {
      std::string_view close = c == '(' ? ")" : c == '"' ? "\"" : "”";
      size_t open_len = c == '(' || c == '"' ? 1 : 3;
      size_t e = view.find(close, pos + open_len);
      if (e == std::string_view::npos || e >= end) return pos;
      pos = e + close.size();
      continue;
    }
    size_t w = pos;
    while (w < end && IsWordChar(view[w])) ++w;
    if (w == pos) return pos;
    std::string_view word = view.substr(pos, w - pos);
    bool aux = std::any_of(std::begin(kAuxiliaries), std::end(kAuxiliaries),
                           [&](std::string_view a) { return EqualsLower(word, a); });
    if (!aux) return pos;
    ++*auxiliaries;
    pos = w;
  }
  return pos;
}

// The word before `pos` is an auxiliary ("is", "shall be", "hereby").
bool AfterAuxiliary(std::string_view text, size_t pos) {
  size_t e = pos;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && IsWordChar(text[b - 1])) --b;
  std::string_view word = text.substr(b, e - b);
  return std::any_of(std::begin(kAuxiliaries), std::end(kAuxiliaries),
                     [&](std::string_view a) { return EqualsLower(word, a); });
}

// Verbs of the table in text[from, to), in order. With `passive_only`, only
// those that can act on a mention before them: intransitive phrases and
// participles after an auxiliary.
std::vector<EnVerb> VerbsIn(std::string_view text, size_t from, size_t to, size_t sentence_begin,
                            bool passive_only) {
  std::vector<EnVerb> out;
  for (size_t p = from; p < to; ++p) {
    if (!std::isalpha(static_cast<unsigned char>(text[p]))) continue;
    if (p > 0 && IsWordChar(text[p - 1])) continue;
    Form form = Form::kActive;
    auto v = VerbAt(text, p, sentence_begin, &form);
    if (!v || v->pos + v->len > to) continue;
    bool passive = form == Form::kIntransitive ||
                   (form == Form::kParticiple && AfterAuxiliary(text, p));
    if (!passive_only || passive) out.push_back(*v);
    p += v->len - 1;
  }
  return out;
}

// Skips the separators that join two lists of mentions.
size_t SkipListJoin(std::string_view view, size_t pos, size_t end) {
  while (pos < end) {
    if (view[pos] == ' ' || view[pos] == ',' || view[pos] == '\t') {
      ++pos;
    } else if (end - pos >= 3 && EqualsLower(view.substr(pos, 3), "and") &&
               (pos + 3 == end || !IsWordChar(view[pos + 3]))) {
      pos += 3;
    } else if (end - pos >= 10 && EqualsLower(view.substr(pos, 10), "as well as")) {
      pos += 10;
    } else {
      break;
    }
  }
  return pos;
}

// The first date in `sentence` after an "until" word ("until November 10,
// 2026"), if any.
std::optional<Date> UntilDateIn(std::string_view sentence) {
  for (const DateMatch& d : FindDates(sentence)) {
    if (RE2::PartialMatch(sentence.substr(0, d.begin), EnP().until_lead)) return d.date;
  }
  return std::nullopt;
}

// The sentence after a sentence that ends with a full stop at `se`, or none.
std::optional<std::pair<size_t, size_t>> FollowingSentence(std::string_view view, size_t se) {
  if (se >= view.size() || view[se] != '.') return std::nullopt;
  size_t next = se + 1;
  while (next < view.size() && (view[next] == ' ' || view[next] == '\t' || view[next] == '\n'))
    ++next;
  if (next >= view.size()) return std::nullopt;
  return EnSentence(view, next);
}

// Whether an announcement is mentioned in view bytes [span.first, span.second).
bool NamesAnnouncement(const std::vector<Mention>& refs,
                       std::pair<size_t, size_t> span) {
  return std::any_of(refs.begin(), refs.end(), [&](const Mention& r) {
    return r.begin < span.second && r.end > span.first;
  });
}

// For a mention opening a line of a list one mention per line ("- Ministry
// of Commerce Announcement No. 5 of 2003 (…);"), the verb of the heading
// above the list ("… the following announcements will also be invalidated:").
std::optional<EnVerb> ListHeadingVerb(const TextView& tv, std::string_view masked,
                                      const Mention& ref) {
  const size_t line = tv.LineOf(ref.begin);
  std::string_view prefix =
      tv.view().substr(tv.lines()[line].begin, ref.begin - tv.lines()[line].begin);
  if (!RE2::FullMatch(prefix, EnP().list_entry_prefix)) return std::nullopt;
  for (size_t k = line; k-- > 0;) {
    std::string_view text = tv.line(k);
    const size_t last = text.find_last_not_of(" \t");
    if (last == std::string_view::npos) continue;  // blank
    if (RE2::PartialMatch(text, EnP().list_entry_start)) continue;  // an entry above
    if (text[last] != ':') return std::nullopt;
    const auto& heading = tv.lines()[k];
    auto verbs = VerbsIn(masked, heading.begin, heading.end, heading.begin, false);
    if (verbs.empty()) return std::nullopt;
    return verbs.front();
  }
  return std::nullopt;
}

// The sentence before the one starting at `sb` on its paragraph (line), or none.
std::optional<std::pair<size_t, size_t>> PrecedingSentence(std::string_view view, size_t sb) {
  size_t end = sb;
  while (end > 0 && (view[end - 1] == ' ' || view[end - 1] == '\t')) --end;
  if (end == 0 || view[end - 1] == '\n') return std::nullopt;
  auto prev = EnSentence(view, end - 1);
  if (prev.first >= sb) return std::nullopt;
  return prev;
}

}  // namespace

std::optional<EnVerb> EnVerbAfterMention(std::string_view view, size_t mention_end,
                                         size_t sentence_end) {
  auto [sb, se] = EnSentence(view, mention_end == 0 ? 0 : mention_end - 1);
  int auxiliaries = 0;
  size_t p = SkipAuxiliaries(view, mention_end, std::min(sentence_end, se), &auxiliaries);
  if (p >= sentence_end) return std::nullopt;
  Form form = Form::kActive;
  auto verb = VerbAt(view, p, sb, &form);
  if (!verb) return std::nullopt;
  if (form == Form::kIntransitive || (form == Form::kParticiple && auxiliaries > 0)) return verb;
  return std::nullopt;
}

bool EnMentionActedOn(std::string_view view, const Mention& ref) {
  auto [sb, se] = EnSentence(view, ref.keyword);
  if (EnVerbAfterMention(view, ref.group_end, se)) return true;
  return !VerbsIn(view, sb, ref.begin, sb, false).empty();
}

std::vector<RelationReading> ReadEnRelations(const TextView& tv, const TextReadings& readings,
                                             const HeaderReading& header) {
  std::string_view view = tv.view();
  const size_t own_begin = header.number_begin, own_end = header.number_end;
  const std::vector<Mention>& refs = readings.mentions;
  std::vector<RelationReading> out;
  const std::string masked = MaskQuotes(view);
  const std::string_view mv(masked);
  for (size_t i = 0; i < refs.size(); ++i) {
    const Mention& ref = refs[i];
    if (own_end > own_begin && ref.keyword >= own_begin && ref.keyword < own_end) continue;
    // No issuer, or not all of them: no doc_id to point at.
    if (ref.issuers.empty() || ref.issuers_incomplete) continue;

    size_t group_begin = ref.begin;
    for (size_t j = i; j-- > 0 && refs[j].group == ref.group;) group_begin = refs[j].begin;
    const size_t group_end = ref.group_end;
    auto [sb, se] = EnSentence(view, ref.keyword);

    // The list this group belongs to: later groups joined by "and" / ",".
    size_t list_end = group_end;
    for (size_t j = i + 1; j < refs.size(); ++j) {
      if (refs[j].group == refs[j - 1].group) continue;
      if (refs[j].begin >= se || SkipListJoin(view, list_end, se) != refs[j].begin) break;
      list_end = refs[j].group_end;
    }

    std::optional<EnVerb> verb = EnVerbAfterMention(mv, list_end, se);
    size_t ev_begin = group_begin, ev_end = group_end;
    std::string rule = "a passive verb right after the mention (\"… is suspended\")";
    if (verb) {
      ev_end = verb->pos + verb->len;
    } else {
      auto before = VerbsIn(mv, sb, group_begin, sb, false);
      if (!before.empty()) {
        verb = before.back();
        ev_begin = verb->pos;
        rule = "a verb before the mention, in its sentence";
      } else {
        auto after = VerbsIn(mv, list_end, se, sb, true);
        if (!after.empty()) {
          verb = after.front();
          ev_end = verb->pos + verb->len;
          rule = "a passive verb later in the mention's sentence";
        }
      }
    }
    if (!verb) {
      verb = ListHeadingVerb(tv, mv, ref);
      rule = verb ? "the verb of the heading above a list of mentions"
                  : "a mention no verb of the phrase table acts on: a citation";
    }
    RelationReading rel;
    rel.target = ref;
    rel.type = verb ? verb->type : RelationType::kRefersTo;
    if (rel.type == RelationType::kSuspends) {
      rel.until = UntilDateIn(mv.substr(sb, se - sb));
      if (rel.until) rule += "; the end date after \"until\" in the same sentence";
      // "… are suspended. The suspension lasts until November 10, 2026."
      if (!rel.until) {
        if (auto next = FollowingSentence(mv, se); next && !NamesAnnouncement(refs, *next)) {
          std::string_view sentence = mv.substr(next->first, next->second - next->first);
          if (RE2::PartialMatch(sentence, EnP().suspension_followup))
            rel.until = UntilDateIn(sentence);
          if (rel.until) rule += "; the end date in the next sentence, about the suspension";
        }
      }
      // "… issued Announcement No. 70, announcing the suspension of several
      // announcements until November 10, 2026. The suspended announcements
      // include …": a sentence of the same paragraph before it that speaks
      // of a suspension and names no announcement but this one.
      for (auto prev = PrecedingSentence(mv, sb); !rel.until && prev;
           prev = PrecedingSentence(mv, prev->first)) {
        std::string_view sentence = mv.substr(prev->first, prev->second - prev->first);
        if (!RE2::PartialMatch(sentence, EnP().suspension_followup)) continue;
        const bool others = std::any_of(refs.begin(), refs.end(), [&](const Mention& r) {
          const bool own = own_end > own_begin && r.keyword >= own_begin && r.keyword < own_end;
          return !own && r.begin < prev->second && r.end > prev->first;
        });
        if (others) break;
        rel.until = UntilDateIn(sentence);
        if (rel.until) rule += "; the end date in an earlier sentence naming only the document";
        break;
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
