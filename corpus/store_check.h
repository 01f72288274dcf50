// The health of a store's database file, as `regdiff check` reports it:
// SQLite's own check of every page and index, the schema version, the rows
// of each kind, rows referring to rows that are not there, and whether the
// consolidated state and the search index are current. Reads only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/sqlite.h"
#include "corpus/status.h"

namespace regdiff {

// How thoroughly SQLite checks the file: kFull is PRAGMA integrity_check
// (pages, records and every index against its table; time grows as N log N),
// kQuick PRAGMA quick_check (the same without comparing indexes and tables;
// linear).
enum class IntegrityDepth { kFull, kQuick };

// Rows of one table that refer to a row of another that is not there.
struct OrphanRows {
  std::string table;   // "items"
  std::string parent;  // the table they refer to: "documents"
  int64_t rows = 0;
};

// Row counts of what the store holds.
struct StoreCheckCounts {
  int64_t announcements = 0;  // distinct doc_ids of the stored documents
  int64_t texts = 0;          // normalised texts
  int64_t documents = 0;      // parses of those texts
  int64_t items = 0;
  int64_t parties = 0;
  int64_t events = 0;         // watch events
};

struct StoreCheck {
  IntegrityDepth depth = IntegrityDepth::kFull;
  // What integrity_check (or quick_check) names wrong, one line per fault,
  // at most kMaxIntegrityLines; empty when it answers "ok". A file SQLite
  // cannot read at all gives one line: its error.
  std::vector<std::string> integrity;
  int schema_version = 0;     // PRAGMA user_version
  int expected_version = 0;   // kSchemaVersion of this build
  // Filled only for a database at this build's schema version (an older
  // one is migrated by the next writing command; a newer one this build
  // cannot read) whose pages could be read.
  std::optional<StoreCheckCounts> counts;
  std::vector<OrphanRows> orphans;  // declared foreign keys and the
                                    // consolidated state's own references
  // The consolidated state: built, and built from the documents as they are
  // now (the read commands otherwise rebuild the timeline: right, slower).
  bool consolidated_built = false;
  bool consolidated_current = false;
  int64_t changed_announcements = 0;  // noted as changed since it was built
  // Stretch states that are not valid JSON (the read commands would fail).
  int64_t malformed_states = 0;
  // Texts stored since the last search and not in the search index yet
  // (normal after an ingest: the next search that may write adds them).
  int64_t unindexed_texts = 0;

  // Faults: what makes answers wrong or reading fail (integrity, orphans,
  // malformed states, a newer schema). A stale consolidated state or search
  // index and an older schema are no faults: regdiff catches up by itself.
  bool Healthy() const;
};

inline constexpr size_t kMaxIntegrityLines = 100;

// Checks the database `db` holds. Errors: kDatabase only when a query that
// follows a successful integrity check fails (a fault it found stops
// nothing).
Result<StoreCheck> CheckStore(sqlite::Database& db, IntegrityDepth depth);

// Opens `path` read-only (sqlite::Database::OpenReadOnly) and checks it.
// A file SQLite cannot read as a database ("file is not a database") is a
// StoreCheck with that integrity line, not an error. Errors: kNotFound
// when there is no file at `path`; kDatabase when it cannot be opened.
Result<StoreCheck> CheckStoreFile(const std::string& path, IntegrityDepth depth);

}  // namespace regdiff
