// AnnouncementStore: the SQLite database behind regdiff. Holds sources and
// their path/URL aliases, raw snapshots content-addressed by SHA-256 (bytes,
// retrieval time, size, declared and detected charset), the normalised text
// of each snapshot, and the parsed documents with their items, HS codes,
// effective clauses, relations and parties, each with evidence offsets and
// the parser version that wrote it. Schema migrations run on Open (PRAGMA user_version).
//
// Lifetime: one store owns one connection; not thread-safe, open one per
// thread. Every Put is one transaction, or, inside a batch (BeginBatch), one
// savepoint of the batch's transaction: either way a failure leaves nothing
// half-written.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corpus/model.h"
#include "corpus/sqlite.h"
#include "corpus/status.h"
#include "corpus/text_layout.h"

namespace regdiff {

// The schema version this build writes (PRAGMA user_version after Open).
inline constexpr int kSchemaVersion = 12;

// What is known about one fetched or read input.
struct SnapshotData {
  std::string source_kind;      // "file" or "url"
  std::string locator;          // absolute path or URL: the source's identity
  std::string raw;              // the bytes as read
  std::string sha256;           // lowercase hex of `raw`
  std::string retrieved_at;     // UTC, "2026-11-27T05:44:44Z"
  std::string declared_charset;  // lowercase, "" if none
  std::string detected_charset;  // lowercase, "" if detection did not run
  std::string used_charset;      // converter used
  int replaced_chars = 0;        // U+FFFD substitutions while decoding
  // Response headers of a URL retrieval (names lowercase, in order); kept
  // with the version the retrieval adds. Empty for files.
  std::vector<std::pair<std::string, std::string>> headers;
};

// An attachment (附件) of an announcement page, stored with the page's
// snapshot: its bytes and where they came from.
struct AttachmentData {
  std::string url;
  std::string file_name;
  std::string sha256;  // lowercase hex of `raw`
  std::string raw;
  bool operator==(const AttachmentData&) const = default;
};

struct PutRequest {
  SnapshotData snapshot;
  std::string normalized_text;  // NormalizedText::text of the snapshot
  // Where the parts and pages of `normalized_text` begin (a PDF, a page with
  // attachments); empty for one part without pages.
  TextLayout layout;
  // The page's attachments, in page order; their texts follow the page's
  // own in `normalized_text`, as `layout` says.
  std::vector<AttachmentData> attachments;
  // The parses of that text, at most one per language: one for most texts,
  // one per language for a bilingual page (a Chinese and an English version
  // on one page), each with evidence offsets into `normalized_text`. Empty
  // when parsing failed or the text is not an announcement (the snapshot and
  // text are still kept).
  std::vector<Announcement> announcements;
  // Shorthand for a one-element `announcements`; set at most one of the two.
  std::optional<Announcement> announcement;
};

enum class PutOutcome {
  kNewSource,    // first time this locator was seen
  kNewVersion,   // known locator, bytes differ from its newest version
  kUnchanged,    // known locator, same bytes, same parser version: no row added
  kReparsed,     // same bytes, the documents were re-parsed (another parser version)
  kAlias,        // a new locator carrying bytes a source holds: added as its alias
};

// Another name of a source: a path or URL that carried the same bytes as
// one of its versions, kept with its own provenance.
struct SourceAlias {
  std::string locator;     // absolute path or URL
  std::string kind;        // "file" or "url"
  std::string first_seen;  // UTC, "2026-11-27T05:44:44Z"
  std::string sha256;      // of the bytes it carried when last read
};

// The newest version the store holds for a locator.
struct SourceState {
  int64_t source_id = 0;
  int version = 0;             // 1 for the first bytes seen, +1 per change
  std::string sha256;          // of that version's bytes
  std::string parser_version;  // of its documents; "" if none was parsed
};

// One row of `regdiff list`.
struct DocumentSummary {
  int64_t document_id = 0;
  std::optional<std::string> doc_id;
  Lang lang = Lang::kUnknown;
  std::optional<Date> published;
  std::string title;
  int item_count = 0;
  int party_count = 0;  // parties added to or removed from a list
  std::string locator;  // the source it was read from
  int version = 0;      // that source's version
};

// What List narrows to: facts of each text itself, as the announcements
// page of `regdiff serve` filters them. Empty fields do not narrow.
struct DocumentFilter {
  std::string issuer;             // an issuer's code among the text's issuers
  bool joint = false;             // more than one issuer
  std::optional<int> year;        // the announcement's year, else its publication's
  std::optional<PartyList> list;  // it names a party, or states a count, on this list
  std::string element;            // a symbol among its items' elements
};

// Where a document with a doc_id comes from: the provenance rule files cite.
struct DocumentSource {
  std::string doc_id;
  Lang lang = Lang::kUnknown;
  std::string locator;       // the source
  std::string sha256;        // of its newest version's bytes
  std::string retrieved_at;  // of that version, UTC ISO
};

// What DocIdsWithItems narrows to; empty fields do not narrow.
struct ItemMatch {
  std::string code;     // the code and its sub-codes (1C909 -> 1C909, 1C909.a, ...)
  std::string hs;       // HS codes it prefixes, or that prefix it (4 to 10 digits)
  std::string element;  // a symbol among the item's elements
};

// A party as PartiesWithKey finds it.
struct PartyKeys {
  std::string doc_id;
  std::string list;  // PartyListName
  std::string key, key_en;
};

// The name one stored text gives an item.
struct ItemName {
  Lang lang = Lang::kUnknown;
  std::optional<std::string> code;
  std::string position;
  std::string name;
};

// A stored document with everything needed to show it.
// How much of a stored document to load. A timeline over the whole store
// reads the items' names, codes, elements and HS codes, and the evidence of
// dates, relations and parties, but never the items' own evidence nor the text:
// kForTimeline leaves those out (item evidence keeps its offsets, with an
// empty text, and normalized_text is empty), which roughly halves the memory
// of loading every document.
enum class DocumentDetail { kFull, kForTimeline };

struct StoredDocument {
  int64_t document_id = 0;
  std::string locator;
  int version = 0;
  std::string sha256;
  std::string retrieved_at;
  std::string used_charset;
  std::string normalized_text;  // empty when loaded DocumentDetail::kForTimeline
  TextLayout layout;            // of normalized_text; empty when it has one part
  Announcement announcement;    // evidence texts filled from normalized_text
  // The other paths and URLs that carried these bytes (AliasesOf): filled
  // by the callers that show provenance, empty otherwise.
  std::vector<SourceAlias> aliases;
};

// One hit of a full-text search.
struct SearchHit {
  std::optional<std::string> doc_id;  // of the document parsed from the text, if any
  std::string locator;                // the source holding the text
  int version = 0;
  size_t line_number = 0;  // 1-based line of the text holding the match
  std::string line;        // that line
};

// What Search finds: the first hits, and how many lines and texts match in
// all.
struct SearchResults {
  std::vector<SearchHit> hits;  // at most the limit asked for
  size_t lines = 0;             // matching lines in all (hits.size() when not cut)
  size_t texts = 0;             // texts holding a matching line
  // Texts the search index does not hold, searched line by line instead:
  // non-zero only when the connection could not bring the index up to
  // date (a read-only database).
  int64_t unindexed_texts = 0;
};

// How many forms of its text one search may look for (a text and its two
// script variants).
inline constexpr size_t kMaxSearchForms = 3;

// One party found by FindParties, with the document that lists it.
struct PartyHit {
  std::optional<std::string> doc_id;  // of the document naming the party
  Lang lang = Lang::kUnknown;         // of that document
  std::string locator;                // the source it was read from
  int version = 0;                    // that source's version
  bool exact = false;                 // a key equals the query's key
  Party party;                        // evidence cut from the stored text
};

// Row counts of every table, for tests and `regdiff stats`.
struct TableCounts {
  int64_t sources = 0, aliases = 0, snapshots = 0, source_versions = 0, texts = 0,
          documents = 0, items = 0, hs_codes = 0, effective = 0, relations = 0, parties = 0;
  bool operator==(const TableCounts&) const = default;
};

// What a connection does. kWriting may read and write, with a page cache
// of 32 MiB (an ingest batch's working set). kReading only reads: the
// connection is read-only (sqlite::Database::OpenReadOnly), so a read
// command works on a file, directory or mount it may not write, and its
// 8 MiB cache answers as fast as 32 MiB would (a read walks rows once).
enum class StoreUse { kWriting, kReading };

class AnnouncementStore {
 public:
  // Opens or creates the database at `path` (":memory:" for tests), enables
  // WAL and foreign keys, and migrates the schema. A lock held by another
  // process is waited for (corpus/sqlite.cc: up to 10 minutes).
  // StoreUse::kReading opens an existing database read-only, unless its
  // schema is older than this build's: migrating it needs a connection that
  // writes, which it then is (and fails to be on a file it may not write).
  // Errors: kDatabase (cannot open, newer schema than this build knows, an
  // older one that cannot be migrated).
  static Result<std::unique_ptr<AnnouncementStore>> Open(const std::string& path,
                                                         StoreUse use = StoreUse::kWriting);

  // The newest version held for `locator` (or one of its aliases), if any.
  // For an alias, the newest version holding the bytes it carries.
  Result<std::optional<SourceState>> GetSourceState(std::string_view locator);

  // The aliases of the source `locator` names (its own locator, as
  // StoredDocument::locator gives it), first seen first; its own locator is
  // not among them.
  Result<std::vector<SourceAlias>> AliasesOf(std::string_view locator);

  // Stores a snapshot, its text and its parses in one transaction. A
  // locator seen for the first time whose bytes a source already holds (in
  // any version; the source holding them as its newest first) becomes an
  // alias of that source (kAlias), not a source of its own: one text, one
  // document. An alias read again with other bytes leaves its source: it
  // becomes a source of its own, whose version 1 is the text it carried and
  // version 2 the new bytes (kNewVersion). The
  // parses replace every document the snapshot held, unless those are
  // exactly one per language of the request, each by the request's parser
  // version (then nothing is rewritten). A request without parses never
  // removes stored documents.
  // `in_transaction`, when given, runs inside that transaction after
  // everything is written, on the same connection (e.g. to record watch
  // state and the event reporting the document); an error it returns rolls
  // the whole Put back.
  Result<PutOutcome> Put(const PutRequest& request,
                         const std::function<Status(PutOutcome)>& in_transaction = {});

  // Batched writing, for ingesting many documents: between BeginBatch() and
  // CommitBatch() every Put runs inside one transaction, each in its own
  // savepoint, so a Put that fails rolls back alone and the batch goes on;
  // the batch is written (and visible to other connections) only by
  // CommitBatch(). One commit per batch instead of per document saves most
  // of the WAL traffic and the full-text index's per-commit segments.
  // A batch still open when the store closes, or after RollbackBatch(), is
  // rolled back whole.
  // Errors: kDatabase (a batch is already open; cannot begin).
  Status BeginBatch();
  // Errors: kDatabase (no batch open; the commit failed, or an error inside
  // SQLite ended the batch's transaction early: nothing of it was stored).
  Status CommitBatch();
  void RollbackBatch();
  bool InBatch() const { return batch_.has_value(); }
  // True when a batch is open but its transaction is gone: an error inside
  // SQLite (disk full, an I/O error, a trigger's RAISE(ROLLBACK)) rolled
  // back everything the batch held, not just the failing Put's savepoint.
  // The batch can then only be rolled back; what it held was not stored.
  bool BatchLost() const { return batch_.has_value() && !db_.InTransaction(); }

  // The newest version of every source that holds a document (of those
  // `filter` keeps), ordered by published date, then doc_id.
  Result<std::vector<DocumentSummary>> List(const DocumentFilter& filter = {});

  // The rows of List(filter) newest first (its order reversed), `limit` of
  // them from `offset`: the counts are read for those rows only.
  Result<std::vector<DocumentSummary>> ListNewestFirst(const DocumentFilter& filter,
                                                       int64_t offset, int64_t limit);

  // How many rows List(filter) gives.
  Result<int64_t> CountListed(const DocumentFilter& filter = {});

  // The newest version of every source holding a document with a doc_id,
  // ordered by doc_id, language, locator.
  Result<std::vector<DocumentSource>> CurrentSources();

  // The names of the items in the texts of `doc_id` (newest version of each
  // source): texts in CurrentDocuments' order, items in document order.
  Result<std::vector<ItemName>> ItemNamesOf(std::string_view doc_id);

  // Documents whose doc_id equals `query`, or, when none does, whose doc_id
  // ends with "-" + query ("2025-57" finds "mofcom-gacc-2025-57"). Newest
  // version of each source only. Empty when nothing matches.
  Result<std::vector<StoredDocument>> FindDocuments(std::string_view query);

  // The newest version of each source holding a text of an announcement
  // whose relations (in any stored version) name `doc_id`, or a text without
  // a doc_id whose relations do: what a timeline of them needs to say who
  // suspends, repeals, ... `doc_id`. Ordered as FindDocuments.
  Result<std::vector<StoredDocument>> DocumentsRelatingTo(
      std::string_view doc_id, DocumentDetail detail);

  // The newest version of each source holding a text of `doc_id` (exactly),
  // loaded with `detail`. Ordered as FindDocuments.
  Result<std::vector<StoredDocument>> DocumentsOf(std::string_view doc_id,
                                                  DocumentDetail detail);

  // The doc_ids of the texts (in any stored version) with an item that
  // matches `match`, through the indexes on codes and HS codes; sorted.
  // Empty when `match` is empty.
  Result<std::vector<std::string>> DocIdsWithItems(const ItemMatch& match);

  // The timeline keys (the code, else "doc_id#position") of the items of the
  // texts (in any stored version) of the announcement `doc_id`; sorted.
  Result<std::vector<std::string>> ItemKeysOf(std::string_view doc_id);

  // The doc_ids of the texts (in any stored version) listing an item with
  // the control code `code` exactly; sorted.
  Result<std::vector<std::string>> DocIdsListingCode(std::string_view code);

  // The doc_ids of the texts (in any stored version) naming a party; sorted.
  Result<std::vector<std::string>> DocIdsWithParties();

  // The parties of the texts (in any stored version) with `key` as their key
  // or key_en, or, having neither, as their name: which announcements name
  // them and under which other keys.
  Result<std::vector<PartyKeys>> PartiesWithKey(std::string_view key);

  // Every stored version of each source that ever held a document matching
  // `query` (the doc_id rules of FindDocuments), ordered by locator, then
  // version. A version whose bytes were not parsed into a document is left
  // out. Empty when nothing matches.
  Result<std::vector<StoredDocument>> FindDocumentVersions(std::string_view query);

  // The newest version of every source that holds a document, fully loaded
  // (or, with DocumentDetail::kForTimeline, without what a timeline does not
  // read); with `known_at` (UTC, "2026-11-27T05:44:44Z"), as the store knew
  // them at that time: versions retrieved later are ignored (bitemporal
  // queries).
  Result<std::vector<StoredDocument>> CurrentDocuments(
      const std::optional<std::string>& known_at = std::nullopt,
      DocumentDetail detail = DocumentDetail::kFull);

  // The parties of the documents of the newest version of each source that
  // match a name: those with `key` (a match key, corpus/model.h Party::key)
  // equal to Party::key or Party::key_en, found through the key indexes;
  // when there are none, those whose key or key_en contains `key`, or whose
  // name or name_en contains `text` (the name as typed; ASCII letters
  // matched without case). Either may be empty: it then matches nothing.
  // Ordered by the document's publication date, doc_id, source, then the
  // party's place in its document. Empty when nothing matches.
  Result<std::vector<PartyHit>> FindParties(std::string_view key, std::string_view text);

  // Texts (newest version of each source) containing any of `forms` (one
  // text in up to kMaxSearchForms forms, e.g. its Simplified and Traditional
  // spellings) as a substring, ASCII letters matched without case; one hit
  // per matching line, at most `limit` hits, and the count of all matching
  // lines and texts. Forms of three or more characters use the trigram
  // index, which Search first brings up to date (UpdateSearchIndex) when the
  // connection may write; on a read-only one it answers from the index as it
  // is and scans the texts the index lacks (SearchResults::unindexed_texts).
  // Errors: kInvalidArgument for no form, too many, or an empty one.
  Result<SearchResults> Search(const std::vector<std::string>& forms, size_t limit);

  // The number of stored texts the search index does not hold yet: those
  // added or changed since the last search. Put does not index (indexing
  // costs more than parsing and storing together); search catches up.
  Result<int64_t> UnindexedTexts();
  // Adds those texts to the search index, in one transaction (or in the open
  // batch's). Returns how many it added.
  Result<int64_t> UpdateSearchIndex();

  Result<TableCounts> Counts();

  sqlite::Database& db() { return db_; }

 private:
  explicit AnnouncementStore(sqlite::Database db) : db_(std::move(db)) {}

  // store.cc: the steps of Put and of loading a document (static helpers
  // with access to the members below).
  struct Ops;

  sqlite::Database db_;
  // Prepared statements, created on first use and reused for the store's
  // life, keyed by their SQL (constants in store.cc). Declared after db_ so
  // they are finalized before the connection closes.
  sqlite::StatementCache statements_{db_};
  // The open batch's transaction; declared last so that it rolls back first.
  std::optional<sqlite::Transaction> batch_;
};

}  // namespace regdiff
