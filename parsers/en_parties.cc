// Reading the parties of an English text: sentences that put organisations on
// a list or take them off, and the lists those sentences govern.
#include "parsers/en_parties.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "corpus/issuers.h"
#include "parsers/ascii.h"
#include "parsers/element_names.h"
#include "parsers/en_references.h"
#include "parsers/parties.h"
#include "parsers/party_words.h"
#include "parsers/en_patterns.h"
#include "parsers/patterns.h"

namespace regdiff::parsers {
namespace {

// A heading is a short line.
constexpr size_t kMaxHeadingBytes = 150;
// How far a sentence reaches either side of a list's name, and an object
// before its preposition.
constexpr size_t kMaxSentenceBytes = 3000;
constexpr size_t kMaxObjectBytes = 2400;
// The words around a verb that tell whose act it is ("… had added …",
// "Washington added …").
constexpr size_t kMaxLeadBytes = 300;
// How far after a list's name its names may be announced (", including …").
constexpr size_t kMaxNamesLeadBytes = 48;
// A citation acts on the object when it stands this close before the verb
// with no comma between ("Announcement No. 13 of 2025 added …").
constexpr size_t kMaxCitationGapBytes = 80;
// A name longer than this many words is a clause.
constexpr int kMaxNameWords = 14;

// Words that may stand between the preposition and the list's name ("to
// the", "on China's"); any word ending in "'s" may too.
constexpr std::string_view kDeterminers[] = {"the", "its", "their", "a", "an", "chinese",
                                             "official", "own", "china", "mofcom", "prc"};
constexpr std::string_view kAddPrepositions[] = {"to", "on", "onto", "in", "into"};
constexpr std::string_view kRemovePrepositions[] = {"from", "off"};
// Words of a sentence that make it about another act: a suspension of
// listing measures, an earlier listing.
constexpr std::string_view kNotThisAct[] = {"suspend",      "suspension", "pause",
                                            "previously",   "earlier this", "last year",
                                            "last month",   "had added",  "had placed",
                                            "had been",     "had listed", "had included",
                                            "in the past"};
// Actors other than China's (case as written), and China's own.
constexpr std::string_view kForeignActors[] = {
    "Washington", "Tokyo", "Treasury", "Department of Commerce", "Commerce Department",
    "BIS", "Bureau of Industry and Security", "European Union", "U.S. government",
    "US government", "Japanese government", "the EU"};
constexpr std::string_view kChineseActors[] = {
    "China", "Chinese", "Beijing", "MOFCOM", "Ministry of Commerce", "commerce ministry",
    "Commerce Ministry", "the ministry", "The ministry", "Working Mechanism",
    "working mechanism", "UEL"};
// Words that make a piece of an object no name (lowercase, whole words).
constexpr std::string_view kGenericWords[] = {
    "entities", "entity",   "companies",    "firms",      "subsidiaries", "subsidiary",
    "units",    "affiliates", "organizations", "organisations", "individuals", "persons",
    "items",    "goods",    "technologies", "products",   "materials",    "elements",
    "equipment", "them",    "it",           "following",  "above",        "list",
    "others",   "more"};
// Plural nouns that end a description of parties, not a name ("Japanese
// Defense Suppliers", "Mitsubishi Heavy Industries subsidiaries").
constexpr std::string_view kPluralNouns[] = {
    "suppliers", "companies", "firms", "entities", "contractors", "makers", "manufacturers",
    "enterprises", "businesses", "organizations", "organisations", "institutions",
    "individuals", "units", "subsidiaries", "affiliates", "producers", "exporters"};
// Nouns for goods ending an object that is no party.
constexpr std::string_view kGoodsNouns[] = {"items", "item", "goods", "commodities",
                                            "elements", "metals", "minerals"};
// Words that open an object naming no party of its own.
constexpr std::string_view kObjectDeterminers[] = {"the following", "these", "those", "such",
                                                   "relevant", "all ", "certain", "several",
                                                   "some", "them", "it ", "the above"};
// A piece of a comma-split list that is one of these belongs to the name
// before it ("Huntington Ingalls Industries, Inc.").
constexpr std::string_view kCorporateSuffixes[] = {
    "inc", "inc.", "llc", "l.l.c.", "ltd", "ltd.", "co.", "co", "corp", "corp.", "l.p.",
    "lp", "llp", "plc", "gmbh", "ag", "s.a.", "sa", "n.v.", "b.v.", "limited",
    "incorporated", "s.p.a.", "pte. ltd.", "pty ltd", "ltd. co."};
// Name endings after which " and " starts another name.
constexpr std::string_view kNameEnds[] = {"inc.", "inc", "llc", "ltd.", "ltd", "corporation",
                                          "company", "co.", "corp.", "group", "gmbh", "ag",
                                          "plc", "limited", "incorporated", ")"};
// Abbreviations a name may end with: its final full stop stays.
constexpr std::string_view kFinalAbbreviations[] = {"inc", "ltd", "co", "corp", "jr", "sr",
                                                    "l.p", "s.a", "n.v", "b.v", "s.p.a"};

constexpr std::pair<std::string_view, int> kNumberWords[] = {
    {"one", 1},       {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},   {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},   {"forty", 40},     {"fifty", 50}};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool IsWordByte(char c) { return IsAsciiAlnum(c) || c == '_'; }

// Whether lower[pos, pos + len) stands as whole words.
bool WholeWord(std::string_view lower, size_t pos, size_t len) {
  return (pos == 0 || !IsWordByte(lower[pos - 1])) &&
         (pos + len >= lower.size() || !IsWordByte(lower[pos + len]));
}

template <size_t N>
bool ContainsOne(std::string_view s, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

template <size_t N>
bool IsOneOf(std::string_view s, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), s) != std::end(words);
}

std::optional<int> CountOf(std::string_view word) {
  std::string w = Lower(word);
  if (!w.empty() && IsAsciiDigit(w[0])) {
    int n = 0;
    for (char c : w) n = n * 10 + (c - '0');
    return n;
  }
  int total = 0;
  size_t dash = w.find('-');
  for (std::string_view part : {std::string_view(w).substr(0, dash),
                                dash == std::string::npos ? std::string_view()
                                                          : std::string_view(w).substr(dash + 1)}) {
    if (part.empty()) continue;
    bool known = false;
    for (auto [name, value] : kNumberWords) {
      if (name == part) {
        total += value;
        known = true;
      }
    }
    if (!known) return std::nullopt;
  }
  return total > 0 ? std::optional<int>(total) : std::nullopt;
}

// A country named by the words `words` ("Japanese", "U.S. defense", "South
// Korean"): the longest run of one or two words the table knows.
std::optional<std::string> CountryIn(std::string_view words) {
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i < words.size();) {
    while (i < words.size() && (words[i] == ' ' || words[i] == '\t')) ++i;
    size_t j = i;
    while (j < words.size() && words[j] != ' ' && words[j] != '\t') ++j;
    if (j > i) tokens.push_back(words.substr(i, j - i));
    i = j;
  }
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k + 1 < tokens.size()) {
      std::string pair = std::string(tokens[k]) + " " + std::string(tokens[k + 1]);
      if (auto c = EnCountryCode(pair)) return c;
    }
    if (auto c = EnCountryCode(tokens[k])) return c;
  }
  return std::nullopt;
}

std::optional<PartyList> ListNamedIn(std::string_view lower) {
  std::vector<ListName> names = FindListNames(lower, EnListWords(), true);
  if (names.empty()) return std::nullopt;
  return names.front().list;
}

// The word ending at `end` (letters, digits, apostrophes, hyphens), lowercase.
std::string_view WordBefore(std::string_view lower, size_t end, size_t* begin) {
  size_t e = end;
  while (e > 0 && (lower[e - 1] == ' ' || lower[e - 1] == '\t')) --e;
  size_t b = e;
  while (b > 0) {
    char c = lower[b - 1];
    if (IsWordByte(c) || c == '\'' || c == '-' || c == '.') {
      --b;
    } else if (b >= 3 && lower.substr(b - 3, 3) == "’") {
      b -= 3;
    } else {
      break;
    }
  }
  *begin = b;
  return lower.substr(b, e - b);
}

// The preposition before a list's name ("to the", "from its"); its start in
// *at. Only determiners may stand between.
std::optional<PartyAction> PrepositionBefore(std::string_view lower, size_t sentence_begin,
                                             size_t list_begin, size_t* at) {
  size_t pos = list_begin;
  // An opening quote: "to its 'watch list'".
  while (pos > sentence_begin && (lower[pos - 1] == '"' || lower[pos - 1] == '\''))
    --pos;
  for (std::string_view q : {"“", "‘"})
    if (pos >= sentence_begin + q.size() && lower.substr(pos - q.size(), q.size()) == q)
      pos -= q.size();
  for (int step = 0; step < 5 && pos > sentence_begin; ++step) {
    size_t b = 0;
    std::string_view w = WordBefore(lower, pos, &b);
    if (w.empty() || b < sentence_begin) return std::nullopt;
    *at = b;
    if (IsOneOf(w, kAddPrepositions)) return PartyAction::kAdd;
    if (IsOneOf(w, kRemovePrepositions)) return PartyAction::kRemove;
    if (!IsOneOf(w, kDeterminers) && !w.ends_with("'s") && !w.ends_with("’s")) return std::nullopt;
    pos = b;
  }
  return std::nullopt;
}

// A sentence act and where its object and names stand.
struct EnAct {
  PartyAct act;
  size_t sentence_begin = 0, sentence_end = 0;
  size_t verb_begin = 0;
  size_t object_begin = 0, object_end = 0;
};

// The word before view offset `pos` and at or after `floor`: letters,
// digits, apostrophes, hyphens and full stops ("u.s.", "china's"); its
// bounds in *b, *e. Empty when none.
std::string_view PrevWord(std::string_view lower, size_t floor, size_t pos, size_t* b, size_t* e) {
  size_t end = pos;
  while (end > floor && !IsWordByte(lower[end - 1])) --end;
  size_t begin = end;
  while (begin > floor && (IsWordByte(lower[begin - 1]) || lower[begin - 1] == '\'' ||
                           lower[begin - 1] == '-'))
    --begin;
  *b = begin;
  *e = end;
  return lower.substr(begin, end - begin);
}

// The verb forms of the table by their word; "addition of" and its kin by
// their first word.
const std::unordered_map<std::string_view, PartyAction>& VerbForms() {
  static const auto* kForms = [] {
    auto* forms = new std::unordered_map<std::string_view, PartyAction>();
    for (const ActionWord& a : EnActionWords()) forms->emplace(a.word.substr(0, a.word.find(' ')), a.action);
    return forms;
  }();
  return *kForms;
}

// The verb and object of the sentence naming the list at `at`, if it acts:
// "add X to LIST", "the addition of X to LIST", "X have been added to LIST",
// "remove X from LIST", "X were taken off LIST".
std::optional<EnAct> ActOn(std::string_view v, std::string_view lower, const ListName& at,
                           const std::vector<ListName>& list_names) {
  // The sentence, looked for within kMaxSentenceBytes of the list's name.
  const size_t wb = at.begin > kMaxSentenceBytes ? at.begin - kMaxSentenceBytes : 0;
  const size_t we = std::min(v.size(), at.end + kMaxSentenceBytes);
  auto [rb, re] = EnSentence(v.substr(wb, we - wb), at.begin - wb);
  const size_t sb = wb + rb, se = wb + re;
  size_t prep = 0;
  std::optional<PartyAction> kind = PrepositionBefore(lower, sb, at.begin, &prep);
  if (!kind) return std::nullopt;
  // The last verb of that kind before the preposition, within an object's
  // reach; "including" only when no other stands there ("Decision on
  // Including X in the …", but "adding 20 entities, including X, to the …").
  size_t verb_begin = std::string_view::npos, verb_end = 0;
  size_t including_begin = std::string_view::npos, including_end = 0;
  const size_t floor = prep > sb + kMaxObjectBytes ? prep - kMaxObjectBytes : sb;
  const auto& forms = VerbForms();
  size_t word_b = 0, word_e = 0;
  for (size_t pos = prep; pos > floor && verb_begin == std::string_view::npos; pos = word_b) {
    std::string_view w = PrevWord(lower, floor, pos, &word_b, &word_e);
    if (w.empty()) break;
    size_t vb = word_b, ve = word_e;
    if (w == "of") {  // "addition of", "inclusion of", "removal of"
      size_t pb = 0, pe = 0;
      w = PrevWord(lower, floor, word_b, &pb, &pe);
      if (w != "addition" && w != "inclusion" && w != "removal") continue;
      vb = pb;
    } else if (w == "addition" || w == "inclusion" || w == "removal") {
      continue;  // a noun without "of"
    }
    auto form = forms.find(w);
    if (form == forms.end() || form->second != *kind) continue;
    // "list" of a list's name ("… to the Export Control List and …").
    auto inside = std::upper_bound(list_names.begin(), list_names.end(), vb,
                                   [](size_t p, const ListName& n) { return p < n.begin; });
    if (inside != list_names.begin() && std::prev(inside)->end > vb) continue;
    if (w == "including") {
      if (including_begin == std::string_view::npos) including_begin = vb, including_end = ve;
      continue;
    }
    verb_begin = vb;
    verb_end = ve;
  }
  if (verb_begin == std::string_view::npos) verb_begin = including_begin, verb_end = including_end;
  if (verb_begin == std::string_view::npos) return std::nullopt;
  EnAct e;
  e.act.list = at.list;
  e.act.action = *kind;
  e.act.list_begin = at.begin;
  e.act.list_end = at.end;
  e.sentence_begin = sb;
  e.sentence_end = se;
  e.verb_begin = verb_begin;
  e.object_begin = verb_end;
  e.object_end = prep;
  std::string_view object = v.substr(verb_end, prep - verb_end);
  if (object.find_first_not_of(" \t,") == std::string_view::npos) {
    // A passive: the subject is the object.
    std::string_view lead = v.substr(sb, verb_begin - sb);
    std::string_view g[1];
    if (!MatchAt(EnP().party_passive, lead, 0, lead.size(), RE2::UNANCHORED, g, 1))
      return std::nullopt;
    size_t aux = static_cast<size_t>(g[0].data() - v.data());
    // Auxiliaries before the matched one ("have been").
    size_t b = 0;
    for (std::string_view w = WordBefore(lower, aux, &b);
         (w == "has" || w == "have" || w == "had" || w == "will" || w == "would" ||
          w == "shall") && b >= sb;
         w = WordBefore(lower, aux, &b))
      aux = b;
    size_t start = sb;
    std::string_view before = lower.substr(sb, aux - sb);
    for (std::string_view cut : {" that ", ":"}) {
      size_t p = before.rfind(cut);
      if (p != std::string_view::npos) start = std::max(start, sb + p + cut.size());
    }
    std::string_view subject = v.substr(start, aux - start);
    if (MatchAt(EnP().party_time_lead, subject, 0, subject.size(), RE2::ANCHOR_START, g, 1))
      start += g[0].size();
    e.object_begin = start;
    e.object_end = aux;
  }
  // Whose act: the words around the verb and the list.
  const size_t lead_begin = verb_begin > sb + kMaxLeadBytes ? verb_begin - kMaxLeadBytes : sb;
  const size_t tail_end = std::min(se, at.end + kMaxLeadBytes);
  e.act.not_this = ContainsOne(lower.substr(lead_begin, tail_end - lead_begin), kNotThisAct);
  std::string_view lead = v.substr(lead_begin, verb_begin - lead_begin);
  std::optional<size_t> foreign, chinese;
  for (std::string_view w : kForeignActors) {
    size_t p = lead.rfind(w);
    if (p != std::string_view::npos && (!foreign || p > *foreign)) foreign = p;
  }
  for (std::string_view w : kChineseActors) {
    size_t p = lead.rfind(w);
    if (p != std::string_view::npos && (!chinese || p > *chinese)) chinese = p;
  }
  if (foreign && (!chinese || *foreign > *chinese)) e.act.not_this = true;
  return e;
}

bool CitedAsActing(std::string_view v, const EnAct& e, const std::vector<Mention>& refs,
                   const OwnNumber& own) {
  // refs are by position of their keyword; issuers named before it start earlier.
  auto first = std::lower_bound(refs.begin(), refs.end(), e.sentence_begin,
                                [](const Mention& r, size_t p) { return r.keyword < p; });
  for (auto it = first; it != refs.end() && it->begin < e.object_end; ++it) {
    const Mention& r = *it;
    if (r.begin < e.sentence_begin || own.Is(r)) continue;
    if (r.begin >= e.object_begin) return true;
    size_t end = std::max(r.end, r.group_end);
    if (end > e.verb_begin || e.verb_begin - end > kMaxCitationGapBytes) continue;
    if (v.substr(end, e.verb_begin - end).find(',') == std::string_view::npos) return true;
  }
  return false;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t'; }

void TrimSpaces(std::string_view v, size_t* b, size_t* e) {
  while (*b < *e && (IsSpaceByte(v[*b]) || v[*b] == ',')) ++*b;
  while (*e > *b && (IsSpaceByte(v[*e - 1]) || v[*e - 1] == ',')) --*e;
}

// Splits view[b, e) into names: at ";" and ", " outside brackets, a
// corporate suffix joined back to the name before it, and at the last "and"
// of an enumeration or at "and" after a name's end.
std::vector<std::pair<size_t, size_t>> SplitNames(std::string_view v, std::string_view lower,
                                                  size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> pieces;
  int depth = 0;
  size_t start = b;
  for (size_t i = b; i < e; ++i) {
    if (v[i] == '(') ++depth;
    else if (v[i] == ')' && depth > 0) --depth;
    else if (depth == 0 && (v[i] == ';' || v[i] == ',')) {
      pieces.emplace_back(start, i);
      start = i + 1;
    }
  }
  pieces.emplace_back(start, e);
  std::vector<std::pair<size_t, size_t>> merged;
  for (auto [pb, pe] : pieces) {
    TrimSpaces(v, &pb, &pe);
    if (pb >= pe) continue;
    std::string piece = Lower(v.substr(pb, pe - pb));
    if (!merged.empty() && IsOneOf(piece, kCorporateSuffixes)) merged.back().second = pe;
    else merged.emplace_back(pb, pe);
  }
  if (merged.empty()) return merged;
  // "A, B and C" / "A, B, and C": the last piece holds two names.
  auto split_and = [&](size_t pb, size_t pe, bool any) {
    std::vector<std::pair<size_t, size_t>> out;
    size_t from = pb;
    const std::string_view piece = lower.substr(pb, pe - pb);
    for (size_t q = piece.find(" and "); q != std::string_view::npos; q = piece.find(" and ", q + 1)) {
      const size_t p = pb + q;
      std::string_view left = lower.substr(from, p - from);
      bool ends_name = false;
      for (std::string_view end : kNameEnds) ends_name = ends_name || left.ends_with(end);
      if (any || ends_name) {
        out.emplace_back(from, p);
        from = p + 5;
        any = false;
      }
    }
    out.emplace_back(from, pe);
    return out;
  };
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t k = 0; k < merged.size(); ++k) {
    auto [pb, pe] = merged[k];
    if (lower.substr(pb, 4) == "and ") pb += 4;
    else if (lower.substr(pb, 11) == "as well as ") pb += 11;
    const bool last_of_list = merged.size() > 1 && k + 1 == merged.size() &&
                              lower.substr(merged[k].first, 4) != "and ";
    // In "A, B and C" only the last "and" separates; elsewhere only after a name's end.
    std::vector<std::pair<size_t, size_t>> parts;
    if (last_of_list) {
      size_t q = lower.substr(pb, pe - pb).rfind(" and ");
      if (q != std::string_view::npos && q > 0) parts = {{pb, pb + q}, {pb + q + 5, pe}};
      else parts = {{pb, pe}};
    } else {
      parts = split_and(pb, pe, false);
    }
    for (auto part : parts) out.push_back(part);
  }
  return out;
}

// Whether view[b, e) may be a name: capitalised, short, no generic word, not
// an issuer or a country.
bool MayBeName(std::string_view v, std::string_view lower, size_t b, size_t e) {
  if (b >= e || !(IsAsciiUpper(v[b]) || IsAsciiDigit(v[b]))) return false;
  if (std::none_of(v.begin() + b, v.begin() + e, IsAsciiLetter)) return false;  // "2099"
  std::string_view g[1];
  std::string_view piece_text = v.substr(b, e - b);
  if (MatchAt(EnP().any_code, piece_text, 0, piece_text.size(), RE2::UNANCHORED, g, 1))
    return false;  // a control code ("1C902.a has been added to the control list")
  int words = 0;
  for (size_t i = b; i < e; ++i)
    if (IsAsciiLetter(v[i]) && (i == b || v[i - 1] == ' ')) ++words;
  if (words > kMaxNameWords) return false;
  // A generic word as a common noun (lower case): "subsidiaries of X".
  std::string_view piece = v.substr(b, e - b);
  for (std::string_view w : kGenericWords)
    for (size_t p = piece.find(w); p != std::string_view::npos; p = piece.find(w, p + 1))
      if (WholeWord(lower, b + p, w.size())) return false;
  // A title-case description ("Japanese Defense Suppliers"), not a name.
  size_t last = lower.substr(b, e - b).find_last_of(' ');
  std::string_view last_word = lower.substr(last == std::string_view::npos ? b : b + last + 1,
                                            last == std::string_view::npos ? e - b : e - b - last - 1);
  if (IsOneOf(last_word, kPluralNouns)) return false;
  if (EnCountryCode(v.substr(b, e - b))) return false;
  // Elements, not a party ("Gallium and Germanium", "Tungsten"); a company
  // named after one has other words ("Indium Corporation").
  bool only_elements = true;
  for (size_t i = b; i < e && only_elements;) {
    while (i < e && !IsAsciiLetter(v[i])) ++i;
    size_t j = i;
    while (j < e && IsAsciiLetter(v[j])) ++j;
    std::string_view word = lower.substr(i, j - i);
    if (j > i && word != "and" && EnElementSetIn(word) == 0) only_elements = false;
    i = j;
  }
  if (only_elements) return false;
  if (!EnIssuersListed(v, b, e).empty()) return false;
  return true;
}

// Drops a sentence's final full stop from a name ("… Company."), keeping the
// one of an abbreviation ("… Inc.").
void DropFinalStop(std::string_view lower, size_t b, size_t* e) {
  if (*e <= b || lower[*e - 1] != '.') return;
  size_t t = *e - 1;
  while (t > b && lower[t - 1] != ' ') --t;
  std::string_view token = lower.substr(t, *e - 1 - t);
  if (!IsOneOf(token, kFinalAbbreviations)) --*e;
}

struct ObjectRead {
  std::vector<NameParts> names;
  std::optional<std::string> country;
  std::optional<int> count;
};

// The names of view[b, e), split and checked.
void AddNames(std::string_view v, std::string_view lower, size_t b, size_t e, ObjectRead& out) {
  for (auto [pb, pe] : SplitNames(v, lower, b, e)) {
    TrimSpaces(v, &pb, &pe);
    if (lower.substr(pb, 4) == "the ") pb += 4;
    DropFinalStop(lower, pb, &pe);
    // "Japan's Subaru": the country is no part of the name.
    std::optional<std::string> country;
    for (std::string_view possessive : {"'s ", "’s "}) {
      size_t p = lower.substr(pb, pe - pb).find(possessive);
      if (p == std::string_view::npos) continue;
      if (auto c = EnCountryCode(v.substr(pb, p))) {
        country = c;
        pb += p + possessive.size();
      }
    }
    if (!MayBeName(v, lower, pb, pe)) continue;
    NameParts n = SplitNameCell(v, pb, pe);
    if (!n.country) n.country = country;
    if (n.has_latin()) out.names.push_back(n);
  }
}

// The names, count and country of an object ("20 Japanese entities,
// including SUBARU Corporation", "Huntington Ingalls Industries, Inc. and two
// other U.S. entities", "X, Y and Z").
ObjectRead ReadObject(std::string_view v, std::string_view lower, size_t b, size_t e) {
  ObjectRead out;
  TrimSpaces(v, &b, &e);
  if (b >= e) return out;
  std::string_view x = v.substr(b, e - b);
  std::string_view g[3];
  if (MatchAt(EnP().party_count, x, 0, x.size(), RE2::UNANCHORED, g, 3)) {
    out.count = CountOf(g[1]);
    out.country = CountryIn(g[2]);
    const size_t cb = static_cast<size_t>(g[0].data() - v.data());
    const size_t ce = cb + g[0].size();
    std::string_view after = v.substr(ce, e - ce);
    if (!out.country) {
      // "entities from Japan", "companies based in the United States".
      std::string la = Lower(after);
      for (std::string_view lead : {" from the ", " from ", " based in the ", " based in ", " in the ", " in "}) {
        if (la.starts_with(lead)) {
          std::string_view rest = after.substr(lead.size());
          out.country = CountryIn(rest.substr(0, rest.find_first_of(",;")));
          break;
        }
      }
    }
    std::string_view h[1];
    if (MatchAt(EnP().party_names_lead, after, 0, after.size(), RE2::ANCHOR_START, h, 1)) {
      size_t nb = ce + h[0].size(), ne = e;
      while (ne > nb && (IsSpaceByte(v[ne - 1]) || v[ne - 1] == ',' || v[ne - 1] == ')' ||
                         v.substr(ne - std::min<size_t>(ne, 3), 3) == "—")) {
        ne -= v.substr(ne - std::min<size_t>(ne, 3), 3) == "—" ? 3 : 1;
      }
      AddNames(v, lower, nb, ne, out);
    } else {
      std::string_view before = v.substr(b, cb - b);
      if (MatchAt(EnP().party_names_before_count, before, 0, before.size(), RE2::UNANCHORED, h, 1))
        AddNames(v, lower, b, static_cast<size_t>(h[0].data() - v.data()), out);
    }
    return out;
  }
  std::string_view lx = lower.substr(b, e - b);
  for (std::string_view d : kObjectDeterminers)
    if (lx.starts_with(d)) return out;
  AddNames(v, lower, b, e, out);
  return out;
}

// Whether an object is goods put on a list of items ("… Molybdenum and
// Indium Items to Its Export Control List", "rare earth elements and their
// related items"): its last word is a noun for goods.
bool NamesGoods(std::string_view lower, size_t b, size_t e) {
  while (e > b && (IsSpaceByte(lower[e - 1]) || lower[e - 1] == ',')) --e;
  size_t w = e;
  while (w > b && IsAsciiLetter(lower[w - 1])) --w;
  return IsOneOf(lower.substr(w, e - w), kGoodsNouns);
}

// The names announced after the list's name: "… to the Watch List, including X".
void ReadNamesAfter(std::string_view v, std::string_view lower, const EnAct& e, ObjectRead& out) {
  size_t from = e.act.list_end, to = e.sentence_end;
  if (from >= to) return;
  std::string_view window = lower.substr(from, std::min(to - from, kMaxNamesLeadBytes));
  size_t p = std::string_view::npos;
  for (std::string_view lead : {", including", ", such as", ", among them", ", namely", ": ", " — "}) {
    size_t q = window.find(lead);
    if (q != std::string_view::npos && q < p) p = q;
  }
  if (p == std::string_view::npos) return;
  std::string_view rest = v.substr(from + p, to - from - p);
  std::string_view g[1];
  if (!MatchAt(EnP().party_names_lead, rest, 0, rest.size(), RE2::ANCHOR_START, g, 1)) return;
  AddNames(v, lower, from + p + g[0].size(), to, out);
}

// The heading of a list: "Annex: Export Control List", "Attachment" over
// "Watch List", or a short line naming a list right above the entries.
std::optional<ListHeading> HeadingAt(const TextView& view, std::string_view lower, size_t i) {
  std::string_view line = view.line(i);
  const TextView::Line& l = view.lines()[i];
  const size_t n = view.lines().size();
  if (line.size() > kMaxHeadingBytes) return std::nullopt;
  ListHeading h;
  std::string_view g[1];
  std::string_view words;
  if (MatchAt(EnP().party_annex, line, 0, line.size(), RE2::ANCHOR_START, g, 1)) {
    words = lower.substr(l.begin + g[0].size(), line.size() - g[0].size());
    h.first_line = i + 1;
    h.annex = true;
    if (words.find_first_not_of(" \t") == std::string_view::npos) {
      size_t j = NextNonBlankLine(view, i + 1);
      if (j < n) {
        const TextView::Line& m = view.lines()[j];
        std::string_view next = lower.substr(m.begin, m.end - m.begin);
        if (next.size() <= kMaxHeadingBytes && !IsEntryLine(next) && ListNamedIn(next)) {
          words = next;
          h.first_line = j + 1;
        }
      }
    }
  } else {
    words = lower.substr(l.begin, line.size());
    if (!ListNamedIn(words) || words.ends_with(".")) return std::nullopt;
    for (const ActionWord& a : EnActionWords()) {
      for (size_t p = words.find(a.word); p != std::string_view::npos; p = words.find(a.word, p + 1))
        if (WholeWord(lower, l.begin + p, a.word.size())) return std::nullopt;  // a headline, not a heading
    }
    size_t j = NextNonBlankLine(view, i + 1);
    if (j >= n) return std::nullopt;
    if (!IsListStart(view, j)) return std::nullopt;
    h.first_line = i + 1;
  }
  h.list = ListNamedIn(words);
  h.removal = words.find("remov") != std::string_view::npos ||
              words.find("delist") != std::string_view::npos;
  h.suspension = words.find("suspen") != std::string_view::npos;
  return h;
}

bool IsAnnexLine(std::string_view line) {
  std::string_view g[1];
  return MatchAt(EnP().party_annex, line, 0, line.size(), RE2::ANCHOR_START, g, 1);
}

bool OpensList(std::string_view line) {
  while (!line.empty() && IsSpaceByte(line.back())) line.remove_suffix(1);
  std::string lower = Lower(line);
  return line.ends_with(":") || lower.ends_with("as follows") || lower.ends_with("below");
}

}  // namespace

PartyReading ReadEnParties(const TextView& view, const TextReadings& readings,
                            const HeaderReading& header) {
  PartyReading out;
  const std::string_view v = view.view();
  const std::string lower_text = Lower(v);
  const std::string_view lower = lower_text;
  std::vector<ListName> list_names = FindListNames(lower, EnListWords(), true);
  if (list_names.empty()) return out;
  KeepListMentions(list_names, out.warnings);

  const std::vector<Mention>& refs = readings.mentions;
  const OwnNumber own = OwnNumber::Of(header);

  std::vector<FoundParty> found;
  std::vector<PartyAct> acts;
  for (const ListName& at : list_names) {
    std::optional<EnAct> e = ActOn(v, lower, at, list_names);
    if (!e || NamesGoods(lower, e->object_begin, e->object_end)) continue;
    PartyAct& act = e->act;
    act.not_this = act.not_this || CitedAsActing(v, *e, refs, own);
    ObjectRead obj = ReadObject(v, lower, e->object_begin, e->object_end);
    if (obj.names.empty()) ReadNamesAfter(v, lower, *e, obj);
    act.country = obj.country;
    act.count = obj.count;
    std::string_view object = lower.substr(e->object_begin, e->object_end - e->object_begin);
    act.forward = obj.names.empty() && (object.find("following") != std::string_view::npos ||
                                        object.find("below") != std::string_view::npos);
    acts.push_back(act);
    KeepStatedCount(view, act, e->sentence_begin, e->sentence_end, out.counts);
    if (act.not_this) continue;
    for (const NameParts& n : obj.names)
      if (found.size() < kMaxPartiesPerText)
        found.push_back(MakeFoundParty(view, n, OwnScript::kLatin, act.list, act.action,
                                       obj.country, e->sentence_begin, e->sentence_end, false));
  }

  ListRules rules;
  rules.script = OwnScript::kLatin;
  rules.chrome = [](size_t) { return false; };
  rules.stop = [&](size_t i) { return IsAnnexLine(view.line(i)); };
  rules.heading = [&](size_t i) { return HeadingAt(view, lower, i); };
  rules.opens_list = [&](size_t i) { return OpensList(view.line(i)); };
  ReadGovernedLists(view, acts, rules, found, out.warnings);
  FillStatedCountries(found, acts);
  out.parties = MergeParties(std::move(found));
  return out;
}

}  // namespace regdiff::parsers
