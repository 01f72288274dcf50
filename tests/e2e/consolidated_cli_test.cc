// The consolidated state end to end on the bundled samples: ingest leaves it
// current, and asof, query, diff and export read from it exactly what a timeline
// rebuilt from every document gives (the path --known-at and a stale state
// still take), on every date the samples name and the days around them;
// timeline, from only the texts its answer rests on, what the whole tells;
// and a reader polling while an ingest runs never sees its texts beside a
// stale state.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "tests/e2e/child_process.h"
#include "tests/e2e/db_fixture.h"

namespace regdiff::testing {
namespace {

using Json = nlohmann::json;

// After every sample date, as the rebuilt timeline sees the store.
constexpr char kKnownAtFuture[] = "2100-01-01";

class ConsolidatedCliTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    RunResult r = Ingest({SamplesDir()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  bool Current() {
    auto store = AnnouncementStore::Open(db_);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return false;
    ConsolidatedStore kept((*store)->db());
    auto current = kept.Current();
    EXPECT_TRUE(current.ok());
    return current.ok() && *current;
  }

  // Leaves the state as a migration from an older schema does, never built:
  // reads then rebuild the timeline from the documents.
  void MakeStale() {
    auto store = AnnouncementStore::Open(db_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->db().Exec("UPDATE consolidation SET built_generation = NULL").ok());
  }
};

TEST_F(ConsolidatedCliTest, IngestLeavesTheStateCurrent) { EXPECT_TRUE(Current()); }

TEST_F(ConsolidatedCliTest, AsofReadsWhatTheRebuiltTimelineGivesOnEveryDate) {
  const char* kDates[] = {"2025-04-03", "2025-04-04", "2025-10-08", "2025-10-09",
                          "2025-11-07", "2025-11-08", "2025-11-09", "2025-11-10",
                          "2026-02-23", "2026-02-24", "2026-11-10", "2026-11-11",
                          "2027-06-01"};
  for (const char* date : kDates) {
    SCOPED_TRACE(date);
    RunResult kept = Regdiff({"asof", date, "--json"});
    RunResult rebuilt = Regdiff({"asof", date, "--json", "--known-at", kKnownAtFuture});
    ASSERT_EQ(kept.exit_code, 0) << kept.err;
    ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    const Json a = Json::parse(kept.out), b = Json::parse(rebuilt.out);
    EXPECT_EQ(a["items"], b["items"]);
    EXPECT_EQ(a["parties"], b["parties"]);
  }
  // The text form too, but for the line naming --known-at.
  RunResult text = Regdiff({"asof", "2025-11-10", "--evidence"});
  EXPECT_NE(text.out.find("suspended"), std::string::npos) << text.out;
}

TEST_F(ConsolidatedCliTest, QueryReadsWhatTheRebuiltTimelineGives) {
  const std::vector<std::vector<std::string>> kQueries = {
      {"--hs", "2805301950", "--date", "2025-11-08"},
      {"--hs", "2805", "--date", "2026-11-11"},
      {"--hs", "3824999922", "--date", "2025-04-04"},
      {"--code", "1C909", "--date", "2025-11-10"},
      {"--code", "1C902.a", "--date", "2025-04-04"},
      {"--element", "Ho", "--date", "2026-11-11"},
      {"--party", "Subaru Corp.", "--date", "2026-03-01"},
      {"--party", "Subaro Corp.", "--date", "2026-03-01"},
  };
  for (std::vector<std::string> q : kQueries) {
    SCOPED_TRACE(q[1]);
    q.insert(q.begin(), "query");
    RunResult kept = Regdiff(q);
    q.insert(q.end(), {"--known-at", kKnownAtFuture});
    RunResult rebuilt = Regdiff(q);
    EXPECT_EQ(kept.exit_code, rebuilt.exit_code) << kept.out << rebuilt.out;
    EXPECT_EQ(kept.out, rebuilt.out);
    EXPECT_LE(kept.exit_code, 1) << kept.err;
  }
}

TEST_F(ConsolidatedCliTest, DiffReadsWhatTheRebuiltTimelineGives) {
  // Dates (the HTML report draws the element history) and announcements
  // (their summaries name who suspends them), in every format.
  const std::vector<std::vector<std::string>> kDiffs = {
      {"--asof", "2025-04-04", "--asof", "2025-11-09"},
      {"--asof", "2025-11-09", "--asof", "2026-11-11"},
      {"--asof", "2025-04-03", "--asof", "2027-06-01"},
      {"2025-18", "2025-57"},
      {"2025-57", "2025-70"},
      {"2025-51", "2026-12"},
  };
  std::vector<std::string> kept;
  auto run_all = [&] {
    std::vector<std::string> out;
    for (const auto& d : kDiffs) {
      for (const char* format : {"terminal", "markdown", "json", "html"}) {
        std::vector<std::string> args = {"diff", "--format", format};
        args.insert(args.end(), d.begin(), d.end());
        RunResult r = Regdiff(args);
        EXPECT_EQ(r.exit_code, 1) << d[0] << " " << d[1] << " " << r.err;
        out.push_back(r.out);
      }
    }
    return out;
  };
  kept = run_all();
  MakeStale();
  ASSERT_FALSE(Current());
  const std::vector<std::string> rebuilt = run_all();
  ASSERT_EQ(kept.size(), rebuilt.size());
  for (size_t i = 0; i < kept.size(); ++i) EXPECT_EQ(kept[i], rebuilt[i]) << "diff " << i;
  // The pictures are there: the history of the samples' elements.
  EXPECT_NE(kept[3].find("<svg"), std::string::npos);
}

TEST_F(ConsolidatedCliTest, ExportWritesWhatTheRebuiltTimelineGives) {
  const std::vector<std::vector<std::string>> kExports = {
      {"--as-of", "2025-04-04"},
      {"--as-of", "2025-11-10", "--format", "csv"},
      {"--as-of", "2026-11-11", "--format", "jsonl"},
      {"--delta", "2025-04-04", "2026-11-11"},
      {"--as-of", "2026-03-01", "--parties"},
      {"--delta", "2025-01-01", "2026-03-01", "--parties", "--format", "csv"},
  };
  auto run_all = [&] {
    std::vector<std::string> out;
    for (const auto& e : kExports) {
      std::vector<std::string> args = {"export"};
      args.insert(args.end(), e.begin(), e.end());
      RunResult r = Regdiff(args);
      EXPECT_EQ(r.exit_code, 0) << e[0] << " " << e[1] << " " << r.err;
      out.push_back(r.out);
    }
    return out;
  };
  const std::vector<std::string> kept = run_all();
  MakeStale();
  ASSERT_FALSE(Current());
  const std::vector<std::string> rebuilt = run_all();
  ASSERT_EQ(kept.size(), rebuilt.size());
  for (size_t i = 0; i < kept.size(); ++i) EXPECT_EQ(kept[i], rebuilt[i]) << "export " << i;
  // The names come in both languages where both texts are stored.
  EXPECT_NE(kept[1].find("1C909"), std::string::npos) << kept[1];
}

TEST_F(ConsolidatedCliTest, TimelineFromTheTextsItRestsOnTellsWhatTheWholeTimelineTells) {
  // Without --known-at, timeline loads only the announcements listing what
  // it is asked about and those relating to them; with it, every text.
  const char* kWhat[] = {"1C909",      "1C909.a",           "1C902", "Ho",      "Sm",
                         "28053019",   "2805",              "1E902", "斯巴鲁株式会社",
                         "Subaru Corp.", "SUBARU Corporation", "1C999"};
  for (const char* what : kWhat) {
    SCOPED_TRACE(what);
    RunResult part = Regdiff({"timeline", what});
    RunResult whole = Regdiff({"timeline", what, "--known-at", kKnownAtFuture});
    EXPECT_EQ(part.exit_code, whole.exit_code) << part.err << whole.err;
    EXPECT_EQ(part.out, whole.out);
  }
  // Suspension and resumption come from announcements that list nothing.
  RunResult ho = Regdiff({"timeline", "1C909.a"});
  EXPECT_NE(ho.out.find("suspended"), std::string::npos) << ho.out;
  EXPECT_NE(Regdiff({"timeline", "Subaru Corp."}).out.find("listed"), std::string::npos);
}

TEST_F(ConsolidatedCliTest, AReadOfAStaleStateStillAnswersFromTheDocuments) {
  MakeStale();
  ASSERT_FALSE(Current());
  RunResult r = Regdiff({"query", "--hs", "2805301950", "--date", "2026-11-11"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("CONTROLLED"), std::string::npos);
  // The next ingest (of nothing new) makes it current again.
  ASSERT_EQ(Ingest({SamplesDir()}).exit_code, 0);
  EXPECT_TRUE(Current());
}

// An ingest commits its last batch with the state brought up to date in the
// same transaction: a reader polling all along never sees the new texts
// beside a stale state (which it would answer from every stored text).
TEST_F(ConsolidatedCliTest, AReaderNeverSeesAnIngestsNewTextsBesideAStaleState) {
  for (int n = 1; n <= 40; ++n) {
    const std::string no = std::to_string(n);
    WriteInput("many/" + no + ".txt",
               "商务部公告2097年第" + no + "号\n\n关于对相关物项实施出口管制的公告\n\n"
               "现决定对以下物项实施出口管制：\n（一）1C99" + std::to_string(n % 10) +
               ".a 金属钐（参考税则号列：28053011）。\n本公告自2097年1月1日起正式实施。\n\n"
               "商务部\n2096年12月1日\n");
  }
  auto store = AnnouncementStore::Open(db_, StoreUse::kReading);
  ASSERT_TRUE(store.ok());
  sqlite::Database& db = (*store)->db();
  ConsolidatedStore kept(db);
  auto count_documents = [&db]() -> int64_t {
    auto st = db.Prepare("SELECT count(*) FROM documents");
    EXPECT_TRUE(st.ok());
    if (!st.ok() || !*st->Step()) return -1;
    return st->ColumnInt(0);
  };
  const int64_t before = count_documents();

  ChildProcess ingest = SpawnRegdiff({"--db", db_, "ingest", "-q", dir_ + "/in/many"},
                                     dir_ + "/ingest.out", dir_ + "/ingest.err");
  int polls = 0, stale_with_new_texts = 0;
  for (bool done = false; !done;) {
    done = waitpid(ingest.pid, nullptr, WNOHANG) != 0;
    // One snapshot for both reads.
    ASSERT_TRUE(db.Exec("BEGIN").ok());
    const int64_t documents = count_documents();
    auto current = kept.Current();
    ASSERT_TRUE(db.Exec("COMMIT").ok());
    ASSERT_TRUE(current.ok());
    ++polls;
    if (documents > before && !*current) ++stale_with_new_texts;
  }
  ingest.pid = -1;  // reaped above
  EXPECT_EQ(stale_with_new_texts, 0) << "of " << polls << " polls";
  EXPECT_EQ(count_documents(), before + 40);
  EXPECT_TRUE(Current());
}

}  // namespace
}  // namespace regdiff::testing
