// The shared words of the renderers, from the phrase table.
#include "diff/report_words.h"

#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

std::string N(size_t n) { return std::to_string(n); }

std::string LeftName(const DiffReport& r) { return AnnouncementName(*r.left.announcement, r.lang); }
std::string RightName(const DiffReport& r) { return AnnouncementName(*r.right.announcement, r.lang); }

// The name of a side in "only in …": the announcement, or for two texts of
// one the text ("the English text").
std::string SideWords(const DiffReport& r, bool right) {
  const Side& s = right ? r.right : r.left;
  if (r.kind == DiffKind::kTexts)
    return Word(r, Phrase::kLangText, {LangWords(s.announcement->lang, r.lang)});
  return AnnouncementName(*s.announcement, r.lang);
}

// "repealed by No. 57 of 2025 from 2025-11-08" and the like.
std::string LeftOnlyLabel(const DiffReport& r, const LeftOnlyOutcome& o) {
  const std::string who = RightName(r);
  const std::string from = o.from ? DateWords(*o.from, r.lang) : "";
  const std::string until = o.until ? Word(r, Phrase::kUntil, {DateWords(*o.until, r.lang)}) : "";
  switch (o.kind) {
    case LeftOnlyKind::kAsTheyWere: return Word(r, Phrase::kRowListedOnlyBy, {LeftName(r)});
    case LeftOnlyKind::kEnded: {
      const bool replaced = o.relation == RelationType::kReplaces;
      if (!o.from) return Word(r, replaced ? Phrase::kReplacedBy : Phrase::kRepealedBy, {who});
      return Word(r, replaced ? Phrase::kRowReplacedByFrom : Phrase::kRowRepealedByFrom, {who, from});
    }
    case LeftOnlyKind::kSuspended:
      if (!o.from) return Word(r, Phrase::kSuspendedBy, {who}) + until;
      return Word(r, Phrase::kRowSuspendedByFrom, {who, from}) + until;
    case LeftOnlyKind::kResumed:
      if (!o.from) return Word(r, Phrase::kResumedBy, {who});
      return Word(r, Phrase::kRowResumedByFrom, {who, from});
  }
  return "";
}

ItemRowKind RowKindOf(LeftOnlyKind kind) {
  switch (kind) {
    case LeftOnlyKind::kAsTheyWere: return ItemRowKind::kLeftOnly;
    case LeftOnlyKind::kEnded: return ItemRowKind::kEnded;
    case LeftOnlyKind::kSuspended: return ItemRowKind::kSuspended;
    case LeftOnlyKind::kResumed: return ItemRowKind::kResumed;
  }
  return ItemRowKind::kLeftOnly;
}

}  // namespace

std::string Word(const DiffReport& r, Phrase phrase, std::initializer_list<std::string_view> args) {
  return Say(phrase, r.lang, args);
}

std::string ReportTitle(const DiffReport& r) {
  return Word(r, Phrase::kReportTitle, {r.left.label, r.right.label});
}

std::string ComparedWords(const DiffReport& r) {
  Phrase kind = Phrase::kKindAnnouncements;
  switch (r.kind) {
    case DiffKind::kAnnouncements: kind = Phrase::kKindAnnouncements; break;
    case DiffKind::kVersions: kind = Phrase::kKindVersions; break;
    case DiffKind::kDates: kind = Phrase::kKindDates; break;
    case DiffKind::kTexts: kind = Phrase::kKindTexts; break;
  }
  return Word(r, Phrase::kComparedKind, {Word(r, kind)});
}

std::string VerdictWords(const DiffReport& r) {
  return Word(r, r.differs() ? Phrase::kDifferencesFound : Phrase::kNoDifferencesFound);
}

std::vector<SideRow> SideRows(const DiffReport& r) {
  std::vector<SideRow> rows;
  rows.push_back({Word(r, Phrase::kRowCompared), r.left.label, r.right.label});
  if (r.kind == DiffKind::kDates) {
    rows.push_back({Word(r, Phrase::kRowItemsListed), N(r.left.listed), N(r.right.listed)});
    return rows;
  }
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  rows.push_back({Word(r, Phrase::kRowLanguage), LangWords(a.lang, r.lang), LangWords(b.lang, r.lang)});
  rows.push_back({Word(r, Phrase::kTitle), a.title, b.title});
  rows.push_back({Word(r, Phrase::kRowPublished), DateCell(a.published), DateCell(b.published)});
  rows.push_back({Word(r, Phrase::kRowItems), N(a.items.size()), N(b.items.size())});
  return rows;
}

std::string SourceWords(const DiffReport& r, const Side& side, const std::string& locator) {
  if (side.source.empty()) return "\u2014";
  return Word(r, Phrase::kSourceVersion, {locator, N(static_cast<size_t>(side.version))});
}

std::string_view ItemRowKindName(ItemRowKind kind) {
  switch (kind) {
    case ItemRowKind::kAdded: return "added";
    case ItemRowKind::kRemoved: return "removed";
    case ItemRowKind::kLeftOnly: return "left-only";
    case ItemRowKind::kEnded: return "ended";
    case ItemRowKind::kSuspended: return "suspended";
    case ItemRowKind::kResumed: return "resumed";
    case ItemRowKind::kChanged: return "changed";
    case ItemRowKind::kRecoded: return "recoded";
  }
  return "changed";
}

std::vector<ItemRow> ItemRows(const DiffReport& r) {
  std::vector<ItemRow> rows;
  const AnnouncementDiff& d = r.items;
  std::string added = Word(r, Phrase::kRowAdded), removed = Word(r, Phrase::kRowRemoved);
  ItemRowKind left_kind = ItemRowKind::kRemoved;
  if (r.kind == DiffKind::kAnnouncements) {
    added = Word(r, Phrase::kRowAddedBy, {RightName(r)});
    const LeftOnlyOutcome outcome = r.left_only.value_or(LeftOnlyOutcome{});
    removed = LeftOnlyLabel(r, outcome);
    left_kind = RowKindOf(outcome.kind);
  } else if (r.kind == DiffKind::kTexts) {
    added = Word(r, Phrase::kRowOnlyIn, {SideWords(r, true)});
    removed = Word(r, Phrase::kRowOnlyIn, {SideWords(r, false)});
  }
  for (const Item& i : d.added) rows.push_back({ItemRowKind::kAdded, added, nullptr, &i, nullptr});
  for (const Item& i : d.removed) rows.push_back({left_kind, removed, &i, nullptr, nullptr});
  const std::string changed = Word(r, Phrase::kRowChanged), recoded = Word(r, Phrase::kRowRecoded);
  for (const ItemChange& c : d.changed)
    rows.push_back({ItemRowKind::kChanged, changed, &c.left, &c.right, &c.changes});
  for (const RecodedItem& c : d.recoded)
    rows.push_back({ItemRowKind::kRecoded, recoded, &c.left, &c.right, &c.changes});
  return rows;
}

std::string ItemCounts(const DiffReport& r) {
  const AnnouncementDiff& d = r.items;
  if (r.kind != DiffKind::kAnnouncements) {
    return Word(r, Phrase::kItemCounts,
                {N(d.added.size()), N(d.removed.size()), N(d.changed.size()), N(d.recoded.size())});
  }
  std::string out = Word(r, Phrase::kAnnouncementItemCounts,
                         {RightName(r), N(d.added.size()), N(d.changed.size()), N(d.recoded.size())});
  if (d.removed.empty()) return out;
  const LeftOnlyOutcome outcome = r.left_only.value_or(LeftOnlyOutcome{});
  const std::string how = outcome.kind == LeftOnlyKind::kAsTheyWere
                              ? Word(r, Phrase::kOutcomeAsTheyWere, {RightName(r)})
                              : LeftOnlyLabel(r, outcome);
  return out + Word(r, Phrase::kLeftOnlyCounts, {LeftName(r), N(d.removed.size()), how});
}

std::string ItemName(const DiffReport& r, const Item& item, bool right) {
  const Side& side = right ? r.right : r.left;
  if (item.code) {
    auto it = side.item_names.find(*item.code);
    if (it != side.item_names.end() && !it->second.empty()) return it->second;
  }
  return item.name;
}

std::string FieldChangeCell(const DiffReport& r, const ItemFieldChanges& c, const Item& left,
                            const Item& right) {
  std::vector<std::string> parts;
  if (c.name_changed) {
    parts.push_back(Word(r, Phrase::kNameChanged,
                         {Word(r, Phrase::kQuoted, {left.name}), Word(r, Phrase::kQuoted, {right.name})}));
  }
  if (!c.hs_added.empty()) parts.push_back(Word(r, Phrase::kHsAdded, {JoinList(c.hs_added, r.lang)}));
  if (!c.hs_removed.empty()) parts.push_back(Word(r, Phrase::kHsRemoved, {JoinList(c.hs_removed, r.lang)}));
  if (!c.elements_added.empty())
    parts.push_back(Word(r, Phrase::kElementsAdded, {ElementWords(c.elements_added, r.lang)}));
  if (!c.elements_removed.empty())
    parts.push_back(Word(r, Phrase::kElementsRemoved, {ElementWords(c.elements_removed, r.lang)}));
  return Join(parts, Word(r, Phrase::kFieldSeparator));
}

std::string PartyCounts(const DiffReport& r) {
  if (r.kind == DiffKind::kAnnouncements || r.kind == DiffKind::kTexts) {
    return Word(r, Phrase::kPartyCountsOfAnnouncements,
                {N(r.parties.added.size()), N(r.parties.removed.size()), N(r.parties.changed.size()),
                 SideWords(r, true), SideWords(r, false)});
  }
  return Word(r, Phrase::kPartyCounts,
              {N(r.parties.added.size()), N(r.parties.removed.size()), N(r.parties.changed.size())});
}

std::string PartyRowLabel(const DiffReport& r, ItemRowKind kind) {
  const bool one_side = kind == ItemRowKind::kAdded || kind == ItemRowKind::kRemoved;
  if (one_side && (r.kind == DiffKind::kAnnouncements || r.kind == DiffKind::kTexts))
    return Word(r, Phrase::kRowOnlyIn, {SideWords(r, kind == ItemRowKind::kAdded)});
  switch (kind) {
    case ItemRowKind::kAdded: return Word(r, Phrase::kRowAdded);
    case ItemRowKind::kRemoved: return Word(r, Phrase::kRowRemoved);
    default: return Word(r, Phrase::kRowChanged);
  }
}

std::string PartyActionWords(const DiffReport& r, PartyAction action) {
  return Word(r, action == PartyAction::kAdd ? Phrase::kPartyAdd : Phrase::kPartyRemove);
}

std::string StatusCounts(const DiffReport& r) {
  return Word(r, Phrase::kStatusCounts,
              {SayCount(r.status.changes.size(), Phrase::kItem, Phrase::kItems, r.lang),
               r.left.date ? DateWords(*r.left.date, r.lang) : r.left.label,
               r.right.date ? DateWords(*r.right.date, r.lang) : r.right.label});
}

std::string StatusChangeWords(const DiffReport& r, StatusChangeKind kind) {
  switch (kind) {
    case StatusChangeKind::kNewlyListed: return Word(r, Phrase::kKindNewlyListed);
    case StatusChangeKind::kDelisted: return Word(r, Phrase::kKindDelisted);
    case StatusChangeKind::kEnteredControl: return Word(r, Phrase::kKindEnteredControl);
    case StatusChangeKind::kSuspended: return Word(r, Phrase::kKindSuspended);
    case StatusChangeKind::kResumed: return Word(r, Phrase::kKindResumed);
    case StatusChangeKind::kRepealed: return Word(r, Phrase::kKindRepealed);
    case StatusChangeKind::kStatusChanged: return Word(r, Phrase::kKindStatusChanged);
    case StatusChangeKind::kListingChanged: return Word(r, Phrase::kKindListingChanged);
  }
  return Word(r, Phrase::kKindStatusChanged);
}

std::string StateCell(const DiffReport& r, const std::optional<ItemState>& s) {
  if (!s) return Word(r, Phrase::kNotListed);
  std::string out;
  switch (s->status) {
    case ItemStatus::kInForce: out = Word(r, Phrase::kInForce); break;
    case ItemStatus::kSuspended: out = Word(r, Phrase::kSuspended); break;
    case ItemStatus::kNotYetInForce: out = Word(r, Phrase::kNotYetInForce); break;
    case ItemStatus::kRepealed: out = Word(r, Phrase::kRepealed); break;
  }
  if (s->basis == Basis::kInferred) out += Word(r, Phrase::kInferredMark);
  if (s->since) out += Word(r, Phrase::kStateSince, {s->since->ToIso()});
  if (s->until) out += Word(r, Phrase::kStateUntil, {s->until->ToIso()});
  return out;
}

std::string PartCell(const DiffReport& r, const std::string& applies_to) {
  return applies_to == "whole" ? Word(r, Phrase::kWholeText) : applies_to;
}

std::string ClauseCell(const DiffReport& r, const EffectiveClause& c) {
  return DateCell(c.date) + (c.on_publication ? Word(r, Phrase::kOnPublication) : "");
}

std::string RelationTypeWords(const DiffReport& r, RelationType type) {
  return Word(r, RelationVerb(type));
}

std::string HeaderFieldWords(const DiffReport& r, HeaderField field) {
  return Word(r, field == HeaderField::kTitle ? Phrase::kTitle : Phrase::kPublicationDate);
}

std::string TextDiffCounts(const DiffReport& r) {
  if (!r.text) return "";
  const TextDiff& t = *r.text;
  std::string out = Word(r, Phrase::kTextDiffCounts,
                         {SayCount(t.lines_deleted, Phrase::kLine, Phrase::kLines, r.lang),
                          SayCount(t.lines_inserted, Phrase::kLine, Phrase::kLines, r.lang)});
  if (t.line_fallback) out += Word(r, Phrase::kLineFallback);
  if (t.token_fallback) out += Word(r, Phrase::kTokenFallback);
  return Word(r, Phrase::kSentence, {out});
}

std::string MoreItemLines(const DiffReport& r, size_t n) {
  return SayCount(n, Phrase::kMoreItemLine, Phrase::kMoreItemLines, r.lang);
}

std::string DateCell(const std::optional<Date>& d) { return d ? d->ToIso() : "\u2014"; }

}  // namespace regdiff::diff
