// End-to-end behaviour of `regdiff asof` and `regdiff timeline` on databases
// built by `regdiff ingest` from the bundled samples (2025 Nos. 18, 57, 61,
// 62, 70): the dates of the real sequence, filters, bad input, ingestion in
// several orders, and --known-at. The English sample of No. 57 may or may not
// be parsed; every assertion here holds either way (items are keyed by code).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::set<std::string> kSeven = {"Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"};
const std::set<std::string> kFive = {"Ho", "Er", "Tm", "Eu", "Yb"};

std::vector<std::string> SampleFiles() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(SamplesDir()))
    if (entry.path().extension() == ".html") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

RunResult RegdiffOn(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  return RunRegdiff(args);
}

Json ParseJson(const RunResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Json j = Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

// Elements of the items whose status is `status`.
std::set<std::string> ElementsWith(const Json& asof, const std::string& status) {
  std::set<std::string> out;
  for (const Json& item : asof["items"])
    if (item["status"] == status)
      for (const Json& e : item["elements"]) out.insert(e.get<std::string>());
  return out;
}

std::set<std::string> Codes(const Json& asof) {
  std::set<std::string> out;
  for (const Json& item : asof["items"])
    if (item["code"].is_string()) out.insert(item["code"].get<std::string>());
  return out;
}

// 1C909 .. 1C913 and their sub-codes: the items of No. 57.
bool IsNo57Code(const std::string& code) {
  for (const char* base : {"1C909", "1C910", "1C911", "1C912", "1C913"})
    if (code.rfind(base, 0) == 0) return true;
  return false;
}

// Where two answers first differ, with a little context (the whole answers
// are too long to print).
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t from = i < 200 ? 0 : i - 200;
  return "at byte " + std::to_string(i) + ":\n--- first\n" + a.substr(from, 400) +
         "\n--- this order\n" + b.substr(from, 400);
}

// One database with every sample ingested at once, shared by the read-only
// tests of this suite.
class TimelineCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir());
    db_ = new std::string(*dir_ + "/samples.db");
    RunResult r = RegdiffOn(*db_, {"ingest", SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  RunResult Regdiff(std::vector<std::string> args) { return RegdiffOn(*db_, std::move(args)); }
  Json AsofJson(const std::string& date) { return ParseJson(Regdiff({"asof", date, "--json"})); }

  static std::string* dir_;
  static std::string* db_;
};

std::string* TimelineCli::dir_ = nullptr;
std::string* TimelineCli::db_ = nullptr;

TEST_F(TimelineCli, JsonNothingFromNo18TheDayBefore) {
  Json j = AsofJson("2025-04-03");
  EXPECT_EQ(j["as_of"], "2025-04-03");
  EXPECT_EQ(j["until_is_inclusive"], true);
  EXPECT_TRUE(j["known_at"].is_null());
  EXPECT_TRUE(j["items"].empty()) << j.dump(2);
}

TEST_F(TimelineCli, JsonSevenElementsOnNo18sPublicationDay) {
  Json j = AsofJson("2025-04-04");
  ASSERT_EQ(j["items"].size(), 21u) << j.dump(2);
  for (const Json& item : j["items"]) {
    EXPECT_EQ(item["status"], "in_force") << item.dump();
    EXPECT_EQ(item["basis"], "stated") << item.dump();
    EXPECT_EQ(item["listed_by"], "mofcom-gacc-2025-18");
    EXPECT_EQ(item["since"], "2025-04-04");
  }
  EXPECT_EQ(ElementsWith(j, "in_force"), kSeven);
  const Json& first = j["items"][0];
  EXPECT_EQ(first["code"], "1C902.a");
  EXPECT_EQ(first["hs_codes"], Json({"2805301910", "3824999922", "8486909110"}));
}

TEST_F(TimelineCli, JsonNo57SuspendedBeforeItsDateSevenStillInForce) {
  Json j = AsofJson("2025-11-09");
  EXPECT_EQ(ElementsWith(j, "in_force"), kSeven);
  EXPECT_EQ(ElementsWith(j, "suspended"), kFive);
  int no57 = 0;
  for (const Json& item : j["items"]) {
    if (!item["code"].is_string() || !IsNo57Code(item["code"])) continue;
    ++no57;
    EXPECT_EQ(item["status"], "suspended") << item.dump();
    EXPECT_EQ(item["basis"], "stated");
    EXPECT_EQ(item["since"], "2025-11-08");
    EXPECT_EQ(item["until"], "2026-11-10");
    EXPECT_EQ(item["governing"], Json({"mofcom-gacc-2025-57", "mofcom-gacc-2025-70"}));
    EXPECT_NE(item["evidence"].get<std::string>().find("暂停"), std::string::npos);
  }
  EXPECT_GE(no57, 15);
  for (const char* code : {"1C909.a", "1C910.b", "1C913.c"})
    EXPECT_TRUE(Codes(j).count(code)) << code;
}

TEST_F(TimelineCli, JsonStillSuspendedOnTheInclusiveEndDate) {
  Json j = AsofJson("2026-11-10");
  EXPECT_EQ(ElementsWith(j, "suspended"), kFive);
  EXPECT_EQ(ElementsWith(j, "in_force"), kSeven);
}

TEST_F(TimelineCli, JsonTwelveInForceTheDayAfterTheFiveInferred) {
  Json j = AsofJson("2026-11-11");
  std::set<std::string> twelve = kSeven;
  twelve.insert(kFive.begin(), kFive.end());
  EXPECT_EQ(ElementsWith(j, "in_force"), twelve);
  EXPECT_TRUE(ElementsWith(j, "suspended").empty());
  for (const Json& item : j["items"]) {
    if (!item["code"].is_string()) continue;
    std::string code = item["code"];
    if (IsNo57Code(code)) {
      EXPECT_EQ(item["status"], "in_force") << code;
      EXPECT_EQ(item["basis"], "inferred") << code;
      EXPECT_EQ(item["since"], "2026-11-11") << code;
    } else if (item["listed_by"] == "mofcom-gacc-2025-18") {
      EXPECT_EQ(item["basis"], "stated") << code;
      EXPECT_EQ(item["since"], "2025-04-04") << code;
    }
  }
}

TEST_F(TimelineCli, HumanTableShowsStatusesGovernorsAndInferred) {
  RunResult suspended = Regdiff({"asof", "2025-11-09"});
  ASSERT_EQ(suspended.exit_code, 0) << suspended.err;
  EXPECT_NE(suspended.out.find("STATUS"), std::string::npos);
  EXPECT_NE(suspended.out.find("suspension end dates are inclusive"), std::string::npos);
  bool saw_1c909 = false, saw_1c902 = false;
  std::istringstream lines(suspended.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("1C909.a ", 0) == 0) {
      saw_1c909 = true;
      EXPECT_NE(line.find("suspended"), std::string::npos) << line;
      EXPECT_NE(line.find("2026-11-10"), std::string::npos) << line;
      EXPECT_NE(line.find("mofcom-gacc-2025-70"), std::string::npos) << line;
      EXPECT_NE(line.find("28053019"), std::string::npos) << line;
    }
    if (line.rfind("1C902.a ", 0) == 0) {
      saw_1c902 = true;
      EXPECT_NE(line.find("in_force"), std::string::npos) << line;
      EXPECT_NE(line.find("2805301910"), std::string::npos) << line;
    }
  }
  EXPECT_TRUE(saw_1c909 && saw_1c902) << suspended.out;

  RunResult after = Regdiff({"asof", "2026-11-11"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  std::istringstream after_lines(after.out);
  for (std::string line; std::getline(after_lines, line);) {
    if (line.rfind("1C909.a ", 0) == 0) {
      EXPECT_NE(line.find("in_force (inferred)"), std::string::npos) << line;
    }
    if (line.rfind("1C902.a ", 0) == 0) {
      EXPECT_EQ(line.find("inferred"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(after.out.find("suspended  "), std::string::npos);

  // Summary lines: counts that do not depend on whether the English text
  // of No. 57 was parsed (its items merge into the Chinese one's by code).
  const std::vector<std::pair<std::string, std::string>> summaries = {
      {"2025-04-03", "as of 2025-04-03: 0 in force, 0 suspended, 0 not yet in force"},
      {"2025-04-04", "as of 2025-04-04: 21 in force, 0 suspended, 0 not yet in force"},
      {"2026-11-10", "as of 2026-11-10: 21 in force, 17 suspended, 0 not yet in force"},
      {"2026-11-11", "as of 2026-11-11: 38 in force, 0 suspended, 0 not yet in force"},
  };
  for (const auto& [date, summary] : summaries) {
    RunResult r = Regdiff({"asof", date});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(summary), std::string::npos) << r.out;
  }

  RunResult before = Regdiff({"asof", "2025-10-10"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("not_yet_in_force"), std::string::npos);
}

TEST_F(TimelineCli, FiltersByElementCodeAndHs) {
  auto codes_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"asof", "2025-11-09", "--json"});
    return Codes(ParseJson(Regdiff(args)));
  };
  const std::set<std::string> holmium = {"1C909.a", "1C909.b", "1C909.c"};
  EXPECT_EQ(codes_of({"--element", "Ho"}), holmium);
  EXPECT_EQ(codes_of({"--code", "1C909"}), holmium);
  EXPECT_EQ(codes_of({"--code", "1C909.a"}), std::set<std::string>{"1C909.a"});
  // 28053019 (8 digits, October 2025) and 2805301910 (10 digits, No. 18)
  // match each other by prefix.
  const std::set<std::string> metals = {"1C902.a", "1C903.a", "1C909.a",
                                        "1C910.a", "1C911.a", "1C912.a"};
  EXPECT_EQ(codes_of({"--hs", "28053019"}), metals);
  EXPECT_EQ(codes_of({"--hs", "2805301910"}), metals);
  EXPECT_EQ(codes_of({"--element", "Ho", "--hs", "2805301910"}),
            std::set<std::string>{"1C909.a"});
  EXPECT_TRUE(codes_of({"--element", "Sc", "--code", "1C909"}).empty());
}

TEST_F(TimelineCli, AnElementIsNamedByItsSymbolCharacterOrEnglishName) {
  auto codes_of = [&](const std::string& element) {
    return Codes(ParseJson(Regdiff({"asof", "2025-11-09", "--json", "--element", element})));
  };
  const std::set<std::string> holmium = {"1C909.a", "1C909.b", "1C909.c"};
  for (const char* name : {"Ho", "ho", "钬", "鈥", "holmium", "Holmium"}) {
    EXPECT_EQ(codes_of(name), holmium) << name;
    Json timeline = ParseJson(Regdiff({"timeline", name, "--json"}));
    EXPECT_EQ(timeline["events"], ParseJson(Regdiff({"timeline", "Ho", "--json"}))["events"])
        << name;
  }
  RunResult query = Regdiff({"query", "--element", "钬", "--date", "2026-12-01"});
  EXPECT_NE(query.out.find("1C909.a"), std::string::npos) << query.out << query.err;
}

TEST_F(TimelineCli, AnswersSayHowManyAnnouncementsTheyRestOn) {
  Json asof = AsofJson("2025-11-09");
  // The samples: seven announcements, No. 57 in Chinese and English.
  EXPECT_EQ(asof["coverage"]["announcements"], 7) << asof["coverage"];
  EXPECT_EQ(asof["coverage"]["texts"], 8) << asof["coverage"];
  EXPECT_EQ(asof["coverage"]["latest_published"], "2026-02-24");
  EXPECT_TRUE(asof["coverage"]["last_ingest"].is_string());
  Json query = ParseJson(Regdiff({"query", "--hs", "28053019", "--json"}));
  EXPECT_EQ(query["coverage"], asof["coverage"]);
  RunResult table = Regdiff({"asof", "2025-11-09"});
  EXPECT_NE(table.out.find("(based on 7 announcements (8 texts), latest published 2026-02-24, "
                           "last ingest "),
            std::string::npos)
      << table.out;
  // Known at a time before any ingest: nothing stored then.
  Json before = ParseJson(Regdiff({"asof", "2025-11-09", "--json", "--known-at", "2000-01-01"}));
  EXPECT_EQ(before["coverage"]["announcements"], 0);
  EXPECT_TRUE(before["coverage"]["latest_published"].is_null());
}

TEST(CoverageCli, AnEmptyDatabaseSaysItsNegativeMeansNothing) {
  const std::string dir = MakeTempDir();
  const std::string db = dir + "/empty.db";
  // An ingest of an empty folder creates the database and stores nothing.
  fs::create_directories(dir + "/none");
  RunResult created = RegdiffOn(db, {"ingest", dir + "/none"});
  ASSERT_TRUE(fs::exists(db)) << created.err;
  RunResult query = RegdiffOn(db, {"query", "--hs", "28053019"});
  EXPECT_EQ(query.exit_code, 1);
  EXPECT_NE(query.out.find("NOT CONTROLLED"), std::string::npos) << query.out;
  EXPECT_NE(query.out.find("(based on no stored announcement)"), std::string::npos) << query.out;
  EXPECT_NE(query.err.find("the database holds no announcement"), std::string::npos) << query.err;
  Json j = Json::parse(RegdiffOn(db, {"query", "--hs", "28053019", "--json"}).out);
  EXPECT_EQ(j["coverage"]["announcements"], 0);
  EXPECT_EQ(j["coverage"]["texts"], 0);
  fs::remove_all(dir);
}

TEST_F(TimelineCli, AsofAndTimelineAlsoPrintMarkdownAndCsv) {
  RunResult md = Regdiff({"asof", "2025-11-09", "--format", "markdown"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("## Items\n\n| CODE | STATUS |"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("| 1C909.a | suspended |"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("## Parties"), std::string::npos);
  RunResult csv = Regdiff({"asof", "2025-11-09", "--format", "csv", "--items-only", "--evidence"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("CODE,STATUS,SINCE,UNTIL,ELEMENTS,GOVERNED BY,HS CODES,EVIDENCE\r\n", 0),
            0u)
      << csv.out.substr(0, 200);
  EXPECT_NE(csv.out.find("\r\n1C909.a,suspended,"), std::string::npos);
  // One CSV table only: items and parties together are refused.
  EXPECT_EQ(Regdiff({"asof", "2025-11-09", "--format", "csv"}).exit_code, 2);
  EXPECT_EQ(Regdiff({"asof", "2025-11-09", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(Regdiff({"asof", "2025-11-09", "--format", "json"}).out,
            Regdiff({"asof", "2025-11-09", "--json"}).out);
  RunResult timeline = Regdiff({"timeline", "1C909.a", "--format", "csv"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_EQ(timeline.out.rfind("DATE,EVENT,CODE,ANNOUNCEMENT,EVIDENCE\r\n", 0), 0u);
  EXPECT_NE(timeline.out.find("2025-11-07,suspended,1C909.a,mofcom-gacc-2025-70,"),
            std::string::npos)
      << timeline.out;
  RunResult timeline_md = Regdiff({"timeline", "1C909.a", "--format", "markdown"});
  EXPECT_NE(timeline_md.out.find("| 2025-11-08 | enters | 1C909.a | mofcom-gacc-2025-57 |"), std::string::npos)
      << timeline_md.out;
}

TEST_F(TimelineCli, BadDatesAndUnknownElementsExitTwoWithAMessage) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"asof", "2025-02-30"}, "YYYY-MM-DD"},
      {{"asof", "9 Nov 2025"}, "YYYY-MM-DD"},
      {{"asof", "2025-11-09", "--element", "Xx"}, "--element"},
      {{"asof", "2025-11-09", "--hs", "28ab"}, "--hs"},
      {{"asof", "2025-11-09", "--known-at", "yesterday"}, "--known-at"},
      {{"timeline", "Ho", "--known-at", "2025-11-09T25:00:00Z"}, "--known-at"},
  };
  for (const Case& c : cases) {
    RunResult r = Regdiff(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[1];
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args[1] << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST_F(TimelineCli, TimelineOfAnItemListsDatedEventsWithSources) {
  RunResult r = Regdiff({"timeline", "1C909.a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t suspended = r.out.find("2025-11-07  suspended");
  size_t enters = r.out.find("2025-11-08  enters");
  size_t ends = r.out.find("2026-11-11  suspension_ends");
  ASSERT_NE(suspended, std::string::npos) << r.out;
  ASSERT_NE(enters, std::string::npos) << r.out;
  ASSERT_NE(ends, std::string::npos) << r.out;
  EXPECT_LT(suspended, enters);
  EXPECT_LT(enters, ends);
  std::string suspended_line = r.out.substr(suspended, r.out.find('\n', suspended) - suspended);
  EXPECT_NE(suspended_line.find("mofcom-gacc-2025-70"), std::string::npos) << suspended_line;
  std::string enters_line = r.out.substr(enters, r.out.find('\n', enters) - enters);
  EXPECT_NE(enters_line.find("mofcom-gacc-2025-57"), std::string::npos) << enters_line;
  std::string ends_line = r.out.substr(ends, r.out.find('\n', ends) - ends);
  EXPECT_NE(ends_line.find("(inferred)"), std::string::npos) << ends_line;
  EXPECT_EQ(r.out.find("1C909.b"), std::string::npos);
}

TEST_F(TimelineCli, TimelineOfAnElementAsJson) {
  Json j = ParseJson(Regdiff({"timeline", "Ho", "--json"}));
  EXPECT_EQ(j["query"], "Ho");
  ASSERT_FALSE(j["events"].empty());
  std::set<std::string> kinds;
  std::string previous;
  for (const Json& e : j["events"]) {
    std::string code = e["code"];
    EXPECT_EQ(code.rfind("1C909.", 0), 0u) << code;
    std::string date = e["date"];
    EXPECT_LE(previous, date);
    previous = date;
    std::string kind = e["event"];
    kinds.insert(kind);
    if (kind == "enters") {
      EXPECT_EQ(e["doc_id"], "mofcom-gacc-2025-57");
      EXPECT_EQ(e["date"], "2025-11-08");
    } else if (kind == "suspended") {
      EXPECT_EQ(e["doc_id"], "mofcom-gacc-2025-70");
      EXPECT_EQ(e["date"], "2025-11-07");
    } else if (kind == "suspension_ends") {
      EXPECT_EQ(e["date"], "2026-11-11");
      EXPECT_EQ(e["basis"], "inferred");
    }
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"enters", "suspended", "suspension_ends"}));
}

TEST_F(TimelineCli, TimelineOfAnHsCodeAndOfNothing) {
  Json j = ParseJson(Regdiff({"timeline", "2805301910", "--json"}));
  std::set<std::string> codes;
  for (const Json& e : j["events"]) codes.insert(e["code"].get<std::string>());
  EXPECT_EQ(codes, (std::set<std::string>{"1C902.a", "1C903.a", "1C909.a", "1C910.a", "1C911.a",
                                          "1C912.a"}));
  RunResult none = Regdiff({"timeline", "9Z999"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("9Z999"), std::string::npos) << none.err;
}

// What the database answers, as one string: asof --json on every date of
// the sequence and the JSON timeline of an element.
// The answers of a database; the time of its last ingest (in each answer's
// coverage) is when the test ran, and is left out.
std::string Answers(const std::string& db) {
  static const std::regex kLastIngest("\"last_ingest\": \"[^\"]*\"");
  std::string out;
  for (const char* date : {"2025-04-03", "2025-04-04", "2025-10-10", "2025-11-09", "2026-11-10",
                           "2026-11-11"}) {
    RunResult r = RegdiffOn(db, {"asof", date, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"last_ingest\": \"20"), std::string::npos) << r.out.substr(0, 300);
    out += std::regex_replace(r.out, kLastIngest, "\"last_ingest\": (left out)");
  }
  RunResult t = RegdiffOn(db, {"timeline", "Ho", "--json"});
  EXPECT_EQ(t.exit_code, 0) << t.err;
  return out + t.out;
}

TEST(TimelineCliOrder, IngestingOneByOneInAnyOrderGivesByteIdenticalAnswers) {
  std::vector<std::string> files = SampleFiles();
  ASSERT_GE(files.size(), 5u);
  const size_t n = files.size();
  std::vector<std::vector<size_t>> orders;
  std::vector<size_t> forward(n);
  for (size_t i = 0; i < n; ++i) forward[i] = i;
  orders.push_back(forward);
  orders.push_back(std::vector<size_t>(forward.rbegin(), forward.rend()));
  std::vector<size_t> odd_even;  // 1, 3, 5, ..., 0, 2, 4, ...
  for (size_t i = 1; i < n; i += 2) odd_even.push_back(i);
  for (size_t i = 0; i < n; i += 2) odd_even.push_back(i);
  orders.push_back(odd_even);
  std::vector<size_t> rotated(n);  // starts in the middle
  for (size_t i = 0; i < n; ++i) rotated[i] = (i + n / 2) % n;
  orders.push_back(rotated);

  std::string reference;
  for (const std::vector<size_t>& order : orders) {
    std::string dir = MakeTempDir();
    std::string db = dir + "/order.db";
    std::string names;
    for (size_t i : order) {
      RunResult r = RegdiffOn(db, {"ingest", files[i]});
      ASSERT_EQ(r.exit_code, 0) << files[i] << ": " << r.err;
      names += fs::path(files[i]).filename().string() + " ";
    }
    std::string answers = Answers(db);
    fs::remove_all(dir);
    EXPECT_NE(answers.find("\"suspended\""), std::string::npos);
    if (reference.empty()) reference = answers;
    else EXPECT_TRUE(answers == reference) << "order: " << names << "\n"
                                             << FirstDifference(reference, answers);
  }
}

TEST(TimelineCliKnownAt, AnswersWithOnlyWhatWasIngestedByThen) {
  std::string dir = MakeTempDir();
  std::string db = dir + "/known.db";
  std::vector<std::string> files = SampleFiles();
  auto no18 = std::find_if(files.begin(), files.end(), [](const std::string& f) {
    return f.find("mofcom-gacc-2025-18") != std::string::npos;
  });
  ASSERT_NE(no18, files.end());
  ASSERT_EQ(RegdiffOn(db, {"ingest", *no18}).exit_code, 0);
  Json shown = ParseJson(RegdiffOn(db, {"show", "mofcom-gacc-2025-18", "--json"}));
  const std::string between = shown["texts"][0]["retrieved_at"];  // "YYYY-MM-DDTHH:MM:SSZ"
  ASSERT_EQ(between.size(), 20u) << between;
  // Retrieval times have whole seconds: the rest is stored at least a second later.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  for (const std::string& f : files) {
    if (f == *no18) continue;
    RunResult r = RegdiffOn(db, {"ingest", f});
    ASSERT_EQ(r.exit_code, 0) << f << ": " << r.err;
  }

  Json then = ParseJson(RegdiffOn(db, {"asof", "2025-11-09", "--known-at", between, "--json"}));
  EXPECT_EQ(then["known_at"], between);
  ASSERT_EQ(then["items"].size(), 21u) << then.dump(2);
  for (const Json& item : then["items"]) {
    EXPECT_EQ(item["listed_by"], "mofcom-gacc-2025-18");
    EXPECT_EQ(item["status"], "in_force");
  }

  Json now = ParseJson(RegdiffOn(db, {"asof", "2025-11-09", "--json"}));
  EXPECT_EQ(ElementsWith(now, "suspended"), kFive);
  EXPECT_TRUE(Codes(now).count("1E902.a"));

  RunResult human = RegdiffOn(db, {"asof", "2025-11-09", "--known-at", between});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("known at " + between), std::string::npos) << human.out;
  EXPECT_EQ(human.out.find("1C909"), std::string::npos) << human.out;

  Json before_any = ParseJson(RegdiffOn(db, {"asof", "2025-11-09", "--known-at", "2000-01-01",
                                             "--json"}));
  EXPECT_TRUE(before_any["items"].empty());

  // The timeline command honours --known-at too: Ho was unknown then.
  RunResult ho_then = RegdiffOn(db, {"timeline", "Ho", "--known-at", between});
  EXPECT_EQ(ho_then.exit_code, 1) << ho_then.out;
  EXPECT_EQ(RegdiffOn(db, {"timeline", "Ho"}).exit_code, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::testing
