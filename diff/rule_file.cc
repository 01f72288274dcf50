// The header, the fields, the reading and the renderings every rule file shares.
#include "diff/rule_file.h"

#include "corpus/display_text.h"

namespace regdiff::diff {

using Json = nlohmann::ordered_json;

RuleDeltaHeader DeltaHeaderBetween(const char* schema, const RuleFileHeader& from,
                                   const RuleFileHeader& to) {
  RuleDeltaHeader header(schema);
  header.tool_version = to.tool_version;
  header.from_as_of = from.as_of;
  header.to_as_of = to.as_of;
  return header;
}

Json OrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }
Json OrNull(const std::optional<std::string>& text) { return text ? Json(*text) : Json(nullptr); }

std::string TextOf(const Json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::optional<std::string> OptTextOf(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

std::string IsoOrEmpty(const std::optional<Date>& date) { return date ? date->ToIso() : ""; }

std::vector<RuleSuspension> SuspensionsOf(const std::vector<SuspensionWindow>& windows) {
  std::vector<RuleSuspension> out;
  for (const SuspensionWindow& w : windows)
    out.push_back({w.from.ToIso(), IsoOrEmpty(w.until), w.by});
  return out;
}

Json SuspensionsToJson(const std::vector<RuleSuspension>& suspensions) {
  Json out = Json::array();
  for (const RuleSuspension& s : suspensions)
    out.push_back({{"from", s.from}, {"until", OrNull(s.until)}, {"by", s.by}});
  return out;
}

std::vector<RuleSuspension> SuspensionsFromJson(const Json& array) {
  std::vector<RuleSuspension> out;
  for (const Json& s : array)
    out.push_back({TextOf(s, "from"), TextOf(s, "until"), TextOf(s, "by")});
  return out;
}

std::string SuspensionsText(const std::vector<RuleSuspension>& suspensions) {
  std::vector<std::string> parts;
  for (const RuleSuspension& s : suspensions)
    parts.push_back(s.from + ".." + (s.until.empty() ? "open" : s.until) + " by " + s.by);
  return Join(parts, "; ");
}

Json HeaderToJson(const RuleFileHeader& header) {
  Json sources = Json::array();
  for (const RuleSource& s : header.sources) {
    sources.push_back({{"doc_id", s.doc_id},
                       {"lang", s.lang},
                       {"source", Utf8DisplayForm(s.source)},  // a file name need not be UTF-8
                       {"sha256", s.sha256},
                       {"retrieved_at", s.retrieved_at}});
  }
  Json h = {{"schema", header.schema},
            {"tool_version", header.tool_version},
            {"as_of", header.as_of},
            {"known_at", OrNull(header.known_at)},
            {"until_is_inclusive", true}};
  if (header.generated_at) h["generated_at"] = *header.generated_at;
  if (header.coverage) h["coverage"] = CoverageToJson(*header.coverage);
  h["sources"] = std::move(sources);
  return h;
}

Json DeltaHeaderToJson(const RuleDeltaHeader& header) {
  return {{"schema", header.schema},
          {"tool_version", header.tool_version},
          {"from_as_of", header.from_as_of},
          {"to_as_of", header.to_as_of}};
}

RowStreamWriter::RowStreamWriter(RuleFormat format, std::function<void(std::string_view)> write)
    : format_(format),
      out_(std::move(write)),
      json_(out_.buffer(), format == RuleFormat::kJsonl ? JsonWriter::Style::kCompact
                                                  : JsonWriter::Style::kIndented) {}

void RowStreamWriter::Start(const Json& header, const char* rows_name, const char* row_type,
                            std::string csv_head) {
  row_type_ = row_type;
  switch (format_) {
    case RuleFormat::kJson:
      json_.BeginObject();
      WriteJsonMembers(json_, header);
      json_.Key(rows_name);
      json_.BeginArray();
      break;
    case RuleFormat::kJsonl:
      json_.BeginObject();
      json_.Member("type", "header");
      WriteJsonMembers(json_, header);
      json_.EndObject();
      out_ += '\n';
      break;
    case RuleFormat::kCsv: out_ += csv_head; break;
  }
}

void RowStreamWriter::Row(const std::function<void(JsonWriter&)>& fields,
                          const std::function<std::string()>& csv_record) {
  switch (format_) {
    case RuleFormat::kJson:
      json_.BeginObject();
      fields(json_);
      json_.EndObject();
      break;
    case RuleFormat::kJsonl:
      json_.BeginObject();
      json_.Member("type", row_type_);
      fields(json_);
      json_.EndObject();
      out_ += '\n';
      break;
    case RuleFormat::kCsv: out_ += csv_record(); break;
  }
  out_.MaybeFlush();
}

void RowStreamWriter::Finish() {
  if (format_ == RuleFormat::kJson) {
    json_.EndArray();
    json_.EndObject();
    out_ += '\n';
  }
  out_.Flush();
}

std::string DeltaCsvHead(std::span<const char* const> columns, bool excel_bom) {
  std::vector<const char*> head = {"op", "fields"};
  head.insert(head.end(), columns.begin(), columns.end());
  return CsvHead(head, excel_bom);
}

std::string DocumentToJson(Json header, const char* rows_name, Json rows) {
  header[rows_name] = std::move(rows);
  return header.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string DocumentToJsonl(Json header, const char* row_type, Json rows) {
  // One line: `first`, then the fields of `object`.
  auto line = [](Json first, Json& object) {
    for (auto it = object.begin(); it != object.end(); ++it)
      first[it.key()] = std::move(it.value());
    return first.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  };
  std::string out = line({{"type", "header"}}, header);
  for (Json& row : rows) out += line({{"type", row_type}}, row);
  return out;
}

void WriteJsonMembers(JsonWriter& w, const Json& object) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    w.Key(it.key());
    WriteJsonTree(w, it.value());
  }
}

void WriteJsonTree(JsonWriter& w, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      w.BeginObject();
      WriteJsonMembers(w, value);
      w.EndObject();
      break;
    case Json::value_t::array:
      w.BeginArray();
      for (const Json& v : value) WriteJsonTree(w, v);
      w.EndArray();
      break;
    case Json::value_t::string: w.String(value.get_ref<const std::string&>()); break;
    case Json::value_t::boolean: w.Bool(value.get<bool>()); break;
    case Json::value_t::null: w.Null(); break;
    default: w.Raw(value.dump()); break;  // numbers
  }
}

std::string CsvHead(std::span<const char* const> columns, bool excel_bom) {
  std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
  out += CsvRow(std::vector<std::string>(columns.begin(), columns.end()));
  return out;
}

Status ReadRuleFile(const std::string& text, const RuleFileKind& kind, RuleFileHeader* header,
                    const std::function<void(const Json& row)>& read_row) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::Corruption(std::string("not a JSON ") + kind.name);
  if (TextOf(j, "schema") != kind.schema) {
    return Status::Corruption("not a " + std::string(kind.schema) + " rule file (schema '" +
                              TextOf(j, "schema") + "')");
  }
  try {
    header->schema = kind.schema;
    header->tool_version = TextOf(j, "tool_version");
    header->as_of = TextOf(j, "as_of");
    header->known_at = OptTextOf(j, "known_at");
    header->generated_at = OptTextOf(j, "generated_at");
    if (auto it = j.find("coverage"); it != j.end()) {
      header->coverage = CoverageFromJson(*it);
      if (!header->coverage) return Status::Corruption(std::string(kind.name) + ": bad coverage");
    }
    for (const Json& s : j.at("sources")) {
      header->sources.push_back({TextOf(s, "doc_id"), TextOf(s, "lang"), TextOf(s, "source"),
                                 TextOf(s, "sha256"), TextOf(s, "retrieved_at")});
    }
    for (const Json& row : j.at(kind.rows)) read_row(row);
    return Status::Ok();
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(std::string(kind.name) + ": " + e.what());
  }
}

}  // namespace regdiff::diff
