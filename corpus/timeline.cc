// Building the timeline from announcements and answering "as of" questions.
#include "corpus/timeline.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "corpus/model_json.h"

namespace regdiff {
namespace {

int LangRank(Lang lang) {
  switch (lang) {
    case Lang::kZh: return 0;
    case Lang::kZhHant: return 1;
    case Lang::kEn: return 2;
    case Lang::kUnknown: return 3;
  }
  return 3;
}

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
  Announcement out = texts.front();
  for (size_t i = 1; i < texts.size(); ++i) {
    const Announcement& t = texts[i];
    if (!out.published) out.published = t.published;
    if (out.effective.empty()) out.effective = t.effective;
    for (const Item& item : t.items) {
      if (!item.code) continue;
      bool known = std::any_of(out.items.begin(), out.items.end(),
                               [&](const Item& o) { return o.code == item.code; });
      if (!known) out.items.push_back(item);
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

std::optional<Date> ItemEffectiveDate(const Announcement& a, const Item& item,
                                      std::string* evidence) {
  const EffectiveClause* whole = nullptr;
  for (const EffectiveClause& c : a.effective) {
    if (!c.date) continue;
    if (c.applies_to == "whole" || NamesTheRest(c.applies_to)) {
      if (!whole) whole = &c;
      continue;
    }
    for (const std::string& prefix : PartPrefixes(c.applies_to)) {
      if (item.position.rfind(prefix, 0) == 0) {
        if (evidence) *evidence = c.evidence.text;
        return c.date;
      }
    }
  }
  if (whole) {
    if (evidence) *evidence = whole->evidence.text;
    return whole->date;
  }
  if (evidence) *evidence = a.published_evidence.text;
  return a.published;
}

std::optional<Date> AnnouncementEffectiveDate(const Announcement& a, std::string* evidence) {
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
    if (evidence) *evidence = best->evidence.text;
    return best->date;
  }
  if (evidence) *evidence = a.published_evidence.text;
  return a.published;
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
  for (const Announcement& a : t.docs_) {
    if (!a.doc_id) continue;
    for (const Item& item : a.items) {
      Listing l;
      l.doc = &a;
      l.item = &item;
      l.key = item.code ? *item.code : *a.doc_id + "#" + item.position;
      l.enters = ItemEffectiveDate(a, item, &l.enters_evidence);
      t.listings_.push_back(std::move(l));
    }
  }

  // Relations act on the listings of their target.
  struct Resume {
    Date date;
    std::string doc_id;
  };
  std::map<std::string, std::vector<Resume>> resumes;
  for (const Announcement& a : t.docs_) {
    std::string evidence;
    std::optional<Date> eff = AnnouncementEffectiveDate(a, &evidence);
    if (!eff) continue;  // a relation with no date cannot be placed in time
    std::string source = a.doc_id.value_or("(unnumbered text)");
    for (const Relation& r : a.relations) {
      for (Listing& l : t.listings_) {
        if (*l.doc->doc_id != r.target) continue;
        if (!l.last_mention || *eff > *l.last_mention) l.last_mention = eff;
        switch (r.type) {
          case RelationType::kSuspends:
            l.windows.push_back(Window{*eff, r.until, r.until.has_value(), "", source,
                                       r.evidence.text});
            break;
          case RelationType::kRepeals:
          case RelationType::kReplaces:
            if (!l.repealed || *eff < *l.repealed) {
              l.repealed = eff;
              l.repealed_by = source;
              l.repeal_evidence = r.evidence.text;
            }
            break;
          default:
            break;
        }
      }
      if (r.type == RelationType::kResumes) resumes[r.target].push_back({*eff, source});
    }
  }
  for (Listing& l : t.listings_) {
    std::sort(l.windows.begin(), l.windows.end(), [](const Window& a, const Window& b) {
      return std::tie(a.begin, a.doc_id) < std::tie(b.begin, b.doc_id);
    });
    for (const Resume& r : resumes[*l.doc->doc_id]) {
      for (Window& w : l.windows) {
        if (w.begin < r.date && (!w.end || *w.end >= r.date)) {
          w.end = r.date.AddDays(-1);
          w.ended_by_stated_date = false;
          w.ended_by = r.doc_id;
        }
      }
    }
  }
  std::sort(t.listings_.begin(), t.listings_.end(), [](const Listing& a, const Listing& b) {
    return std::tie(a.key, *a.doc->doc_id) < std::tie(b.key, *b.doc->doc_id);
  });
  t.BuildEvents();
  return t;
}

ItemState Timeline::StateOf(const Listing& l, const Date& date) const {
  ItemState s;
  s.key = l.key;
  s.code = l.item->code;
  s.name = l.item->name;
  s.elements = l.item->elements;
  s.hs_codes = l.item->hs_codes;
  s.listed_by = *l.doc->doc_id;
  s.governing = {s.listed_by};
  if (l.repealed && *l.repealed <= date) {
    s.status = ItemStatus::kRepealed;
    s.since = l.repealed;
    s.governing.push_back(l.repealed_by);
    s.evidence = l.repeal_evidence;
    return s;
  }
  if (date < *l.enters) {
    s.status = ItemStatus::kNotYetInForce;
    s.until = l.enters->AddDays(-1);
    s.evidence = l.enters_evidence;
    return s;
  }
  s.status = ItemStatus::kInForce;
  s.since = l.enters;
  s.evidence = l.enters_evidence;
  for (const Window& w : l.windows) {
    if (w.begin <= date && (!w.end || date <= *w.end)) {
      s.status = ItemStatus::kSuspended;
      s.since = std::max(w.begin, *l.enters);
      s.until = w.end;
      s.governing.push_back(w.doc_id);
      s.evidence = w.evidence;
      return s;
    }
    if (w.end && *w.end < date && *w.end >= *l.enters) {
      // Back in force after this window.
      s.since = w.end->AddDays(1);
      bool mentioned_later = l.last_mention && *l.last_mention > *w.end &&
                             *l.last_mention <= date;
      s.basis = w.ended_by_stated_date && !mentioned_later ? Basis::kInferred : Basis::kStated;
      s.governing = {s.listed_by, w.doc_id};
      s.evidence = w.evidence;
    }
  }
  if (l.repealed) s.until = l.repealed->AddDays(-1);
  return s;
}

std::vector<ItemState> Timeline::AsOf(const Date& date) const {
  // Per key, the listing that governs: in force (latest entry) before
  // suspended before not yet in force (earliest) before repealed.
  auto rank = [](ItemStatus s) {
    switch (s) {
      case ItemStatus::kInForce: return 0;
      case ItemStatus::kSuspended: return 1;
      case ItemStatus::kNotYetInForce: return 2;
      case ItemStatus::kRepealed: return 3;
    }
    return 3;
  };
  std::map<std::string, std::pair<ItemState, Date>> best;
  for (const Listing& l : listings_) {
    if (!l.enters) continue;  // no date known: cannot be placed in time
    std::optional<Date> known = l.doc->published ? l.doc->published : l.enters;
    if (*known > date) continue;  // not yet published that day
    ItemState s = StateOf(l, date);
    auto it = best.find(l.key);
    if (it == best.end()) {
      best.emplace(l.key, std::make_pair(std::move(s), *l.enters));
      continue;
    }
    auto& [cur, cur_enters] = it->second;
    bool better = rank(s.status) < rank(cur.status) ||
                  (rank(s.status) == rank(cur.status) &&
                   (s.status == ItemStatus::kNotYetInForce ? *l.enters < cur_enters
                                                           : *l.enters > cur_enters));
    if (better) it->second = std::make_pair(std::move(s), *l.enters);
  }
  std::vector<ItemState> out;
  for (auto& [key, v] : best) out.push_back(std::move(v.first));
  std::stable_sort(out.begin(), out.end(), [](const ItemState& a, const ItemState& b) {
    if (a.code.has_value() != b.code.has_value()) return a.code.has_value();
    return a.key < b.key;
  });
  return out;
}

void Timeline::BuildEvents() {
  events_.clear();
  for (const Listing& l : listings_) {
    if (!l.enters) continue;
    auto add = [&](Date d, EventKind kind, const std::string& doc, Basis basis,
                   const std::string& evidence) {
      events_.push_back({d, kind, l.key, l.item->code, l.item->elements, l.item->hs_codes, doc,
                         basis, evidence});
    };
    add(*l.enters, EventKind::kEnters, *l.doc->doc_id, Basis::kStated, l.enters_evidence);
    for (const Window& w : l.windows) {
      add(w.begin, EventKind::kSuspended, w.doc_id, Basis::kStated, w.evidence);
      if (w.end) {
        if (w.ended_by_stated_date) {
          add(w.end->AddDays(1), EventKind::kSuspensionEnds, w.doc_id, Basis::kInferred,
              w.evidence);
        } else {
          add(w.end->AddDays(1), EventKind::kResumed, w.ended_by, Basis::kStated, "");
        }
      }
    }
    if (l.repealed) add(*l.repealed, EventKind::kRepealed, l.repealed_by, Basis::kStated,
                        l.repeal_evidence);
  }
  std::sort(events_.begin(), events_.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    return std::tie(a.date, a.key, a.kind, a.doc_id) < std::tie(b.date, b.key, b.kind, b.doc_id);
  });
}

}  // namespace regdiff
