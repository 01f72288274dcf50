// The envelope every rule file shares: the header and the delta header as
// JSON, reading a file back (errors name its kind), JSON lines, the CSV head,
// the suspension windows, and deltas: ADD/MOD/DEL by key, their JSON and CSV.
#include "diff/rule_file.h"

#include <gtest/gtest.h>

namespace regdiff::diff {
namespace {

using Json = nlohmann::ordered_json;

constexpr RuleFileKind kThings = {
    .schema = "regdiff.things/1", .name = "things file", .rows = "things", .row_type = "thing"};

RuleFileHeader AHeader() {
  RuleFileHeader h(kThings.schema);
  h.tool_version = "9.9";
  h.as_of = "2026-03-01";
  h.sources = {{"mofcom-2026-12", "zh", "a.html", std::string(64, 'a'), "2026-03-01T00:00:00Z"}};
  return h;
}

// A file of kThings with the given rows, as DocumentToJson writes it.
std::string AFile(const RuleFileHeader& h, Json rows) {
  return DocumentToJson(HeaderToJson(h), kThings.rows, std::move(rows));
}

TEST(RuleFile, HeaderFieldsComeInOrderWithAnUnknownKnownAtAsNull) {
  Json j = HeaderToJson(AHeader());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "tool_version", "as_of", "known_at",
                                            "until_is_inclusive", "sources"}));
  EXPECT_TRUE(j["known_at"].is_null());
  EXPECT_EQ(j["until_is_inclusive"], true);
  EXPECT_EQ(j["sources"][0]["retrieved_at"], "2026-03-01T00:00:00Z");
}

TEST(RuleFile, GeneratedAtIsWrittenOnlyWhenStamped) {
  RuleFileHeader h = AHeader();
  EXPECT_FALSE(HeaderToJson(h).contains("generated_at"));
  h.generated_at = "2026-03-02T08:00:00Z";
  EXPECT_EQ(HeaderToJson(h)["generated_at"], "2026-03-02T08:00:00Z");
}

TEST(RuleFile, ReadsBackTheHeaderAndEveryRow) {
  RuleFileHeader h = AHeader();
  h.known_at = "2026-02-01T00:00:00Z";
  std::vector<std::string> rows;
  RuleFileHeader back("");
  Status s = ReadRuleFile(AFile(h, Json::array({{{"n", "1"}}, {{"n", "2"}}})), kThings, &back,
                          [&](const Json& row) { rows.push_back(TextOf(row, "n")); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(back.schema, "regdiff.things/1");
  EXPECT_EQ(back.tool_version, "9.9");
  EXPECT_EQ(back.as_of, "2026-03-01");
  EXPECT_EQ(back.known_at, "2026-02-01T00:00:00Z");
  EXPECT_EQ(back.generated_at, std::nullopt);
  ASSERT_EQ(back.sources.size(), 1u);
  EXPECT_EQ(back.sources[0].doc_id, "mofcom-2026-12");
  EXPECT_EQ(rows, (std::vector<std::string>{"1", "2"}));
}

TEST(RuleFile, ReadingErrorsAreCorruptionAndNameTheKind) {
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"not json", "not a JSON things file"},
      {"[1, 2]", "not a JSON things file"},
      {R"({"schema":"regdiff.rules/1"})",
       "not a regdiff.things/1 rule file (schema 'regdiff.rules/1')"},
      {R"({"schema":"regdiff.things/1","things":[]})",
       "things file: [json.exception.out_of_range.403] key 'sources' not found"},
      {R"({"schema":"regdiff.things/1","sources":[]})",
       "things file: [json.exception.out_of_range.403] key 'things' not found"},
  };
  for (const Case& c : cases) {
    RuleFileHeader header("");
    Status s = ReadRuleFile(c.text, kThings, &header, [](const Json&) {});
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << c.text;
    EXPECT_EQ(s.message(), c.message) << c.text;
  }
}

TEST(RuleFile, AnUnreadableRowIsCorruption) {
  RuleFileHeader header("");
  Status s = ReadRuleFile(AFile(AHeader(), Json::array({{{"n", 1}}})), kThings, &header,
                          [](const Json& row) { (void)row.at("n").get<std::string>(); });
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_EQ(s.message().rfind("things file: [json.exception.type_error", 0), 0u) << s.message();
}

TEST(RuleFile, JsonIsTheHeaderThenTheRowsIndentedByTwo) {
  RuleDeltaHeader h("regdiff.things-delta/1");
  h.tool_version = "9.9";
  h.from_as_of = "2025-01-01";
  h.to_as_of = "2026-03-01";
  EXPECT_EQ(DocumentToJson(DeltaHeaderToJson(h), kDeltaRows, Json::array({{{"op", "ADD"}}})),
            "{\n"
            "  \"schema\": \"regdiff.things-delta/1\",\n"
            "  \"tool_version\": \"9.9\",\n"
            "  \"from_as_of\": \"2025-01-01\",\n"
            "  \"to_as_of\": \"2026-03-01\",\n"
            "  \"changes\": [\n"
            "    {\n"
            "      \"op\": \"ADD\"\n"
            "    }\n"
            "  ]\n"
            "}\n");
}

TEST(RuleFile, JsonLinesPutTheTypeBeforeEachLinesFields) {
  const std::string jsonl = DocumentToJsonl(HeaderToJson(AHeader()), kThings.row_type,
                                            Json::array({{{"n", "1"}}, {{"n", "2"}}}));
  EXPECT_EQ(jsonl.rfind(R"({"type":"header","schema":"regdiff.things/1","tool_version":"9.9",)", 0),
            0u);
  EXPECT_NE(jsonl.find("\n{\"type\":\"thing\",\"n\":\"1\"}\n{\"type\":\"thing\",\"n\":\"2\"}\n"),
            std::string::npos);
}

TEST(RuleFile, CsvHeadStartsWithAByteOrderMarkOnlyForExcel) {
  const char* columns[] = {"as_of", "key"};
  EXPECT_EQ(CsvHead(columns, /*excel_bom=*/false), "as_of,key\r\n");
  EXPECT_EQ(CsvHead(columns, /*excel_bom=*/true),
            "\xEF\xBB\xBF"
            "as_of,key\r\n");
}

TEST(RuleFile, EmptyTextIsWrittenAsNullAndReadBackAsEmpty) {
  Json j = {{"a", OrNull(std::string())},
            {"b", OrNull(std::optional<std::string>())},
            {"c", OrNull(std::string("x"))}};
  EXPECT_TRUE(j["a"].is_null());
  EXPECT_TRUE(j["b"].is_null());
  EXPECT_EQ(TextOf(j, "a"), "");
  EXPECT_EQ(TextOf(j, "missing"), "");
  EXPECT_EQ(TextOf(j, "c"), "x");
  EXPECT_EQ(OptTextOf(j, "a"), std::nullopt);
  EXPECT_EQ(OptTextOf(j, "c"), "x");
}

TEST(RuleFile, SuspensionsAreWindowsWithAnOpenEnd) {
  std::vector<RuleSuspension> s =
      SuspensionsOf({{Date{2025, 11, 10}, Date{2026, 11, 10}, "mofcom-2025-70"},
                     {Date{2026, 12, 1}, std::nullopt, "mofcom-2026-5"}});
  EXPECT_EQ(s[0], (RuleSuspension{"2025-11-10", "2026-11-10", "mofcom-2025-70"}));
  EXPECT_EQ(s[1].until, "");
  EXPECT_EQ(SuspensionsText(s),
            "2025-11-10..2026-11-10 by mofcom-2025-70; 2026-12-01..open by mofcom-2026-5");
  Json j = SuspensionsToJson(s);
  EXPECT_TRUE(j[1]["until"].is_null());
  EXPECT_EQ(SuspensionsFromJson(j), s);
}

TEST(RuleFile, ADeltaIsBetweenTheTwoDatesByTheNewerTool) {
  RuleFileHeader from = AHeader(), to = AHeader();
  from.as_of = "2025-01-01";
  from.tool_version = "0.1";
  RuleDeltaHeader d = DeltaHeaderBetween("regdiff.things-delta/1", from, to);
  EXPECT_EQ(d.schema, "regdiff.things-delta/1");
  EXPECT_EQ(d.tool_version, "9.9");
  EXPECT_EQ(d.from_as_of, "2025-01-01");
  EXPECT_EQ(d.to_as_of, "2026-03-01");
}

// A kind of row for the delta tests: a key and one field.
struct Thing {
  std::string key, colour;
  bool operator==(const Thing&) const = default;
};

struct ThingChange {
  std::string op;
  std::string key;
  std::vector<std::string> fields;
  std::optional<Thing> before, after;
};

std::vector<ThingChange> DiffThings(const std::vector<Thing>& from, const std::vector<Thing>& to) {
  return DiffRows<ThingChange>(
      from, to, [](const Thing& t) { return t.key; },
      [](ThingChange& c, const Thing& t) { c.key = t.key; },
      [](const Thing& a, const Thing& b) {
        return a.colour == b.colour ? std::vector<std::string>{}
                                    : std::vector<std::string>{"colour"};
      });
}

std::string OpsOf(const std::vector<ThingChange>& changes) {
  std::string out;
  for (const ThingChange& c : changes) out += c.op + " " + c.key + ";";
  return out;
}

TEST(RuleFileDelta, AddsModifiesAndDeletesInKeyOrderLeavingEqualRowsOut) {
  std::vector<ThingChange> d = DiffThings({{"b", "red"}, {"a", "red"}, {"d", "red"}},
                                          {{"c", "red"}, {"d", "blue"}, {"a", "red"}});
  EXPECT_EQ(OpsOf(d), "DEL b;ADD c;MOD d;");
  EXPECT_EQ(d[0].before, (Thing{"b", "red"}));
  EXPECT_EQ(d[0].after, std::nullopt);
  EXPECT_EQ(d[1].before, std::nullopt);
  EXPECT_EQ(d[2].fields, (std::vector<std::string>{"colour"}));
  EXPECT_EQ(d[2].before->colour, "red");
  EXPECT_EQ(d[2].after->colour, "blue");
  EXPECT_TRUE(DiffThings({{"a", "red"}}, {{"a", "red"}}).empty());
}

TEST(RuleFileDelta, OfRowsWithEqualKeysTheFirstCounts) {
  EXPECT_TRUE(DiffThings({{"a", "red"}, {"a", "blue"}}, {{"a", "red"}}).empty());
  EXPECT_EQ(OpsOf(DiffThings({{"a", "red"}}, {{"a", "blue"}, {"a", "red"}})), "MOD a;");
}

TEST(RuleFileDelta, ChangeJsonHasFieldsOnlyForAModAndNullForAMissingSide) {
  auto to_json = [](const Thing& t) { return Json{{"colour", t.colour}}; };
  std::vector<ThingChange> d = DiffThings({{"a", "red"}, {"b", "red"}}, {{"b", "blue"}});
  EXPECT_EQ(ChangeToJson(d[0], {{"key", d[0].key}}, to_json).dump(),
            R"({"op":"DEL","key":"a","before":{"colour":"red"},"after":null})");
  EXPECT_EQ(ChangeToJson(d[1], {{"key", d[1].key}}, to_json).dump(),
            R"({"op":"MOD","key":"b","fields":["colour"],"before":{"colour":"red"},)"
            R"("after":{"colour":"blue"}})");
}

TEST(RuleFileDelta, CsvRowsCarryTheNewRowAsOfTheNewerDateAndADeletedOneAsOfTheOlder) {
  RuleDeltaHeader h("regdiff.things-delta/1");
  h.from_as_of = "2025-01-01";
  h.to_as_of = "2026-03-01";
  const char* columns[] = {"as_of", "key", "colour"};
  auto cells = [](const std::string& as_of, const Thing& t) {
    return std::vector<std::string>{as_of, t.key, t.colour};
  };
  std::vector<ThingChange> d =
      DiffThings({{"a", "red"}, {"b", "red"}}, {{"b", "blue"}, {"c", "green"}});
  EXPECT_EQ(ChangesToCsv(columns, h, d, cells, /*excel_bom=*/false),
            "op,fields,as_of,key,colour\r\n"
            "DEL,,2025-01-01,a,red\r\n"
            "MOD,colour,2026-03-01,b,blue\r\n"
            "ADD,,2026-03-01,c,green\r\n");
}

}  // namespace
}  // namespace regdiff::diff
