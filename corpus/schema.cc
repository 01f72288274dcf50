// Schema migrations as data: one entry per user_version, applied in order.
// Version 1 is the whole first schema. Nothing derivable is stored: evidence
// keeps only byte offsets into texts.normalized and is re-cut on load; the
// small ordered lists of a document (issuers, warnings, an item's elements)
// are JSON arrays.
#include "corpus/schema.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "corpus/store.h"

namespace regdiff {
namespace {

struct Migration {
  int version;      // user_version after this step
  const char* sql;  // the script; never holds values from outside
  // True for a script that rebuilds a table other tables reference: it runs
  // with foreign key enforcement off (a DROP TABLE would otherwise delete the
  // referencing rows) and is checked with PRAGMA foreign_key_check before it
  // commits, as https://www.sqlite.org/lang_altertable.html prescribes.
  bool rebuilds_tables = false;
};

// Evidence columns are byte offsets [begin, end) into texts.normalized of the
// document's snapshot. Dates are ISO "YYYY-MM-DD". Times are UTC ISO-8601.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('file', 'url')),
  locator TEXT NOT NULL UNIQUE,       -- absolute path or URL
  first_seen TEXT NOT NULL
);

-- Every name a source is known by, its own locator included.
CREATE TABLE source_aliases (
  alias TEXT PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id)
) WITHOUT ROWID;
CREATE INDEX source_aliases_source ON source_aliases(source_id);

-- Raw bytes, content-addressed: the same bytes from two sources are one row.
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  raw BLOB NOT NULL,
  size INTEGER NOT NULL CHECK (size = length(raw)),
  declared_charset TEXT,              -- NULL: the input declared none
  detected_charset TEXT,              -- NULL: detection did not run
  used_charset TEXT,
  replaced_chars INTEGER NOT NULL DEFAULT 0 CHECK (replaced_chars >= 0),
  first_retrieved_at TEXT NOT NULL
);

-- Version N of a source: the bytes it held when read the N-th distinct time.
CREATE TABLE source_versions (
  source_id INTEGER NOT NULL REFERENCES sources(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  retrieved_at TEXT NOT NULL,
  PRIMARY KEY (source_id, version)
) WITHOUT ROWID;
CREATE INDEX source_versions_snapshot ON source_versions(snapshot_id);

-- The normalised text of a snapshot: what every evidence offset points into.
CREATE TABLE texts (
  snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id),
  normalized TEXT NOT NULL
);

-- At most one parse per snapshot: the one by the newest parser that ran.
-- parsed_at is the retrieved_at of the Put that stored this parse.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL UNIQUE REFERENCES snapshots(id),
  doc_id TEXT,
  issuers TEXT NOT NULL CHECK (json_type(issuers) = 'array'),
  year INTEGER,
  number INTEGER,
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT CHECK (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  number_begin INTEGER NOT NULL,
  number_end INTEGER NOT NULL,
  title_begin INTEGER NOT NULL,
  title_end INTEGER NOT NULL,
  published_begin INTEGER NOT NULL,
  published_end INTEGER NOT NULL,
  warnings TEXT NOT NULL CHECK (json_type(warnings) = 'array'),
  parser_version TEXT NOT NULL,
  parsed_at TEXT NOT NULL,
  CHECK (0 <= number_begin AND number_begin <= number_end),
  CHECK (0 <= title_begin AND title_begin <= title_end),
  CHECK (0 <= published_begin AND published_begin <= published_end)
);
CREATE INDEX documents_doc_id ON documents(doc_id);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,               -- document order, from 0
  code TEXT,
  position TEXT NOT NULL,
  name TEXT NOT NULL,
  elements TEXT NOT NULL CHECK (json_type(elements) = 'array'),
  ev_begin INTEGER NOT NULL,
  ev_end INTEGER NOT NULL,
  hs_begin INTEGER NOT NULL,
  hs_end INTEGER NOT NULL,
  UNIQUE (document_id, seq),
  CHECK (0 <= ev_begin AND ev_begin <= ev_end),
  CHECK (0 <= hs_begin AND hs_begin <= hs_end)
);
CREATE INDEX items_code ON items(code);

CREATE TABLE item_hs_codes (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  hs_code TEXT NOT NULL CHECK (hs_code <> ''),
  PRIMARY KEY (item_id, seq)
) WITHOUT ROWID;
CREATE INDEX item_hs_codes_code ON item_hs_codes(hs_code);

CREATE TABLE effective_clauses (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  date TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  on_publication INTEGER NOT NULL CHECK (on_publication IN (0, 1)),
  applies_to TEXT NOT NULL,
  ev_begin INTEGER NOT NULL,
  ev_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq),
  CHECK (0 <= ev_begin AND ev_begin <= ev_end)
) WITHOUT ROWID;

CREATE TABLE relations (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  target TEXT NOT NULL CHECK (target <> ''),  -- doc_id of the other announcement
  until TEXT CHECK (until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ev_begin INTEGER NOT NULL,
  ev_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq),
  CHECK (0 <= ev_begin AND ev_begin <= ev_end)
) WITHOUT ROWID;
CREATE INDEX relations_target ON relations(target);
)sql";

// Version 2: full-text search over the normalised texts (`regdiff search`).
// FTS5 with the trigram tokenizer finds Chinese substrings without word
// segmentation; the index mirrors texts through triggers (external content).
constexpr char kSchemaV2[] = R"sql(
CREATE VIRTUAL TABLE text_search USING fts5(
  normalized, content = 'texts', content_rowid = 'snapshot_id', tokenize = 'trigram');
CREATE TRIGGER texts_search_insert AFTER INSERT ON texts BEGIN
  INSERT INTO text_search(rowid, normalized) VALUES (new.snapshot_id, new.normalized);
END;
CREATE TRIGGER texts_search_delete AFTER DELETE ON texts BEGIN
  INSERT INTO text_search(text_search, rowid, normalized)
    VALUES ('delete', old.snapshot_id, old.normalized);
END;
CREATE TRIGGER texts_search_update AFTER UPDATE ON texts BEGIN
  INSERT INTO text_search(text_search, rowid, normalized)
    VALUES ('delete', old.snapshot_id, old.normalized);
  INSERT INTO text_search(rowid, normalized) VALUES (new.snapshot_id, new.normalized);
END;
INSERT INTO text_search(text_search) VALUES ('rebuild');
)sql";

// Version 3: `regdiff watch`. The response headers of a URL retrieval are
// kept with the version it added (JSON [[name, value], ...]); the state of
// each watched index page and of each announcement URL found on one; and the
// events reported, so feeds and reports can be regenerated. Times are UTC
// ISO-8601, compared as text.
constexpr char kSchemaV3[] = R"sql(
ALTER TABLE source_versions ADD COLUMN headers TEXT
  CHECK (headers IS NULL OR json_type(headers) = 'array');

-- One row per source of the sources file (by name), written after each poll.
-- A failed poll updates only last_attempt_at, last_error, failures and
-- next_due_at: the last good state stays.
CREATE TABLE watch_sources (
  name TEXT PRIMARY KEY,
  index_url TEXT NOT NULL,
  etag TEXT,                          -- validators of the last good index fetch
  last_modified TEXT,
  last_success_at TEXT,
  last_link_count INTEGER,            -- links found by the last good poll
  last_attempt_at TEXT,
  last_error TEXT,                    -- NULL after a good poll
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),  -- consecutive
  next_due_at TEXT
) WITHOUT ROWID;

-- One row per announcement URL a source listed. text_hash NULL: never
-- fetched successfully yet (reported as new once it is).
CREATE TABLE watch_pages (
  url TEXT PRIMARY KEY,
  source_name TEXT NOT NULL,
  title TEXT NOT NULL,                -- the link text on the list
  first_seen_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),  -- of the bytes last fetched
  text_hash TEXT CHECK (text_hash IS NULL OR length(text_hash) = 64),  -- of their normalised main text
  last_fetched_at TEXT,
  next_due_at TEXT NOT NULL,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0)
) WITHOUT ROWID;
CREATE INDEX watch_pages_due ON watch_pages(source_name, next_due_at);

-- Every change reported: a new announcement page, or a changed one.
CREATE TABLE watch_events (
  id INTEGER PRIMARY KEY,
  event_key TEXT NOT NULL UNIQUE,     -- stable: hash of url and text_hash
  at TEXT NOT NULL,
  source_name TEXT NOT NULL,
  url TEXT NOT NULL,
  doc_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('new', 'changed')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary))  -- the event as printed (JSON)
);
CREATE INDEX watch_events_source ON watch_events(source_name, id);
)sql";

// Version 4: a snapshot may hold one document per language (a bilingual
// page gives a Chinese and an English document). UNIQUE (snapshot_id)
// becomes UNIQUE (snapshot_id, lang); SQLite changes a constraint only by
// rebuilding the table. Document ids are kept, so items, effective clauses
// and relations still point at their documents.
constexpr char kSchemaV4[] = R"sql(
CREATE TABLE documents_v4 (
  id INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  doc_id TEXT,
  issuers TEXT NOT NULL CHECK (json_type(issuers) = 'array'),
  year INTEGER,
  number INTEGER,
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT CHECK (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  number_begin INTEGER NOT NULL,
  number_end INTEGER NOT NULL,
  title_begin INTEGER NOT NULL,
  title_end INTEGER NOT NULL,
  published_begin INTEGER NOT NULL,
  published_end INTEGER NOT NULL,
  warnings TEXT NOT NULL CHECK (json_type(warnings) = 'array'),
  parser_version TEXT NOT NULL,
  parsed_at TEXT NOT NULL,
  UNIQUE (snapshot_id, lang),
  CHECK (0 <= number_begin AND number_begin <= number_end),
  CHECK (0 <= title_begin AND title_begin <= title_end),
  CHECK (0 <= published_begin AND published_begin <= published_end)
);
INSERT INTO documents_v4 (id, snapshot_id, doc_id, issuers, year, number, lang, title,
    published, number_begin, number_end, title_begin, title_end, published_begin,
    published_end, warnings, parser_version, parsed_at)
  SELECT id, snapshot_id, doc_id, issuers, year, number, lang, title, published,
    number_begin, number_end, title_begin, title_end, published_begin, published_end,
    warnings, parser_version, parsed_at
  FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v4 RENAME TO documents;
CREATE INDEX documents_doc_id ON documents(doc_id);
)sql";

// Version 5: the search index is brought up to date by search, not by every
// insert. Indexing a text with the trigram tokenizer costs several times more
// than parsing and storing it, and FTS5 flushes its pending terms at every
// statement savepoint of a transaction that touched it, so indexing inside
// `ingest` made ingest slow and its cost per page grow with the database.
// texts.indexed marks the texts the index holds; AnnouncementStore::
// UpdateSearchIndex adds the rest in one statement. The index keeps no copy
// of the texts (contentless), so its own integrity check holds while texts
// wait to be indexed; a changed or deleted text that was indexed is taken out
// of the index by the triggers, with its old words.
constexpr char kSchemaV5[] = R"sql(
DROP TRIGGER texts_search_insert;
DROP TRIGGER texts_search_update;
DROP TRIGGER texts_search_delete;
DROP TABLE text_search;
CREATE VIRTUAL TABLE text_search USING fts5(normalized, content = '', tokenize = 'trigram');
ALTER TABLE texts ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0 CHECK (indexed IN (0, 1));
CREATE INDEX texts_unindexed ON texts(snapshot_id) WHERE indexed = 0;
CREATE TRIGGER texts_search_update AFTER UPDATE OF normalized ON texts WHEN old.indexed BEGIN
  INSERT INTO text_search(text_search, rowid, normalized)
    VALUES ('delete', old.snapshot_id, old.normalized);
  UPDATE texts SET indexed = 0 WHERE snapshot_id = new.snapshot_id;
END;
CREATE TRIGGER texts_search_delete AFTER DELETE ON texts WHEN old.indexed BEGIN
  INSERT INTO text_search(text_search, rowid, normalized)
    VALUES ('delete', old.snapshot_id, old.normalized);
END;
)sql";

// Version 6: the parties of a document (issue #17) and the counts of them it
// states: the organisations and persons it adds to or removes from MOFCOM's lists, in document order, with
// their match keys (corpus/model.h, Party::key) indexed for screening and
// search. A document stored before version 6 has no party rows although its
// text may name parties, and the store re-parses a snapshot only when the
// parser version differs (SyncDocuments; ingest skips unchanged bytes of the
// same parser version before parsing). So this step marks every document
// stored before it as written by another parser: its parser_version gains the
// suffix "+pre-v6". The next ingest of the same bytes then parses them again
// and replaces the document with one that has its parties; until then such a
// document shows no parties and says why in its parser_version.
constexpr char kSchemaV6[] = R"sql(
CREATE TABLE parties (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,               -- document order, from 0
  list TEXT NOT NULL CHECK (list IN ('control_list', 'watch_list', 'unreliable_entity_list')),
  action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  name TEXT NOT NULL,                 -- as printed
  name_en TEXT,                       -- NULL: none printed
  country TEXT,                       -- ISO 3166 alpha-2; NULL: not stated
  key TEXT NOT NULL,                  -- match key of name; '' when it folds to nothing
  key_en TEXT NOT NULL,               -- match key of name_en; '' when none
  ev_begin INTEGER NOT NULL,
  ev_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq),
  CHECK (0 <= ev_begin AND ev_begin <= ev_end)
) WITHOUT ROWID;
CREATE INDEX parties_key ON parties(key);
CREATE INDEX parties_key_en ON parties(key_en);
-- The count a document states per list and action ("20 Japanese entities"),
-- which a copy of it may print more names or fewer than (Announcement::
-- party_counts): summaries count by it.
CREATE TABLE party_counts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  list TEXT NOT NULL CHECK (list IN ('control_list', 'watch_list', 'unreliable_entity_list')),
  action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  count INTEGER NOT NULL CHECK (count > 0),
  country TEXT,                       -- ISO 3166 alpha-2; NULL: not stated
  ev_begin INTEGER NOT NULL,
  ev_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq),
  CHECK (0 <= ev_begin AND ev_begin <= ev_end)
) WITHOUT ROWID;
UPDATE documents SET parser_version = parser_version || '+pre-v6';
)sql";

// Version 7: the consolidated state (issue #18), so that a read on a date
// need not load every document and rebuild the timeline: the stretches of
// days over which each item's and each party's state stays the same
// (corpus/timeline.h, ItemStretches and PartyStretches), each state as JSON
// (corpus/state_json.h), with what reads narrow by indexed: HS codes, control
// codes, party keys. The state is a function of the newest version of every
// source: triggers count each change to those (consolidation.generation),
// and the state is current while built_generation equals it. Ingest rebuilds
// it when it is not (tools/consolidate.h); a read of a stale state (or one
// with --known-at) rebuilds the timeline instead, as before version 7.
constexpr char kSchemaV7[] = R"sql(
CREATE TABLE consolidation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL,
  built_generation INTEGER           -- NULL: never built
);
INSERT INTO consolidation (id, generation, built_generation) VALUES (1, 0, NULL);
CREATE TRIGGER consolidation_documents_insert AFTER INSERT ON documents BEGIN
  UPDATE consolidation SET generation = generation + 1;
END;
CREATE TRIGGER consolidation_documents_update AFTER UPDATE ON documents BEGIN
  UPDATE consolidation SET generation = generation + 1;
END;
CREATE TRIGGER consolidation_documents_delete AFTER DELETE ON documents BEGIN
  UPDATE consolidation SET generation = generation + 1;
END;
CREATE TRIGGER consolidation_versions_insert AFTER INSERT ON source_versions BEGIN
  UPDATE consolidation SET generation = generation + 1;
END;
CREATE TRIGGER consolidation_versions_delete AFTER DELETE ON source_versions BEGIN
  UPDATE consolidation SET generation = generation + 1;
END;

-- id: the stretch order (AsOf's order of keys, then from_date).
CREATE TABLE item_stretches (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  code TEXT,                          -- NULL: an uncoded item
  from_date TEXT NOT NULL,            -- ISO date
  until_date TEXT,                    -- ISO date, the last day; NULL: open-ended
  state TEXT NOT NULL                 -- ItemState as JSON
);
CREATE INDEX item_stretches_code ON item_stretches(code);
-- A date's stretches end on or after it: on a recent date, the few that do.
CREATE INDEX item_stretches_until ON item_stretches(until_date);
CREATE TABLE item_stretch_hs (
  hs_code TEXT NOT NULL,
  stretch_id INTEGER NOT NULL REFERENCES item_stretches(id) ON DELETE CASCADE,
  PRIMARY KEY (hs_code, stretch_id)
) WITHOUT ROWID;

CREATE TABLE party_stretches (
  id INTEGER PRIMARY KEY,
  list TEXT NOT NULL,
  key TEXT NOT NULL,
  key_en TEXT NOT NULL,
  from_date TEXT NOT NULL,
  until_date TEXT,
  state TEXT NOT NULL                 -- PartyState as JSON
);
)sql";

// Version 8: the element history (corpus/element_history.h) kept with the
// consolidated state, so that the HTML report's picture need not rebuild the
// timeline; built from the same stretches in the same transaction. States
// built before it lack the history: they are marked stale, and the next
// ingest rebuilds them. The indexes of the stretches move to
// corpus/consolidated_store.cc, which drops them before it writes a state and
// builds them after (a sorted build, not one random insert per row), and
// which finds the stretches holding a date through one index on both ends,
// so that an early date, which most stretches end after, does not read each
// of them to check where it begins. The HS rows no longer reference their
// stretch, so that clearing a state truncates both tables.
constexpr char kSchemaV8[] = R"sql(
ALTER TABLE consolidation ADD COLUMN element_history TEXT;  -- JSON (corpus/state_json.h)
UPDATE consolidation SET built_generation = NULL;
DROP INDEX item_stretches_until;
DROP INDEX item_stretches_code;
DROP TABLE item_stretch_hs;
CREATE TABLE item_stretch_hs (
  stretch_id INTEGER NOT NULL,        -- item_stretches.id
  hs_code TEXT NOT NULL
);
)sql";

// Version 9: consolidation of what changed only. Triggers note the doc_ids
// whose texts, versions or naming relations change (consolidation_dirty):
// an announcement's own texts, the targets of the relations of a text that
// comes or goes (a text without a doc_id acts only through those), and every
// text of a source whose versions change. Only the items listed by those
// announcements (tools/consolidate.cc) are rebuilt. For that, each stretch
// names the announcement whose listing governs it (listed_by); its part in
// the element history is kept in narrow columns (item_history_parts), and
// the event dates of the history per listing announcement (item_event_dates),
// so that the history is rebuilt from rows rather than from every text. The
// HS rows are keyed by their stretch so that a key's stretches can be
// removed. Stretches come back in AsOf's order by code and key, not by id.
constexpr char kSchemaV9[] = R"sql(
CREATE TABLE consolidation_dirty (
  doc_id TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TRIGGER consolidation_dirty_document_insert AFTER INSERT ON documents
WHEN NEW.doc_id IS NOT NULL BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id) VALUES (NEW.doc_id);
END;
CREATE TRIGGER consolidation_dirty_document_update AFTER UPDATE ON documents BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id)
    SELECT NEW.doc_id WHERE NEW.doc_id IS NOT NULL
    UNION SELECT OLD.doc_id WHERE OLD.doc_id IS NOT NULL
    UNION SELECT target FROM relations WHERE document_id = NEW.id;
END;
CREATE TRIGGER consolidation_dirty_document_delete BEFORE DELETE ON documents BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id)
    SELECT OLD.doc_id WHERE OLD.doc_id IS NOT NULL
    UNION SELECT target FROM relations WHERE document_id = OLD.id;
END;
CREATE TRIGGER consolidation_dirty_relation_insert AFTER INSERT ON relations BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id) VALUES (NEW.target);
END;
CREATE TRIGGER consolidation_dirty_relation_delete AFTER DELETE ON relations BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id) VALUES (OLD.target);
END;
CREATE TRIGGER consolidation_dirty_version_insert AFTER INSERT ON source_versions BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id)
    SELECT d.doc_id FROM source_versions v JOIN documents d ON d.snapshot_id = v.snapshot_id
    WHERE v.source_id = NEW.source_id AND d.doc_id IS NOT NULL
    UNION SELECT r.target FROM source_versions v
    JOIN documents d ON d.snapshot_id = v.snapshot_id JOIN relations r ON r.document_id = d.id
    WHERE v.source_id = NEW.source_id;
END;
CREATE TRIGGER consolidation_dirty_version_delete AFTER DELETE ON source_versions BEGIN
  INSERT OR IGNORE INTO consolidation_dirty (doc_id)
    SELECT d.doc_id FROM documents d
    WHERE d.doc_id IS NOT NULL AND (d.snapshot_id = OLD.snapshot_id OR d.snapshot_id IN
      (SELECT snapshot_id FROM source_versions WHERE source_id = OLD.source_id))
    UNION SELECT r.target FROM documents d JOIN relations r ON r.document_id = d.id
    WHERE d.snapshot_id = OLD.snapshot_id OR d.snapshot_id IN
      (SELECT snapshot_id FROM source_versions WHERE source_id = OLD.source_id);
END;

DROP TABLE item_stretches;
CREATE TABLE item_stretches (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  code TEXT,                          -- NULL: an uncoded item
  listed_by TEXT NOT NULL,            -- doc_id of the listing that governs the stretch
  from_date TEXT NOT NULL,            -- ISO date
  until_date TEXT,                    -- ISO date, the last day; NULL: open-ended
  state TEXT NOT NULL                 -- ItemState as JSON
);
DROP TABLE item_stretch_hs;
CREATE TABLE item_stretch_hs (
  stretch_id INTEGER NOT NULL,        -- item_stretches.id
  hs_code TEXT NOT NULL,
  PRIMARY KEY (stretch_id, hs_code)
) WITHOUT ROWID;
-- The stretches in force or suspended, as the element history reads them.
CREATE TABLE item_history_parts (
  stretch_id INTEGER PRIMARY KEY,     -- item_stretches.id
  from_date TEXT NOT NULL,
  until_date TEXT,
  suspended INTEGER NOT NULL,         -- 0: in force, 1: suspended
  inferred INTEGER NOT NULL,          -- 1: the status is inferred
  code TEXT,
  elements TEXT NOT NULL,             -- symbols, joined by ','
  governing TEXT NOT NULL             -- doc_ids, joined by a line feed
);
-- The dates of the events of each listing announcement's items.
CREATE TABLE item_event_dates (
  doc_id TEXT NOT NULL,
  date TEXT NOT NULL,
  PRIMARY KEY (doc_id, date)
) WITHOUT ROWID;
DELETE FROM party_stretches;
UPDATE consolidation SET built_generation = NULL, element_history = NULL;
)sql";

// Version 10: `regdiff watch` loses nothing and starts quietly. A page
// listed by a source's first poll is part of its baseline (stored, not
// reported). Each event's delivery to a webhook is a row until it succeeds;
// a failed one is retried with backoff on later runs.
constexpr char kSchemaV10[] = R"sql(
ALTER TABLE watch_pages ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1));
CREATE TABLE watch_deliveries (
  event_id INTEGER NOT NULL REFERENCES watch_events(id) ON DELETE CASCADE,
  target TEXT NOT NULL,               -- the webhook URL
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at TEXT,
  last_error TEXT,                    -- of the last failed attempt
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT,                  -- NULL: pending
  PRIMARY KEY (event_id, target)
) WITHOUT ROWID;
CREATE INDEX watch_deliveries_pending ON watch_deliveries(next_attempt_at)
  WHERE delivered_at IS NULL;
)sql";

// Version 11: one document per text (issue #20). The same bytes at a second
// path or URL used to become a second source of the same document: `list`
// printed it twice and a short form "matched 2 stored texts". Now such a
// locator is an alias of the source already holding those bytes, kept with
// its own provenance: its kind, when it was first seen, and the SHA-256 of
// the bytes it carried when last read (NULL for a source's own locator, whose
// bytes are its versions). This step rebuilds source_aliases with those
// columns and folds the duplicates stored before: a source whose newest
// version holds the same bytes as the newest version of a source first seen
// before it, and whose every version's bytes that source holds too, becomes
// an alias of it (its versions are copies of that source's). The documents
// are one row per snapshot already, so no fact moves; and since the
// timeline reads a text once however many sources hold it, the consolidated
// state stays what it was: if it was current before, it is current after.
constexpr char kSchemaV11[] = R"sql(
CREATE TABLE source_aliases_v11 (
  alias TEXT PRIMARY KEY,             -- absolute path or URL
  source_id INTEGER NOT NULL REFERENCES sources(id),
  kind TEXT NOT NULL CHECK (kind IN ('file', 'url')),
  first_seen TEXT NOT NULL,           -- UTC ISO-8601
  sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64)  -- NULL: the source's own locator
) WITHOUT ROWID;
INSERT INTO source_aliases_v11 (alias, source_id, kind, first_seen, sha256)
  SELECT a.alias, a.source_id, s.kind, s.first_seen,
    CASE WHEN a.alias = s.locator THEN NULL ELSE
      (SELECT sn.sha256 FROM source_versions v JOIN snapshots sn ON sn.id = v.snapshot_id
       WHERE v.source_id = s.id ORDER BY v.version DESC LIMIT 1) END
  FROM source_aliases a JOIN sources s ON s.id = a.source_id;
DROP TABLE source_aliases;
ALTER TABLE source_aliases_v11 RENAME TO source_aliases;
CREATE INDEX source_aliases_source ON source_aliases(source_id);

CREATE TEMP TABLE v11_was_current AS
  SELECT built_generation IS NOT NULL AND built_generation = generation AS current
  FROM consolidation;
-- Each source's newest snapshot, and the first-seen source holding the same
-- one as its newest: the source it folds into.
CREATE TEMP TABLE v11_newest AS
  SELECT v.source_id, v.snapshot_id FROM source_versions v
  WHERE v.version = (SELECT MAX(version) FROM source_versions WHERE source_id = v.source_id);
CREATE TEMP TABLE v11_fold AS
  SELECT n.source_id AS duplicate, n.snapshot_id,
    (SELECT MIN(m.source_id) FROM v11_newest m WHERE m.snapshot_id = n.snapshot_id) AS keeper
  FROM v11_newest n;
DELETE FROM v11_fold WHERE keeper = duplicate OR EXISTS (
  SELECT 1 FROM source_versions v WHERE v.source_id = v11_fold.duplicate
  AND v.snapshot_id NOT IN (SELECT snapshot_id FROM source_versions WHERE source_id = v11_fold.keeper));
UPDATE source_aliases SET
  sha256 = (SELECT sn.sha256 FROM v11_fold f JOIN snapshots sn ON sn.id = f.snapshot_id
            WHERE f.duplicate = source_aliases.source_id),
  source_id = (SELECT keeper FROM v11_fold WHERE duplicate = source_aliases.source_id)
  WHERE source_id IN (SELECT duplicate FROM v11_fold);
DELETE FROM source_versions WHERE source_id IN (SELECT duplicate FROM v11_fold);
DELETE FROM sources WHERE id IN (SELECT duplicate FROM v11_fold);
UPDATE consolidation SET built_generation = generation
  WHERE (SELECT current FROM v11_was_current);
DELETE FROM consolidation_dirty WHERE (SELECT current FROM v11_was_current);
DROP TABLE v11_fold;
DROP TABLE v11_newest;
DROP TABLE v11_was_current;
)sql";

// Version 12: texts made of more than one HTML page or text file. A PDF's
// pages and an announcement page's attachments (附件) are parts of its text:
// texts.layout says where each part and page begins (JSON, corpus/
// text_layout.h; NULL for a text of one part without pages), and the
// attachments' raw bytes are kept beside the page's own, with where they
// were fetched.
constexpr char kSchemaV12[] = R"sql(
ALTER TABLE texts ADD COLUMN layout TEXT
  CHECK (layout IS NULL OR json_type(layout) = 'array');
CREATE TABLE attachments (
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,  -- the page's
  seq INTEGER NOT NULL CHECK (seq >= 0),  -- page order
  url TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  raw BLOB NOT NULL,
  size INTEGER NOT NULL CHECK (size = length(raw)),
  PRIMARY KEY (snapshot_id, seq)
) WITHOUT ROWID;
)sql";

// In order; each version one more than the last.
constexpr std::array<Migration, 12> kMigrations = {{
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
    {4, kSchemaV4, /*rebuilds_tables=*/true},
    {5, kSchemaV5},
    {6, kSchemaV6},
    {7, kSchemaV7},
    {8, kSchemaV8},
    {9, kSchemaV9},
    {10, kSchemaV10},
    {11, kSchemaV11},
    {12, kSchemaV12},
}};

static_assert(kMigrations.back().version == kSchemaVersion,
              "kSchemaVersion in corpus/store.h must name the last migration");

// Foreign key enforcement switched off for one migration step and restored
// to what it was when the step ends. Outside any transaction only.
class ForeignKeysOff {
 public:
  static Result<ForeignKeysOff> Begin(sqlite::Database& db) {
    bool was_on = false;
    {  // finalized before the PRAGMA below runs
      auto stmt = db.Prepare("PRAGMA foreign_keys");
      if (!stmt.ok()) return stmt.status();
      auto row = stmt->Step();
      if (!row.ok()) return row.status();
      was_on = *row && stmt->ColumnInt(0) != 0;
    }
    if (was_on) {
      Status s = db.Exec("PRAGMA foreign_keys = OFF");
      if (!s.ok()) return s;
    }
    return ForeignKeysOff(&db, was_on);
  }
  ForeignKeysOff(ForeignKeysOff&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), was_on_(other.was_on_) {}
  ForeignKeysOff& operator=(ForeignKeysOff&&) = delete;
  ~ForeignKeysOff() {
    // A destructor cannot report; the PRAGMA fails only on a broken
    // connection, whose next statement reports the error anyway.
    if (db_ && was_on_) (void)db_->Exec("PRAGMA foreign_keys = ON");
  }

 private:
  ForeignKeysOff(sqlite::Database* db, bool was_on) : db_(db), was_on_(was_on) {}
  sqlite::Database* db_;  // not owned; null once moved from
  bool was_on_;
};

// Errors: kDatabase naming the first row PRAGMA foreign_key_check reports.
Status CheckForeignKeys(sqlite::Database& db) {
  auto stmt = db.Prepare("PRAGMA foreign_key_check");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Ok();
  return Status::Database("foreign key check failed: row " + std::to_string(stmt->ColumnInt(1)) +
                          " of " + stmt->ColumnText(0) + " refers to a missing row of " +
                          stmt->ColumnText(2));
}

}  // namespace

Result<int> SchemaVersion(sqlite::Database& db) {
  auto stmt = db.Prepare("PRAGMA user_version");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Database("PRAGMA user_version returned no row");
  return static_cast<int>(stmt->ColumnInt(0));
}

Status Migrate(sqlite::Database& db) { return Migrate(db, kSchemaVersion); }

Status Migrate(sqlite::Database& db, int target_version) {
  auto version = SchemaVersion(db);
  if (!version.ok()) return version.status().WithContext("reading the schema version");
  if (*version > kSchemaVersion) {
    return Status::Database("database schema version " + std::to_string(*version) +
                            " is newer than this regdiff (" + std::to_string(kSchemaVersion) +
                            ")");
  }
  for (const Migration& step : kMigrations) {
    if (step.version <= *version) continue;
    if (step.version > target_version) break;
    const std::string context = "migrating the schema to version " + std::to_string(step.version);
    // PRAGMA foreign_keys is a no-op inside a transaction: switch it off
    // before, and back on after (whatever happens in between).
    std::optional<ForeignKeysOff> fk_off;
    if (step.rebuilds_tables) {
      auto off = ForeignKeysOff::Begin(db);
      if (!off.ok()) return off.status().WithContext(context);
      fk_off.emplace(std::move(off).value());
    }
    auto txn = sqlite::Transaction::Begin(db);
    if (!txn.ok()) return txn.status();
    // Another process may have migrated while this one waited for the lock.
    version = SchemaVersion(db);
    if (!version.ok()) return version.status();
    if (step.version <= *version) continue;  // the transaction rolls back: nothing done
    Status s = db.Exec(step.sql);
    if (!s.ok()) return s.WithContext(context);
    if (step.rebuilds_tables) {
      s = CheckForeignKeys(db);
      if (!s.ok()) return s.WithContext(context);
    }
    // PRAGMA takes no bound parameters; the number is our own constant.
    s = db.Exec(("PRAGMA user_version = " + std::to_string(step.version)).c_str());
    if (!s.ok()) return s.WithContext(context);
    s = txn->Commit();
    if (!s.ok()) return s.WithContext(context);
    *version = step.version;
  }
  return Status::Ok();
}

}  // namespace regdiff
