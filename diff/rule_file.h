// What every rule file shares, whatever its rows hold (diff/rules.h: the
// controlled items; diff/party_rules.h: the parties on MOFCOM's lists): the
// header naming the schema, the tool, the date and the source announcements,
// and the header of a delta between two files; suspension windows; reading a
// file back; the ADD/MOD/DEL pairing of two files' rows; and the renderings of
// a header with its rows as JSON, JSON lines and CSV. The per-kind files give
// the rows: their fields, keys and columns.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/coverage.h"
#include "corpus/date.h"
#include "corpus/json_writer.h"
#include "corpus/status.h"
#include "corpus/strings.h"
#include "corpus/timeline.h"
#include "diff/chunked_output.h"

namespace regdiff::diff {

// An announcement a rule file was built from.
struct RuleSource {
  std::string doc_id;
  std::string lang;          // "zh", "zh-hant", "en"
  std::string source;        // path or URL
  std::string sha256;        // of the raw bytes
  std::string retrieved_at;  // UTC
};

// A window in which a rule's listing is suspended.
struct RuleSuspension {
  std::string from;   // ISO date
  std::string until;  // ISO date, inclusive; "" when open-ended
  std::string by;     // doc_id of the suspending announcement

  bool operator==(const RuleSuspension&) const = default;
};

// The header of a rule file: its kind, the tool, the date, the sources.
struct RuleFileHeader {
  explicit RuleFileHeader(std::string kind) : schema(std::move(kind)) {}

  std::string schema;  // the kind: "regdiff.rules/1", "regdiff.parties/1"
  std::string tool_version;
  std::string as_of;                        // ISO date
  std::optional<std::string> known_at;      // UTC; only what was stored by then
  std::optional<std::string> generated_at;  // UTC; only with --stamp
  // What the store held (as known at known_at): how many announcements the
  // rules rest on, the newest publication, the last ingest. Absent in files
  // written before it was added.
  std::optional<Coverage> coverage;
  std::vector<RuleSource> sources;  // sorted
};

// The header of a delta between two rule files of one kind.
struct RuleDeltaHeader {
  explicit RuleDeltaHeader(std::string kind) : schema(std::move(kind)) {}

  std::string schema;  // the kind: "regdiff.delta/1", "regdiff.party-delta/1"
  std::string tool_version;
  std::string from_as_of, to_as_of;  // ISO dates of the two files
};

// A delta's rows, of either kind: the JSON array "changes"; in JSON lines,
// lines of "type":"change".
inline constexpr char kDeltaRows[] = "changes";
inline constexpr char kDeltaRowType[] = "change";

// How the JSON of one kind of rule file names itself and its rows.
struct RuleFileKind {
  const char* schema;    // the header's "schema"
  const char* name;      // in error messages: "rule file", "parties rule file"
  const char* rows;      // the JSON array holding the rows: "rules", "parties"
  const char* row_type;  // a row's "type" in JSON lines: "rule", "party"
};

// The header of the delta turning `from` into `to`: their dates, the newer's tool version.
RuleDeltaHeader DeltaHeaderBetween(const char* schema, const RuleFileHeader& from,
                                   const RuleFileHeader& to);

// The fields of the rule files' JSON: "" and nullopt are written as null;
// null and a missing key are read back as "" (TextOf) or nullopt (OptTextOf).
nlohmann::ordered_json OrNull(const std::string& text);
nlohmann::ordered_json OrNull(const std::optional<std::string>& text);
std::string TextOf(const nlohmann::ordered_json& object, const char* key);
std::optional<std::string> OptTextOf(const nlohmann::ordered_json& object, const char* key);
// "2025-04-04", or "" for nullopt.
std::string IsoOrEmpty(const std::optional<Date>& date);

// The suspension windows of a timeline state, as rule files keep them.
std::vector<RuleSuspension> SuspensionsOf(const std::vector<SuspensionWindow>& windows);
// [{"from", "until" (null when open), "by"}, ...], and back.
nlohmann::ordered_json SuspensionsToJson(const std::vector<RuleSuspension>& suspensions);
std::vector<RuleSuspension> SuspensionsFromJson(const nlohmann::ordered_json& array);
// The CSV cell: "FROM..UNTIL by DOC" ("open" for an open end), joined by "; ".
std::string SuspensionsText(const std::vector<RuleSuspension>& suspensions);

// The headers' JSON: schema, tool_version, as_of, known_at (null when not
// given), until_is_inclusive (true), generated_at (only when stamped),
// sources; a delta's: schema, tool_version, from_as_of, to_as_of.
nlohmann::ordered_json HeaderToJson(const RuleFileHeader& header);
nlohmann::ordered_json DeltaHeaderToJson(const RuleDeltaHeader& header);

// A header with its rows, rendered. JSON: one object, the header's fields
// and then `rows_name` holding the rows, indented by two, ending in a
// newline. JSON lines: {"type":"header", the header's fields}, then one
// {"type":`row_type`, the row's fields} per line.
std::string DocumentToJson(nlohmann::ordered_json header, const char* rows_name,
                           nlohmann::ordered_json rows);
std::string DocumentToJsonl(nlohmann::ordered_json header, const char* row_type,
                            nlohmann::ordered_json rows);

// Writes `value` through `w` (strings, null, booleans, arrays and objects:
// what the headers hold), as dump() would write it in place.
void WriteJsonTree(JsonWriter& w, const nlohmann::ordered_json& value);
// The members of the object `object`, each key and its value, into the
// object `w` has open.
void WriteJsonMembers(JsonWriter& w, const nlohmann::ordered_json& object);

// The formats of --format.
enum class RuleFormat { kJson, kJsonl, kCsv };

// Writes a rule file or a delta in `format` row by row, in chunks through
// `write`: the bytes DocumentToJson, DocumentToJsonl or a CSV head and
// records give for the same header and rows, without holding the rows.
// Start, then Row per row, then Finish.
class RowStreamWriter {
 public:
  RowStreamWriter(RuleFormat format, std::function<void(std::string_view)> write);

  // `header` for the JSON forms, with the rows in `rows_name` (JSON) or on
  // lines of type `row_type` (JSON lines); `csv_head` for CSV.
  void Start(const nlohmann::ordered_json& header, const char* rows_name, const char* row_type,
             std::string csv_head);
  // One row: its fields written by `fields` (JSON forms) or the record
  // `csv_record` gives (CSV); only the one the format needs is called.
  void Row(const std::function<void(JsonWriter&)>& fields,
           const std::function<std::string()>& csv_record);
  void Finish();

 private:
  RuleFormat format_;
  const char* row_type_ = "";
  ChunkedOutput out_;
  JsonWriter json_;  // writes into out_'s buffer
};

// The start of a CSV rendering: a UTF-8 BOM when `excel_bom` (Excel then
// reads the Chinese), and the row of `columns`. Records follow as CsvRow
// writes them (corpus/strings.h): RFC 4180, CRLF line ends.
std::string CsvHead(std::span<const char* const> columns, bool excel_bom);

// Reads the JSON of a rule file of `kind`: the header into `*header`, then
// each row of the array `kind.rows` through `read_row`, which may throw
// nlohmann::json exceptions on a row it cannot read. Errors: kCorruption
// when `text` is not a JSON object, names another schema or lacks a field.
Status ReadRuleFile(const std::string& text, const RuleFileKind& kind, RuleFileHeader* header,
                    const std::function<void(const nlohmann::ordered_json& row)>& read_row);

// Each of `rows` as JSON, through `to_json`, in one array.
template <typename Row, typename ToJson>
nlohmann::ordered_json JsonArray(const std::vector<Row>& rows, ToJson to_json) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Row& r : rows) out.push_back(to_json(r));
  return out;
}

// A rule file as CSV: the head of `columns`, then one record of cells(as_of, row) per row.
template <typename Row, typename Cells>
std::string RowsToCsv(std::span<const char* const> columns, const std::string& as_of,
                      const std::vector<Row>& rows, Cells cells, bool excel_bom) {
  std::string out = CsvHead(columns, excel_bom);
  for (const Row& r : rows) out += CsvRow(cells(as_of, r));
  return out;
}

// The ADD / MOD / DEL changes turning the rows `from` into `to`, in key order,
// each handed to `visit` as it is found (none is kept). Rows are matched by
// key_of(row); of rows with equal keys the first counts. A row in both
// files that differs is a MOD listing changed_fields(before, after).
// `Change` has `op`, `fields`, `before` and `after`; identify(change, row)
// copies the row's key fields into it.
template <typename Change, typename Row, typename KeyOf, typename Identify, typename FieldsOf,
          typename Visit>
void VisitRowChanges(const std::vector<Row>& from, const std::vector<Row>& to, KeyOf key_of,
                     Identify identify, FieldsOf changed_fields, Visit visit) {
  using Key = decltype(key_of(std::declval<const Row&>()));
  std::map<Key, const Row*> before, after;
  for (const Row& r : from) before.emplace(key_of(r), &r);
  for (const Row& r : to) after.emplace(key_of(r), &r);
  auto add = [&](const Row* b, const Row* a) {
    Change c;
    c.op = !b ? "ADD" : !a ? "DEL" : "MOD";
    identify(c, b ? *b : *a);
    if (b && a) c.fields = changed_fields(*b, *a);
    if (b) c.before = *b;
    if (a) c.after = *a;
    visit(std::move(c));
  };
  auto b = before.begin();
  auto a = after.begin();
  while (b != before.end() || a != after.end()) {
    if (a == after.end() || (b != before.end() && b->first < a->first)) {
      add((b++)->second, nullptr);
    } else if (b == before.end() || a->first < b->first) {
      add(nullptr, (a++)->second);
    } else {
      if (!(*b->second == *a->second)) add(b->second, a->second);
      ++b, ++a;
    }
  }
}

// VisitRowChanges' changes, kept.
template <typename Change, typename Row, typename KeyOf, typename Identify, typename FieldsOf>
std::vector<Change> DiffRows(const std::vector<Row>& from, const std::vector<Row>& to,
                             KeyOf key_of, Identify identify, FieldsOf changed_fields) {
  std::vector<Change> out;
  VisitRowChanges<Change>(from, to, key_of, identify, changed_fields,
                          [&out](Change c) { out.push_back(std::move(c)); });
  return out;
}

// A change's JSON: its op, the fields of `identity` (its key), "fields" for
// a MOD, then "before" and "after" through rule_json (null when absent).
template <typename Change, typename RuleJson>
nlohmann::ordered_json ChangeToJson(const Change& c, const nlohmann::ordered_json& identity,
                                    RuleJson rule_json) {
  nlohmann::ordered_json j = {{"op", c.op}};
  for (auto it = identity.begin(); it != identity.end(); ++it) j[it.key()] = it.value();
  if (c.op == "MOD") j["fields"] = c.fields;
  j["before"] = c.before ? rule_json(*c.before) : nlohmann::ordered_json(nullptr);
  j["after"] = c.after ? rule_json(*c.after) : nlohmann::ordered_json(nullptr);
  return j;
}

// The head of a delta as CSV: op, fields and `columns`.
std::string DeltaCsvHead(std::span<const char* const> columns, bool excel_bom);

// One change of a delta as a CSV record: its op, its changed fields and the
// cells of its rule: the new one for ADD and MOD (as of the newer date), the
// removed one for DEL (as of the older).
template <typename Change, typename Cells>
std::string ChangeCsvRow(const RuleDeltaHeader& header, const Change& c, Cells cells) {
  std::vector<std::string> row = {c.op, Join(c.fields, " ")};
  std::vector<std::string> rule =
      c.after ? cells(header.to_as_of, *c.after) : cells(header.from_as_of, *c.before);
  row.insert(row.end(), rule.begin(), rule.end());
  return CsvRow(row);
}

// A delta as CSV: DeltaCsvHead, then ChangeCsvRow of each change.
template <typename Change, typename Cells>
std::string ChangesToCsv(std::span<const char* const> columns, const RuleDeltaHeader& header,
                         const std::vector<Change>& changes, Cells cells, bool excel_bom) {
  std::string out = DeltaCsvHead(columns, excel_bom);
  for (const Change& c : changes) out += ChangeCsvRow(header, c, cells);
  return out;
}

}  // namespace regdiff::diff
