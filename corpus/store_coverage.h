// Reading a store's coverage (corpus/coverage.h) from its database.
#pragma once

#include <optional>
#include <string>

#include "corpus/coverage.h"
#include "corpus/sqlite.h"
#include "corpus/status.h"

namespace regdiff {

// The coverage of the store on `db` as it stood at `known_at` (UTC ISO time,
// as --known-at takes it; nullopt: now): the newest version of each source
// retrieved by then. Errors: kDatabase.
Result<Coverage> ReadCoverage(sqlite::Database& db, const std::optional<std::string>& known_at);

}  // namespace regdiff
