// The consolidated state end to end on the bundled samples: ingest leaves it
// current, and asof and query read from it exactly what a timeline rebuilt
// from every document gives (the path --known-at still takes), on every date
// the samples name and the days around them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
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

TEST_F(ConsolidatedCliTest, AReadOfAStaleStateStillAnswersFromTheDocuments) {
  // Make the state stale as an older regdiff would leave it.
  {
    auto store = AnnouncementStore::Open(db_);
    ASSERT_TRUE(store.ok());
    ConsolidatedStore kept((*store)->db());
    auto generation = kept.Generation();
    ASSERT_TRUE(generation.ok());
    ASSERT_TRUE(kept.BeginReplace().ok());
    ASSERT_TRUE(kept.FinishReplace(*generation - 1).ok());
  }
  ASSERT_FALSE(Current());
  RunResult r = Regdiff({"query", "--hs", "2805301950", "--date", "2026-11-11"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("CONTROLLED"), std::string::npos);
  // The next ingest (of nothing new) makes it current again.
  ASSERT_EQ(Ingest({SamplesDir()}).exit_code, 0);
  EXPECT_TRUE(Current());
}

}  // namespace
}  // namespace regdiff::testing
