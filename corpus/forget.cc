// Forget: the plan read and the rows removed in one transaction, each
// statement prepared once per call and bound per row.
#include "corpus/forget.h"

#include <algorithm>
#include <set>
#include <utility>

namespace regdiff {
namespace {

constexpr std::string_view kSourceNamed =
    "SELECT source_id FROM source_aliases WHERE alias = ?1";
constexpr std::string_view kSource =
    "SELECT locator, (SELECT COUNT(*) FROM source_versions WHERE source_id = ?1) "
    "FROM sources WHERE id = ?1";
constexpr std::string_view kAliases =
    "SELECT alias FROM source_aliases WHERE source_id = ?1 AND sha256 IS NOT NULL "
    "ORDER BY alias";
constexpr std::string_view kSnapshots =
    "SELECT DISTINCT snapshot_id FROM source_versions WHERE source_id = ?1 ORDER BY snapshot_id";
constexpr std::string_view kHolders =
    "SELECT DISTINCT source_id FROM source_versions WHERE snapshot_id = ?1";
constexpr std::string_view kDocuments =
    "SELECT d.doc_id, d.lang, d.title, "
    "(SELECT COUNT(*) FROM items i WHERE i.document_id = d.id), "
    "(SELECT COUNT(*) FROM parties p WHERE p.document_id = d.id) "
    "FROM documents d WHERE d.snapshot_id = ?1 ORDER BY d.id";
constexpr std::string_view kEvents = "SELECT COUNT(*) FROM watch_events WHERE url = ?1";
constexpr std::string_view kWatchedPages = "SELECT COUNT(*) FROM watch_pages WHERE url = ?1";

// In this order: what references a row goes before it. Deleting documents
// cascades to their items, HS codes, clauses, relations and parties, and
// deleting events to their webhook deliveries.
constexpr std::string_view kDeleteEvents = "DELETE FROM watch_events WHERE url = ?1";
constexpr std::string_view kDeleteWatchedPage = "DELETE FROM watch_pages WHERE url = ?1";
constexpr std::string_view kDeleteAliases = "DELETE FROM source_aliases WHERE source_id = ?1";
constexpr std::string_view kDeleteVersions = "DELETE FROM source_versions WHERE source_id = ?1";
constexpr std::string_view kDeleteSource = "DELETE FROM sources WHERE id = ?1";
constexpr std::string_view kDeleteDocuments = "DELETE FROM documents WHERE snapshot_id = ?1";
constexpr std::string_view kDeleteText = "DELETE FROM texts WHERE snapshot_id = ?1";
constexpr std::string_view kDeleteAttachments = "DELETE FROM attachments WHERE snapshot_id = ?1";
constexpr std::string_view kDeleteSnapshot = "DELETE FROM snapshots WHERE id = ?1";

// Runs `sql` bound to `value` and calls `read` on each row.
template <typename Value, typename ReadRow>
Status EachRow(sqlite::Statement& st, const Value& value, ReadRow read) {
  st.Reset();
  st.Bind(1, value);
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (Status s = read(st); !s.ok()) return s;
  }
  st.Reset();
  return Status::Ok();
}

struct Statements {
  sqlite::Statement source, aliases, snapshots, holders, documents, events, pages;
};

Result<Statements> PrepareReads(sqlite::Database& db) {
  Statements out;
  std::pair<sqlite::Statement*, std::string_view> all[] = {
      {&out.source, kSource},       {&out.aliases, kAliases},
      {&out.snapshots, kSnapshots}, {&out.holders, kHolders},
      {&out.documents, kDocuments}, {&out.events, kEvents},
      {&out.pages, kWatchedPages}};
  for (auto& [st, sql] : all) {
    auto prepared = db.Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    *st = std::move(prepared).value();
  }
  return out;
}

// The plan for `source_ids`, and the snapshots that go with them.
Result<std::pair<ForgetPlan, std::vector<int64_t>>> Plan(sqlite::Database& db,
                                                         const std::vector<int64_t>& source_ids) {
  auto st = PrepareReads(db);
  if (!st.ok()) return st.status();
  ForgetPlan plan;
  std::set<int64_t> going;
  std::vector<int64_t> snapshots;
  for (const int64_t id : source_ids) {
    if (going.count(id)) continue;
    ForgetPlan::Source source;
    source.id = id;
    bool found = false;
    Status s = EachRow(st->source, id, [&](const sqlite::Statement& row) {
      found = true;
      source.locator = row.ColumnText(0);
      source.versions = row.ColumnInt(1);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    if (!found) continue;
    going.insert(id);
    s = EachRow(st->aliases, id, [&](const sqlite::Statement& row) {
      source.aliases.push_back(row.ColumnText(0));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    s = EachRow(st->snapshots, id, [&](const sqlite::Statement& row) {
      snapshots.push_back(row.ColumnInt(0));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    plan.sources.push_back(std::move(source));
  }
  for (const ForgetPlan::Source& source : plan.sources) {
    std::vector<std::string> names = source.aliases;
    names.push_back(source.locator);
    for (const std::string& name : names) {
      Status s = EachRow(st->events, name, [&](const sqlite::Statement& row) {
        plan.watch_events += row.ColumnInt(0);
        return Status::Ok();
      });
      if (!s.ok()) return s;
      s = EachRow(st->pages, name, [&](const sqlite::Statement& row) {
        plan.watched_pages += row.ColumnInt(0);
        return Status::Ok();
      });
      if (!s.ok()) return s;
    }
  }
  std::sort(snapshots.begin(), snapshots.end());
  snapshots.erase(std::unique(snapshots.begin(), snapshots.end()), snapshots.end());
  std::vector<int64_t> removed;
  for (const int64_t snapshot : snapshots) {
    bool shared = false;
    Status s = EachRow(st->holders, snapshot, [&](const sqlite::Statement& row) {
      shared = shared || going.count(row.ColumnInt(0)) == 0;
      return Status::Ok();
    });
    if (!s.ok()) return s;
    if (shared) {
      ++plan.shared_snapshots;
      continue;
    }
    removed.push_back(snapshot);
    ++plan.snapshots;
    s = EachRow(st->documents, snapshot, [&](const sqlite::Statement& row) -> Status {
      ForgottenDocument d;
      if (!row.ColumnIsNull(0)) d.doc_id = row.ColumnText(0);
      const std::string lang = row.ColumnText(1);
      std::optional<Lang> l = LangFromName(lang);
      if (!l) return Status::Corruption("unknown language '" + lang + "'");
      d.lang = *l;
      d.title = row.ColumnText(2);
      d.items = row.ColumnInt(3);
      d.parties = row.ColumnInt(4);
      plan.documents.push_back(std::move(d));
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return std::make_pair(std::move(plan), std::move(removed));
}

// Runs the prepared `sql` once per value of `values`.
template <typename Value>
Status RunEach(sqlite::Database& db, std::string_view sql, const std::vector<Value>& values) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (const Value& v : values) {
    st->Reset();
    st->Bind(1, v);
    if (Status s = st->Run(); !s.ok()) return s.WithContext(std::string(sql));
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<int64_t>> SourceNamed(sqlite::Database& db, std::string_view locator) {
  auto st = db.Prepare(kSourceNamed);
  if (!st.ok()) return st.status();
  st->Bind(1, locator);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(st->ColumnInt(0));
}

Result<ForgetPlan> Forget(sqlite::Database& db, const std::vector<int64_t>& source_ids,
                          bool dry_run) {
  const char* context = "forgetting sources";
  auto txn = sqlite::Transaction::Begin(db);
  if (!txn.ok()) return txn.status().WithContext(context);
  auto planned = Plan(db, source_ids);
  if (!planned.ok()) return planned.status().WithContext(context);
  auto& [plan, snapshots] = *planned;
  if (dry_run || plan.sources.empty()) return std::move(plan);  // `txn` rolls back

  std::vector<std::string> names;
  std::vector<int64_t> ids;
  for (const ForgetPlan::Source& source : plan.sources) {
    ids.push_back(source.id);
    names.push_back(source.locator);
    names.insert(names.end(), source.aliases.begin(), source.aliases.end());
  }
  const std::pair<std::string_view, const std::vector<int64_t>*> by_id[] = {
      {kDeleteAliases, &ids},          {kDeleteVersions, &ids},   {kDeleteSource, &ids},
      {kDeleteDocuments, &snapshots}, {kDeleteText, &snapshots},
      {kDeleteAttachments, &snapshots}, {kDeleteSnapshot, &snapshots}};
  Status s = RunEach(db, kDeleteEvents, names);
  if (s.ok()) s = RunEach(db, kDeleteWatchedPage, names);
  for (const auto& [sql, values] : by_id) {
    if (s.ok()) s = RunEach(db, sql, *values);
  }
  if (s.ok()) s = txn->Commit();
  if (!s.ok()) return s.WithContext(context);
  return std::move(plan);
}

}  // namespace regdiff
