// ConsolidatedStore over the consolidation and *_stretches tables of
// corpus/schema.cc (versions 7 to 9), whose indexes it owns. Every value is
// bound to a statement prepared once per ConsolidatedStore.
#include "corpus/consolidated_store.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "corpus/state_json.h"
#include "corpus/strings.h"

namespace regdiff {
namespace {

constexpr std::string_view kCurrent =
    "SELECT built_generation IS NOT NULL AND built_generation = generation FROM consolidation";
constexpr std::string_view kBuilt =
    "SELECT built_generation IS NOT NULL AND element_history IS NOT NULL FROM consolidation";
constexpr std::string_view kChanged = "SELECT doc_id FROM consolidation_dirty ORDER BY doc_id";
constexpr std::string_view kKeysListedBy =
    "SELECT DISTINCT key FROM item_stretches WHERE listed_by = ?1";
constexpr std::string_view kKeyCount = "SELECT COUNT(DISTINCT key) FROM item_stretches";
// Clearing the kept state: no trigger and no foreign key names these
// tables, so SQLite truncates them rather than delete row by row.
constexpr std::string_view kClear[] = {
    "DELETE FROM item_stretch_hs",  "DELETE FROM item_history_parts",
    "DELETE FROM item_stretches",   "DELETE FROM item_event_dates",
    "DELETE FROM party_stretches"};
// The indexes the reads below use, dropped while a whole state is written
// and built once it is complete. The stretches holding a date: an index on
// both ends, so the first day is checked without reading the row.
constexpr std::string_view kDropIndexes[] = {"DROP INDEX IF EXISTS item_stretches_key",
                                             "DROP INDEX IF EXISTS item_stretches_span",
                                             "DROP INDEX IF EXISTS item_stretches_listed_by",
                                             "DROP INDEX IF EXISTS item_stretch_hs_code"};
constexpr std::string_view kCreateIndexes[] = {
    "CREATE INDEX IF NOT EXISTS item_stretches_key ON item_stretches(key)",
    "CREATE INDEX IF NOT EXISTS item_stretches_span ON item_stretches(until_date, from_date)",
    "CREATE INDEX IF NOT EXISTS item_stretches_listed_by ON item_stretches(listed_by)",
    "CREATE INDEX IF NOT EXISTS item_stretch_hs_code ON item_stretch_hs(hs_code, stretch_id)"};
constexpr std::string_view kRemoveKey[] = {
    "DELETE FROM item_stretch_hs WHERE stretch_id IN (SELECT id FROM item_stretches WHERE key = ?1)",
    "DELETE FROM item_history_parts WHERE stretch_id IN "
    "(SELECT id FROM item_stretches WHERE key = ?1)",
    "DELETE FROM item_stretches WHERE key = ?1"};
constexpr std::string_view kRemoveParties = "DELETE FROM party_stretches";
constexpr std::string_view kRemoveEventDates = "DELETE FROM item_event_dates WHERE doc_id = ?1";
constexpr std::string_view kNextItemId = "SELECT COALESCE(MAX(id), 0) + 1 FROM item_stretches";
constexpr std::string_view kNextPartyId = "SELECT COALESCE(MAX(id), 0) + 1 FROM party_stretches";
constexpr std::string_view kGeneration = "SELECT generation FROM consolidation";
constexpr std::string_view kMarkBuilt =
    "UPDATE consolidation SET built_generation = ?1, element_history = ?2";
constexpr std::string_view kMarkBuiltOnly = "UPDATE consolidation SET built_generation = ?1";
constexpr std::string_view kForgetChanged = "DELETE FROM consolidation_dirty";
constexpr std::string_view kHistory = "SELECT element_history FROM consolidation";
constexpr std::string_view kHistoryParts =
    "SELECT from_date, until_date, suspended, inferred, code, elements, governing "
    "FROM item_history_parts";
constexpr std::string_view kEventDates = "SELECT DISTINCT date FROM item_event_dates ORDER BY date";
constexpr std::string_view kInsertItem =
    "INSERT INTO item_stretches (id, key, code, listed_by, from_date, until_date, state) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kInsertHs =
    "INSERT INTO item_stretch_hs (stretch_id, hs_code) VALUES (?1, ?2)";
constexpr std::string_view kInsertPart =
    "INSERT INTO item_history_parts (stretch_id, from_date, until_date, suspended, inferred, "
    "code, elements, governing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kInsertEventDate =
    "INSERT OR IGNORE INTO item_event_dates (doc_id, date) VALUES (?1, ?2)";
constexpr std::string_view kInsertParty =
    "INSERT INTO party_stretches (id, list, key, key_en, from_date, until_date, state) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

// The separators of the joined lists of item_history_parts: element symbols
// hold no comma, doc_ids (and "(unnumbered text)") no line feed.
constexpr char kElementSeparator = ',';
constexpr char kGoverningSeparator = '\n';

// ?1 is the date; the stretches holding it.
constexpr char kHolds[] = "from_date <= ?1 AND (until_date IS NULL OR until_date >= ?1)";
// ?2 a control code: it and its sub-codes, through item_stretches_key (a
// coded item's key is its code).
constexpr char kCodeClause[] =
    " AND code IS NOT NULL AND (key = ?2 OR (key >= ?2 || '.' AND key < ?2 || '/'))";
// ?3 an HS code: the codes it prefixes (a range of the primary key; ':'
// follows '9'), or one of its shorter prefixes ?4..?9.
constexpr char kHsClause[] =
    " AND id IN (SELECT stretch_id FROM item_stretch_hs WHERE "
    "(hs_code >= ?3 AND hs_code < ?3 || ':') OR hs_code IN (?4, ?5, ?6, ?7, ?8, ?9))";

const std::string& ItemsOnSql(bool code, bool hs) {
  static const std::array<std::string, 4> kVariants = [] {
    std::array<std::string, 4> out;
    for (int v = 0; v < 4; ++v) {
      out[v] = std::string("SELECT state FROM item_stretches WHERE ") + kHolds +
               ((v & 1) ? kCodeClause : "") + ((v & 2) ? kHsClause : "") +
               // AsOf's order: coded keys first, each group by key. "+key":
               // sort what the index on the ends finds rather than walk the
               // whole index of keys.
               " ORDER BY code IS NULL, +key";
    }
    return out;
  }();
  return kVariants[(code ? 1 : 0) | (hs ? 2 : 0)];
}

// The stretches holding ?1 but not ?2, in ItemsOn's order.
const std::string& ItemsOnNotOnSql() {
  static const std::string kSql = std::string("SELECT state FROM item_stretches WHERE ") +
                                  kHolds +
                                  " AND NOT (from_date <= ?2 AND (until_date IS NULL OR "
                                  "until_date >= ?2)) ORDER BY code IS NULL, +key";
  return kSql;
}

// The stretches holding ?1 whose listing is the announcement ?2, through
// item_stretches_listed_by.
const std::string& ItemsListedByOnSql() {
  static const std::string kSql =
      std::string("SELECT state FROM item_stretches WHERE listed_by = ?2 AND ") + kHolds +
      " ORDER BY code IS NULL, +key";
  return kSql;
}

const std::string& CountItemsOnSql() {
  static const std::string kSql =
      std::string("SELECT count(*) FROM item_stretches WHERE ") + kHolds;
  return kSql;
}

// Each row's state (column 0) decoded into one ItemState and handed to
// `visit`, until the rows end or an error; the statement is reset.
Status VisitStates(sqlite::Statement& st, const std::function<Status(const ItemState&)>& visit) {
  ItemState state;
  Status s;
  while (s.ok()) {
    auto row = st.Step();
    if (!row.ok()) {
      s = row.status();
      break;
    }
    if (!*row) break;
    s = ItemStateFromJsonInto(st.ColumnTextView(0), state);
    if (s.ok()) s = visit(state);
  }
  st.Reset();
  return s;
}

constexpr std::string_view kPartiesOn =
    "SELECT state FROM party_stretches WHERE from_date <= ?1 "
    "AND (until_date IS NULL OR until_date >= ?1) ORDER BY id";

// Every row's state (column 0) parsed by `parse`; the statement is reset.
template <typename State>
Result<std::vector<State>> ReadStates(sqlite::Statement& st,
                                     Result<State> (*parse)(std::string_view)) {
  std::vector<State> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto state = parse(st.ColumnText(0));
    if (!state.ok()) return state.status();
    out.push_back(std::move(state).value());
  }
  st.Reset();
  return out;
}

std::optional<std::string> IsoOrNull(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToIso();
}

// The first column of the one row `sql` gives, as an integer.
Result<int64_t> ScalarInt(sqlite::Statement& st) {
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    st.Reset();
    return Status::Corruption("the consolidation table has no row");
  }
  const int64_t value = st.ColumnInt(0);
  st.Reset();
  return value;
}

std::vector<std::string> SplitOn(std::string_view joined, char separator) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  for (size_t begin = 0;;) {
    const size_t end = joined.find(separator, begin);
    out.emplace_back(joined.substr(begin, end - begin));
    if (end == std::string_view::npos) return out;
    begin = end + 1;
  }
}

std::string JoinOn(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace

Result<bool> ConsolidatedStore::Current() {
  auto q = statements_.Use(kCurrent);
  if (!q.ok()) return q.status();
  auto value = ScalarInt(**q);
  if (!value.ok()) return value.status();
  return *value != 0;
}

Result<bool> ConsolidatedStore::Built() {
  auto q = statements_.Use(kBuilt);
  if (!q.ok()) return q.status();
  auto value = ScalarInt(**q);
  if (!value.ok()) return value.status();
  return *value != 0;
}

Result<int64_t> ConsolidatedStore::Generation() {
  auto q = statements_.Use(kGeneration);
  if (!q.ok()) return q.status();
  return ScalarInt(**q);
}

Result<std::vector<std::string>> ConsolidatedStore::ChangedDocIds() {
  auto q = statements_.Use(kChanged);
  if (!q.ok()) return q.status();
  return (**q).AllTexts();
}

Result<std::vector<std::string>> ConsolidatedStore::KeysListedBy(
    const std::vector<std::string>& doc_ids) {
  std::vector<std::string> keys;
  for (const std::string& doc_id : doc_ids) {
    auto q = statements_.Use(kKeysListedBy);
    if (!q.ok()) return q.status();
    (**q).Bind(1, doc_id);
    auto found = (**q).AllTexts();
    if (!found.ok()) return found.status();
    keys.insert(keys.end(), found->begin(), found->end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Result<int64_t> ConsolidatedStore::KeyCount() {
  auto q = statements_.Use(kKeyCount);
  if (!q.ok()) return q.status();
  return ScalarInt(**q);
}

Status ConsolidatedStore::RunAll(const std::string_view* sqls, size_t count,
                                 std::string_view context) {
  for (size_t i = 0; i < count; ++i) {
    auto q = statements_.Use(sqls[i]);
    if (!q.ok()) return q.status();
    if (Status s = (**q).Run(); !s.ok()) return s.WithContext(std::string(context));
  }
  return Status::Ok();
}

Result<int64_t> ConsolidatedStore::NextId(std::string_view sql) {
  auto q = statements_.Use(sql);
  if (!q.ok()) return q.status();
  return ScalarInt(**q);
}

Status ConsolidatedStore::Begin() {
  if (writing_started_) return Status::Internal("a consolidated state update is already running");
  if (!db_->InTransaction()) {
    auto begun = sqlite::Transaction::Begin(*db_);
    if (!begun.ok()) return begun.status();
    writing_.emplace(std::move(begun).value());
  }
  writing_started_ = true;
  auto item_id = NextId(kNextItemId);
  if (!item_id.ok()) return item_id.status();
  auto party_id = NextId(kNextPartyId);
  if (!party_id.ok()) return party_id.status();
  next_item_id_ = *item_id;
  next_party_id_ = *party_id;
  return Status::Ok();
}

Status ConsolidatedStore::Clear() {
  if (!writing_started_) return Status::Internal("Clear outside Begin");
  if (Status s = RunAll(kDropIndexes, std::size(kDropIndexes), "clearing the consolidated state");
      !s.ok())
    return s;
  next_item_id_ = next_party_id_ = 1;
  return RunAll(kClear, std::size(kClear), "clearing the consolidated state");
}

Status ConsolidatedStore::RemoveItemKeys(const std::vector<std::string>& keys) {
  if (!writing_started_) return Status::Internal("RemoveItemKeys outside Begin");
  for (const std::string& key : keys) {
    for (std::string_view sql : kRemoveKey) {
      auto q = statements_.Use(sql);
      if (!q.ok()) return q.status();
      if (Status s = (**q).Bind(1, key).Run(); !s.ok())
        return s.WithContext("removing the stretches of " + key);
    }
  }
  return Status::Ok();
}

Status ConsolidatedStore::RemoveParties() {
  if (!writing_started_) return Status::Internal("RemoveParties outside Begin");
  next_party_id_ = 1;
  return RunAll(&kRemoveParties, 1, "removing the party stretches");
}

Status ConsolidatedStore::RemoveEventDatesOf(const std::vector<std::string>& doc_ids) {
  if (!writing_started_) return Status::Internal("RemoveEventDatesOf outside Begin");
  for (const std::string& doc_id : doc_ids) {
    auto q = statements_.Use(kRemoveEventDates);
    if (!q.ok()) return q.status();
    if (Status s = (**q).Bind(1, doc_id).Run(); !s.ok())
      return s.WithContext("removing the event dates of " + doc_id);
  }
  return Status::Ok();
}

Status ConsolidatedStore::AddItem(const ItemStretch& stretch) {
  if (!writing_started_) return Status::Internal("AddItem outside Begin");
  const ItemState& state = stretch.state;
  const int64_t id = next_item_id_++;
  auto q = statements_.Use(kInsertItem);
  if (!q.ok()) return q.status();
  (**q).Bind(1, id)
      .Bind(2, state.key)
      .Bind(3, state.code)
      .Bind(4, state.listed_by)
      .Bind(5, stretch.from.ToIso())
      .Bind(6, IsoOrNull(stretch.until))
      .Bind(7, ItemStateToJson(state));
  Status s = (**q).Run();
  std::vector<std::string_view> hs_codes(state.hs_codes.begin(), state.hs_codes.end());
  std::sort(hs_codes.begin(), hs_codes.end());
  hs_codes.erase(std::unique(hs_codes.begin(), hs_codes.end()), hs_codes.end());
  for (size_t h = 0; s.ok() && h < hs_codes.size(); ++h) {
    auto hs = statements_.Use(kInsertHs);
    if (!hs.ok()) return hs.status();
    (**hs).Bind(1, id).Bind(2, hs_codes[h]);
    s = (**hs).Run();
  }
  // Its part in the element history: what ElementHistoryBuilder::Add reads.
  if (s.ok() &&
      (state.status == ItemStatus::kInForce || state.status == ItemStatus::kSuspended)) {
    auto part = statements_.Use(kInsertPart);
    if (!part.ok()) return part.status();
    (**part)
        .Bind(1, id)
        .Bind(2, stretch.from.ToIso())
        .Bind(3, IsoOrNull(stretch.until))
        .Bind(4, state.status == ItemStatus::kSuspended ? 1 : 0)
        .Bind(5, state.basis == Basis::kInferred ? 1 : 0)
        .Bind(6, state.code)
        .Bind(7, JoinOn(state.elements, kElementSeparator))
        .Bind(8, JoinOn(state.governing, kGoverningSeparator));
    s = (**part).Run();
  }
  return s.ok() ? s : s.WithContext("keeping a stretch of " + state.key);
}

Status ConsolidatedStore::AddParty(const PartyStretch& stretch) {
  if (!writing_started_) return Status::Internal("AddParty outside Begin");
  auto q = statements_.Use(kInsertParty);
  if (!q.ok()) return q.status();
  (**q).Bind(1, next_party_id_++)
      .Bind(2, PartyListName(stretch.state.list))
      .Bind(3, stretch.state.key)
      .Bind(4, stretch.state.key_en)
      .Bind(5, stretch.from.ToIso())
      .Bind(6, IsoOrNull(stretch.until))
      .Bind(7, PartyStateToJson(stretch.state));
  Status s = (**q).Run();
  return s.ok() ? s : s.WithContext("keeping a stretch of " + stretch.state.key);
}

Status ConsolidatedStore::AddEventDate(const std::string& doc_id, const Date& date) {
  if (!writing_started_) return Status::Internal("AddEventDate outside Begin");
  auto q = statements_.Use(kInsertEventDate);
  if (!q.ok()) return q.status();
  Status s = (**q).Bind(1, doc_id).Bind(2, date.ToIso()).Run();
  return s.ok() ? s : s.WithContext("keeping the event dates of " + doc_id);
}

Status ConsolidatedStore::Finish(int64_t generation, bool items_changed) {
  if (!writing_started_) return Status::Internal("Finish outside Begin");
  writing_started_ = false;
  if (Status s =
          RunAll(kCreateIndexes, std::size(kCreateIndexes), "indexing the consolidated state");
      !s.ok())
    return s;

  std::optional<std::string> history;
  if (items_changed) {
    auto built = BuildHistory();
    if (!built.ok()) return built.status();
    history = std::move(built).value();
  }
  auto q = statements_.Use(history ? kMarkBuilt : kMarkBuiltOnly);
  if (!q.ok()) return q.status();
  (**q).Bind(1, generation);
  if (history) (**q).Bind(2, *history);
  Status s = (**q).Run();
  if (s.ok()) s = RunAll(&kForgetChanged, 1, "marking the consolidated state built");
  if (s.ok() && writing_) s = writing_->Commit();
  writing_.reset();
  return s;
}

Result<std::string> ConsolidatedStore::BuildHistory() {
  // The element history, from the kept parts and event dates.
  ElementHistoryBuilder builder;
  auto parts = statements_.Use(kHistoryParts);
  if (!parts.ok()) return parts.status();
  sqlite::Statement& p = **parts;
  for (;;) {
    auto row = p.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::optional<Date> from = Date::FromIso(p.ColumnText(0));
    std::optional<Date> until;
    if (!p.ColumnIsNull(1)) until = Date::FromIso(p.ColumnText(1));
    if (!from || (!p.ColumnIsNull(1) && !until)) {
      p.Reset();
      return Status::Corruption("an element history part has a malformed date");
    }
    ItemStretch stretch{*from, until, {}};
    stretch.state.status = p.ColumnInt(2) ? ItemStatus::kSuspended : ItemStatus::kInForce;
    stretch.state.basis = p.ColumnInt(3) ? Basis::kInferred : Basis::kStated;
    if (!p.ColumnIsNull(4)) stretch.state.code = p.ColumnText(4);
    stretch.state.elements = SplitOn(p.ColumnText(5), kElementSeparator);
    stretch.state.governing = SplitOn(p.ColumnText(6), kGoverningSeparator);
    builder.Add(stretch);
  }
  p.Reset();
  auto dates = statements_.Use(kEventDates);
  if (!dates.ok()) return dates.status();
  auto iso_dates = (**dates).AllTexts();
  if (!iso_dates.ok()) return iso_dates.status();
  std::vector<Date> event_dates;
  event_dates.reserve(iso_dates->size());
  for (const std::string& iso : *iso_dates) {
    std::optional<Date> d = Date::FromIso(iso);
    if (!d) return Status::Corruption("a kept event date is malformed: " + iso);
    event_dates.push_back(*d);
  }
  return ElementHistoryToJson(std::move(builder).Finish(event_dates));
}

Result<std::vector<ItemState>> ConsolidatedStore::ItemsOn(const Date& date,
                                                          const StretchFilter& filter) {
  std::vector<ItemState> out;
  Status s = VisitItemsOn(date, filter, [&out](const ItemState& state) {
    out.push_back(state);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status ConsolidatedStore::VisitItemsOn(const Date& date, const StretchFilter& filter,
                                       const std::function<Status(const ItemState&)>& visit) {
  auto q = statements_.Use(ItemsOnSql(!filter.code.empty(), !filter.hs.empty()));
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, date.ToIso());
  if (!filter.code.empty()) st.Bind(2, filter.code);
  if (!filter.hs.empty()) {
    st.Bind(3, filter.hs);
    int param = 4;
    for (std::string_view prefix : HsPrefixes(filter.hs)) st.Bind(param++, prefix);
  }
  return VisitStates(st, visit);
}

Status ConsolidatedStore::VisitItemsListedByOn(
    const Date& date, const std::string& doc_id,
    const std::function<Status(const ItemState&)>& visit) {
  auto q = statements_.Use(ItemsListedByOnSql());
  if (!q.ok()) return q.status();
  (**q).Bind(1, date.ToIso()).Bind(2, doc_id);
  return VisitStates(**q, visit);
}

Status ConsolidatedStore::VisitItemsOnNotOn(const Date& date, const Date& other,
                                            const std::function<Status(const ItemState&)>& visit) {
  auto q = statements_.Use(ItemsOnNotOnSql());
  if (!q.ok()) return q.status();
  (**q).Bind(1, date.ToIso()).Bind(2, other.ToIso());
  return VisitStates(**q, visit);
}

Result<int64_t> ConsolidatedStore::CountItemsOn(const Date& date) {
  auto q = statements_.Use(CountItemsOnSql());
  if (!q.ok()) return q.status();
  (**q).Bind(1, date.ToIso());
  return ScalarInt(**q);  // COUNT gives one row
}

Result<std::vector<PartyState>> ConsolidatedStore::PartiesOn(const Date& date) {
  auto q = statements_.Use(kPartiesOn);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, date.ToIso());
  auto out = ReadStates(st, PartyStateFromJson);
  if (!out.ok()) return out.status();
  Timeline::SortPartyStates(*out);
  return out;
}

Result<ElementHistory> ConsolidatedStore::History() {
  auto q = statements_.Use(kHistory);
  if (!q.ok()) return q.status();
  auto row = (**q).Step();
  if (!row.ok()) return row.status();
  if (!*row || (**q).ColumnIsNull(0)) {
    (**q).Reset();
    return Status::Corruption("the consolidated state keeps no element history");
  }
  auto history = ElementHistoryFromJson((**q).ColumnTextView(0));
  (**q).Reset();
  return history;
}

}  // namespace regdiff
