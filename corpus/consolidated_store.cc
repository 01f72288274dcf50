// ConsolidatedStore over the consolidation and *_stretches tables of
// corpus/schema.cc (versions 7 and 8), whose indexes it owns. Every value is
// bound to a statement prepared once per ConsolidatedStore.
#include "corpus/consolidated_store.h"

#include <algorithm>
#include <array>
#include <utility>

#include "corpus/state_json.h"
#include "corpus/strings.h"

namespace regdiff {
namespace {

constexpr std::string_view kCurrent =
    "SELECT built_generation IS NOT NULL AND built_generation = generation FROM consolidation";
// Clearing the kept state: no trigger and no foreign key names these
// tables, so SQLite truncates them rather than delete row by row.
constexpr std::string_view kClear[] = {"DELETE FROM item_stretch_hs",
                                       "DELETE FROM item_stretches",
                                       "DELETE FROM party_stretches"};
// The indexes the reads below use, dropped while a state is written and
// built once it is complete. The stretches holding a date: an index on both
// ends, so the first day is checked without reading the row.
constexpr std::string_view kDropIndexes[] = {"DROP INDEX IF EXISTS item_stretches_code",
                                             "DROP INDEX IF EXISTS item_stretches_span",
                                             "DROP INDEX IF EXISTS item_stretch_hs_code"};
constexpr std::string_view kCreateIndexes[] = {
    "CREATE INDEX IF NOT EXISTS item_stretches_code ON item_stretches(code)",
    "CREATE INDEX IF NOT EXISTS item_stretches_span ON item_stretches(until_date, from_date)",
    "CREATE INDEX IF NOT EXISTS item_stretch_hs_code ON item_stretch_hs(hs_code, stretch_id)"};
constexpr std::string_view kGeneration = "SELECT generation FROM consolidation";
constexpr std::string_view kMarkBuilt =
    "UPDATE consolidation SET built_generation = ?1, element_history = ?2";
constexpr std::string_view kHistory = "SELECT element_history FROM consolidation";
constexpr std::string_view kInsertItem =
    "INSERT INTO item_stretches (id, key, code, from_date, until_date, state) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kInsertHs =
    "INSERT INTO item_stretch_hs (stretch_id, hs_code) VALUES (?1, ?2)";
constexpr std::string_view kInsertParty =
    "INSERT INTO party_stretches (id, list, key, key_en, from_date, until_date, state) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

// ?1 is the date; the stretches holding it.
constexpr char kHolds[] = "from_date <= ?1 AND (until_date IS NULL OR until_date >= ?1)";
// ?2 a control code: it and its sub-codes, through item_stretches_code.
constexpr char kCodeClause[] = " AND (code = ?2 OR (code >= ?2 || '.' AND code < ?2 || '/'))";
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
               // "+id": sort what the index on the ends finds rather than
               // walk the whole table in id order.
               " ORDER BY +id";
    }
    return out;
  }();
  return kVariants[(code ? 1 : 0) | (hs ? 2 : 0)];
}

// The stretches holding ?1 but not ?2, in ItemsOn's order.
const std::string& ItemsOnNotOnSql() {
  static const std::string kSql = std::string("SELECT state, id FROM item_stretches WHERE ") +
                                  kHolds +
                                  " AND NOT (from_date <= ?2 AND (until_date IS NULL OR "
                                  "until_date >= ?2)) ORDER BY +id";
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

}  // namespace

Result<bool> ConsolidatedStore::Current() {
  auto q = statements_.Use(kCurrent);
  if (!q.ok()) return q.status();
  auto row = (**q).Step();
  if (!row.ok()) return row.status();
  const bool current = *row && (**q).ColumnInt(0) != 0;
  (**q).Reset();
  return current;
}

Result<int64_t> ConsolidatedStore::Generation() {
  auto q = statements_.Use(kGeneration);
  if (!q.ok()) return q.status();
  auto row = (**q).Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Corruption("the consolidation table has no row");
  const int64_t generation = (**q).ColumnInt(0);
  (**q).Reset();
  return generation;
}

Status ConsolidatedStore::BeginReplace() {
  if (!db_->InTransaction()) {
    auto begun = sqlite::Transaction::Begin(*db_);
    if (!begun.ok()) return begun.status();
    replacing_.emplace(std::move(begun).value());
  }
  next_item_id_ = next_party_id_ = 1;
  history_.emplace();
  for (std::string_view sql : kDropIndexes) {
    auto q = statements_.Use(sql);
    if (!q.ok()) return q.status();
    if (Status s = (**q).Run(); !s.ok()) return s.WithContext("clearing the consolidated state");
  }
  for (std::string_view sql : kClear) {
    auto q = statements_.Use(sql);
    if (!q.ok()) return q.status();
    if (Status s = (**q).Run(); !s.ok()) return s.WithContext("clearing the consolidated state");
  }
  return Status::Ok();
}

Status ConsolidatedStore::AddItem(const ItemStretch& stretch) {
  if (!history_) return Status::Internal("AddItem outside BeginReplace");
  history_->Add(stretch);
  const int64_t id = next_item_id_++;
  auto q = statements_.Use(kInsertItem);
  if (!q.ok()) return q.status();
  (**q).Bind(1, id)
      .Bind(2, stretch.state.key)
      .Bind(3, stretch.state.code)
      .Bind(4, stretch.from.ToIso())
      .Bind(5, IsoOrNull(stretch.until))
      .Bind(6, ItemStateToJson(stretch.state));
  Status s = (**q).Run();
  std::vector<std::string_view> hs_codes(stretch.state.hs_codes.begin(),
                                         stretch.state.hs_codes.end());
  std::sort(hs_codes.begin(), hs_codes.end());
  hs_codes.erase(std::unique(hs_codes.begin(), hs_codes.end()), hs_codes.end());
  for (size_t h = 0; s.ok() && h < hs_codes.size(); ++h) {
    auto hs = statements_.Use(kInsertHs);
    if (!hs.ok()) return hs.status();
    (**hs).Bind(1, id).Bind(2, hs_codes[h]);
    s = (**hs).Run();
  }
  return s.ok() ? s : s.WithContext("keeping a stretch of " + stretch.state.key);
}

Status ConsolidatedStore::AddParty(const PartyStretch& stretch) {
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

Status ConsolidatedStore::FinishReplace(int64_t generation, const std::vector<Date>& event_dates) {
  if (!history_) return Status::Internal("FinishReplace outside BeginReplace");
  const std::string history = ElementHistoryToJson(std::move(*history_).Finish(event_dates));
  history_.reset();
  for (std::string_view sql : kCreateIndexes) {
    auto q = statements_.Use(sql);
    if (!q.ok()) return q.status();
    if (Status s = (**q).Run(); !s.ok()) return s.WithContext("indexing the consolidated state");
  }
  auto q = statements_.Use(kMarkBuilt);
  if (!q.ok()) return q.status();
  Status s = (**q).Bind(1, generation).Bind(2, history).Run();
  if (s.ok() && replacing_) s = replacing_->Commit();
  replacing_.reset();
  return s;
}

Result<std::vector<ItemState>> ConsolidatedStore::ItemsOn(const Date& date,
                                                          const StretchFilter& filter) {
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
  return ReadStates(st, ItemStateFromJson);
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
  auto row = (**q).Step();
  if (!row.ok()) return row.status();
  const int64_t count = *row ? (**q).ColumnInt(0) : 0;
  (**q).Reset();
  return count;
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
  auto history = ElementHistoryFromJson((**q).ColumnText(0));
  (**q).Reset();
  return history;
}

}  // namespace regdiff
