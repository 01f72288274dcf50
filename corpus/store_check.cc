// The checks of `regdiff check`, as queries on the store's database.
#include "corpus/store_check.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string_view>
#include <utility>

#include "corpus/consolidated_store.h"
#include "corpus/schema.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

constexpr std::string_view kIntegrityCheck = "PRAGMA integrity_check(100)";
constexpr std::string_view kQuickCheck = "PRAGMA quick_check(100)";
static_assert(kMaxIntegrityLines == 100, "the PRAGMAs' limit above");

// Declared foreign keys: (table, rowid, parent, fkid) per row whose parent
// row is missing. The store writes with foreign_keys on, so only another
// writer (the sqlite3 shell has them off) or a damaged file leaves these.
constexpr std::string_view kForeignKeyCheck = "PRAGMA foreign_key_check";

// References the consolidated state keeps without a declared foreign key
// (its tables are truncated and rewritten whole): (table, parent, query).
struct UndeclaredReference {
  const char* table;
  const char* parent;
  std::string_view count_sql;
};
constexpr UndeclaredReference kUndeclaredReferences[] = {
    {"item_stretch_hs", "item_stretches",
     "SELECT COUNT(*) FROM item_stretch_hs h "
     "WHERE NOT EXISTS (SELECT 1 FROM item_stretches s WHERE s.id = h.stretch_id)"},
    {"item_history_parts", "item_stretches",
     "SELECT COUNT(*) FROM item_history_parts p "
     "WHERE NOT EXISTS (SELECT 1 FROM item_stretches s WHERE s.id = p.stretch_id)"},
};

constexpr std::string_view kCounts =
    "SELECT (SELECT COUNT(DISTINCT doc_id) FROM documents), (SELECT COUNT(*) FROM texts), "
    "(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM items), "
    "(SELECT COUNT(*) FROM parties), (SELECT COUNT(*) FROM watch_events)";

constexpr std::string_view kMalformedStates =
    "SELECT (SELECT COUNT(*) FROM item_stretches WHERE NOT json_valid(state)) + "
    "(SELECT COUNT(*) FROM party_stretches WHERE NOT json_valid(state))";

constexpr std::string_view kUnindexedTexts = "SELECT COUNT(*) FROM texts WHERE indexed = 0";

// The one integer a query answers.
Result<int64_t> QueryInt(sqlite::Database& db, std::string_view sql) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("no row from " + std::string(sql));
  return st->ColumnInt(0);
}

// The lines integrity_check or quick_check answer, "ok" left out; a check
// SQLite cannot run (page 1 unreadable) gives its error as the one line.
std::vector<std::string> IntegrityFaults(sqlite::Database& db, IntegrityDepth depth) {
  auto st = db.Prepare(depth == IntegrityDepth::kFull ? kIntegrityCheck : kQuickCheck);
  if (!st.ok()) return {st.status().ToString()};
  std::vector<std::string> lines;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) {
      lines.push_back("the check stopped: " + row.status().message());
      break;
    }
    if (!*row) break;
    // One row may hold several lines, under a "*** in database main ***"
    // heading: one fault a line, the heading left out.
    const std::string text = st->ColumnText(0);
    size_t start = 0;
    while (start <= text.size() && lines.size() < kMaxIntegrityLines) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      if (!line.empty() && line != "ok" && line.rfind("*** in database ", 0) != 0) {
        lines.push_back(std::move(line));
      }
      start = end + 1;
    }
  }
  return lines;
}

Status FindOrphans(sqlite::Database& db, StoreCheck& check) {
  auto st = db.Prepare(kForeignKeyCheck);
  if (!st.ok()) return st.status();
  std::map<std::pair<std::string, std::string>, int64_t> declared;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ++declared[{st->ColumnText(0), st->ColumnText(2)}];
  }
  for (const auto& [tables, rows] : declared) {
    check.orphans.push_back(OrphanRows{tables.first, tables.second, rows});
  }
  for (const UndeclaredReference& ref : kUndeclaredReferences) {
    auto rows = QueryInt(db, ref.count_sql);
    if (!rows.ok()) return rows.status();
    if (*rows > 0) check.orphans.push_back(OrphanRows{ref.table, ref.parent, *rows});
  }
  return Status::Ok();
}

Status ReadCounts(sqlite::Database& db, StoreCheck& check) {
  auto st = db.Prepare(kCounts);
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("no row from the counts");
  StoreCheckCounts counts;
  counts.announcements = st->ColumnInt(0);
  counts.texts = st->ColumnInt(1);
  counts.documents = st->ColumnInt(2);
  counts.items = st->ColumnInt(3);
  counts.parties = st->ColumnInt(4);
  counts.events = st->ColumnInt(5);
  check.counts = counts;
  return Status::Ok();
}

Status ReadConsolidation(sqlite::Database& db, StoreCheck& check) {
  ConsolidatedStore consolidated(db);
  auto built = consolidated.Built();
  if (!built.ok()) return built.status();
  auto current = consolidated.Current();
  if (!current.ok()) return current.status();
  auto changed = consolidated.ChangedDocIds();
  if (!changed.ok()) return changed.status();
  check.consolidated_built = *built;
  check.consolidated_current = *current;
  check.changed_announcements = static_cast<int64_t>(changed->size());
  auto malformed = QueryInt(db, kMalformedStates);
  if (!malformed.ok()) return malformed.status();
  check.malformed_states = *malformed;
  return Status::Ok();
}

}  // namespace

bool StoreCheck::Healthy() const {
  return integrity.empty() && orphans.empty() && malformed_states == 0 &&
         schema_version <= expected_version;
}

Result<StoreCheck> CheckStore(sqlite::Database& db, IntegrityDepth depth) {
  StoreCheck check;
  check.depth = depth;
  check.expected_version = kSchemaVersion;
  check.integrity = IntegrityFaults(db, depth);
  auto version = SchemaVersion(db);
  if (!version.ok()) {
    // Unreadable: integrity_check named why, or does now.
    if (check.integrity.empty()) check.integrity.push_back(version.status().ToString());
    return check;
  }
  check.schema_version = *version;
  // Pages that cannot be read make every later query fail on them: the
  // integrity lines say what is wrong, the rest would only repeat it.
  if (!check.integrity.empty()) return check;
  Status s = FindOrphans(db, check);
  if (!s.ok()) return s.WithContext("looking for orphan rows");
  if (check.schema_version != kSchemaVersion) return check;
  s = ReadCounts(db, check);
  if (!s.ok()) return s.WithContext("counting rows");
  s = ReadConsolidation(db, check);
  if (!s.ok()) return s.WithContext("reading the consolidated state");
  auto unindexed = QueryInt(db, kUnindexedTexts);
  if (!unindexed.ok()) return unindexed.status().WithContext("reading the search index");
  check.unindexed_texts = *unindexed;
  return check;
}

Result<StoreCheck> CheckStoreFile(const std::string& path, IntegrityDepth depth) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("no database file at " + path);
  }
  if (access(path.c_str(), R_OK) != 0) {
    return Status::IoError("cannot read " + path + " (permission denied)");
  }
  auto db = sqlite::Database::OpenReadOnly(path);
  if (!db.ok()) {
    // A file that can be read but not as a database: that is the fault.
    StoreCheck check;
    check.depth = depth;
    check.expected_version = kSchemaVersion;
    check.integrity.push_back(db.status().ToString());
    return check;
  }
  return CheckStore(*db, depth);
}

}  // namespace regdiff
