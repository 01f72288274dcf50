// Timeline loading and item filters for the timeline commands.
#include "tools/timeline_query.h"

#include <algorithm>
#include <set>

#include "corpus/consolidated_store.h"
#include "corpus/elements.h"
#include "corpus/timestamp.h"

namespace regdiff::tools {

Result<Date> ParseDateArg(const std::string& text, const std::string& flag) {
  auto d = Date::FromIso(text);
  if (!d) return Status::InvalidArgument(flag + " wants a date as YYYY-MM-DD, got '" + text + "'");
  return *d;
}

Result<std::optional<std::string>> ParseKnownAt(const std::string& text) {
  if (text.empty()) return std::optional<std::string>();
  auto bad = [&] {
    return Status::InvalidArgument(
        "--known-at wants YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z] (UTC), got '" + text + "'");
  };
  const std::optional<Date> day =
      text.size() >= 10 ? Date::FromIso(text.substr(0, 10)) : std::nullopt;
  if (!day) return bad();
  if (text.size() == 10) return {Timestamp::FromParts(*day, 23, 59, 59).ToIso()};  // day's end
  std::string rest = text.substr(10);
  if (!rest.empty() && rest.back() == 'Z') rest.pop_back();
  // "THH:MM" (the end of that minute) or "THH:MM:SS"; a space may stand for the T.
  if ((rest.size() != 6 && rest.size() != 9) || (rest[0] != 'T' && rest[0] != ' ')) return bad();
  const std::string iso =
      text.substr(0, 10) + "T" + rest.substr(1) + (rest.size() == 6 ? ":59" : "") + "Z";
  const std::optional<Timestamp> t = Timestamp::FromIso(iso);
  if (!t) return bad();
  return {t->ToIso()};
}

Result<Timeline> LoadTimeline(AnnouncementStore& store, const std::optional<std::string>& known_at,
                              DocumentDetail detail,
                              const std::function<void(const StoredDocument&)>& visit) {
  auto docs = store.CurrentDocuments(known_at, detail);
  if (!docs.ok()) return docs.status();
  std::vector<Announcement> announcements;
  announcements.reserve(docs->size());
  for (StoredDocument& d : *docs) {
    if (visit) visit(d);
    announcements.push_back(std::move(d.announcement));
  }
  return Timeline::Build(std::move(announcements));
}

Result<Timeline> LoadTimeline(const CommandContext& ctx,
                              const std::optional<std::string>& known_at) {
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) return store.status();
  return LoadTimeline(**store, known_at);
}

Result<Timeline> LoadTimelineOf(AnnouncementStore& store, const std::set<std::string>& doc_ids) {
  std::vector<Announcement> texts;
  std::set<int64_t> seen;
  auto take = [&](Result<std::vector<StoredDocument>> docs) -> Status {
    if (!docs.ok()) return docs.status();
    for (StoredDocument& d : *docs)
      if (seen.insert(d.document_id).second) texts.push_back(std::move(d.announcement));
    return Status::Ok();
  };
  for (const std::string& id : doc_ids) {
    if (Status s = take(store.DocumentsOf(id, DocumentDetail::kForTimeline)); !s.ok()) return s;
    if (Status s = take(store.DocumentsRelatingTo(id, DocumentDetail::kForTimeline)); !s.ok())
      return s;
  }
  return Timeline::Build(std::move(texts));
}

Result<Timeline> LoadItemTimeline(AnnouncementStore& store, const ItemFilter& filter) {
  auto ids = store.DocIdsWithItems(ItemMatch{filter.code, filter.hs, filter.element});
  if (!ids.ok()) return ids.status();
  return LoadTimelineOf(store, std::set<std::string>(ids->begin(), ids->end()));
}

Result<Timeline> LoadPartyTimeline(AnnouncementStore& store, const std::string& key) {
  std::set<std::string> keys = {key}, doc_ids;
  std::vector<std::string> pending = {key};
  while (!pending.empty()) {
    const std::string k = std::move(pending.back());
    pending.pop_back();
    auto parties = store.PartiesWithKey(k);
    if (!parties.ok()) return parties.status();
    for (const PartyKeys& p : *parties) {
      doc_ids.insert(p.doc_id);
      for (const std::string* other : {&p.key, &p.key_en})
        if (!other->empty() && keys.insert(*other).second) pending.push_back(*other);
    }
  }
  return LoadTimelineOf(store, doc_ids);
}

Status ResolveFilter(ItemFilter& filter) {
  if (!filter.element.empty()) {
    const ElementEntry* e = FindElement(filter.element);
    if (!e) {
      return Status::InvalidArgument(
          "--element wants a controlled element (Ho, 钬, 鈥 or holmium), got '" + filter.element +
          "'");
    }
    filter.element = std::string(e->symbol);
  }
  if (!filter.hs.empty()) {
    bool digits = std::all_of(filter.hs.begin(), filter.hs.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || filter.hs.size() < 4 || filter.hs.size() > 10) {
      return Status::InvalidArgument("--hs wants 4 to 10 digits, got '" + filter.hs + "'");
    }
  }
  return Status::Ok();
}

bool Matches(const ItemFilter& filter, const std::optional<std::string>& code,
             const std::vector<std::string>& elements, const std::vector<std::string>& hs_codes) {
  if (!filter.element.empty() &&
      std::find(elements.begin(), elements.end(), filter.element) == elements.end())
    return false;
  if (!filter.code.empty()) {
    if (!code) return false;
    bool prefix = code->rfind(filter.code, 0) == 0 &&
                  (code->size() == filter.code.size() || (*code)[filter.code.size()] == '.');
    if (!prefix) return false;
  }
  if (!filter.hs.empty()) {
    bool any = std::any_of(hs_codes.begin(), hs_codes.end(), [&](const std::string& hs) {
      return hs.rfind(filter.hs, 0) == 0 || filter.hs.rfind(hs, 0) == 0;
    });
    if (!any) return false;
  }
  return true;
}

Result<std::vector<PartyState>> VisitStatesOn(AnnouncementStore& store, const Date& date,
                                              const std::optional<std::string>& known_at,
                                              const ItemFilter& filter, bool items, bool parties,
                                              const std::function<void(const ItemState&)>& visit) {
  std::vector<PartyState> out;
  ConsolidatedStore consolidated(store.db());
  auto current = consolidated.Current();
  if (!current.ok()) return current.status();
  if (*current && !known_at) {
    if (parties) {
      auto states = consolidated.PartiesOn(date);
      if (!states.ok()) return states.status();
      out = std::move(states).value();
    }
    if (items) {
      Status s = consolidated.VisitItemsOn(
          date, StretchFilter{filter.code, filter.hs}, [&](const ItemState& state) {
            if (Matches(filter, state.code, state.elements, state.hs_codes)) visit(state);
            return Status::Ok();
          });
      if (!s.ok()) return s;
    }
    return out;
  }
  auto timeline = LoadTimeline(store, known_at);
  if (!timeline.ok()) return timeline.status();
  if (parties) out = timeline->PartiesAsOf(date);
  if (items) {
    for (const ItemState& state : timeline->AsOf(date))
      if (Matches(filter, state.code, state.elements, state.hs_codes)) visit(state);
  }
  return out;
}

Result<StatesOnDate> StatesOn(AnnouncementStore& store, const Date& date,
                              const std::optional<std::string>& known_at,
                              const ItemFilter& filter, bool items, bool parties) {
  StatesOnDate out;
  auto party_states = VisitStatesOn(store, date, known_at, filter, items, parties,
                                    [&](const ItemState& s) { out.items.push_back(s); });
  if (!party_states.ok()) return party_states.status();
  out.parties = std::move(party_states).value();
  return out;
}

Result<StatesOnDate> StatesListedByOn(AnnouncementStore& store, const Date& date,
                                      const std::set<std::string>& doc_ids) {
  StatesOnDate out;
  ConsolidatedStore consolidated(store.db());
  auto current = consolidated.Current();
  if (!current.ok()) return current.status();
  if (!*current) {
    auto all = StatesOn(store, date, std::nullopt, ItemFilter{}, true, true);
    if (!all.ok()) return all.status();
    for (ItemState& s : all->items)
      if (doc_ids.count(s.listed_by)) out.items.push_back(std::move(s));
    for (PartyState& s : all->parties)
      if (doc_ids.count(s.listed_by)) out.parties.push_back(std::move(s));
    return out;
  }
  for (const std::string& doc_id : doc_ids) {
    Status s = consolidated.VisitItemsListedByOn(date, doc_id, [&](const ItemState& state) {
      out.items.push_back(state);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  // Parties are few: all of that day's, narrowed.
  auto parties = consolidated.PartiesOn(date);
  if (!parties.ok()) return parties.status();
  for (PartyState& s : *parties)
    if (doc_ids.count(s.listed_by)) out.parties.push_back(std::move(s));
  return out;
}

}  // namespace regdiff::tools
