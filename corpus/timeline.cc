// Building the timeline from announcements and answering "as of" questions.
#include "corpus/timeline.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "corpus/lang_order.h"
#include "corpus/model_json.h"

namespace regdiff {
namespace {


// A total order on texts of one doc_id, so merging never depends on the order
// of ingestion: Chinese first, then the fuller text, then the canonical JSON.
bool TextBefore(const Announcement& a, const Announcement& b) {
  if (LangRank(a.lang) != LangRank(b.lang)) return LangRank(a.lang) < LangRank(b.lang);
  if (a.items.size() != b.items.size()) return a.items.size() > b.items.size();
  return AnnouncementToJson(a).dump() < AnnouncementToJson(b).dump();
}

// Merges texts of one announcement: the first text's facts, completed by the
// others (items by control code, dates, clauses, relations).
Announcement Merge(std::vector<Announcement> texts) {
  std::sort(texts.begin(), texts.end(), TextBefore);
  Announcement out = std::move(texts.front());
  std::unordered_set<std::string> codes;
  for (const Item& item : out.items)
    if (item.code) codes.insert(*item.code);
  for (size_t i = 1; i < texts.size(); ++i) {
    const Announcement& t = texts[i];
    if (!out.published) {
      out.published = t.published;
      out.published_evidence = t.published_evidence;
    }
    if (out.effective.empty()) out.effective = t.effective;
    if (out.parties.empty()) out.parties = t.parties;
    for (const Item& item : t.items) {
      if (item.code && codes.insert(*item.code).second) out.items.push_back(item);
    }
    for (const Relation& r : t.relations) {
      bool known = std::any_of(out.relations.begin(), out.relations.end(), [&](const Relation& o) {
        return o.type == r.type && o.target == r.target && o.until == r.until;
      });
      if (!known) out.relations.push_back(r);
    }
  }
  return out;
}

// Reads one Chinese numeral or digit run at the start of `s` (一, 十二, 3).
std::string Numeral(std::string_view s) {
  static constexpr std::string_view kChars[] = {"一", "二", "三", "四", "五", "六", "七",
                                                "八", "九", "十", "〇", "零"};
  std::string out;
  while (!s.empty()) {
    if (s[0] >= '0' && s[0] <= '9') {
      out += s[0];
      s.remove_prefix(1);
      continue;
    }
    bool found = false;
    for (auto c : kChars) {
      if (s.substr(0, c.size()) == c) {
        out += c;
        s.remove_prefix(c.size());
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return out;
}

// Position prefixes named by a clause's applies_to: "第一条第(一)项、第(二)项"
// -> {"一(一)", "一(二)"}; "第二条" -> {"二"}.
std::vector<std::string> PartPrefixes(std::string_view applies_to) {
  std::vector<std::string> out;
  std::string article;
  bool article_alone = false;
  const std::string_view kDi = "第";
  size_t pos = 0;
  while ((pos = applies_to.find(kDi, pos)) != std::string_view::npos) {
    pos += kDi.size();
    bool bracket = pos < applies_to.size() && applies_to[pos] == '(';
    std::string num = Numeral(applies_to.substr(pos + (bracket ? 1 : 0)));
    if (num.empty()) continue;
    size_t after = pos + (bracket ? 1 : 0) + num.size() + (bracket ? 1 : 0);
    std::string_view unit = applies_to.substr(after, 3);
    if (unit == "条") {
      if (article_alone) out.push_back(article);
      article = num;
      article_alone = true;
    } else if (unit == "项" || unit == "款") {
      out.push_back(article + "(" + num + ")");
      article_alone = false;
    }
  }
  if (article_alone) out.push_back(article);
  return out;
}

// True when list position `position` lies within the part `prefix` names:
// "一(一)1" is within "一(一)" and "一", but "二十(一)" is not within "二".
bool WithinPart(std::string_view position, std::string_view prefix) {
  if (position.substr(0, prefix.size()) != prefix) return false;
  if (prefix.empty() || prefix.back() == ')') return true;
  return Numeral(position.substr(prefix.size())).empty();
}

bool NamesTheRest(std::string_view applies_to) {
  for (std::string_view w : {"其余", "其他", "其它"})
    if (applies_to.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::string_view ItemStatusName(ItemStatus status) {
  switch (status) {
    case ItemStatus::kNotYetInForce: return "not_yet_in_force";
    case ItemStatus::kInForce: return "in_force";
    case ItemStatus::kSuspended: return "suspended";
    case ItemStatus::kRepealed: return "repealed";
  }
  return "in_force";
}

std::string_view BasisName(Basis basis) {
  return basis == Basis::kStated ? "stated" : "inferred";
}

std::string_view EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kEnters: return "enters";
    case EventKind::kSuspended: return "suspended";
    case EventKind::kSuspensionEnds: return "suspension_ends";
    case EventKind::kResumed: return "resumed";
    case EventKind::kRepealed: return "repealed";
  }
  return "enters";
}

namespace {

// ItemEffectiveDate, with the evidence as a pointer into `a` (the timeline
// keeps one per listing: a pointer, not a copy of the sentence).
std::optional<Date> ItemEffectiveDateIn(const Announcement& a, const Item& item,
                                        const std::string** evidence) {
  const EffectiveClause* whole = nullptr;
  for (const EffectiveClause& c : a.effective) {
    if (!c.date) continue;
    if (c.applies_to == "whole" || NamesTheRest(c.applies_to)) {
      if (!whole) whole = &c;
      continue;
    }
    for (const std::string& prefix : PartPrefixes(c.applies_to)) {
      if (WithinPart(item.position, prefix)) {
        *evidence = &c.evidence.text;
        return c.date;
      }
    }
  }
  if (whole) {
    *evidence = &whole->evidence.text;
    return whole->date;
  }
  *evidence = &a.published_evidence.text;
  return a.published;
}

}  // namespace

std::optional<Date> ItemEffectiveDate(const Announcement& a, const Item& item,
                                      std::string* evidence) {
  const std::string* from = nullptr;
  std::optional<Date> date = ItemEffectiveDateIn(a, item, &from);
  if (evidence) *evidence = *from;
  return date;
}

namespace {

// AnnouncementEffectiveDate, with the evidence as a pointer into `a`.
std::optional<Date> AnnouncementEffectiveDateIn(const Announcement& a,
                                                const std::string** evidence) {
  const EffectiveClause* best = nullptr;
  for (const EffectiveClause& c : a.effective) {
    if (!c.date) continue;
    if (c.applies_to == "whole") {
      best = &c;
      break;
    }
    if (!best || *c.date < *best->date) best = &c;
  }
  if (best) {
    *evidence = &best->evidence.text;
    return best->date;
  }
  *evidence = &a.published_evidence.text;
  return a.published;
}

// The keys a party is known by: Party::key and key_en where not empty, else
// its printed name (a name that folds to nothing still names one party).
std::vector<std::string_view> KeysOf(const Party& p) {
  std::vector<std::string_view> keys;
  if (!p.key.empty()) keys.push_back(p.key);
  if (!p.key_en.empty() && p.key_en != p.key) keys.push_back(p.key_en);
  if (keys.empty()) keys.push_back(p.name);
  return keys;
}

// One key on one list, as the identity index holds it.
std::string ListKey(PartyList list, std::string_view key) {
  std::string out(PartyListName(list));
  out += '\x1f';
  out += key;
  return out;
}

// Which of two listings of one key governs on a date: in force (the latest
// entry) before suspended before not yet in force (the earliest entry)
// before ended.
int StatusRank(ItemStatus s) {
  switch (s) {
    case ItemStatus::kInForce: return 0;
    case ItemStatus::kSuspended: return 1;
    case ItemStatus::kNotYetInForce: return 2;
    case ItemStatus::kRepealed: return 3;
  }
  return 3;
}

bool Governs(ItemStatus status, const Date& enters, ItemStatus best_status,
             const Date& best_enters) {
  if (StatusRank(status) != StatusRank(best_status))
    return StatusRank(status) < StatusRank(best_status);
  return status == ItemStatus::kNotYetInForce ? enters < best_enters : enters > best_enters;
}

PartyStatus PartyStatusFrom(ItemStatus s) {
  switch (s) {
    case ItemStatus::kNotYetInForce: return PartyStatus::kNotYetInForce;
    case ItemStatus::kInForce: return PartyStatus::kInForce;
    case ItemStatus::kSuspended: return PartyStatus::kSuspended;
    case ItemStatus::kRepealed: return PartyStatus::kRemoved;
  }
  return PartyStatus::kInForce;
}

// PartyState::key of a party: its key, else key_en, else its name.
const std::string& DisplayKey(const Party& p) {
  return !p.key.empty() ? p.key : !p.key_en.empty() ? p.key_en : p.name;
}

}  // namespace

std::string_view PartyStatusName(PartyStatus status) {
  switch (status) {
    case PartyStatus::kNotYetInForce: return "not_yet_in_force";
    case PartyStatus::kInForce: return "in_force";
    case PartyStatus::kSuspended: return "suspended";
    case PartyStatus::kRemoved: return "removed";
  }
  return "in_force";
}

std::string_view PartyEventKindName(PartyEventKind kind) {
  switch (kind) {
    case PartyEventKind::kListed: return "listed";
    case PartyEventKind::kSuspended: return "suspended";
    case PartyEventKind::kSuspensionEnds: return "suspension_ends";
    case PartyEventKind::kResumed: return "resumed";
    case PartyEventKind::kRemoved: return "removed";
  }
  return "listed";
}

std::optional<Date> AnnouncementEffectiveDate(const Announcement& a, std::string* evidence) {
  const std::string* from = nullptr;
  std::optional<Date> date = AnnouncementEffectiveDateIn(a, &from);
  if (evidence) *evidence = *from;
  return date;
}

Timeline Timeline::Build(std::vector<Announcement> announcements) {
  Timeline t;
  // Merge texts by doc_id; texts without one stand alone.
  std::map<std::string, std::vector<Announcement>> by_id;
  std::vector<Announcement> unnumbered;
  for (Announcement& a : announcements) {
    if (a.doc_id) by_id[*a.doc_id].push_back(std::move(a));
    else unnumbered.push_back(std::move(a));
  }
  for (auto& [id, texts] : by_id) t.docs_.push_back(Merge(std::move(texts)));
  std::sort(unnumbered.begin(), unnumbered.end(), TextBefore);
  for (Announcement& a : unnumbered) t.docs_.push_back(std::move(a));

  // Listings: every item of every numbered announcement.
  size_t item_count = 0;
  for (const Announcement& a : t.docs_) item_count += a.doc_id ? a.items.size() : 0;
  t.listings_.reserve(item_count);
  for (const Announcement& a : t.docs_) {
    if (!a.doc_id) continue;
    for (const Item& item : a.items) {
      Listing l;
      l.doc = &a;
      l.item = &item;
      l.key = item.code ? *item.code : *a.doc_id + "#" + item.position;
      l.enters = ItemEffectiveDateIn(a, item, &l.enters_evidence);
      t.listings_.push_back(std::move(l));
    }
  }
  t.BuildParties();

  // Relations act on the listings (items and parties) of their target, found
  // through an index (a scan of every listing per relation grows with the
  // square of the corpus).
  std::unordered_map<std::string_view, std::vector<Course*>> courses_of;
  for (Listing& l : t.listings_) courses_of[*l.doc->doc_id].push_back(&l);
  for (PartyListing& l : t.party_listings_) courses_of[*l.doc->doc_id].push_back(&l);
  struct Resume {
    Date date;
    std::string doc_id;
    std::string evidence;
  };
  std::map<std::string, std::vector<Resume>> resumes;
  for (const Announcement& a : t.docs_) {
    std::string evidence;
    std::optional<Date> eff = AnnouncementEffectiveDate(a, &evidence);
    if (!eff) continue;  // a relation with no date cannot be placed in time
    std::string source = a.doc_id.value_or("(unnumbered text)");
    for (const Relation& r : a.relations) {
      auto target = courses_of.find(r.target);
      if (target != courses_of.end()) for (Course* l : target->second) {
        l->mentions.push_back(*eff);
        switch (r.type) {
          case RelationType::kSuspends:
            l->windows.push_back(Window{*eff, r.until, r.until.has_value(), "", "", source,
                                        r.evidence.text});
            break;
          case RelationType::kRepeals:
          case RelationType::kReplaces:
            if (!l->repealed || *eff < *l->repealed) {
              l->repealed = eff;
              l->repealed_by = source;
              l->repeal_evidence = r.evidence.text;
            }
            break;
          default:
            break;
        }
      }
      if (r.type == RelationType::kResumes)
        resumes[r.target].push_back({*eff, source, r.evidence.text});
    }
  }
  for (auto& [doc_id, courses] : courses_of) {
    auto resumed = resumes.find(std::string(doc_id));
    for (Course* l : courses) {
      std::sort(l->mentions.begin(), l->mentions.end());
      std::sort(l->windows.begin(), l->windows.end(), [](const Window& a, const Window& b) {
        return std::tie(a.begin, a.doc_id) < std::tie(b.begin, b.doc_id);
      });
      if (resumed == resumes.end()) continue;
      for (const Resume& r : resumed->second) {
        for (Window& w : l->windows) {
          if (w.begin < r.date && (!w.end || *w.end >= r.date)) {
            w.end = r.date.AddDays(-1);
            w.ended_by_stated_date = false;
            w.ended_by = r.doc_id;
            w.ended_evidence = r.evidence;
          }
        }
      }
    }
  }
  std::sort(t.listings_.begin(), t.listings_.end(), [](const Listing& a, const Listing& b) {
    return std::tie(a.key, *a.doc->doc_id) < std::tie(b.key, *b.doc->doc_id);
  });
  std::sort(t.party_listings_.begin(), t.party_listings_.end(),
            [&t](const PartyListing& a, const PartyListing& b) {
              return std::make_tuple(a.party->list, std::string_view(t.party_keys_[a.identity]),
                                     a.identity, std::string_view(*a.doc->doc_id), a.party) <
                     std::make_tuple(b.party->list, std::string_view(t.party_keys_[b.identity]),
                                     b.identity, std::string_view(*b.doc->doc_id), b.party);
            });
  return t;
}

void Timeline::BuildParties() {
  // Every party entry of every numbered announcement, in the order of time
  // (then doc_id, then document order), so that a removal finds the listings
  // before it and identities never depend on the order of ingestion.
  struct Entry {
    std::optional<Date> date;
    const std::string* evidence = nullptr;
    const Announcement* doc = nullptr;
    const Party* party = nullptr;
  };
  std::vector<Entry> entries;
  for (const Announcement& a : docs_) {
    if (!a.doc_id || a.parties.empty()) continue;
    const std::string* evidence = nullptr;
    const std::optional<Date> eff = AnnouncementEffectiveDateIn(a, &evidence);
    for (const Party& p : a.parties) entries.push_back({eff, evidence, &a, &p});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    // Undated entries last; parties of one announcement keep their order.
    return std::make_tuple(!a.date, a.date.value_or(Date{}), std::string_view(*a.doc->doc_id)) <
           std::make_tuple(!b.date, b.date.value_or(Date{}), std::string_view(*b.doc->doc_id));
  });

  // (list, key) -> identity; identity -> its listings (indices, unsorted yet).
  std::unordered_map<std::string, size_t> identity_of;
  std::vector<std::vector<size_t>> listings_of;
  party_listings_.reserve(entries.size());
  for (const Entry& e : entries) {
    const Party& p = *e.party;
    const std::vector<std::string_view> keys = KeysOf(p);
    std::optional<size_t> id;
    for (std::string_view k : keys) {
      auto it = identity_of.find(ListKey(p.list, k));
      if (it != identity_of.end()) {
        id = it->second;
        break;
      }
    }
    if (p.action == PartyAction::kRemove) {
      if (!e.date) continue;  // a removal with no date cannot be placed in time
      bool ended = false;
      if (id) for (size_t index : listings_of[*id]) {
        PartyListing& l = party_listings_[index];
        if (l.doc == e.doc || !l.enters || *e.date < *l.enters) continue;
        if (l.repealed && *l.repealed <= *e.date) continue;  // ended before
        l.repealed = e.date;
        l.repealed_by = *e.doc->doc_id;
        l.repeal_evidence = p.evidence.text;
        ended = true;
      }
      if (!ended) removals_.push_back({e.doc, e.party, *e.date});
      continue;
    }
    if (!id) {
      id = party_keys_.size();
      party_keys_.emplace_back(keys.front());
      listings_of.emplace_back();
    }
    for (std::string_view k : keys) {
      identity_of.emplace(ListKey(p.list, k), *id);
      std::vector<size_t>& ids = identities_of_key_[std::string(k)];
      if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    }
    PartyListing l;
    l.doc = e.doc;
    l.party = e.party;
    l.identity = *id;
    l.enters = e.date;
    l.enters_evidence = e.evidence;
    listings_of[*id].push_back(party_listings_.size());
    party_listings_.push_back(std::move(l));
  }
}

ItemStatus Timeline::StatusOf(const Course& l, const Date& date) {
  if (l.repealed && *l.repealed <= date) return ItemStatus::kRepealed;
  if (date < *l.enters) return ItemStatus::kNotYetInForce;
  for (const Window& w : l.windows)
    if (w.Holds(date)) return ItemStatus::kSuspended;
  return ItemStatus::kInForce;
}

ItemState Timeline::StateOf(const Listing& l, const Date& date) const {
  ItemState s;
  s.key = l.key;
  s.code = l.item->code;
  s.name = l.item->name;
  s.elements = l.item->elements;
  s.hs_codes = l.item->hs_codes;
  s.listed_by = *l.doc->doc_id;
  s.effective_from = l.enters;
  if (l.repealed) s.effective_until = l.repealed->AddDays(-1);
  Standing st = StandingOf(l, s.listed_by, date);
  s.status = st.status;
  s.basis = st.basis;
  s.since = st.since;
  s.until = st.until;
  s.governing = std::move(st.governing);
  s.evidence = std::move(st.evidence);
  s.suspensions = std::move(st.suspensions);
  return s;
}

Timeline::Standing Timeline::StandingOf(const Course& l, const std::string& listed_by,
                                        const Date& date) {
  Standing s;
  s.governing = {listed_by};
  for (const Window& w : l.windows) {
    if (w.begin > date) continue;  // not yet stated that day
    s.suspensions.push_back({w.begin, w.end, w.doc_id});
  }
  const ItemStatus status = StatusOf(l, date);
  if (status == ItemStatus::kRepealed) {
    s.status = ItemStatus::kRepealed;
    s.since = l.repealed;
    s.governing.push_back(l.repealed_by);
    s.evidence = l.repeal_evidence;
    return s;
  }
  const std::optional<Date> last_before_repeal =
      l.repealed ? std::optional<Date>(l.repealed->AddDays(-1)) : std::nullopt;
  if (status == ItemStatus::kNotYetInForce) {
    s.status = ItemStatus::kNotYetInForce;
    s.until = std::min(l.enters->AddDays(-1), last_before_repeal.value_or(*l.enters));
    s.evidence = *l.enters_evidence;
    return s;
  }
  s.status = ItemStatus::kInForce;
  s.since = l.enters;
  s.evidence = *l.enters_evidence;

  // Suspended: report the whole run of overlapping or adjoining windows that
  // holds `date`, governed by every window holding it that day.
  std::vector<const Window*> holding;
  for (const Window& w : l.windows)
    if (w.Holds(date)) holding.push_back(&w);
  if (status == ItemStatus::kSuspended) {
    Date run_begin = holding.front()->begin;  // windows are sorted by begin
    std::optional<Date> run_end = date;       // nullopt: open-ended
    for (const Window* w : holding)
      if (!w->end) run_end.reset();
      else if (run_end && *w->end > *run_end) run_end = w->end;
    for (bool grew = true; grew;) {
      grew = false;
      for (const Window& w : l.windows) {
        bool touches = (!run_end || w.begin <= run_end->AddDays(1)) &&
                       (!w.end || w.end->AddDays(1) >= run_begin);
        if (!touches) continue;
        if (w.begin < run_begin) run_begin = w.begin, grew = true;
        if (run_end && (!w.end || *w.end > *run_end)) run_end = w.end, grew = true;
      }
    }
    s.status = ItemStatus::kSuspended;
    s.since = std::max(run_begin, *l.enters);
    s.until = run_end;
    if (last_before_repeal && (!s.until || *last_before_repeal < *s.until))
      s.until = last_before_repeal;
    for (const Window* w : holding)
      if (std::find(s.governing.begin(), s.governing.end(), w->doc_id) == s.governing.end())
        s.governing.push_back(w->doc_id);
    s.evidence = holding.front()->evidence;
    return s;
  }

  // In force. After a suspension (the one that ended last), the status is
  // stated when a resumption ended it or a later announcement mentions the
  // listing before `date`; otherwise it is inferred from the window's end.
  const Window* last = nullptr;
  for (const Window& w : l.windows) {
    if (!w.end || *w.end >= date || *w.end < *l.enters) continue;
    if (!last || *w.end > *last->end) last = &w;
  }
  if (last) {
    s.since = last->end->AddDays(1);
    bool mentioned_later = std::any_of(l.mentions.begin(), l.mentions.end(), [&](const Date& m) {
      return *last->end < m && m <= date;
    });
    s.basis = last->ended_by_stated_date && !mentioned_later ? Basis::kInferred : Basis::kStated;
    s.governing = {listed_by, last->doc_id};
    if (!last->ended_by.empty()) s.governing.push_back(last->ended_by);
    s.evidence = last->ended_evidence.empty() ? last->evidence : last->ended_evidence;
  }
  // The status lasts until the next suspension or the repeal, if any.
  for (const Window& w : l.windows) {
    if (w.begin <= date) continue;
    s.until = w.begin.AddDays(-1);
    break;
  }
  if (last_before_repeal && (!s.until || *last_before_repeal < *s.until))
    s.until = last_before_repeal;
  return s;
}

template <typename L>
const L* Timeline::Governing(const std::vector<L>& listings, size_t begin, size_t end,
                             const Date& date) {
  // In force (latest entry) before suspended before not yet in force
  // (earliest) before repealed.
  const L* best = nullptr;
  ItemStatus best_status = ItemStatus::kRepealed;
  for (size_t i = begin; i < end; ++i) {
    const L& l = listings[i];
    if (!l.enters) continue;  // no date known: cannot be placed in time
    const Date known = l.doc->published ? *l.doc->published : *l.enters;
    if (known > date) continue;  // not yet published that day
    const ItemStatus status = StatusOf(l, date);
    if (!best || Governs(status, *l.enters, best_status, *best->enters))
      best = &l, best_status = status;
  }
  return best;
}

template <typename L>
std::vector<Date> Timeline::ChangeDays(const std::vector<L>& listings, size_t begin,
                                       size_t end) {
  // Every date StatusOf, StandingOf and Governing compare a day with: the
  // state is the same on every day from one of these to the next.
  std::vector<Date> days;
  for (size_t i = begin; i < end; ++i) {
    const L& l = listings[i];
    if (!l.enters) continue;
    days.push_back(*l.enters);
    if (l.doc->published) days.push_back(*l.doc->published);
    if (l.repealed) days.push_back(*l.repealed);
    for (const Window& w : l.windows) {
      days.push_back(w.begin);
      if (w.end) days.push_back(w.end->AddDays(1));
    }
    days.insert(days.end(), l.mentions.begin(), l.mentions.end());
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

namespace {

// Emits the stretches of one key: on each of its change days, its state
// (when known) opens a new stretch unless it equals the one before.
template <typename Stretch, typename StateAt, typename Emit>
void EmitStretches(const std::vector<Date>& days, StateAt state_at, Emit& emit) {
  std::optional<Stretch> open;
  for (const Date& day : days) {
    auto state = state_at(day);
    if (!state) continue;
    if (open && open->state == *state) continue;
    if (open) {
      open->until = day.AddDays(-1);
      emit(*open);
    }
    open = Stretch{day, std::nullopt, std::move(*state)};
  }
  if (open) emit(*open);
}

}  // namespace

std::vector<ItemState> Timeline::AsOf(const Date& date) const {
  // Listings are sorted by key, so each key's listings are one run; only the
  // one that governs is turned into an ItemState.
  std::vector<ItemState> coded, uncoded;
  for (size_t i = 0; i < listings_.size();) {
    size_t end = i;
    while (end < listings_.size() && listings_[end].key == listings_[i].key) ++end;
    if (const Listing* best = Governing(listings_, i, end, date))
      (best->item->code ? coded : uncoded).push_back(StateOf(*best, date));
    i = end;
  }
  // Coded items first, each group by key (the listings' order).
  coded.insert(coded.end(), std::make_move_iterator(uncoded.begin()),
               std::make_move_iterator(uncoded.end()));
  return coded;
}

void Timeline::VisitItemStretches(const std::function<void(const ItemStretch&)>& visit,
                                  const std::function<bool(const std::string&)>& want) const {
  // Coded keys first, then uncoded ones (AsOf's order): a key's listings are
  // all coded or all uncoded, the key being the code.
  for (const bool coded : {true, false}) {
    for (size_t i = 0; i < listings_.size();) {
      size_t end = i;
      while (end < listings_.size() && listings_[end].key == listings_[i].key) ++end;
      if (listings_[i].item->code.has_value() == coded && (!want || want(listings_[i].key))) {
        EmitStretches<ItemStretch>(
            ChangeDays(listings_, i, end),
            [&](const Date& day) -> std::optional<ItemState> {
              const Listing* best = Governing(listings_, i, end, day);
              if (!best) return std::nullopt;
              return StateOf(*best, day);
            },
            visit);
      }
      i = end;
    }
  }
}

std::vector<ItemStretch> Timeline::ItemStretches() const {
  std::vector<ItemStretch> out;
  VisitItemStretches([&out](const ItemStretch& s) { out.push_back(s); });
  return out;
}

const std::vector<TimelineEvent>& Timeline::Events() const {
  std::call_once(*events_once_, [this] { events_ = BuildEvents(); });
  return events_;
}

namespace {

// The events of one entering listing, as add(date, kind, doc_id, basis,
// evidence): what Events() holds and EventDates() dates.
template <typename ListingT, typename Add>
void ListingEvents(const ListingT& l, Add&& add) {
  add(*l.enters, EventKind::kEnters, *l.doc->doc_id, Basis::kStated, *l.enters_evidence);
  for (const auto& w : l.windows) {
    add(w.begin, EventKind::kSuspended, w.doc_id, Basis::kStated, w.evidence);
    if (w.end) {
      if (w.ended_by_stated_date) {
        add(w.end->AddDays(1), EventKind::kSuspensionEnds, w.doc_id, Basis::kInferred, w.evidence);
      } else {
        add(w.end->AddDays(1), EventKind::kResumed, w.ended_by, Basis::kStated, w.ended_evidence);
      }
    }
  }
  if (l.repealed)
    add(*l.repealed, EventKind::kRepealed, l.repealed_by, Basis::kStated, l.repeal_evidence);
}

}  // namespace

std::vector<TimelineEvent> Timeline::BuildEvents() const {
  std::vector<TimelineEvent> events;
  for (const Listing& l : listings_) {
    if (!l.enters) continue;
    ListingEvents(l, [&](Date d, EventKind kind, const std::string& doc, Basis basis,
                         const std::string& evidence) {
      events.push_back({d, kind, l.key, l.item->code, l.item->elements, l.item->hs_codes, doc,
                        basis, evidence});
    });
  }
  std::sort(events.begin(), events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    return std::tie(a.date, a.key, a.kind, a.doc_id) < std::tie(b.date, b.key, b.kind, b.doc_id);
  });
  return events;
}

void Timeline::VisitEventDates(
    const std::function<void(const std::string& doc_id, const Date& date)>& visit,
    const std::function<bool(const std::string& doc_id)>& want) const {
  for (const Listing& l : listings_) {
    if (!l.enters || (want && !want(*l.doc->doc_id))) continue;
    ListingEvents(l, [&](Date d, EventKind, const std::string&, Basis, const std::string&) {
      visit(*l.doc->doc_id, d);
    });
  }
}

std::vector<Date> Timeline::EventDates() const {
  std::vector<Date> dates;
  for (const Listing& l : listings_) {
    if (!l.enters) continue;
    ListingEvents(l, [&](Date d, EventKind, const std::string&, Basis, const std::string&) {
      dates.push_back(d);
    });
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

PartyState Timeline::PartyStateOf(const PartyListing& l, const Date& date) const {
  const Party& p = *l.party;
  PartyState s;
  s.list = p.list;
  s.key = DisplayKey(p);
  s.key_en = p.key_en;
  s.name = p.name;
  s.name_en = p.name_en;
  s.country = p.country;
  s.listed_by = *l.doc->doc_id;
  s.since = l.enters;
  s.removed_from = l.repealed;
  s.evidence = p.evidence.text;
  Standing st = StandingOf(l, s.listed_by, date);
  s.status = PartyStatusFrom(st.status);
  s.basis = st.basis;
  s.status_since = st.since;
  s.status_until = st.until;
  s.governing = std::move(st.governing);
  s.status_evidence = std::move(st.evidence);
  s.suspensions = std::move(st.suspensions);
  return s;
}

std::vector<PartyState> Timeline::PartiesAsOf(const Date& date) const {
  // party_listings_ are sorted by identity: each identity's listings are one
  // run, and only the listing that governs is turned into a PartyState.
  std::vector<PartyState> out;
  for (size_t i = 0; i < party_listings_.size();) {
    size_t end = i;
    while (end < party_listings_.size() &&
           party_listings_[end].identity == party_listings_[i].identity)
      ++end;
    if (const PartyListing* best = Governing(party_listings_, i, end, date))
      out.push_back(PartyStateOf(*best, date));
    i = end;
  }
  SortPartyStates(out);
  return out;
}

void Timeline::VisitPartyStretches(const std::function<void(const PartyStretch&)>& visit) const {
  for (size_t i = 0; i < party_listings_.size();) {
    size_t end = i;
    while (end < party_listings_.size() &&
           party_listings_[end].identity == party_listings_[i].identity)
      ++end;
    EmitStretches<PartyStretch>(
        ChangeDays(party_listings_, i, end),
        [&](const Date& day) -> std::optional<PartyState> {
          const PartyListing* best = Governing(party_listings_, i, end, day);
          if (!best) return std::nullopt;
          return PartyStateOf(*best, day);
        },
        visit);
    i = end;
  }
}

std::vector<PartyStretch> Timeline::PartyStretches() const {
  std::vector<PartyStretch> out;
  VisitPartyStretches([&out](const PartyStretch& s) { out.push_back(s); });
  return out;
}

void Timeline::SortPartyStates(std::vector<PartyState>& states) {
  std::stable_sort(states.begin(), states.end(), [](const PartyState& a, const PartyState& b) {
    return std::tie(a.list, a.key, a.listed_by) < std::tie(b.list, b.key, b.listed_by);
  });
}

std::vector<PartyEvent> Timeline::PartyHistory(std::string_view key) const {
  std::vector<PartyEvent> events;
  if (key.empty()) return events;
  auto ids = identities_of_key_.find(std::string(key));
  if (ids != identities_of_key_.end()) for (const PartyListing& l : party_listings_) {
    if (!l.enters) continue;
    if (std::find(ids->second.begin(), ids->second.end(), l.identity) == ids->second.end())
      continue;
    const Party& p = *l.party;
    auto add = [&](Date d, PartyEventKind kind, const std::string& doc, Basis basis,
                   const std::string& evidence) {
      events.push_back({d, kind, p.list, DisplayKey(p), p.name, p.name_en, doc, basis, evidence});
    };
    add(*l.enters, PartyEventKind::kListed, *l.doc->doc_id, Basis::kStated, p.evidence.text);
    for (const Window& w : l.windows) {
      add(w.begin, PartyEventKind::kSuspended, w.doc_id, Basis::kStated, w.evidence);
      if (!w.end) continue;
      if (w.ended_by_stated_date) {
        add(w.end->AddDays(1), PartyEventKind::kSuspensionEnds, w.doc_id, Basis::kInferred,
            w.evidence);
      } else {
        add(w.end->AddDays(1), PartyEventKind::kResumed, w.ended_by, Basis::kStated,
            w.ended_evidence);
      }
    }
    if (l.repealed)
      add(*l.repealed, PartyEventKind::kRemoved, l.repealed_by, Basis::kStated, l.repeal_evidence);
  }
  for (const Removal& r : removals_) {
    const Party& p = *r.party;
    if (p.key != key && p.key_en != key && !(p.key.empty() && p.key_en.empty() && p.name == key))
      continue;
    events.push_back({r.date, PartyEventKind::kRemoved, p.list, DisplayKey(p), p.name, p.name_en,
                      *r.doc->doc_id, Basis::kStated, p.evidence.text});
  }
  std::sort(events.begin(), events.end(), [](const PartyEvent& a, const PartyEvent& b) {
    return std::tie(a.date, a.list, a.key, a.kind, a.doc_id) <
           std::tie(b.date, b.list, b.key, b.kind, b.doc_id);
  });
  // Two listings of one party by one announcement give one event each: keep one.
  events.erase(std::unique(events.begin(), events.end(),
                           [](const PartyEvent& a, const PartyEvent& b) {
                             return std::tie(a.date, a.list, a.key, a.kind, a.doc_id) ==
                                    std::tie(b.date, b.list, b.key, b.kind, b.doc_id);
                           }),
               events.end());
  return events;
}

}  // namespace regdiff
