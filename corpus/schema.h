// The store's schema as an ordered list of migrations, and the step that
// brings a database up to date (PRAGMA user_version records how far it is).
#pragma once

#include "corpus/sqlite.h"
#include "corpus/status.h"

namespace regdiff {

// PRAGMA user_version of `db`: 0 for a fresh database.
Result<int> SchemaVersion(sqlite::Database& db);

// Applies every migration newer than the database's user_version, each in its
// own transaction that also sets user_version, so a failure leaves the
// database at the last complete version. A database written by a newer
// regdiff (user_version > kSchemaVersion) is refused with kDatabase and left
// untouched. Safe against another process migrating at the same time.
Status Migrate(sqlite::Database& db);

// Migrate, stopping at `target_version` (<= kSchemaVersion): for tests that
// need a database as an older regdiff left it.
Status Migrate(sqlite::Database& db, int target_version);

}  // namespace regdiff
