// Reading the parties of a Chinese text: sentences that put organisations on
// a list or take them off, and the annex lists those sentences govern.
#include "parsers/zh_parties.h"

#include <algorithm>
#include <utility>

#include "corpus/issuers.h"
#include "parsers/numerals.h"
#include "parsers/parties.h"
#include "parsers/party_words.h"
#include "parsers/patterns.h"
#include "parsers/zh_patterns.h"
#include "parsers/zh_chrome.h"
#include "parsers/zh_references.h"

namespace regdiff::parsers {
namespace {

// The longest object "将 … 列入" may have: a sentence naming many parties.
constexpr size_t kMaxObjectBytes = 2400;
// How far a sentence reaches either side of a list's name.
constexpr size_t kMaxSentenceBytes = 3000;
// The words right before "将" that name who acts ("美方", "美国商务部").
constexpr size_t kMaxActorBytes = 30;
// A heading is a short line.
constexpr size_t kMaxHeadingBytes = 150;
// A citation of another announcement acts on the object when it stands this
// close before "将" with no comma between ("商务部公告2025年第13号将…").
constexpr size_t kMaxCitationGapBytes = 60;

// Words that may stand between the verb and the list's name
// ("列入了中方出口管制管控名单", "列入「關注名單」").
constexpr std::string_view kGapWords[] = {"了", "到", "进", "中方", "中国", "我国", "我方",
                                          "的", "商务部", " ", "“", "「", "『", "《", "\""};
// Words that open an object naming no party of its own ("将下列实体列入",
// "将上述3家美国实体列入", "将其列入").
constexpr std::string_view kDeterminers[] = {"下列", "以下", "如下", "上述", "前述", "这些",
                                             "该", "其", "相关", "有关", "附件所列", "附件中",
                                             "附件", "部分", "一些", "若干", "多家", "此类",
                                             "所列", "另外"};
// Words of an object that point at a list below it ("将下列实体列入…：").
constexpr std::string_view kForwardWords[] = {"下列", "以下", "如下", "附件"};
// Nouns that name no party by themselves.
constexpr std::string_view kGenericNouns[] = {"实体", "企业", "公司", "机构", "单位", "组织",
                                              "个人", "人员", "军工企业", "军工实体",
                                              "外国实体", "境外实体", "子公司", "分支机构"};
// Endings of a piece of an object that is goods, not a party ("…相关物项").
constexpr std::string_view kItemWords[] = {"物项", "技术", "产品", "商品", "货物"};
// Words of the clause before the verb that place the listing in the past
// ("商务部此前已将…列入…").
constexpr std::string_view kEarlierWords[] = {"此前", "曾", "去年", "早前", "先前", "以往"};
// Words after a country name that make the country the actor ("美方将…").
constexpr std::string_view kForeignActor[] = {"方", "政府", "商务部", "财政部", "国防部",
                                              "国务院", "当局", "议会", "国会"};
// Ends of organisation names: "和", "及" or "与" after one separates two
// names; inside a name ("雷神导弹与防务公司") it does not.
constexpr std::string_view kOrgEnds[] = {"公司", "会社", "集团", "大学", "研究所", "研究院",
                                         "中心", "实验室", "学院", "协会", "基金会", "事务所",
                                         "工厂", "制作所", "局", ")", "Inc.", "LLC", "Ltd."};
// Words in a heading or a sentence before the verb that suspend listing
// measures instead of listing ("暂停实施…将…列入…的措施").
constexpr std::string_view kSuspendWords[] = {"暂停", "中止"};

bool EndsWithAt(std::string_view v, size_t pos, std::string_view w) {
  return pos >= w.size() && v.substr(pos - w.size(), w.size()) == w;
}

bool StartsWithAt(std::string_view v, size_t pos, std::string_view w) {
  return pos + w.size() <= v.size() && v.substr(pos, w.size()) == w;
}

template <size_t N>
bool ContainsOne(std::string_view s, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

// Sentence bounds around `pos`: "。", ";", "!", "?" and line breaks end one;
// a sentence reaches at most kMaxSentenceBytes either side of `pos`.
std::pair<size_t, size_t> SentenceAt(std::string_view v, size_t pos) {
  const size_t wb = pos > kMaxSentenceBytes ? pos - kMaxSentenceBytes : 0;
  const size_t we = std::min(v.size(), pos + kMaxSentenceBytes);
  const std::string_view before = v.substr(wb, pos - wb), after = v.substr(pos, we - pos);
  size_t b = wb, e = we;
  for (std::string_view stop : {"。", ";", "!", "?", "\n"}) {
    size_t p = before.rfind(stop);
    if (p != std::string_view::npos) b = std::max(b, wb + p + stop.size());
    size_t q = after.find(stop);
    if (q != std::string_view::npos) e = std::min(e, pos + q);
  }
  return {b, e};
}

// Start of the clause holding `pos`: after the last comma or colon outside
// brackets in [sentence_begin, pos).
size_t ClauseStart(std::string_view v, size_t sentence_begin, size_t pos) {
  size_t start = sentence_begin;
  int depth = 0;
  for (size_t i = sentence_begin; i < pos; ++i) {
    if (v[i] == '(') ++depth;
    else if (v[i] == ')' && depth > 0) --depth;
    else if (depth == 0 && (v[i] == ',' || v[i] == ':')) start = i + 1;
  }
  return start;
}

std::optional<PartyList> ListNamedIn(std::string_view s) {
  std::vector<ListName> names = FindListNames(s, ZhListWords(), false);
  if (names.empty()) return std::nullopt;
  return names.front().list;
}

bool NamesRemoval(std::string_view s) {
  for (const ActionWord& a : ZhActionWords())
    if (a.action == PartyAction::kRemove && s.find(a.word) != std::string_view::npos) return true;
  return false;
}

// `pos` moved back over the words that may stand between a verb and a list name.
size_t SkipGapBack(std::string_view v, size_t floor, size_t pos) {
  for (int step = 0; step < 4; ++step) {
    bool moved = false;
    for (std::string_view w : kGapWords) {
      if (pos >= floor + w.size() && EndsWithAt(v, pos, w)) {
        pos -= w.size();
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return pos;
}

// A sentence act and where its object stands.
struct ZhAct {
  PartyAct act;
  size_t object_begin = 0, object_end = 0;
  size_t evidence_begin = 0;
};

// The verb and object of the sentence naming the list at `at`, if it acts:
// "将X列入LIST", "把X列入LIST", "X被列入LIST", "将X移出LIST", "将X从LIST中移出".
std::optional<ZhAct> ActOn(std::string_view v, const ListName& at) {
  auto [sb, se] = SentenceAt(v, at.begin);
  ZhAct z;
  PartyAct& act = z.act;
  act.list = at.list;
  act.list_begin = at.begin;
  act.list_end = at.end;
  size_t verb_begin = 0;
  size_t object_end = 0;
  bool verb_before = false;
  const size_t before = SkipGapBack(v, sb, at.begin);
  for (const ActionWord& a : ZhActionWords()) {
    if (EndsWithAt(v, before, a.word) && before - a.word.size() >= sb) {
      act.action = a.action;
      verb_begin = object_end = before - a.word.size();
      verb_before = true;
      break;
    }
  }
  if (!verb_before) {
    // "从LIST中移出": the verb after the name, "从" before it.
    std::string_view after = v.substr(at.end, se - at.end);
    std::string_view g[1];
    if (!EndsWithAt(v, before, "从") ||
        !MatchAt(ZhP().party_remove_after, after, 0, after.size(), RE2::ANCHOR_START, g, 1))
      return std::nullopt;
    act.action = PartyAction::kRemove;
    verb_begin = before - std::string_view("从").size();
    object_end = verb_begin;
  }
  // The object: after the last 将/把 before the verb, or before 被.
  const size_t floor = verb_begin > sb + kMaxObjectBytes ? verb_begin - kMaxObjectBytes : sb;
  size_t object_begin = std::string_view::npos;
  for (std::string_view w : {"将", "把"}) {
    size_t p = v.substr(floor, object_end - floor).rfind(w);
    if (p != std::string_view::npos &&
        (object_begin == std::string_view::npos || floor + p + w.size() > object_begin))
      object_begin = floor + p + w.size();
  }
  size_t subject_end;
  if (object_begin != std::string_view::npos) {
    subject_end = object_begin - std::string_view("将").size();
  } else {
    size_t p = object_end;
    for (std::string_view w : {"正式", "已", "均"}) p = EndsWithAt(v, p, w) ? p - w.size() : p;
    if (!EndsWithAt(v, p, "被")) return std::nullopt;
    object_end = p - std::string_view("被").size();
    object_begin = ClauseStart(v, sb, object_end);
    subject_end = object_begin;
  }
  z.object_begin = object_begin;
  z.object_end = object_end;
  z.evidence_begin = ClauseStart(v, sb, subject_end);
  // Whose act: the subject and the words before the verb.
  std::string_view lead = v.substr(sb, verb_begin - sb);
  std::string_view subject = v.substr(z.evidence_begin, subject_end - z.evidence_begin);
  act.not_this = ContainsOne(subject, kEarlierWords) || ContainsOne(lead, kSuspendWords);
  // The actor stands right before "将" ("美方将…", "美国商务部将…").
  if (subject.size() > kMaxActorBytes) {
    size_t cut = subject.size() - kMaxActorBytes;
    while (cut < subject.size() && (static_cast<unsigned char>(subject[cut]) & 0xC0) == 0x80) ++cut;
    subject.remove_prefix(cut);
  }
  for (const Country& c : Countries()) {
    size_t start = 0;
    while (start <= c.zh.size()) {
      size_t bar = c.zh.find('|', start);
      if (bar == std::string_view::npos) bar = c.zh.size();
      std::string_view word = c.zh.substr(start, bar - start);
      for (size_t p = subject.find(word); p != std::string_view::npos;
           p = subject.find(word, p + 1)) {
        for (std::string_view actor : kForeignActor)
          if (StartsWithAt(subject, p + word.size(), actor) || word.ends_with("方"))
            act.not_this = true;
      }
      start = bar + 1;
    }
  }
  return z;
}

struct ObjectRead {
  std::vector<NameParts> names;
  std::optional<std::string> country;
  std::optional<int> count;
};

bool StartsWithDeterminer(std::string_view s) {
  for (std::string_view d : kDeterminers)
    if (s.starts_with(d)) return true;
  return false;
}

bool IsGenericNoun(std::string_view s) {
  size_t len = 0;
  if (ZhCountryAtStart(s, &len)) s.remove_prefix(len);
  if (s.starts_with("的")) s.remove_prefix(std::string_view("的").size());
  if (s.empty()) return true;
  for (std::string_view n : kGenericNouns)
    if (s == n) return true;
  return false;
}

std::optional<std::string> CountryOfWords(std::string_view words) {
  size_t len = 0;
  if (auto c = ZhCountryAtStart(words, &len)) return c;
  return std::nullopt;
}

// Splits view[b, e) into names at "、", ",", ";" and "以及" outside brackets,
// and at "和", "及", "与" after the end of an organisation name.
std::vector<std::pair<size_t, size_t>> SplitNames(std::string_view v, size_t b, size_t e) {
  std::vector<std::pair<size_t, size_t>> out;
  int depth = 0;
  size_t start = b;
  for (size_t i = b; i < e;) {
    if (v[i] == '(') ++depth;
    else if (v[i] == ')' && depth > 0) --depth;
    if (depth == 0) {
      size_t sep = 0;
      for (std::string_view s : {"、", ",", ";", "以及"})
        if (StartsWithAt(v, i, s)) sep = s.size();
      if (sep == 0) {
        for (std::string_view s : {"和", "及", "与"}) {
          if (!StartsWithAt(v, i, s)) continue;
          for (std::string_view end : kOrgEnds)
            if (EndsWithAt(v, i, end) && i - end.size() >= start) sep = s.size();
        }
      }
      if (sep > 0) {
        out.emplace_back(start, i);
        i += sep;
        start = i;
        continue;
      }
    }
    ++i;
  }
  out.emplace_back(start, e);
  return out;
}

// The names, count and country of a sentence's object
// ("亨廷顿·英格尔斯工业公司等3家美国实体", "参与对台军售的X(X Inc.)、Y", "下列实体").
ObjectRead ReadObject(std::string_view v, size_t b, size_t e) {
  ObjectRead out;
  TrimName(v, &b, &e);
  if (b >= e) return out;
  std::string_view g[4];
  std::string_view x = v.substr(b, e - b);
  if (MatchAt(ZhP().party_dateline, x, 0, x.size(), RE2::ANCHOR_START, g, 1)) {
    b += g[0].size();
    x = v.substr(b, e - b);
  }
  size_t names_end = e;
  if (MatchAt(ZhP().party_count, x, 0, x.size(), RE2::UNANCHORED, g, 4)) {
    out.count = ParseChineseNumber(g[2]);
    out.country = CountryOfWords(g[3]);
    names_end = static_cast<size_t>(g[0].data() - v.data());
    if (g[1].empty()) return out;  // "下列3家实体", "上述3家美国实体": no names
  } else if (MatchAt(ZhP().party_generic_tail, x, 0, x.size(), RE2::UNANCHORED, g, 2)) {
    out.country = CountryOfWords(g[1]);
    names_end = static_cast<size_t>(g[0].data() - v.data());
  }
  size_t nb = b;
  if (StartsWithAt(v, nb, "包括")) nb += std::string_view("包括").size();
  for (auto [pb, pe] : SplitNames(v, nb, names_end)) {
    // A modifier before the name ("参与对台军售的X") is not part of it.
    int depth = 0;
    size_t after_de = pb;
    for (size_t i = pb; i < pe; ++i) {
      if (v[i] == '(') ++depth;
      else if (v[i] == ')' && depth > 0) --depth;
      else if (depth == 0 && StartsWithAt(v, i, "的")) after_de = i + std::string_view("的").size();
    }
    pb = after_de;
    TrimName(v, &pb, &pe);
    if (pb >= pe) continue;
    std::string_view piece = v.substr(pb, pe - pb);
    if (StartsWithDeterminer(piece) || IsGenericNoun(piece) || piece.size() < 4) continue;
    if (std::any_of(std::begin(kItemWords), std::end(kItemWords),
                    [&](std::string_view w) { return piece.ends_with(w); }))
      continue;
    NameParts n = SplitNameCell(v, pb, pe);
    if (!n.has_han() && !n.has_latin()) continue;
    if (!n.country) {
      size_t len = 0;
      std::string_view name = n.has_han() ? v.substr(n.han_begin, n.han_end - n.han_begin) : "";
      if (auto c = ZhCountryAtStart(name, &len); c && name.size() >= len + 6) n.country = c;
    }
    out.names.push_back(n);
  }
  return out;
}

// Whether another announcement is cited as acting on the object of `act`:
// a citation inside the object, or one right before "将" in its clause.
bool CitedAsActing(std::string_view v, const ZhAct& z, const std::vector<Mention>& refs,
                   const OwnNumber& own) {
  auto [sb, se] = SentenceAt(v, z.object_begin);
  // refs are by position (of their keyword; a mention's issuers stand before it).
  auto first = std::lower_bound(refs.begin(), refs.end(), sb, [](const Mention& r, size_t p) {
    return r.keyword < p;
  });
  for (auto it = first; it != refs.end() && it->begin < z.object_end; ++it) {
    const Mention& r = *it;
    if (r.begin < sb || own.Is(r)) continue;
    if (r.begin >= z.object_begin) return true;
    if (z.object_begin - r.end > kMaxCitationGapBytes) continue;
    std::string_view gap = v.substr(r.end, z.object_begin - r.end);
    if (gap.find(',') == std::string_view::npos) return true;
  }
  return false;
}

// The heading of a list: "附件：出口管制管控名单", "附件1" over "关注名单", or a
// short line naming a list right above the entries.
bool IsAnnexLine(std::string_view line) {
  std::string_view g[1];
  return MatchAt(ZhP().party_annex, line, 0, line.size(), RE2::ANCHOR_START, g, 1);
}

std::optional<ListHeading> HeadingAt(const TextView& view, size_t i) {
  std::string_view line = view.line(i);
  const size_t n = view.lines().size();
  if (line.size() > kMaxHeadingBytes || line.find("。") != std::string_view::npos)
    return std::nullopt;
  ListHeading h;
  std::string_view g[1];
  std::string_view words;
  if (MatchAt(ZhP().party_annex, line, 0, line.size(), RE2::ANCHOR_START, g, 1)) {
    words = line.substr(g[0].size());
    h.first_line = i + 1;
    h.annex = true;
    if (words.find_first_not_of(" \t") == std::string_view::npos) {
      // "附件" alone: the title of the annex may stand on the next line.
      size_t j = NextNonBlankLine(view, i + 1);
      if (j < n) {
        std::string_view next = view.line(j);
        if (next.size() <= kMaxHeadingBytes && next.find("。") == std::string_view::npos &&
            !IsEntryLine(next) && ListNamedIn(next)) {
          words = next;
          h.first_line = j + 1;
        }
      }
    }
  } else {
    // A short line naming a list, right above the entries or their header.
    if (!ListNamedIn(line) || line.find("将") != std::string_view::npos) return std::nullopt;
    size_t j = NextNonBlankLine(view, i + 1);
    if (j >= n) return std::nullopt;
    if (!IsListStart(view, j)) return std::nullopt;
    words = line;
    h.first_line = i + 1;
  }
  h.list = ListNamedIn(words);
  h.removal = NamesRemoval(words);
  h.suspension = ContainsOne(words, kSuspendWords);
  return h;
}

// Whether a sentence's text ends announcing a list below it ("：", "如下").
bool OpensList(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line.ends_with(":") || line.ends_with("如下");
}

}  // namespace

PartyReading ReadZhParties(const TextView& view, const TextReadings& readings,
                            const HeaderReading& header) {
  PartyReading out;
  const std::string_view v = view.view();
  std::vector<ListName> list_names = FindListNames(v, ZhListWords(), false);
  if (list_names.empty()) return out;
  KeepListMentions(list_names, out.warnings);

  const std::vector<bool>& chrome = readings.chrome;
  const std::vector<Mention>& refs = readings.mentions;
  const OwnNumber own = OwnNumber::Of(header);

  std::vector<FoundParty> found;
  std::vector<PartyAct> acts;
  for (const ListName& at : list_names) {
    if (chrome[view.LineOf(at.begin)]) continue;
    std::optional<ZhAct> z = ActOn(v, at);
    if (!z) continue;
    PartyAct& act = z->act;
    act.not_this = act.not_this || CitedAsActing(v, *z, refs, own);
    ObjectRead obj = ReadObject(v, z->object_begin, z->object_end);
    act.country = obj.country;
    act.count = obj.count;
    std::string_view object = v.substr(z->object_begin, z->object_end - z->object_begin);
    act.forward = obj.names.empty() && ContainsOne(object.substr(0, 12), kForwardWords);
    acts.push_back(act);
    KeepStatedCount(view, act, z->evidence_begin, act.list_end, out.counts);
    if (act.not_this) continue;
    for (const NameParts& n : obj.names)
      if (found.size() < kMaxPartiesPerText)
        found.push_back(MakeFoundParty(view, n, OwnScript::kHan, act.list, act.action,
                                       obj.country, z->evidence_begin, act.list_end, false));
  }

  ListRules rules;
  rules.script = OwnScript::kHan;
  rules.chrome = [&](size_t i) { return static_cast<bool>(chrome[i]); };
  rules.stop = [&](size_t i) { return chrome[i] || IsAnnexLine(view.line(i)); };
  rules.heading = [&](size_t i) { return HeadingAt(view, i); };
  rules.opens_list = [&](size_t i) { return OpensList(view.line(i)); };
  ReadGovernedLists(view, acts, rules, found, out.warnings);
  FillStatedCountries(found, acts);
  out.parties = MergeParties(std::move(found));
  return out;
}

}  // namespace regdiff::parsers
