// AnnouncementStore over the schema of corpus/schema.cc: Put (one
// transaction per snapshot), List, FindDocuments, FindDocumentVersions,
// FindParties, Search and Counts. Every value goes through a bound parameter
// of a statement prepared once per store.
#include "corpus/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "corpus/schema.h"
#include "corpus/sha256.h"
#include "corpus/strings.h"

namespace regdiff {
namespace {

// --- SQL, one statement per constant ---

constexpr std::string_view kFindSource =
    "SELECT source_id, sha256, kind, first_seen FROM source_aliases WHERE alias = ?1";
constexpr std::string_view kInsertSource =
    "INSERT INTO sources (kind, locator, first_seen) VALUES (?1, ?2, ?3)";
// ?5: NULL for the source's own locator, else the bytes the alias carries.
constexpr std::string_view kInsertAlias =
    "INSERT INTO source_aliases (alias, source_id, kind, first_seen, sha256) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kDeleteAlias = "DELETE FROM source_aliases WHERE alias = ?1";
// The source whose versions hold the bytes ?1: the one holding them as its
// newest version first, then the first seen.
constexpr std::string_view kSourceHolding =
    "SELECT v.source_id, v.snapshot_id FROM snapshots sn "
    "JOIN source_versions v ON v.snapshot_id = sn.id WHERE sn.sha256 = ?1 "
    "ORDER BY v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = v.source_id) "
    "DESC, v.source_id LIMIT 1";
constexpr std::string_view kAliasesOf =
    "SELECT a.alias, a.kind, a.first_seen, a.sha256 FROM source_aliases a "
    "JOIN source_aliases own ON own.source_id = a.source_id "
    "WHERE own.alias = ?1 AND a.sha256 IS NOT NULL ORDER BY a.first_seen, a.alias";
constexpr std::string_view kNewestVersion =
    "SELECT v.version, v.snapshot_id, sn.sha256 FROM source_versions v "
    "JOIN snapshots sn ON sn.id = v.snapshot_id "
    "WHERE v.source_id = ?1 ORDER BY v.version DESC LIMIT 1";
constexpr std::string_view kInsertVersion =
    "INSERT INTO source_versions (source_id, version, snapshot_id, retrieved_at, headers) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view kFindSnapshot = "SELECT id FROM snapshots WHERE sha256 = ?1";
constexpr std::string_view kInsertSnapshot =
    "INSERT INTO snapshots (sha256, raw, size, declared_charset, detected_charset, "
    "used_charset, replaced_chars, first_retrieved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kInsertText =
    "INSERT INTO texts (snapshot_id, normalized, layout) VALUES (?1, ?2, ?3)";
constexpr std::string_view kUpdateText =
    "UPDATE texts SET normalized = ?2, layout = ?3 WHERE snapshot_id = ?1 AND "
    "(normalized IS NOT ?2 OR layout IS NOT ?3)";
constexpr std::string_view kDeleteAttachments = "DELETE FROM attachments WHERE snapshot_id = ?1";
constexpr std::string_view kInsertAttachment =
    "INSERT INTO attachments (snapshot_id, seq, url, file_name, sha256, raw, size) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kDocumentsOfSnapshot =
    "SELECT lang, parser_version FROM documents WHERE snapshot_id = ?1";
constexpr std::string_view kDeleteDocuments = "DELETE FROM documents WHERE snapshot_id = ?1";
constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (snapshot_id, doc_id, issuers, year, number, lang, title, "
    "published, number_begin, number_end, title_begin, title_end, published_begin, "
    "published_end, warnings, parser_version, parsed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
constexpr std::string_view kInsertItem =
    "INSERT INTO items (document_id, seq, code, position, name, elements, ev_begin, ev_end, "
    "hs_begin, hs_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr std::string_view kInsertHsCode =
    "INSERT INTO item_hs_codes (item_id, seq, hs_code) VALUES (?1, ?2, ?3)";
constexpr std::string_view kInsertEffective =
    "INSERT INTO effective_clauses (document_id, seq, date, on_publication, applies_to, "
    "ev_begin, ev_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kInsertRelation =
    "INSERT INTO relations (document_id, seq, type, target, until, ev_begin, ev_end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kInsertParty =
    "INSERT INTO parties (document_id, seq, list, action, name, name_en, country, key, key_en, "
    "ev_begin, ev_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view kInsertPartyCount =
    "INSERT INTO party_counts (document_id, seq, list, action, count, country, ev_begin, "
    "ev_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

// The parser version of a snapshot's documents (they are written together,
// by one parser run): the oldest, should they ever differ. An alias reads
// the newest version holding the bytes it carries.
constexpr std::string_view kSourceState =
    "SELECT v.source_id, v.version, sn.sha256, "
    "(SELECT MIN(d.parser_version) FROM documents d WHERE d.snapshot_id = v.snapshot_id) "
    "FROM source_aliases a "
    "JOIN source_versions v ON v.source_id = a.source_id "
    "JOIN snapshots sn ON sn.id = v.snapshot_id "
    "WHERE a.alias = ?1 AND (a.sha256 IS NULL OR a.sha256 = sn.sha256) "
    "ORDER BY v.version DESC LIMIT 1";

// The newest version of each source holding a document, narrowed by a
// DocumentFilter: ?1 an issuer, ?2 joint, ?3 a year, ?4 a list, ?5 an
// element; NULL (0 for ?2) does not narrow.
constexpr char kListedFrom[] =
    "FROM sources s "
    "JOIN source_versions v ON v.source_id = s.id "
    "JOIN documents d ON d.snapshot_id = v.snapshot_id "
    "WHERE v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = s.id) "
    "AND (?1 IS NULL OR EXISTS (SELECT 1 FROM json_each(d.issuers) WHERE value = ?1)) "
    "AND (?2 = 0 OR json_array_length(d.issuers) > 1) "
    "AND (?3 IS NULL OR coalesce(d.year, CAST(substr(d.published, 1, 4) AS INTEGER)) = ?3) "
    "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM parties p WHERE p.document_id = d.id AND "
    "p.list = ?4) OR EXISTS (SELECT 1 FROM party_counts c WHERE c.document_id = d.id AND "
    "c.list = ?4)) "
    "AND (?5 IS NULL OR EXISTS (SELECT 1 FROM items i, json_each(i.elements) e WHERE "
    "i.document_id = d.id AND e.value = ?5)) ";
// A DocumentSummary's columns (ReadSummaries), from d, s and v.
constexpr char kSummaryColumns[] =
    "SELECT d.id, d.doc_id, d.lang, d.published, d.title, "
    "(SELECT COUNT(*) FROM items i WHERE i.document_id = d.id), s.locator, v.version, "
    "(SELECT COUNT(*) FROM parties p WHERE p.document_id = d.id) ";
// Documents ordered for display, and that order reversed.
constexpr char kListOrder[] =
    "d.published IS NULL, d.published, d.doc_id IS NULL, d.doc_id, s.locator, d.id";
constexpr char kListOrderReversed[] =
    "d.published IS NULL DESC, d.published DESC, d.doc_id IS NULL DESC, d.doc_id DESC, "
    "s.locator DESC, d.id DESC";

const std::string& ListSql() {
  static const std::string kSql =
      std::string(kSummaryColumns) + kListedFrom + "ORDER BY " + kListOrder;
  return kSql;
}

// ?6 rows from ?7 of the list newest first: the page's rows are picked by
// the order alone (a bounded sort), and their counts read for them only.
const std::string& ListNewestFirstSql() {
  static const std::string kSql =
      std::string(kSummaryColumns) +
      "FROM (SELECT d.id AS document_id, s.id AS source_id, v.version AS version " +
      kListedFrom + "ORDER BY " + kListOrderReversed + " LIMIT ?6 OFFSET ?7) page " +
      "JOIN documents d ON d.id = page.document_id "
      "JOIN sources s ON s.id = page.source_id "
      "JOIN source_versions v ON v.source_id = page.source_id AND v.version = page.version "
      "ORDER BY " + kListOrderReversed;
  return kSql;
}

const std::string& CountListedSql() {
  static const std::string kSql = std::string("SELECT COUNT(*) ") + kListedFrom;
  return kSql;
}

// Where the documents with a doc_id come from, newest version of each source.
constexpr std::string_view kCurrentSources =
    "SELECT d.doc_id, d.lang, s.locator, sn.sha256, v.retrieved_at "
    "FROM sources s "
    "JOIN source_versions v ON v.source_id = s.id "
    "JOIN documents d ON d.snapshot_id = v.snapshot_id "
    "JOIN snapshots sn ON sn.id = v.snapshot_id "
    "WHERE d.doc_id IS NOT NULL "
    "AND v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = s.id) "
    "ORDER BY d.doc_id, d.lang, s.locator";

// The names of the items of every text of a doc_id (?1), newest version of
// each source; texts in CurrentDocuments' order, items in document order.
constexpr std::string_view kItemNames =
    "SELECT d.lang, i.code, i.position, i.name "
    "FROM documents d "
    "JOIN items i ON i.document_id = d.id "
    "JOIN source_versions v ON v.snapshot_id = d.snapshot_id "
    "JOIN sources s ON s.id = v.source_id "
    "WHERE d.doc_id = ?1 "
    "AND v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = v.source_id) "
    "ORDER BY d.published IS NULL, d.published, s.locator, d.id, i.seq";

// FindDocuments: the document row plus where it came from, for the newest
// version of each source. The WHERE clause on doc_id goes in between.
constexpr std::string_view kFindColumns =
    "SELECT d.id, d.doc_id, d.issuers, d.year, d.number, d.lang, d.title, d.published, "
    "d.number_begin, d.number_end, d.title_begin, d.title_end, d.published_begin, "
    "d.published_end, d.warnings, d.parser_version, "
    "s.locator, v.version, sn.sha256, v.retrieved_at, sn.used_charset, t.normalized, "
    "t.layout ";
constexpr std::string_view kFindJoins =
    "FROM documents d "
    "JOIN snapshots sn ON sn.id = d.snapshot_id "
    "JOIN texts t ON t.snapshot_id = d.snapshot_id "
    "JOIN source_versions v ON v.snapshot_id = d.snapshot_id "
    "JOIN sources s ON s.id = v.source_id "
    "WHERE ";
// The same joins with the documents read first: for a WHERE clause on them
// that no index serves (a LIKE on doc_id), so that the scan reads the small
// rows of documents rather than visit every text.
constexpr std::string_view kFindJoinsDocumentsFirst =
    "FROM documents d "
    "CROSS JOIN snapshots sn ON sn.id = d.snapshot_id "
    "CROSS JOIN texts t ON t.snapshot_id = d.snapshot_id "
    "CROSS JOIN source_versions v ON v.snapshot_id = d.snapshot_id "
    "CROSS JOIN sources s ON s.id = v.source_id "
    "WHERE ";

std::string FindHead(bool documents_first = false) {
  return std::string(kFindColumns) +
         std::string(documents_first ? kFindJoinsDocumentsFirst : kFindJoins);
}
constexpr std::string_view kFindTail =
    " AND v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = v.source_id) "
    "ORDER BY d.published IS NULL, d.published, d.doc_id, s.locator, d.id";

// Every document of the newest version of each source, as known at ?1 (an
// ISO UTC time; NULL for now): versions retrieved later are ignored.
const std::string& CurrentSql() {
  static const std::string kCurrent =
      FindHead() +
      "(?1 IS NULL OR v.retrieved_at <= ?1) AND v.version = (SELECT MAX(version) FROM "
      "source_versions WHERE source_id = v.source_id AND (?1 IS NULL OR retrieved_at <= ?1)) "
      "ORDER BY d.published IS NULL, d.published, d.doc_id, s.locator, d.id";
  return kCurrent;
}

// The doc_ids of the texts (any version) with an item matching: ?1 a control
// code (it and its sub-codes, through items_code), ?2 an HS code (the codes
// it prefixes; ?3..?8 its shorter prefixes, through item_hs_codes_code), ?9 an
// element symbol. One variant per combination of the clauses given.
const std::string& DocIdsWithItemsSql(bool code, bool hs, bool element) {
  static const std::array<std::string, 8> kVariants = [] {
    std::array<std::string, 8> out;
    for (int v = 0; v < 8; ++v) {
      std::string sql =
          "SELECT DISTINCT d.doc_id FROM items i JOIN documents d ON d.id = i.document_id "
          "WHERE d.doc_id IS NOT NULL";
      if (v & 1) sql += " AND (i.code = ?1 OR (i.code >= ?1 || '.' AND i.code < ?1 || '/'))";
      if (v & 2) {
        sql +=
            " AND i.id IN (SELECT item_id FROM item_hs_codes WHERE "
            "(hs_code >= ?2 AND hs_code < ?2 || ':') OR hs_code IN (?3, ?4, ?5, ?6, ?7, ?8))";
      }
      if (v & 4) sql += " AND EXISTS (SELECT 1 FROM json_each(i.elements) WHERE value = ?9)";
      out[v] = sql + " ORDER BY d.doc_id";
    }
    return out;
  }();
  return kVariants[(code ? 1 : 0) | (hs ? 2 : 0) | (element ? 4 : 0)];
}

constexpr std::string_view kItemKeysOf =
    "SELECT DISTINCT COALESCE(i.code, d.doc_id || '#' || i.position) AS key "
    "FROM documents d JOIN items i ON i.document_id = d.id WHERE d.doc_id = ?1 ORDER BY key";
constexpr std::string_view kDocIdsListingCode =
    "SELECT DISTINCT d.doc_id FROM items i JOIN documents d ON d.id = i.document_id "
    "WHERE i.code = ?1 AND d.doc_id IS NOT NULL ORDER BY d.doc_id";
constexpr std::string_view kDocIdsWithParties =
    "SELECT DISTINCT d.doc_id FROM parties p JOIN documents d ON d.id = p.document_id "
    "WHERE d.doc_id IS NOT NULL ORDER BY d.doc_id";

// The parties of every text (any version) with ?1 as key or key_en, or, when
// they have neither, as name.
constexpr std::string_view kPartiesWithKey =
    "SELECT DISTINCT d.doc_id, p.list, p.key, p.key_en FROM parties p "
    "JOIN documents d ON d.id = p.document_id WHERE d.doc_id IS NOT NULL AND p.key = ?1 "
    "UNION SELECT DISTINCT d.doc_id, p.list, p.key, p.key_en FROM parties p "
    "JOIN documents d ON d.id = p.document_id WHERE d.doc_id IS NOT NULL AND p.key_en = ?1 "
    "UNION SELECT DISTINCT d.doc_id, p.list, p.key, p.key_en FROM parties p "
    "JOIN documents d ON d.id = p.document_id "
    "WHERE d.doc_id IS NOT NULL AND p.key = '' AND p.key_en = '' AND p.name = ?1";

// Every text of the announcements with a relation naming ?1, and the texts
// without a doc_id that have one.
const std::string& RelatingSql() {
  static const std::string kRelating =
      FindHead() +
      "(d.doc_id IN (SELECT d2.doc_id FROM relations r JOIN documents d2 ON d2.id = r.document_id "
      "WHERE r.target = ?1) OR (d.doc_id IS NULL AND d.id IN (SELECT document_id FROM relations "
      "WHERE target = ?1)))" +
      std::string(kFindTail);
  return kRelating;
}

const std::string& FindSql(bool exact) {
  static const std::string kExact = FindHead() + "d.doc_id = ?1" + std::string(kFindTail);
  static const std::string kSuffix =
      FindHead(/*documents_first=*/true) + "d.doc_id LIKE ?1 ESCAPE '\\'" + std::string(kFindTail);
  return exact ? kExact : kSuffix;
}

// Every version of each source that ever held a document matching ?1 (an
// exact doc_id, or a LIKE pattern), oldest first per source.
const std::string& VersionsSql(bool exact) {
  static const std::string kHead =
      FindHead() +
      "v.source_id IN (SELECT v2.source_id FROM source_versions v2 "
      "JOIN documents d2 ON d2.snapshot_id = v2.snapshot_id WHERE d2.doc_id ";
  static const std::string kTail = ") ORDER BY s.locator, v.version, d.id";
  static const std::string kExact = kHead + "= ?1" + kTail;
  static const std::string kSuffix = kHead + "LIKE ?1 ESCAPE '\\'" + kTail;
  return exact ? kExact : kSuffix;
}

constexpr std::string_view kItems =
    "SELECT id, code, position, name, elements, ev_begin, ev_end, hs_begin, hs_end "
    "FROM items WHERE document_id = ?1 ORDER BY seq";
constexpr std::string_view kHsCodes =
    "SELECT h.item_id, h.hs_code FROM item_hs_codes h JOIN items i ON i.id = h.item_id "
    "WHERE i.document_id = ?1 ORDER BY i.seq, h.seq";
constexpr std::string_view kEffective =
    "SELECT date, on_publication, applies_to, ev_begin, ev_end FROM effective_clauses "
    "WHERE document_id = ?1 ORDER BY seq";
constexpr std::string_view kRelations =
    "SELECT type, target, until, ev_begin, ev_end FROM relations "
    "WHERE document_id = ?1 ORDER BY seq";
constexpr std::string_view kParties =
    "SELECT list, action, name, name_en, country, key, key_en, ev_begin, ev_end FROM parties "
    "WHERE document_id = ?1 ORDER BY seq";
constexpr std::string_view kPartyCounts =
    "SELECT list, action, count, country, ev_begin, ev_end FROM party_counts "
    "WHERE document_id = ?1 ORDER BY seq";

// FindParties: the party columns of kParties, then its evidence bytes cut
// from the text in SQL (no whole text is loaded), and where the document
// came from; newest version of each source only. The WHERE clause on the
// party goes in between.
constexpr std::string_view kFindPartiesHead =
    "SELECT p.list, p.action, p.name, p.name_en, p.country, p.key, p.key_en, p.ev_begin, "
    "p.ev_end, substr(CAST(t.normalized AS BLOB), p.ev_begin + 1, p.ev_end - p.ev_begin), "
    "d.doc_id, d.lang, s.locator, v.version "
    "FROM parties p "
    "JOIN documents d ON d.id = p.document_id "
    "JOIN texts t ON t.snapshot_id = d.snapshot_id "
    "JOIN source_versions v ON v.snapshot_id = d.snapshot_id "
    "JOIN sources s ON s.id = v.source_id "
    "WHERE ";
constexpr std::string_view kFindPartiesTail =
    " AND v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = v.source_id) "
    "ORDER BY d.published IS NULL, d.published, d.doc_id IS NULL, d.doc_id, s.locator, d.id, "
    "p.seq";

// ?1 a match key; ?2 and ?3 LIKE patterns (ESCAPE '\') for the keys and
// for the names. Exact keys go through the indexes parties_key and
// parties_key_en (an OR of two indexed equalities is answered by both).
const std::string& FindPartiesSql(bool exact) {
  static const std::string kExact = std::string(kFindPartiesHead) +
                                    "(p.key = ?1 OR p.key_en = ?1)" + std::string(kFindPartiesTail);
  static const std::string kFragment =
      std::string(kFindPartiesHead) +
      "(p.key LIKE ?2 ESCAPE '\\' OR p.key_en LIKE ?2 ESCAPE '\\' "
      "OR p.name LIKE ?3 ESCAPE '\\' OR p.name_en LIKE ?3 ESCAPE '\\')" +
      std::string(kFindPartiesTail);
  return exact ? kExact : kFragment;
}

constexpr std::string_view kCounts =
    "SELECT (SELECT COUNT(*) FROM sources), (SELECT COUNT(*) FROM source_aliases), "
    "(SELECT COUNT(*) FROM snapshots), (SELECT COUNT(*) FROM source_versions), "
    "(SELECT COUNT(*) FROM texts), (SELECT COUNT(*) FROM documents), "
    "(SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM item_hs_codes), "
    "(SELECT COUNT(*) FROM effective_clauses), (SELECT COUNT(*) FROM relations), "
    "(SELECT COUNT(*) FROM parties)";

// A cached statement lent out for one use. Reset when the lease ends, so no
// statement is left mid-step holding a read transaction open.
class Lease {
 public:
  explicit Lease(sqlite::Statement* stmt) : stmt_(stmt) {}
  Lease(Lease&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (stmt_) stmt_->Reset();
  }
  sqlite::Statement& operator*() const { return *stmt_; }

 private:
  sqlite::Statement* stmt_;
};

// --- values to and from columns ---

// "" is stored as NULL in the optional charset columns.
std::optional<std::string_view> NullIfEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return std::string_view(s);
}

std::optional<std::string> IsoOrNull(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToIso();
}

std::optional<int64_t> Widen(const std::optional<int>& v) {
  if (!v) return std::nullopt;
  return static_cast<int64_t>(*v);
}

Result<std::string> ToJsonArray(const std::vector<std::string>& values) {
  try {
    return nlohmann::json(values).dump();
  } catch (const nlohmann::json::exception& e) {  // invalid UTF-8
    return Status::InvalidArgument(std::string("cannot store as JSON: ") + e.what());
  }
}

Result<std::vector<std::string>> FromJsonArray(const std::string& text, std::string_view what) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_array()) {
    return Status::Corruption(std::string(what) + " is not a JSON array: " + text);
  }
  std::vector<std::string> out;
  for (const auto& e : j) {
    if (!e.is_string()) {
      return Status::Corruption(std::string(what) + " holds a non-string: " + text);
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

Result<std::optional<Date>> ColumnDate(const sqlite::Statement& st, int col,
                                       std::string_view what) {
  if (st.ColumnIsNull(col)) return std::optional<Date>();
  const std::string text = st.ColumnText(col);
  std::optional<Date> date = Date::FromIso(text);
  if (!date) return Status::Corruption(std::string(what) + " is no date: '" + text + "'");
  return date;
}

Result<Lang> ColumnLang(const sqlite::Statement& st, int col) {
  const std::string name = st.ColumnText(col);
  std::optional<Lang> lang = LangFromName(name);
  if (!lang) return Status::Corruption("unknown language '" + name + "'");
  return *lang;
}

std::optional<std::string> ColumnOptionalText(const sqlite::Statement& st, int col) {
  if (st.ColumnIsNull(col)) return std::nullopt;
  return st.ColumnText(col);
}

std::optional<int> ColumnOptionalInt(const sqlite::Statement& st, int col) {
  if (st.ColumnIsNull(col)) return std::nullopt;
  return static_cast<int>(st.ColumnInt(col));
}

// Evidence from the [begin, end) offsets in columns col and col + 1.
Evidence ColumnEvidence(const sqlite::Statement& st, int col, std::string_view text) {
  const int64_t begin = st.ColumnInt(col), end = st.ColumnInt(col + 1);
  return MakeEvidence(text, static_cast<size_t>(std::max<int64_t>(begin, 0)),
                      static_cast<size_t>(std::max<int64_t>(end, 0)));
}

// A party from columns 0..6 (list, action, name, name_en, country, key,
// key_en) of kParties or FindPartiesSql; its evidence is left to the caller.
// The list and action in columns 0 and 1 of kParties or kPartyCounts.
Status ColumnListAndAction(const sqlite::Statement& st, PartyList& list, PartyAction& action) {
  const std::string list_name = st.ColumnText(0);
  std::optional<PartyList> l = PartyListFromName(list_name);
  if (!l) return Status::Corruption("unknown party list '" + list_name + "'");
  const std::string action_name = st.ColumnText(1);
  std::optional<PartyAction> act = PartyActionFromName(action_name);
  if (!act) return Status::Corruption("unknown party action '" + action_name + "'");
  list = *l;
  action = *act;
  return Status::Ok();
}

Result<Party> ColumnParty(const sqlite::Statement& st) {
  Party p;
  Status s = ColumnListAndAction(st, p.list, p.action);
  if (!s.ok()) return s;
  p.name = st.ColumnText(2);
  p.name_en = ColumnOptionalText(st, 3);
  p.country = ColumnOptionalText(st, 4);
  p.key = st.ColumnText(5);
  p.key_en = st.ColumnText(6);
  return p;
}

void BindEvidence(sqlite::Statement& st, int index, const Evidence& e) {
  st.Bind(index, static_cast<int64_t>(e.begin)).Bind(index + 1, static_cast<int64_t>(e.end));
}

// Evidence is kept as offsets only, so offsets past the text would come back
// as a different span: refuse them before anything is written.
Status CheckEvidence(const Evidence& e, size_t text_size, std::string_view what) {
  if (e.begin <= e.end && e.end <= text_size) return Status::Ok();
  return Status::InvalidArgument(
      "evidence of " + std::string(what) + " [" + std::to_string(e.begin) + ", " +
      std::to_string(e.end) + ") lies outside the text of " + std::to_string(text_size) + " bytes");
}

// The parses a request stores (see PutRequest).
std::vector<const Announcement*> ParsesOf(const PutRequest& r) {
  std::vector<const Announcement*> out;
  if (r.announcement) out.push_back(&*r.announcement);
  for (const Announcement& a : r.announcements) out.push_back(&a);
  return out;
}

// Evidence of one parse against a text of `n` bytes.
Status ValidateParse(const Announcement& a, size_t n) {
  Status s = CheckEvidence(a.number_evidence, n, "the number");
  if (s.ok()) s = CheckEvidence(a.title_evidence, n, "the title");
  if (s.ok()) s = CheckEvidence(a.published_evidence, n, "the publication date");
  for (size_t i = 0; s.ok() && i < a.items.size(); ++i) {
    s = CheckEvidence(a.items[i].evidence, n, "item " + std::to_string(i));
    if (s.ok())
      s = CheckEvidence(a.items[i].hs_evidence, n, "HS codes of item " + std::to_string(i));
  }
  for (size_t i = 0; s.ok() && i < a.effective.size(); ++i) {
    s = CheckEvidence(a.effective[i].evidence, n, "effective clause " + std::to_string(i));
  }
  for (size_t i = 0; s.ok() && i < a.relations.size(); ++i) {
    s = CheckEvidence(a.relations[i].evidence, n, "relation " + std::to_string(i));
  }
  for (size_t i = 0; s.ok() && i < a.parties.size(); ++i) {
    s = CheckEvidence(a.parties[i].evidence, n, "party " + std::to_string(i));
  }
  for (size_t i = 0; s.ok() && i < a.party_counts.size(); ++i) {
    s = CheckEvidence(a.party_counts[i].evidence, n, "party count " + std::to_string(i));
  }
  return s;
}

Status ValidateRequest(const PutRequest& r) {
  if (r.snapshot.locator.empty()) return Status::InvalidArgument("snapshot has no locator");
  if (Sha256Hex(r.snapshot.raw) != r.snapshot.sha256) {
    return Status::InvalidArgument("sha256 '" + r.snapshot.sha256 +
                                   "' is not the digest of the snapshot bytes");
  }
  if (r.announcement && !r.announcements.empty()) {
    return Status::InvalidArgument("a request sets both announcement and announcements");
  }
  std::set<Lang> langs;
  for (const Announcement* a : ParsesOf(r)) {
    if (!langs.insert(a->lang).second) {
      return Status::InvalidArgument("two parses in " + std::string(LangName(a->lang)) +
                                     " of one text");
    }
    Status s = ValidateParse(*a, r.normalized_text.size());
    if (!s.ok()) return s.WithContext(std::string(LangName(a->lang)) + " parse");
  }
  return Status::Ok();
}

// LIKE pattern for doc_ids ending in "-" + query, with the query's own
// wildcards escaped ('\' is the ESCAPE character).
// `text` with LIKE's wildcards escaped (ESCAPE '\\').
std::string LikeEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string SuffixPattern(std::string_view query) { return "%-" + LikeEscape(query); }

// Binds a DocumentFilter to ?1..?5 of kListedFrom: every parameter, each
// time (a kept statement keeps its last bindings).
void BindDocumentFilter(sqlite::Statement& st, const DocumentFilter& filter) {
  auto text_or_null = [&st](int index, std::string_view value) {
    if (value.empty()) {
      st.BindNull(index);
    } else {
      st.Bind(index, value);
    }
  };
  text_or_null(1, filter.issuer);
  st.Bind(2, filter.joint ? 1 : 0);
  st.Bind(3, filter.year);
  text_or_null(4, filter.list ? PartyListName(*filter.list) : std::string_view());
  text_or_null(5, filter.element);
}

// Every row of kSummaryColumns, in order.
Result<std::vector<DocumentSummary>> ReadSummaries(sqlite::Statement& st) {
  std::vector<DocumentSummary> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    DocumentSummary d;
    d.document_id = st.ColumnInt(0);
    d.doc_id = ColumnOptionalText(st, 1);
    auto lang = ColumnLang(st, 2);
    if (!lang.ok()) return lang.status();
    d.lang = *lang;
    auto published = ColumnDate(st, 3, "publication date");
    if (!published.ok()) return published.status();
    d.published = *published;
    d.title = st.ColumnText(4);
    d.item_count = static_cast<int>(st.ColumnInt(5));
    d.locator = st.ColumnText(6);
    d.version = static_cast<int>(st.ColumnInt(7));
    d.party_count = static_cast<int>(st.ColumnInt(8));
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

// The steps of Put and of loading, with access to the store's members.
struct AnnouncementStore::Ops {
  struct Newest {
    int version;
    int64_t snapshot_id;
    std::string sha256;
  };

  // The cached statement for `sql`, prepared on first use.
  static Result<Lease> Use(AnnouncementStore& store, std::string_view sql) {
    auto st = store.statements_.Use(sql);
    if (!st.ok()) return st.status();
    return Lease(*st);
  }

  // Inserts one row per element of `rows` with `sql`: ?1 the document, ?2
  // the element's position, the rest bound by `bind`. Errors name `what` and
  // the position.
  template <typename T, typename BindRow>
  static Status InsertRows(AnnouncementStore& store, std::string_view sql, int64_t document_id,
                           const std::vector<T>& rows, const char* what, BindRow bind) {
    for (size_t i = 0; i < rows.size(); ++i) {
      auto q = Use(store, sql);
      if (!q.ok()) return q.status();
      sqlite::Statement& st = **q;
      st.Bind(1, document_id).Bind(2, static_cast<int64_t>(i));
      bind(st, rows[i]);
      Status s = st.Run();
      if (!s.ok()) return s.WithContext(std::string(what) + " " + std::to_string(i));
    }
    return Status::Ok();
  }

  // Runs an INSERT and returns the new row's id.
  static Result<int64_t> Insert(AnnouncementStore& store, sqlite::Statement& st) {
    Status s = st.Run();
    if (!s.ok()) return s;
    return store.db_.LastInsertRowId();
  }

  // A locator as source_aliases knows it.
  struct Known {
    int64_t source_id;
    std::optional<std::string> alias_sha256;  // nullopt: the source's own locator
    std::string kind;                         // of the locator
    std::string first_seen;                   // of the locator
  };

  static Result<std::optional<Known>> FindSource(AnnouncementStore& store,
                                                 std::string_view locator) {
    auto q = Use(store, kFindSource);
    if (!q.ok()) return q.status();
    sqlite::Statement& st = **q;
    st.Bind(1, locator);
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<Known>();
    return std::optional<Known>(
        Known{st.ColumnInt(0), ColumnOptionalText(st, 1), st.ColumnText(2), st.ColumnText(3)});
  }

  // Adds `snap`'s locator as a name of `source_id`: its own (`sha256`
  // nullopt) or an alias carrying the bytes `sha256`.
  static Status InsertAlias(AnnouncementStore& store, int64_t source_id, const SnapshotData& snap,
                            std::optional<std::string_view> sha256) {
    auto alias = Use(store, kInsertAlias);
    if (!alias.ok()) return alias.status();
    (**alias)
        .Bind(1, snap.locator)
        .Bind(2, source_id)
        .Bind(3, snap.source_kind)
        .Bind(4, snap.retrieved_at)
        .Bind(5, sha256);
    return (**alias).Run().WithContext("adding source alias");
  }

  static Result<int64_t> InsertSource(AnnouncementStore& store, const SnapshotData& snap) {
    auto q = Use(store, kInsertSource);
    if (!q.ok()) return q.status();
    (**q).Bind(1, snap.source_kind).Bind(2, snap.locator).Bind(3, snap.retrieved_at);
    auto id = Insert(store, **q);
    if (!id.ok()) return id.status().WithContext("adding source");
    Status s = InsertAlias(store, *id, snap, std::nullopt);
    if (!s.ok()) return s;
    return id;
  }

  // The source whose versions hold the bytes `sha256`, and their snapshot.
  struct Holder {
    int64_t source_id;
    int64_t snapshot_id;
  };
  static Result<std::optional<Holder>> SourceHolding(AnnouncementStore& store,
                                                     std::string_view sha256) {
    auto q = Use(store, kSourceHolding);
    if (!q.ok()) return q.status();
    (**q).Bind(1, sha256);
    auto row = (**q).Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<Holder>();
    return std::optional<Holder>(Holder{(**q).ColumnInt(0), (**q).ColumnInt(1)});
  }

  static Result<std::optional<Newest>> NewestVersion(AnnouncementStore& store, int64_t source_id) {
    auto q = Use(store, kNewestVersion);
    if (!q.ok()) return q.status();
    sqlite::Statement& st = **q;
    st.Bind(1, source_id);
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<Newest>();
    return std::optional<Newest>(
        Newest{static_cast<int>(st.ColumnInt(0)), st.ColumnInt(1), st.ColumnText(2)});
  }

  // The snapshot row for the request's bytes, inserted with its text when the
  // bytes are new.
  static Result<int64_t> EnsureSnapshot(AnnouncementStore& store, const PutRequest& r) {
    const SnapshotData& snap = r.snapshot;
    {
      auto q = Use(store, kFindSnapshot);
      if (!q.ok()) return q.status();
      (**q).Bind(1, snap.sha256);
      auto row = (**q).Step();
      if (!row.ok()) return row.status();
      if (*row) return (**q).ColumnInt(0);
    }
    auto q = Use(store, kInsertSnapshot);
    if (!q.ok()) return q.status();
    (**q)
        .Bind(1, snap.sha256)
        .BindBlob(2, snap.raw)
        .Bind(3, static_cast<int64_t>(snap.raw.size()))
        .Bind(4, NullIfEmpty(snap.declared_charset))
        .Bind(5, NullIfEmpty(snap.detected_charset))
        .Bind(6, NullIfEmpty(snap.used_charset))
        .Bind(7, snap.replaced_chars)
        .Bind(8, snap.retrieved_at);
    auto id = Insert(store, **q);
    if (!id.ok()) return id.status().WithContext("adding snapshot");
    auto text = Use(store, kInsertText);
    if (!text.ok()) return text.status();
    (**text).Bind(1, *id).Bind(2, r.normalized_text).Bind(3, LayoutColumn(r.layout));
    Status s = (**text).Run();
    if (!s.ok()) return s.WithContext("adding text");
    s = PutAttachments(store, *id, r.attachments);
    if (!s.ok()) return s;
    return id;
  }

  // texts.layout: NULL for a text of one part without pages.
  static std::optional<std::string> LayoutColumn(const TextLayout& layout) {
    if (layout.empty()) return std::nullopt;
    return LayoutToJson(layout);
  }

  // The attachments of `snapshot_id`, replacing those it had.
  static Status PutAttachments(AnnouncementStore& store, int64_t snapshot_id,
                               const std::vector<AttachmentData>& attachments) {
    auto del = Use(store, kDeleteAttachments);
    if (!del.ok()) return del.status();
    (**del).Bind(1, snapshot_id);
    Status s = (**del).Run();
    if (!s.ok()) return s.WithContext("replacing attachments");
    for (size_t i = 0; i < attachments.size(); ++i) {
      const AttachmentData& a = attachments[i];
      auto q = Use(store, kInsertAttachment);
      if (!q.ok()) return q.status();
      (**q)
          .Bind(1, snapshot_id)
          .Bind(2, static_cast<int64_t>(i))
          .Bind(3, a.url)
          .Bind(4, a.file_name)
          .Bind(5, a.sha256)
          .BindBlob(6, a.raw)
          .Bind(7, static_cast<int64_t>(a.raw.size()));
      s = (**q).Run();
      if (!s.ok()) return s.WithContext("adding attachment " + a.file_name);
    }
    return Status::Ok();
  }

  static Status InsertVersion(AnnouncementStore& store, int64_t source_id, int version,
                              int64_t snapshot_id, const SnapshotData& snap) {
    std::optional<std::string> headers;
    if (!snap.headers.empty()) {
      try {
        nlohmann::json pairs = nlohmann::json::array();
        for (const auto& [name, value] : snap.headers) pairs.push_back({name, value});
        headers = pairs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      } catch (const nlohmann::json::exception& e) {
        return Status::InvalidArgument(std::string("cannot store headers: ") + e.what());
      }
    }
    auto q = Use(store, kInsertVersion);
    if (!q.ok()) return q.status();
    (**q)
        .Bind(1, source_id)
        .Bind(2, version)
        .Bind(3, snapshot_id)
        .Bind(4, snap.retrieved_at)
        .Bind(5, headers);
    return (**q).Run().WithContext("adding source version");
  }

  // Stores the request's parses as the documents of `snapshot_id`, replacing
  // all it held, unless it holds exactly one document per language of the
  // request, each by the parser version of the request's parse in that
  // language. A request without parses never removes stored ones. Returns
  // whether anything was written.
  static Result<bool> SyncDocuments(AnnouncementStore& store, int64_t snapshot_id,
                                    const PutRequest& r) {
    const std::vector<const Announcement*> parses = ParsesOf(r);
    if (parses.empty()) return false;
    std::map<std::string, std::string> wanted, stored;  // lang -> parser version
    for (const Announcement* a : parses) wanted[std::string(LangName(a->lang))] = a->parser_version;
    {
      auto q = Use(store, kDocumentsOfSnapshot);
      if (!q.ok()) return q.status();
      (**q).Bind(1, snapshot_id);
      for (;;) {
        auto row = (**q).Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        stored[(**q).ColumnText(0)] = (**q).ColumnText(1);
      }
    }
    if (stored == wanted) return false;
    if (!stored.empty()) {
      auto del = Use(store, kDeleteDocuments);
      if (!del.ok()) return del.status();
      (**del).Bind(1, snapshot_id);
      Status s = (**del).Run();  // items, HS codes, clauses, relations, parties cascade
      if (!s.ok()) return s.WithContext("removing the previous parse");
    }
    // The new parse's offsets point into the request's text: keep that text.
    auto upd = Use(store, kUpdateText);
    if (!upd.ok()) return upd.status();
    (**upd).Bind(1, snapshot_id).Bind(2, r.normalized_text).Bind(3, LayoutColumn(r.layout));
    Status s = (**upd).Run();
    if (!s.ok()) return s.WithContext("updating text");
    s = PutAttachments(store, snapshot_id, r.attachments);
    if (!s.ok()) return s;
    for (const Announcement* a : parses) {
      s = InsertDocument(store, snapshot_id, *a, r.snapshot.retrieved_at);
      if (!s.ok()) return s.WithContext(std::string(LangName(a->lang)) + " parse");
    }
    return true;
  }

  static Status InsertDocument(AnnouncementStore& store, int64_t snapshot_id, const Announcement& a,
                               const std::string& parsed_at) {
    auto issuers = ToJsonArray(a.issuers);
    if (!issuers.ok()) return issuers.status().WithContext("issuers");
    auto warnings = ToJsonArray(a.warnings);
    if (!warnings.ok()) return warnings.status().WithContext("warnings");
    int64_t document_id = 0;
    {
      auto q = Use(store, kInsertDocument);
      if (!q.ok()) return q.status();
      sqlite::Statement& st = **q;
      st.Bind(1, snapshot_id)
          .Bind(2, a.doc_id)
          .Bind(3, *issuers)
          .Bind(4, Widen(a.year))
          .Bind(5, Widen(a.number))
          .Bind(6, LangName(a.lang))
          .Bind(7, a.title)
          .Bind(8, IsoOrNull(a.published));
      BindEvidence(st, 9, a.number_evidence);
      BindEvidence(st, 11, a.title_evidence);
      BindEvidence(st, 13, a.published_evidence);
      st.Bind(15, *warnings).Bind(16, a.parser_version).Bind(17, parsed_at);
      auto id = Insert(store, st);
      if (!id.ok()) return id.status().WithContext("adding document");
      document_id = *id;
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
      Status s = InsertItem(store, document_id, static_cast<int>(i), a.items[i]);
      if (!s.ok()) return s.WithContext("item " + std::to_string(i));
    }
    Status s = InsertRows(
        store, kInsertEffective, document_id, a.effective, "effective clause",
        [](sqlite::Statement& st, const EffectiveClause& c) {
          st.Bind(3, IsoOrNull(c.date)).Bind(4, c.on_publication ? 1 : 0).Bind(5, c.applies_to);
          BindEvidence(st, 6, c.evidence);
        });
    if (s.ok()) {
      s = InsertRows(store, kInsertRelation, document_id, a.relations, "relation",
                     [](sqlite::Statement& st, const Relation& rel) {
                       st.Bind(3, RelationTypeName(rel.type))
                           .Bind(4, rel.target)
                           .Bind(5, IsoOrNull(rel.until));
                       BindEvidence(st, 6, rel.evidence);
                     });
    }
    if (s.ok()) {
      s = InsertRows(store, kInsertParty, document_id, a.parties, "party",
                     [](sqlite::Statement& st, const Party& p) {
                       st.Bind(3, PartyListName(p.list))
                           .Bind(4, PartyActionName(p.action))
                           .Bind(5, p.name)
                           .Bind(6, p.name_en)
                           .Bind(7, p.country)
                           .Bind(8, p.key)
                           .Bind(9, p.key_en);
                       BindEvidence(st, 10, p.evidence);
                     });
    }
    if (s.ok()) {
      s = InsertRows(store, kInsertPartyCount, document_id, a.party_counts, "party count",
                     [](sqlite::Statement& st, const PartyCount& c) {
                       st.Bind(3, PartyListName(c.list))
                           .Bind(4, PartyActionName(c.action))
                           .Bind(5, static_cast<int64_t>(c.count))
                           .Bind(6, c.country);
                       BindEvidence(st, 7, c.evidence);
                     });
    }
    return s;
  }

  static Status InsertItem(AnnouncementStore& store, int64_t document_id, int seq,
                           const Item& item) {
    auto elements = ToJsonArray(item.elements);
    if (!elements.ok()) return elements.status().WithContext("elements");
    int64_t item_id = 0;
    {
      auto q = Use(store, kInsertItem);
      if (!q.ok()) return q.status();
      sqlite::Statement& st = **q;
      st.Bind(1, document_id)
          .Bind(2, seq)
          .Bind(3, item.code)
          .Bind(4, item.position)
          .Bind(5, item.name)
          .Bind(6, *elements);
      BindEvidence(st, 7, item.evidence);
      BindEvidence(st, 9, item.hs_evidence);
      auto id = Insert(store, st);
      if (!id.ok()) return id.status();
      item_id = *id;
    }
    for (size_t i = 0; i < item.hs_codes.size(); ++i) {
      auto q = Use(store, kInsertHsCode);
      if (!q.ok()) return q.status();
      (**q).Bind(1, item_id).Bind(2, static_cast<int64_t>(i)).Bind(3, item.hs_codes[i]);
      Status s = (**q).Run();
      if (!s.ok()) return s.WithContext("HS code '" + item.hs_codes[i] + "'");
    }
    return Status::Ok();
  }

  // Everything Put writes, inside the caller's transaction.
  static Result<PutOutcome> PutInTransaction(AnnouncementStore& store, const PutRequest& r) {
    auto known = FindSource(store, r.snapshot.locator);
    if (!known.ok()) return known.status();

    if (*known && (*known)->alias_sha256) {
      if (*(*known)->alias_sha256 == r.snapshot.sha256) {
        // An alias read again with the bytes it carries: its source's text.
        auto holder = SourceHolding(store, r.snapshot.sha256);
        if (!holder.ok()) return holder.status();
        if (!*holder)
          return Status::Corruption("alias '" + r.snapshot.locator +
                                    "' carries bytes no version holds");
        auto wrote = SyncDocuments(store, (*holder)->snapshot_id, r);
        if (!wrote.ok()) return wrote.status();
        return *wrote ? PutOutcome::kReparsed : PutOutcome::kUnchanged;
      }
      // The alias's bytes changed: it no longer carries its source's text.
      // It becomes a source of its own whose first version is the text it
      // carried (since it was first seen); the new bytes follow below.
      auto carried = SourceHolding(store, *(*known)->alias_sha256);
      if (!carried.ok()) return carried.status();
      auto del = Use(store, kDeleteAlias);
      if (!del.ok()) return del.status();
      (**del).Bind(1, r.snapshot.locator);
      if (Status s = (**del).Run(); !s.ok()) return s.WithContext("removing source alias");
      if (!*carried) {
        known->reset();
      } else {
        SnapshotData first;
        first.source_kind = (*known)->kind;
        first.locator = r.snapshot.locator;
        first.retrieved_at = (*known)->first_seen;
        auto source_id = InsertSource(store, first);
        if (!source_id.ok()) return source_id.status();
        Status s = InsertVersion(store, *source_id, 1, (*carried)->snapshot_id, first);
        if (!s.ok()) return s;
        **known = Known{*source_id, std::nullopt, first.source_kind, first.retrieved_at};
      }
    }

    if (!*known) {
      // Bytes a source holds already: one text, so one document; the
      // locator becomes a name of that source.
      auto holder = SourceHolding(store, r.snapshot.sha256);
      if (!holder.ok()) return holder.status();
      if (*holder) {
        Status s = InsertAlias(store, (*holder)->source_id, r.snapshot, r.snapshot.sha256);
        if (!s.ok()) return s;
        auto wrote = SyncDocuments(store, (*holder)->snapshot_id, r);
        if (!wrote.ok()) return wrote.status();
        return PutOutcome::kAlias;
      }
      auto source_id = InsertSource(store, r.snapshot);
      if (!source_id.ok()) return source_id.status();
      auto snapshot_id = EnsureSnapshot(store, r);
      if (!snapshot_id.ok()) return snapshot_id.status();
      auto wrote = SyncDocuments(store, *snapshot_id, r);
      if (!wrote.ok()) return wrote.status();
      Status s = InsertVersion(store, *source_id, 1, *snapshot_id, r.snapshot);
      if (!s.ok()) return s;
      return PutOutcome::kNewSource;
    }

    const int64_t source = (*known)->source_id;
    auto newest = NewestVersion(store, source);
    if (!newest.ok()) return newest.status();
    if (*newest && (*newest)->sha256 == r.snapshot.sha256) {
      auto wrote = SyncDocuments(store, (*newest)->snapshot_id, r);
      if (!wrote.ok()) return wrote.status();
      return *wrote ? PutOutcome::kReparsed : PutOutcome::kUnchanged;
    }

    auto snapshot_id = EnsureSnapshot(store, r);
    if (!snapshot_id.ok()) return snapshot_id.status();
    auto wrote = SyncDocuments(store, *snapshot_id, r);
    if (!wrote.ok()) return wrote.status();
    const int version = *newest ? (*newest)->version + 1 : 1;
    Status s = InsertVersion(store, source, version, *snapshot_id, r.snapshot);
    if (!s.ok()) return s;
    return PutOutcome::kNewVersion;
  }

  // Runs `sql` bound to document `id` and calls `read` on each row; the first
  // error, of the statement or of `read`, ends it.
  template <typename ReadRow>
  static Status ForEachChild(AnnouncementStore& store, std::string_view sql, int64_t id,
                             ReadRow read) {
    auto q = Use(store, sql);
    if (!q.ok()) return q.status();
    sqlite::Statement& st = **q;
    st.Bind(1, id);
    for (;;) {
      auto row = st.Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      if (Status s = read(st); !s.ok()) return s;
    }
  }

  // Items (with HS codes), effective clauses, relations and parties of
  // document `id`, their evidence cut from `text` (items' offsets only for
  // DocumentDetail::kForTimeline).
  static Status LoadChildren(AnnouncementStore& store, int64_t id, std::string_view text,
                             DocumentDetail detail, Announcement& a) {
    // Offsets alone, for the evidence a timeline never reads.
    auto offsets_only = [](const sqlite::Statement& st, int col) {
      Evidence e;
      e.begin = static_cast<size_t>(std::max<int64_t>(st.ColumnInt(col), 0));
      e.end = static_cast<size_t>(std::max<int64_t>(st.ColumnInt(col + 1), 0));
      return e;
    };
    const bool full = detail == DocumentDetail::kFull;
    std::unordered_map<int64_t, size_t> item_index;  // items.id -> position in a.items
    Status s;
    s = ForEachChild(store, kItems, id, [&](const sqlite::Statement& st) -> Status {
      Item item;
      item.code = ColumnOptionalText(st, 1);
      item.position = st.ColumnText(2);
      item.name = st.ColumnText(3);
      auto elements = FromJsonArray(st.ColumnText(4), "item elements");
      if (!elements.ok()) return elements.status();
      item.elements = std::move(*elements);
      item.evidence = full ? ColumnEvidence(st, 5, text) : offsets_only(st, 5);
      item.hs_evidence = full ? ColumnEvidence(st, 7, text) : offsets_only(st, 7);
      item_index[st.ColumnInt(0)] = a.items.size();
      a.items.push_back(std::move(item));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    s = ForEachChild(store, kHsCodes, id, [&](const sqlite::Statement& st) -> Status {
      auto it = item_index.find(st.ColumnInt(0));
      if (it == item_index.end()) return Status::Internal("HS code of an unknown item");
      a.items[it->second].hs_codes.push_back(st.ColumnText(1));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    s = ForEachChild(store, kEffective, id, [&](const sqlite::Statement& st) -> Status {
      EffectiveClause c;
      auto date = ColumnDate(st, 0, "effective date");
      if (!date.ok()) return date.status();
      c.date = *date;
      c.on_publication = st.ColumnInt(1) != 0;
      c.applies_to = st.ColumnText(2);
      c.evidence = ColumnEvidence(st, 3, text);
      a.effective.push_back(std::move(c));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    s = ForEachChild(store, kRelations, id, [&](const sqlite::Statement& st) -> Status {
      Relation rel;
      const std::string type = st.ColumnText(0);
      std::optional<RelationType> t = RelationTypeFromName(type);
      if (!t) return Status::Corruption("unknown relation type '" + type + "'");
      rel.type = *t;
      rel.target = st.ColumnText(1);
      auto until = ColumnDate(st, 2, "relation end date");
      if (!until.ok()) return until.status();
      rel.until = *until;
      rel.evidence = ColumnEvidence(st, 3, text);
      a.relations.push_back(std::move(rel));
      return Status::Ok();
    });
    if (!s.ok()) return s;
    // Parties are few, and a timeline of parties quotes their lines: their
    // evidence is cut at every level of detail.
    s = ForEachChild(store, kParties, id, [&](const sqlite::Statement& st) -> Status {
      auto party = ColumnParty(st);
      if (!party.ok()) return party.status();
      party->evidence = ColumnEvidence(st, 7, text);
      a.parties.push_back(std::move(party).value());
      return Status::Ok();
    });
    if (!s.ok()) return s;
    s = ForEachChild(store, kPartyCounts, id, [&](const sqlite::Statement& st) -> Status {
      PartyCount c;
      if (Status read = ColumnListAndAction(st, c.list, c.action); !read.ok()) return read;
      c.count = static_cast<int>(st.ColumnInt(2));
      c.country = ColumnOptionalText(st, 3);
      c.evidence = ColumnEvidence(st, 4, text);
      a.party_counts.push_back(std::move(c));
      return Status::Ok();
    });
    return s;
  }

  // The documents matched by the find statement `sql` bound to `key`.
  static Result<std::vector<StoredDocument>> Find(AnnouncementStore& store, std::string_view sql,
                                                  std::optional<std::string_view> key,
                                                  DocumentDetail detail = DocumentDetail::kFull) {
    std::vector<StoredDocument> docs;
    {
      auto q = Use(store, sql);
      if (!q.ok()) return q.status();
      sqlite::Statement& st = **q;
      if (key) st.Bind(1, *key);
      else st.BindNull(1);
      for (;;) {
        auto row = st.Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        StoredDocument d;
        d.document_id = st.ColumnInt(0);
        d.locator = st.ColumnText(16);
        d.version = static_cast<int>(st.ColumnInt(17));
        d.sha256 = st.ColumnText(18);
        d.retrieved_at = st.ColumnText(19);
        d.used_charset = st.ColumnText(20);
        d.normalized_text = st.ColumnText(21);
        const std::string_view text = d.normalized_text;
        if (!st.ColumnIsNull(22)) {
          auto layout = LayoutFromJson(st.ColumnText(22), text.size());
          if (!layout.ok())
            return layout.status().WithContext("document " + std::to_string(d.document_id));
          d.layout = std::move(layout).value();
        }
        Announcement& a = d.announcement;
        a.doc_id = ColumnOptionalText(st, 1);
        auto issuers = FromJsonArray(st.ColumnText(2), "issuers");
        if (!issuers.ok()) return issuers.status();
        a.issuers = std::move(*issuers);
        a.year = ColumnOptionalInt(st, 3);
        a.number = ColumnOptionalInt(st, 4);
        auto lang = ColumnLang(st, 5);
        if (!lang.ok()) return lang.status();
        a.lang = *lang;
        a.title = st.ColumnText(6);
        auto published = ColumnDate(st, 7, "publication date");
        if (!published.ok()) return published.status();
        a.published = *published;
        a.number_evidence = ColumnEvidence(st, 8, text);
        a.title_evidence = ColumnEvidence(st, 10, text);
        a.published_evidence = ColumnEvidence(st, 12, text);
        auto warnings = FromJsonArray(st.ColumnText(14), "warnings");
        if (!warnings.ok()) return warnings.status();
        a.warnings = std::move(*warnings);
        a.parser_version = st.ColumnText(15);
        docs.push_back(std::move(d));
      }
    }
    for (StoredDocument& d : docs) {
      Status s = LoadChildren(store, d.document_id, d.normalized_text, detail, d.announcement);
      if (!s.ok()) return s.WithContext("document " + std::to_string(d.document_id));
      if (detail == DocumentDetail::kForTimeline) std::string().swap(d.normalized_text);
    }
    return docs;
  }
};

namespace {

// A read-only connection to a database at this build's schema, with the
// settings of a reading store; nullopt when the schema is older (it needs
// migrating, which needs a connection that writes).
Result<std::optional<sqlite::Database>> OpenForReading(const std::string& path) {
  auto db = sqlite::Database::OpenReadOnly(path);
  if (!db.ok()) return db.status();
  for (const char* pragma :
       {"PRAGMA foreign_keys = ON", "PRAGMA cache_size = -8192", "PRAGMA temp_store = MEMORY"}) {
    Status s = db->Exec(pragma);
    if (!s.ok()) return s;
  }
  auto version = SchemaVersion(*db);
  if (!version.ok()) return version.status();
  if (*version < kSchemaVersion) return std::optional<sqlite::Database>();
  // A newer schema: Migrate refuses it, writing nothing.
  if (*version > kSchemaVersion) {
    Status s = Migrate(*db);
    return s.ok() ? Status::Internal("a newer schema was not refused") : s;
  }
  return std::optional<sqlite::Database>(std::move(db).value());
}

}  // namespace

Result<std::unique_ptr<AnnouncementStore>> AnnouncementStore::Open(const std::string& path,
                                                                   StoreUse use) {
  if (use == StoreUse::kReading) {
    auto reading = OpenForReading(path);
    if (!reading.ok()) return reading.status().WithContext("opening " + path);
    if (*reading) {
      return std::unique_ptr<AnnouncementStore>(new AnnouncementStore(std::move(**reading)));
    }
  }
  auto db = sqlite::Database::Open(path);
  if (!db.ok()) return db.status();
  // journal_mode answers with a row (and stays "memory" for ":memory:").
  // A 32 MiB page cache holds a whole ingest batch's working set, and
  // temp_store keeps statement journals in memory instead of a temporary
  // file: together they cut ingest's writes about sevenfold. (A 128 MiB
  // cache cuts the CPU cost of adding 1k pages to a 10k-page database by a
  // fifth, at 2.8 times the peak memory: not taken; see BENCHMARKS.md.)
  // Reading 46k item stretches of a 10k database takes as long with 8 MiB
  // and 25 MiB less memory.
  const char* cache =
      use == StoreUse::kWriting ? "PRAGMA cache_size = -32768" : "PRAGMA cache_size = -8192";
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON",
                             "PRAGMA synchronous = NORMAL", cache, "PRAGMA temp_store = MEMORY"}) {
    Status s = db->ExecWaitingOutLocks(pragma);
    if (!s.ok()) return s.WithContext("opening " + path);
  }
  Status s = Migrate(*db);
  if (!s.ok()) return s.WithContext("opening " + path);
  return std::unique_ptr<AnnouncementStore>(new AnnouncementStore(std::move(db).value()));
}

Result<std::optional<SourceState>> AnnouncementStore::GetSourceState(std::string_view locator) {
  auto q = Ops::Use(*this, kSourceState);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, locator);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<SourceState>();
  SourceState state;
  state.source_id = st.ColumnInt(0);
  state.version = static_cast<int>(st.ColumnInt(1));
  state.sha256 = st.ColumnText(2);
  state.parser_version = st.ColumnText(3);  // "" when NULL: no document
  return std::optional<SourceState>(std::move(state));
}

Result<std::vector<SourceAlias>> AnnouncementStore::AliasesOf(std::string_view locator) {
  auto q = Ops::Use(*this, kAliasesOf);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, locator);
  std::vector<SourceAlias> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnText(2), st.ColumnText(3)});
  }
  return out;
}

Result<PutOutcome> AnnouncementStore::Put(const PutRequest& request,
                                          const std::function<Status(PutOutcome)>& in_transaction) {
  const std::string context = "storing " + request.snapshot.locator;
  Status s = ValidateRequest(request);
  if (!s.ok()) return s.WithContext(context);
  // Alone: a transaction of its own. In a batch: a savepoint of the batch's.
  std::optional<sqlite::Transaction> txn;
  std::optional<sqlite::Savepoint> savepoint;
  if (batch_) {
    if (!db_.InTransaction()) {
      return Status::Database("the batch was rolled back by an earlier error").WithContext(context);
    }
    auto sp = sqlite::Savepoint::Begin(db_);
    if (!sp.ok()) return sp.status().WithContext(context);
    savepoint.emplace(std::move(sp).value());
  } else {
    auto t = sqlite::Transaction::Begin(db_);
    if (!t.ok()) return t.status().WithContext(context);
    txn.emplace(std::move(t).value());
  }
  // On any error below, `txn` or `savepoint` rolls back in its destructor.
  auto outcome = Ops::PutInTransaction(*this, request);
  if (!outcome.ok()) return outcome.status().WithContext(context);
  if (in_transaction) {
    s = in_transaction(*outcome);
    if (!s.ok()) return s.WithContext(context);
  }
  s = savepoint ? savepoint->Release() : txn->Commit();
  if (!s.ok()) return s.WithContext(context);
  return *outcome;
}

Status AnnouncementStore::BeginBatch() {
  if (batch_) return Status::Database("a batch is already open");
  auto txn = sqlite::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  batch_.emplace(std::move(txn).value());
  return Status::Ok();
}

Status AnnouncementStore::CommitBatch() {
  if (!batch_) return Status::Database("no batch is open");
  if (!db_.InTransaction()) {
    batch_.reset();
    return Status::Database("the batch was rolled back by an error inside SQLite");
  }
  Status s = batch_->Commit();
  batch_.reset();  // rolls back if the commit failed
  return s;
}

void AnnouncementStore::RollbackBatch() { batch_.reset(); }

Result<std::vector<DocumentSummary>> AnnouncementStore::List(const DocumentFilter& filter) {
  auto q = Ops::Use(*this, ListSql());
  if (!q.ok()) return q.status();
  BindDocumentFilter(**q, filter);
  return ReadSummaries(**q);
}

Result<std::vector<DocumentSummary>> AnnouncementStore::ListNewestFirst(
    const DocumentFilter& filter, int64_t offset, int64_t limit) {
  auto q = Ops::Use(*this, ListNewestFirstSql());
  if (!q.ok()) return q.status();
  BindDocumentFilter(**q, filter);
  (**q).Bind(6, limit).Bind(7, offset);
  return ReadSummaries(**q);
}

Result<int64_t> AnnouncementStore::CountListed(const DocumentFilter& filter) {
  auto q = Ops::Use(*this, CountListedSql());
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  BindDocumentFilter(st, filter);
  auto row = st.Step();
  if (!row.ok()) return row.status();
  const int64_t count = *row ? st.ColumnInt(0) : 0;
  st.Reset();
  return count;
}

Result<std::vector<DocumentSource>> AnnouncementStore::CurrentSources() {
  auto q = Ops::Use(*this, kCurrentSources);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  std::vector<DocumentSource> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    DocumentSource d;
    d.doc_id = st.ColumnText(0);
    auto lang = ColumnLang(st, 1);
    if (!lang.ok()) return lang.status();
    d.lang = *lang;
    d.locator = st.ColumnText(2);
    d.sha256 = st.ColumnText(3);
    d.retrieved_at = st.ColumnText(4);
    out.push_back(std::move(d));
  }
  st.Reset();
  return out;
}

Result<std::vector<ItemName>> AnnouncementStore::ItemNamesOf(std::string_view doc_id) {
  auto q = Ops::Use(*this, kItemNames);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, doc_id);
  std::vector<ItemName> out;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ItemName n;
    auto lang = ColumnLang(st, 0);
    if (!lang.ok()) return lang.status();
    n.lang = *lang;
    n.code = ColumnOptionalText(st, 1);
    n.position = st.ColumnText(2);
    n.name = st.ColumnText(3);
    out.push_back(std::move(n));
  }
  st.Reset();
  return out;
}

Result<std::vector<StoredDocument>> AnnouncementStore::FindDocuments(std::string_view query) {
  auto exact = Ops::Find(*this, FindSql(/*exact=*/true), query);
  if (!exact.ok() || !exact->empty() || query.empty()) return exact;
  return Ops::Find(*this, FindSql(/*exact=*/false), SuffixPattern(query));
}

Result<std::vector<StoredDocument>> AnnouncementStore::DocumentsRelatingTo(std::string_view doc_id,
                                                                           DocumentDetail detail) {
  return Ops::Find(*this, RelatingSql(), doc_id, detail);
}

Result<std::vector<StoredDocument>> AnnouncementStore::DocumentsOf(std::string_view doc_id,
                                                                   DocumentDetail detail) {
  return Ops::Find(*this, FindSql(/*exact=*/true), doc_id, detail);
}

Result<std::vector<std::string>> AnnouncementStore::DocIdsWithItems(const ItemMatch& match) {
  if (match.code.empty() && match.hs.empty() && match.element.empty())
    return std::vector<std::string>();
  auto q = Ops::Use(
      *this, DocIdsWithItemsSql(!match.code.empty(), !match.hs.empty(), !match.element.empty()));
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  if (!match.code.empty()) st.Bind(1, match.code);
  if (!match.hs.empty()) {
    st.Bind(2, match.hs);
    int param = 3;
    for (std::string_view prefix : HsPrefixes(match.hs)) st.Bind(param++, prefix);
  }
  if (!match.element.empty()) st.Bind(9, match.element);
  return st.AllTexts();
}

Result<std::vector<std::string>> AnnouncementStore::ItemKeysOf(std::string_view doc_id) {
  auto q = Ops::Use(*this, kItemKeysOf);
  if (!q.ok()) return q.status();
  (**q).Bind(1, doc_id);
  return (**q).AllTexts();
}

Result<std::vector<std::string>> AnnouncementStore::DocIdsListingCode(std::string_view code) {
  auto q = Ops::Use(*this, kDocIdsListingCode);
  if (!q.ok()) return q.status();
  (**q).Bind(1, code);
  return (**q).AllTexts();
}

Result<std::vector<std::string>> AnnouncementStore::DocIdsWithParties() {
  auto q = Ops::Use(*this, kDocIdsWithParties);
  if (!q.ok()) return q.status();
  return (**q).AllTexts();
}

Result<std::vector<PartyKeys>> AnnouncementStore::PartiesWithKey(std::string_view key) {
  std::vector<PartyKeys> out;
  if (key.empty()) return out;
  auto q = Ops::Use(*this, kPartiesWithKey);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  st.Bind(1, key);
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnText(2), st.ColumnText(3)});
  }
  return out;
}

Result<std::vector<StoredDocument>> AnnouncementStore::FindDocumentVersions(
    std::string_view query) {
  auto exact = Ops::Find(*this, VersionsSql(/*exact=*/true), query);
  if (!exact.ok() || !exact->empty() || query.empty()) return exact;
  return Ops::Find(*this, VersionsSql(/*exact=*/false), SuffixPattern(query));
}

Result<std::vector<StoredDocument>> AnnouncementStore::CurrentDocuments(
    const std::optional<std::string>& known_at, DocumentDetail detail) {
  std::optional<std::string_view> key;
  if (known_at) key = *known_at;
  return Ops::Find(*this, CurrentSql(), key, detail);
}

Result<std::vector<PartyHit>> AnnouncementStore::FindParties(std::string_view key,
                                                             std::string_view text) {
  std::vector<PartyHit> hits;
  for (const bool exact : {true, false}) {
    if (exact && key.empty()) continue;
    auto q = Ops::Use(*this, FindPartiesSql(exact));
    if (!q.ok()) return q.status();
    sqlite::Statement& st = **q;
    if (exact) {
      st.Bind(1, key);
    } else {
      // An empty side matches nothing: NULL is LIKE nothing.
      std::optional<std::string> key_pattern, text_pattern;
      if (!key.empty()) key_pattern = "%" + LikeEscape(key) + "%";
      if (!text.empty()) text_pattern = "%" + LikeEscape(text) + "%";
      st.Bind(2, key_pattern).Bind(3, text_pattern);
    }
    for (;;) {
      auto row = st.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      PartyHit hit;
      auto party = ColumnParty(st);
      if (!party.ok()) return party.status();
      hit.party = std::move(party).value();
      hit.party.evidence.begin = static_cast<size_t>(std::max<int64_t>(st.ColumnInt(7), 0));
      hit.party.evidence.end = static_cast<size_t>(std::max<int64_t>(st.ColumnInt(8), 0));
      hit.party.evidence.text = st.ColumnBlob(9);
      hit.doc_id = ColumnOptionalText(st, 10);
      auto lang = ColumnLang(st, 11);
      if (!lang.ok()) return lang.status();
      hit.lang = *lang;
      hit.locator = st.ColumnText(12);
      hit.version = static_cast<int>(st.ColumnInt(13));
      hit.exact = exact;
      hits.push_back(std::move(hit));
    }
    if (!hits.empty()) break;  // exact matches win over fragments
  }
  return hits;
}

namespace {

// One row per text; a bilingual text's documents share one doc_id (the
// smallest is taken should they differ).
constexpr std::string_view kSearchHead =
    "SELECT t.normalized, s.locator, v.version, "
    "(SELECT MIN(d.doc_id) FROM documents d WHERE d.snapshot_id = t.snapshot_id) AS doc "
    "FROM texts t "
    "JOIN source_versions v ON v.snapshot_id = t.snapshot_id "
    "JOIN sources s ON s.id = v.source_id "
    "WHERE ";
constexpr std::string_view kSearchTail =
    " AND v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = v.source_id) "
    "ORDER BY doc IS NULL, doc, s.locator";

// How Search finds its texts: through the index; through the index and, for
// the texts it lacks (a read-only database), a scan of those (through the
// partial index texts_unindexed); or by a scan of every text.
enum class SearchPlan { kIndexed, kIndexedAndUnindexed, kScan };

const std::string& SearchSql(SearchPlan plan) {
  static const std::string kIndexed =
      std::string(kSearchHead) +
      "t.snapshot_id IN (SELECT rowid FROM text_search WHERE text_search MATCH ?1)" +
      std::string(kSearchTail);
  static const std::string kIndexedAndUnindexed =
      std::string(kSearchHead) +
      "t.snapshot_id IN (SELECT rowid FROM text_search WHERE text_search MATCH ?1 "
      "UNION ALL SELECT snapshot_id FROM texts WHERE indexed = 0 AND "
      "(normalized LIKE ?2 ESCAPE '\\' OR normalized LIKE ?3 ESCAPE '\\' OR "
      "normalized LIKE ?4 ESCAPE '\\'))" +
      std::string(kSearchTail);
  static const std::string kScan =
      std::string(kSearchHead) +
      "(t.normalized LIKE ?1 ESCAPE '\\' OR t.normalized LIKE ?2 ESCAPE '\\' OR "
      "t.normalized LIKE ?3 ESCAPE '\\')" +
      std::string(kSearchTail);
  switch (plan) {
    case SearchPlan::kIndexed: return kIndexed;
    case SearchPlan::kIndexedAndUnindexed: return kIndexedAndUnindexed;
    case SearchPlan::kScan: break;
  }
  return kScan;
}

constexpr std::string_view kCountUnindexed = "SELECT COUNT(*) FROM texts WHERE indexed = 0";
// One statement: FTS5 keeps the terms of all the texts in memory and writes
// them as one segment at the end.
constexpr std::string_view kIndexUnindexed =
    "INSERT INTO text_search(rowid, normalized) "
    "SELECT snapshot_id, normalized FROM texts WHERE indexed = 0";
constexpr std::string_view kMarkIndexed = "UPDATE texts SET indexed = 1 WHERE indexed = 0";

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

Result<int64_t> AnnouncementStore::UnindexedTexts() {
  auto q = Ops::Use(*this, kCountUnindexed);
  if (!q.ok()) return q.status();
  auto row = (**q).Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("count query returned no row");
  const int64_t count = (**q).ColumnInt(0);
  (**q).Reset();  // ends the read: a later one sees what another connection indexed
  return count;
}

Result<int64_t> AnnouncementStore::UpdateSearchIndex() {
  const char* context = "updating the search index";
  // Most searches find nothing to add: they check without taking the write
  // lock, so a search does not wait behind a running ingest for nothing.
  if (!batch_) {
    auto pending = UnindexedTexts();
    if (!pending.ok()) return pending.status().WithContext(context);
    if (*pending == 0) return int64_t{0};
  }
  // Inside an open batch the batch's transaction holds the work.
  std::optional<sqlite::Transaction> txn;
  if (!batch_) {
    auto t = sqlite::Transaction::Begin(db_);
    if (!t.ok()) return t.status().WithContext(context);
    txn.emplace(std::move(t).value());
  }
  auto pending = UnindexedTexts();
  if (!pending.ok()) return pending.status().WithContext(context);
  if (*pending == 0) return int64_t{0};  // `txn` rolls back: nothing was written
  for (std::string_view sql : {kIndexUnindexed, kMarkIndexed}) {
    auto q = Ops::Use(*this, sql);
    if (!q.ok()) return q.status().WithContext(context);
    Status s = (**q).Run();
    if (!s.ok()) return s.WithContext(context);
  }
  if (txn) {
    Status s = txn->Commit();
    if (!s.ok()) return s.WithContext(context);
  }
  return *pending;
}

Result<SearchResults> AnnouncementStore::Search(const std::vector<std::string>& forms,
                                                size_t limit) {
  if (forms.empty() || forms.size() > kMaxSearchForms)
    return Status::InvalidArgument("search wants 1 to " + std::to_string(kMaxSearchForms) +
                                   " forms of its text");
  for (const std::string& form : forms)
    if (form.empty()) return Status::InvalidArgument("empty search text");
  // A read-only connection leaves the index as it is (a read command on a
  // file it may not write) and scans what the index lacks.
  if (!db_.ReadOnly()) {
    auto indexed_now = UpdateSearchIndex();
    if (!indexed_now.ok()) return indexed_now.status();
  }
  auto unindexed = UnindexedTexts();
  if (!unindexed.ok()) return unindexed.status();
  // The trigram index answers forms of three characters or more; shorter
  // ones scan the texts.
  const bool indexed = std::all_of(forms.begin(), forms.end(),
                                   [](const std::string& f) { return CountChars(f) >= 3; });
  const SearchPlan plan = !indexed         ? SearchPlan::kScan
                          : *unindexed > 0 ? SearchPlan::kIndexedAndUnindexed
                                           : SearchPlan::kIndexed;
  auto q = Ops::Use(*this, SearchSql(plan));
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  // The LIKE patterns of the forms, from parameter `first` on.
  auto bind_patterns = [&](int first) {
    for (size_t i = 0; i < kMaxSearchForms; ++i) {
      std::optional<std::string> pattern;  // NULL LIKE anything is not true
      if (i < forms.size()) {
        // Appended, not "%" + ... + "%": GCC 12 warns falsely on that chain.
        pattern.emplace("%");
        pattern->append(LikeEscape(forms[i]));
        pattern->push_back('%');
      }
      st.Bind(static_cast<int>(i) + first, pattern);
    }
  };
  if (indexed) {
    // One FTS5 query: the forms as phrases, joined by OR.
    std::string match;
    for (const std::string& form : forms) {
      if (!match.empty()) match += " OR ";
      match += '"';
      for (char c : form) match += c == '"' ? std::string("\"\"") : std::string(1, c);
      match += '"';
    }
    st.Bind(1, match);
    if (plan == SearchPlan::kIndexedAndUnindexed) bind_patterns(2);
  } else {
    bind_patterns(1);
  }
  std::vector<std::string> needles;
  for (const std::string& form : forms) needles.push_back(AsciiLower(form));
  SearchResults results;
  results.unindexed_texts = *unindexed;
  for (;;) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string text = st.ColumnText(0);
    const std::string lower = AsciiLower(text);
    size_t line_start = 0, line_number = 1;
    bool text_matched = false;
    while (line_start <= text.size()) {
      size_t line_end = text.find('\n', line_start);
      if (line_end == std::string::npos) line_end = text.size();
      std::string_view line(lower.data() + line_start, line_end - line_start);
      const bool match = std::any_of(needles.begin(), needles.end(), [&](const std::string& n) {
        return line.find(n) != std::string_view::npos;
      });
      if (match) {
        text_matched = true;
        ++results.lines;
        if (results.hits.size() < limit) {
          SearchHit hit;
          hit.doc_id = ColumnOptionalText(st, 3);
          hit.locator = st.ColumnText(1);
          hit.version = static_cast<int>(st.ColumnInt(2));
          hit.line_number = line_number;
          hit.line = text.substr(line_start, line_end - line_start);
          results.hits.push_back(std::move(hit));
        }
      }
      line_start = line_end + 1;
      ++line_number;
    }
    if (text_matched) ++results.texts;
  }
  return results;
}

Result<TableCounts> AnnouncementStore::Counts() {
  auto q = Ops::Use(*this, kCounts);
  if (!q.ok()) return q.status();
  sqlite::Statement& st = **q;
  auto row = st.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("count query returned no row");
  TableCounts c;
  c.sources = st.ColumnInt(0);
  c.aliases = st.ColumnInt(1);
  c.snapshots = st.ColumnInt(2);
  c.source_versions = st.ColumnInt(3);
  c.texts = st.ColumnInt(4);
  c.documents = st.ColumnInt(5);
  c.items = st.ColumnInt(6);
  c.hs_codes = st.ColumnInt(7);
  c.effective = st.ColumnInt(8);
  c.relations = st.ColumnInt(9);
  c.parties = st.ColumnInt(10);
  return c;
}

}  // namespace regdiff
