// The JSON renderer against schemas/diff.schema.json, and the validator
// against broken documents (so a pass means something).
#include "diff/render_json.h"

#include <gtest/gtest.h>

#include "tests/json_schema.h"
#include "tests/diff/reports.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

nlohmann::json Schema() {
  return LoadSchema("diff.schema.json");
}

std::string Errors(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += "\n  " + e;
  return out;
}

TEST(RenderJson, EveryKindOfReportMatchesTheSchema) {
  const nlohmann::json schema = Schema();
  const diff::DiffReport reports[] = {AnnouncementsReport(), VersionsReport(), TextsReport(), DatesReport(),
                                      PartiesReport()};
  for (const diff::DiffReport& r : reports) {
    SCOPED_TRACE(diff::DiffKindName(r.kind));
    nlohmann::json j = nlohmann::json::parse(diff::RenderJson(r));
    EXPECT_EQ(j["schema"], "regdiff.diff/1");
    EXPECT_EQ(j["kind"], std::string(diff::DiffKindName(r.kind)));
    std::vector<std::string> errors = ValidateJson(schema, j);
    EXPECT_TRUE(errors.empty()) << Errors(errors);
  }
}

TEST(RenderJson, TheValidatorRejectsBrokenDocuments) {
  const nlohmann::json schema = Schema();
  const nlohmann::json good = nlohmann::json::parse(diff::RenderJson(VersionsReport()));
  ASSERT_TRUE(ValidateJson(schema, good).empty());
  struct Case {
    const char* name;
    void (*edit)(nlohmann::json&);
  } cases[] = {
      {"missing key", [](nlohmann::json& j) { j.erase("summary"); }},
      {"wrong schema value", [](nlohmann::json& j) { j["schema"] = "regdiff.diff/2"; }},
      {"unknown kind", [](nlohmann::json& j) { j["kind"] = "files"; }},
      {"extra key", [](nlohmann::json& j) { j["left"]["colour"] = "red"; }},
      {"wrong type in an item", [](nlohmann::json& j) { j["items"]["removed"][0]["hs_codes"] = "2805301910"; }},
      {"bad line op", [](nlohmann::json& j) { j["text_diff"]["hunks"][0]["lines"][0]["op"] = "replace"; }},
      {"text_diff of the wrong shape", [](nlohmann::json& j) { j["text_diff"] = 3; }},
      {"integer expected", [](nlohmann::json& j) { j["left"]["version"] = "1"; }},
  };
  for (const Case& c : cases) {
    nlohmann::json j = good;
    c.edit(j);
    EXPECT_FALSE(ValidateJson(schema, j).empty()) << c.name;
  }
}

TEST(RenderJson, CarriesTheStructuredDifferences) {
  nlohmann::json j = nlohmann::json::parse(diff::RenderJson(VersionsReport()));
  EXPECT_EQ(j["differs"], true);
  EXPECT_EQ(j["left"]["version"], 1);
  EXPECT_EQ(j["right"]["version"], 2);
  ASSERT_EQ(j["items"]["removed"].size(), 1u);
  EXPECT_EQ(j["items"]["removed"][0]["code"], "1C903.a");
  ASSERT_EQ(j["items"]["changed"].size(), 1u);
  EXPECT_EQ(j["items"]["changed"][0]["changes"]["hs_added"], nlohmann::json::array({"2846901999"}));
  ASSERT_EQ(j["items"]["recoded"].size(), 1u);
  EXPECT_EQ(j["items"]["recoded"][0]["right"]["code"], "1C903.d");
  EXPECT_EQ(j["items"]["recoded"][0]["match"], "same_name");
  EXPECT_EQ(j["effective"]["changed"][0]["right"]["date"], "2025-05-01");
  EXPECT_FALSE(j["text_diff"].is_null());
  EXPECT_TRUE(nlohmann::json::parse(diff::RenderJson(AnnouncementsReport()))["text_diff"].is_null());
}

TEST(RenderJson, DatesCarryStatusChanges) {
  nlohmann::json j = nlohmann::json::parse(diff::RenderJson(DatesReport()));
  EXPECT_EQ(j["left"]["date"], "2025-04-04");
  EXPECT_EQ(j["right"]["listed"], 21);
  ASSERT_EQ(j["status_changes"].size(), 15u);
  const nlohmann::json& c = j["status_changes"][0];
  EXPECT_EQ(c["kind"], "newly_listed");
  EXPECT_EQ(c["code"], "1C909.a");
  EXPECT_TRUE(c["before"].is_null());
  EXPECT_EQ(c["after"]["status"], "suspended");
  EXPECT_EQ(c["after"]["until"], "2026-11-10");
}

// A report of a few thousand status changes is handed on in pieces of about
// a chunk each, never whole, and the pieces are the whole rendering.
TEST(RenderJson, ALargeReportIsWrittenInChunks) {
  diff::DiffReport r = DatesReport();
  const std::vector<diff::StatusChange> one = r.status.changes;
  while (r.status.changes.size() < 3000)
    r.status.changes.insert(r.status.changes.end(), one.begin(), one.end());
  std::vector<std::string> chunks;
  diff::WriteJson(r, [&chunks](std::string_view c) { chunks.emplace_back(c); });
  ASSERT_GT(chunks.size(), 10u);
  std::string whole;
  for (const std::string& c : chunks) {
    EXPECT_LT(c.size(), 2 * diff::ChunkedOutput::kChunk);
    whole += c;
  }
  EXPECT_EQ(whole, diff::RenderJson(r));
  EXPECT_EQ(nlohmann::json::parse(whole)["status_changes"].size(), r.status.changes.size());
}

TEST(RenderJson, InvalidUtf8IsReplacedNotThrown) {
  diff::DiffReport r = DatesReport();
  r.summary.front().text = "broken \xFF byte";
  const std::string out = diff::RenderJson(r);
  EXPECT_EQ(nlohmann::json::parse(out)["summary"][0]["text"], "broken \uFFFD byte");
}

}  // namespace
}  // namespace regdiff::testing
