// The coverage of a store: one aggregate over the current text versions.
#include "corpus/store_coverage.h"

namespace regdiff {
namespace {

// The newest version of each source retrieved by ?1 (NULL: any), as
// AnnouncementStore::CurrentDocuments reads them, counted.
constexpr std::string_view kCoverage =
    "SELECT COUNT(DISTINCT d.doc_id), COUNT(d.id), MAX(d.published), MAX(v.retrieved_at) "
    "FROM source_versions v JOIN documents d ON d.snapshot_id = v.snapshot_id "
    "WHERE (?1 IS NULL OR v.retrieved_at <= ?1) AND v.version = (SELECT MAX(version) FROM "
    "source_versions WHERE source_id = v.source_id AND (?1 IS NULL OR retrieved_at <= ?1))";

}  // namespace

Result<Coverage> ReadCoverage(sqlite::Database& db, const std::optional<std::string>& known_at) {
  auto st = db.Prepare(kCoverage);
  if (!st.ok()) return st.status().WithContext("reading the coverage");
  st->Bind(1, known_at);
  auto row = st->Step();
  if (!row.ok()) return row.status().WithContext("reading the coverage");
  Coverage c;
  if (!*row) return c;
  c.announcements = st->ColumnInt(0);
  c.texts = st->ColumnInt(1);
  if (!st->ColumnIsNull(2)) c.latest_published = Date::FromIso(st->ColumnText(2));
  if (!st->ColumnIsNull(3)) c.last_ingest = st->ColumnText(3);
  return c;
}

}  // namespace regdiff
