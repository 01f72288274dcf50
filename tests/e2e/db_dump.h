// Reading a regdiff database the way the crash-safety and concurrency tests
// judge it: SQLite's integrity checks, the shape of every stored snapshot
// (which documents it holds and how many rows each has), and a canonical dump
// of every table that leaves out what legitimately differs between two runs
// (row ids and times) while keeping every link between rows.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "corpus/sha256.h"
#include "corpus/sqlite.h"

namespace regdiff::testing {

// Every row of `sql` (values bound in order) as its column values, NULL as
// "<null>".
inline std::vector<std::vector<std::string>> QueryValues(
    sqlite::Database& db, const std::string& sql, int columns,
    const std::vector<std::string>& binds = {}) {
  std::vector<std::vector<std::string>> rows;
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << sql << ": " << stmt.status().ToString();
  if (!stmt.ok()) return rows;
  for (size_t i = 0; i < binds.size(); ++i) stmt->Bind(static_cast<int>(i + 1), binds[i]);
  for (;;) {
    auto more = stmt->Step();
    EXPECT_TRUE(more.ok()) << sql << ": " << more.status().ToString();
    if (!more.ok() || !*more) break;
    std::vector<std::string> row;
    for (int c = 0; c < columns; ++c) {
      row.push_back(stmt->ColumnIsNull(c) ? std::string("<null>") : stmt->ColumnText(c));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// As QueryValues, each row's values joined by '|' (for messages and shapes).
inline std::vector<std::string> QueryRows(sqlite::Database& db, const std::string& sql,
                                          int columns,
                                          const std::vector<std::string>& binds = {}) {
  std::vector<std::string> out;
  for (const auto& row : QueryValues(db, sql, columns, binds)) {
    std::string joined;
    for (size_t c = 0; c < row.size(); ++c) joined += (c ? "|" : "") + row[c];
    out.push_back(std::move(joined));
  }
  return out;
}

inline sqlite::Database OpenForCheck(const std::string& path) {
  auto db = sqlite::Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : sqlite::Database();
}

// The names of the ordinary tables (no SQLite internals, no virtual tables
// and their shadow tables: the FTS index is checked, not dumped).
inline std::vector<std::string> TableNames(sqlite::Database& db) {
  return QueryRows(db,
                   "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                   "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                   1);
}

// PRAGMA integrity_check and foreign_key_check, and the FTS index's own
// check when the table exists. "ok" or what is wrong.
inline std::string CheckIntegrity(const std::string& path) {
  sqlite::Database db = OpenForCheck(path);
  std::vector<std::string> problems = QueryRows(db, "PRAGMA integrity_check", 1);
  if (problems == std::vector<std::string>{"ok"}) problems.clear();
  for (const std::string& fk : QueryRows(db, "PRAGMA foreign_key_check", 4)) {
    problems.push_back("foreign key: " + fk);
  }
  if (!QueryRows(db, "SELECT name FROM sqlite_schema WHERE name = 'text_search'", 1).empty()) {
    auto check = db.Prepare("INSERT INTO text_search(text_search) VALUES ('integrity-check')");
    Status s = check.ok() ? check->Run() : check.status();
    if (!s.ok()) problems.push_back("text_search: " + s.ToString());
  }
  std::string out;
  for (const std::string& p : problems) out += p + "\n";
  return out.empty() ? "ok" : out;
}

// For every snapshot (by SHA-256): its documents, each as doc_id, language,
// parser version and its row counts (items, HS codes, effective clauses,
// relations), sorted; and whether its text is there. A snapshot stored
// without its text or with a document missing rows differs from the same
// snapshot in a database written without interruption.
inline std::map<std::string, std::string> SnapshotShapes(const std::string& path) {
  sqlite::Database db = OpenForCheck(path);
  std::map<std::string, std::vector<std::string>> docs;
  for (const std::string& row : QueryRows(
           db,
           "SELECT s.sha256, d.doc_id, d.lang, d.parser_version,"
           " (SELECT count(*) FROM items i WHERE i.document_id = d.id),"
           " (SELECT count(*) FROM item_hs_codes h JOIN items i ON h.item_id = i.id"
           "   WHERE i.document_id = d.id),"
           " (SELECT count(*) FROM effective_clauses e WHERE e.document_id = d.id),"
           " (SELECT count(*) FROM relations r WHERE r.document_id = d.id)"
           " FROM documents d JOIN snapshots s ON s.id = d.snapshot_id",
           8)) {
    docs[row.substr(0, row.find('|'))].push_back(row.substr(row.find('|') + 1));
  }
  std::map<std::string, std::string> shapes;
  for (const std::string& row : QueryRows(
           db,
           "SELECT s.sha256, EXISTS (SELECT 1 FROM texts t WHERE t.snapshot_id = s.id)"
           " FROM snapshots s",
           2)) {
    const std::string sha = row.substr(0, row.find('|'));
    std::vector<std::string>& d = docs[sha];
    std::sort(d.begin(), d.end());
    std::string shape = "text=" + row.substr(row.find('|') + 1);
    for (const std::string& doc : d) shape += "; " + doc;
    shapes[sha] = shape;
  }
  return shapes;
}

// Sources whose newest version is missing or whose versions skip a number.
inline std::vector<std::string> SourcesWithBrokenVersions(const std::string& path) {
  sqlite::Database db = OpenForCheck(path);
  return QueryRows(db,
                   "SELECT s.locator FROM sources s WHERE"
                   " (SELECT count(*) FROM source_versions v WHERE v.source_id = s.id) = 0 OR"
                   " (SELECT max(version) FROM source_versions v WHERE v.source_id = s.id) <>"
                   " (SELECT count(*) FROM source_versions v WHERE v.source_id = s.id)",
                   1);
}

// Every row of every table, sorted per table, without row ids and times:
// an INTEGER PRIMARY KEY is left out, a foreign key is replaced by the
// canonical form (hashed) of the row it points at, and columns named *_at or
// first_seen (times of the run) are left out. Two databases holding the same
// facts dump the same, whatever order or ids their rows got.
inline std::map<std::string, std::vector<std::string>> CanonicalDump(const std::string& path) {
  sqlite::Database db = OpenForCheck(path);
  struct Column {
    std::string name;
    bool keep = true;
    std::string ref_table, ref_column;  // a foreign key
  };
  std::map<std::string, std::vector<Column>> tables;
  std::map<std::string, std::set<std::string>> referenced;  // table -> columns pointed at
  for (const std::string& table : TableNames(db)) {
    auto info =
        QueryValues(db, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", 3, {table});
    const size_t pk_columns = std::count_if(
        info.begin(), info.end(), [](const std::vector<std::string>& r) { return r[2] != "0"; });
    std::vector<Column>& cols = tables[table];
    for (const std::vector<std::string>& row : info) {
      Column c;
      c.name = row[0];
      const std::string& type = row[1];
      const bool pk = row[2] != "0";
      const bool time = c.name == "first_seen" ||
                        (c.name.size() > 3 && c.name.compare(c.name.size() - 3, 3, "_at") == 0);
      c.keep = !time && !(pk && pk_columns == 1 && type == "INTEGER");
      cols.push_back(c);
    }
    for (const std::vector<std::string>& fk : QueryValues(
             db, "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)", 3,
             {table})) {
      for (Column& c : cols) {
        if (c.name != fk[0]) continue;
        c.keep = true;
        c.ref_table = fk[1];
        c.ref_column = fk[2];
        if (c.ref_column == "<null>") c.ref_column = "id";
        referenced[c.ref_table].insert(c.ref_column);
      }
    }
  }

  // Canonical forms in dependency order: a table after the tables it points at.
  std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> key_of;
  std::map<std::string, std::vector<std::string>> dump;
  std::set<std::string> done;
  while (done.size() < tables.size()) {
    bool progressed = false;
    for (const auto& [table, cols] : tables) {
      if (done.count(table)) continue;
      // Captured by name: clang 14 cannot capture a structured binding.
      bool ready = std::all_of(cols.begin(), cols.end(), [&, &name = table](const Column& c) {
        return c.ref_table.empty() || c.ref_table == name || done.count(c.ref_table);
      });
      if (!ready) continue;
      std::string select;
      for (const Column& c : cols) select += (select.empty() ? "" : ", ") + ("\"" + c.name + "\"");
      for (const std::vector<std::string>& values :
           QueryValues(db, "SELECT " + select + " FROM \"" + table + "\"",
                       static_cast<int>(cols.size()))) {
        std::string canonical;
        for (size_t i = 0; i < cols.size(); ++i) {
          const Column& c = cols[i];
          if (!c.keep) continue;
          std::string v = values[i];
          if (!c.ref_table.empty() && v != "<null>") v = "->" + key_of[c.ref_table][c.ref_column][v];
          canonical += c.name + "=" + std::to_string(v.size()) + ":" + v + " ";
        }
        for (const std::string& col : referenced[table]) {
          for (size_t i = 0; i < cols.size(); ++i) {
            if (cols[i].name == col) key_of[table][col][values[i]] = Sha256Hex(canonical);
          }
        }
        dump[table].push_back(std::move(canonical));
      }
      std::sort(dump[table].begin(), dump[table].end());
      done.insert(table);
      progressed = true;
    }
    EXPECT_TRUE(progressed) << "foreign keys form a cycle";
    if (!progressed) break;
  }
  return dump;
}

// The first difference between two dumps, "" when equal.
inline std::string DumpDifference(const std::map<std::string, std::vector<std::string>>& got,
                                  const std::map<std::string, std::vector<std::string>>& want) {
  for (const auto& [table, rows] : want) {
    auto it = got.find(table);
    if (it == got.end()) return "table " + table + " is missing";
    if (it->second == rows) continue;
    std::vector<std::string> extra, missing;
    std::set_difference(it->second.begin(), it->second.end(), rows.begin(), rows.end(),
                        std::back_inserter(extra));
    std::set_difference(rows.begin(), rows.end(), it->second.begin(), it->second.end(),
                        std::back_inserter(missing));
    return "table " + table + ": " + std::to_string(it->second.size()) + " rows, want " +
           std::to_string(rows.size()) + "; " + std::to_string(extra.size()) + " extra (first: " +
           (extra.empty() ? "-" : extra[0].substr(0, 300)) + "), " +
           std::to_string(missing.size()) + " missing (first: " +
           (missing.empty() ? "-" : missing[0].substr(0, 300)) + ")";
  }
  for (const auto& [table, rows] : got) {
    if (!want.count(table)) return "extra table " + table;
  }
  return "";
}

}  // namespace regdiff::testing
