// One document per text (schema 11): a locator seen for the first time with
// bytes a source holds is an alias of that source, with its own provenance;
// an alias read again with the same bytes changes nothing, with other bytes
// it leaves its source; a source's new version does not drag its aliases
// along.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "corpus/sha256.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

Announcement Doc(const std::string& doc_id) {
  Announcement a;
  a.doc_id = doc_id;
  a.lang = Lang::kZh;
  a.title = doc_id;
  a.parser_version = "test";
  return a;
}

PutRequest Request(const std::string& locator, const std::string& bytes, const std::string& doc_id,
                   const std::string& at = "2026-12-07T00:00:00Z", const std::string& kind = "file") {
  PutRequest r;
  r.snapshot.source_kind = kind;
  r.snapshot.locator = locator;
  r.snapshot.raw = bytes;
  r.snapshot.sha256 = Sha256Hex(bytes);
  r.snapshot.retrieved_at = at;
  r.normalized_text = bytes;
  r.announcement = Doc(doc_id);
  return r;
}

class StoreAliasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  PutOutcome Put(const PutRequest& r) {
    auto outcome = store_->Put(r);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? *outcome : PutOutcome::kUnchanged;
  }
  TableCounts Counts() { return *store_->Counts(); }
  std::vector<SourceAlias> Aliases(const std::string& locator) {
    auto a = store_->AliasesOf(locator);
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? *a : std::vector<SourceAlias>{};
  }

  std::unique_ptr<AnnouncementStore> store_;
};

TEST_F(StoreAliasesTest, ASecondPathWithTheSameBytesIsAnAliasWithItsOwnProvenance) {
  ASSERT_EQ(Put(Request("/data/57.html", "57", "mofcom-gacc-2025-57")), PutOutcome::kNewSource);
  EXPECT_EQ(Put(Request("https://www.mofcom.gov.cn/57.html", "57", "mofcom-gacc-2025-57",
                        "2026-12-08T09:00:00Z", "url")),
            PutOutcome::kAlias);
  EXPECT_EQ(Put(Request("/mirror/57.html", "57", "mofcom-gacc-2025-57", "2026-12-09T09:00:00Z")),
            PutOutcome::kAlias);

  const std::vector<SourceAlias> aliases = Aliases("/data/57.html");
  ASSERT_EQ(aliases.size(), 2u);
  EXPECT_EQ(aliases[0].locator, "https://www.mofcom.gov.cn/57.html");
  EXPECT_EQ(aliases[0].kind, "url");
  EXPECT_EQ(aliases[0].first_seen, "2026-12-08T09:00:00Z");
  EXPECT_EQ(aliases[0].sha256, Sha256Hex("57"));
  EXPECT_EQ(aliases[1].locator, "/mirror/57.html");
  EXPECT_EQ(aliases[1].kind, "file");

  EXPECT_EQ(store_->List()->size(), 1u);
  EXPECT_EQ(store_->FindDocuments("2025-57")->size(), 1u);
  EXPECT_EQ(store_->CurrentDocuments()->size(), 1u);
  EXPECT_EQ(store_->CurrentSources()->size(), 1u);
  EXPECT_EQ(Counts().sources, 1);
  EXPECT_EQ(Counts().source_versions, 1);
}

TEST_F(StoreAliasesTest, AnAliasReadAgainWithItsBytesIsUnchanged) {
  Put(Request("/data/57.html", "57", "mofcom-gacc-2025-57"));
  Put(Request("/mirror/57.html", "57", "mofcom-gacc-2025-57"));
  const TableCounts before = Counts();
  EXPECT_EQ(Put(Request("/mirror/57.html", "57", "mofcom-gacc-2025-57")), PutOutcome::kUnchanged);
  EXPECT_EQ(Counts(), before);
  auto state = store_->GetSourceState("/mirror/57.html");
  ASSERT_TRUE(state.ok() && *state);
  EXPECT_EQ((*state)->sha256, Sha256Hex("57"));
  EXPECT_EQ((*state)->parser_version, "test");
}

TEST_F(StoreAliasesTest, AnAliasWhoseBytesChangeBecomesASourceWithTheTextItCarriedFirst) {
  Put(Request("/data/57.html", "57", "mofcom-gacc-2025-57"));
  Put(Request("/mirror/page.html", "57", "mofcom-gacc-2025-57", "2026-12-08T00:00:00Z"));
  EXPECT_EQ(Put(Request("/mirror/page.html", "58", "mofcom-gacc-2025-58", "2026-12-09T00:00:00Z")),
            PutOutcome::kNewVersion);
  EXPECT_TRUE(Aliases("/data/57.html").empty());
  EXPECT_EQ(Counts().sources, 2);
  EXPECT_EQ(store_->FindDocuments("2025-57")->size(), 1u);
  EXPECT_EQ(store_->FindDocuments("2025-58")->at(0).locator, "/mirror/page.html");
  auto history = store_->FindDocumentVersions("2025-58");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, 1);
  EXPECT_EQ((*history)[0].retrieved_at, "2026-12-08T00:00:00Z");  // when it was first seen
  EXPECT_EQ((*history)[0].announcement.doc_id, "mofcom-gacc-2025-57");
  EXPECT_EQ((*history)[1].version, 2);
}

TEST_F(StoreAliasesTest, ASourcesNewVersionLeavesItsAliasOnTheBytesItCarries) {
  Put(Request("/data/57.html", "57 v1", "mofcom-gacc-2025-57"));
  Put(Request("/mirror/57.html", "57 v1", "mofcom-gacc-2025-57"));
  EXPECT_EQ(Put(Request("/data/57.html", "57 v2", "mofcom-gacc-2025-57")), PutOutcome::kNewVersion);
  // The copy still holds the first bytes: read again, it adds no version
  // (no flip-flop between the two texts).
  EXPECT_EQ(Put(Request("/mirror/57.html", "57 v1", "mofcom-gacc-2025-57")),
            PutOutcome::kUnchanged);
  EXPECT_EQ(Counts().source_versions, 2);
  EXPECT_EQ(store_->FindDocuments("2025-57")->at(0).version, 2);
  auto state = store_->GetSourceState("/mirror/57.html");
  ASSERT_TRUE(state.ok() && *state);
  EXPECT_EQ((*state)->version, 1);
  EXPECT_EQ(Aliases("/data/57.html").at(0).sha256, Sha256Hex("57 v1"));
}

TEST_F(StoreAliasesTest, BytesOfAnOlderVersionAreAnAliasNotACurrentText) {
  Put(Request("/data/57.html", "57 v1", "mofcom-gacc-2025-57"));
  Put(Request("/data/57.html", "57 v2", "mofcom-gacc-2025-57"));
  EXPECT_EQ(Put(Request("/backup/57.html", "57 v1", "mofcom-gacc-2025-57")), PutOutcome::kAlias);
  EXPECT_EQ(store_->FindDocuments("2025-57")->size(), 1u);
}

TEST_F(StoreAliasesTest, AnAliasChangesNothingTheConsolidatedStateRestsOn) {
  Put(Request("/data/57.html", "57", "mofcom-gacc-2025-57"));
  ConsolidatedStore kept(store_->db());
  const int64_t generation = *kept.Generation();
  ASSERT_TRUE(store_->db().Exec("DELETE FROM consolidation_dirty").ok());
  Put(Request("/mirror/57.html", "57", "mofcom-gacc-2025-57"));
  EXPECT_EQ(*kept.Generation(), generation);
  EXPECT_TRUE(kept.ChangedDocIds()->empty());
}

}  // namespace
}  // namespace regdiff
