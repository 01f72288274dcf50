// Forget (corpus/forget.h): a forgotten source leaves the store as if it had
// never been put, aliases, versions, documents and watch events with it; a
// snapshot another source holds stays; a dry run changes nothing; the
// consolidation triggers note the announcements that went.
#include "corpus/forget.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/consolidated_store.h"
#include "corpus/sha256.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

Announcement Doc(const std::string& doc_id, std::vector<std::string> suspends = {}) {
  Announcement a;
  a.doc_id = doc_id;
  a.lang = Lang::kZh;
  a.title = "关于" + doc_id + "的公告";
  a.parser_version = "test";
  Item item;
  item.code = "1C909.a";
  item.position = "一";
  item.name = "钬";
  item.hs_codes = {"28053019"};
  a.items.push_back(item);
  for (const std::string& target : suspends) {
    Relation r;
    r.type = RelationType::kSuspends;
    r.target = target;
    a.relations.push_back(r);
  }
  return a;
}

PutRequest Request(const std::string& locator, const std::string& bytes, Announcement a) {
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = locator;
  r.snapshot.raw = bytes;
  r.snapshot.sha256 = Sha256Hex(bytes);
  r.snapshot.retrieved_at = "2026-12-07T00:00:00Z";
  r.normalized_text = bytes;
  r.announcement = std::move(a);
  return r;
}

// The requests of the tests below; a store holds some of them.
const std::vector<PutRequest>& Requests() {
  static const std::vector<PutRequest> kRequests = {
      Request("/data/57.html", "57 v1", Doc("mofcom-gacc-2025-57")),
      Request("/data/57.html", "57 v2", Doc("mofcom-gacc-2025-57")),
      Request("/mirror/57.html", "57 v2", Doc("mofcom-gacc-2025-57")),
      Request("/data/70.html", "70", Doc("mofcom-gacc-2025-70", {"mofcom-gacc-2025-57"})),
  };
  return kRequests;
}

std::unique_ptr<AnnouncementStore> StoreWith(const std::vector<size_t>& requests) {
  auto store = AnnouncementStore::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  for (size_t i : requests) EXPECT_TRUE((*store)->Put(Requests()[i]).ok());
  return std::move(store).value();
}

int64_t SourceOf(AnnouncementStore& store, const std::string& locator) {
  auto id = SourceNamed(store.db(), locator);
  EXPECT_TRUE(id.ok() && *id) << locator;
  return id.ok() && *id ? **id : -1;
}

TEST(Forget, ASourceGoesWithItsVersionsAliasesAndDocumentsAsIfNeverPut) {
  auto store = StoreWith({0, 1, 2, 3});
  // By the alias: it names the same source.
  auto plan = Forget(store->db(), {SourceOf(*store, "/mirror/57.html")}, /*dry_run=*/false);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->sources.size(), 1u);
  EXPECT_EQ(plan->sources[0].locator, "/data/57.html");
  EXPECT_EQ(plan->sources[0].versions, 2);
  EXPECT_EQ(plan->sources[0].aliases, std::vector<std::string>{"/mirror/57.html"});
  EXPECT_EQ(plan->snapshots, 2);
  ASSERT_EQ(plan->documents.size(), 2u);  // one per version's text
  EXPECT_EQ(plan->documents[0].doc_id, "mofcom-gacc-2025-57");
  EXPECT_EQ(plan->documents[0].items, 1);

  auto never = StoreWith({3});
  EXPECT_EQ(*store->Counts(), *never->Counts());
  EXPECT_TRUE(store->FindDocuments("2025-57")->empty());
  EXPECT_FALSE(*SourceNamed(store->db(), "/mirror/57.html"));
  // The path can come back as a new source.
  EXPECT_EQ(*store->Put(Requests()[2]), PutOutcome::kNewSource);
}

TEST(Forget, ADryRunPlansTheSameAndChangesNothing) {
  auto store = StoreWith({0, 1, 2, 3});
  const TableCounts before = *store->Counts();
  const std::vector<int64_t> ids = {SourceOf(*store, "/data/57.html")};
  auto dry = Forget(store->db(), ids, /*dry_run=*/true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_EQ(*store->Counts(), before);
  auto real = Forget(store->db(), ids, /*dry_run=*/false);
  ASSERT_TRUE(real.ok());
  EXPECT_EQ(dry->snapshots, real->snapshots);
  EXPECT_EQ(dry->documents.size(), real->documents.size());
  EXPECT_EQ(dry->sources[0].aliases, real->sources[0].aliases);
}

TEST(Forget, ASnapshotAnotherSourceHoldsStays) {
  auto store = StoreWith({0, 3});
  // /data/70.html changes to the bytes /data/57.html holds: one snapshot,
  // two sources.
  ASSERT_TRUE(store->Put(Request("/data/70.html", "57 v1", Doc("mofcom-gacc-2025-57"))).ok());
  auto plan = Forget(store->db(), {SourceOf(*store, "/data/57.html")}, false);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->snapshots, 0);
  EXPECT_EQ(plan->shared_snapshots, 1);
  EXPECT_EQ(store->FindDocuments("2025-57")->size(), 1u);
  EXPECT_EQ(store->FindDocuments("2025-57")->at(0).locator, "/data/70.html");
}

TEST(Forget, TheWatchEventsOfItsLocatorsGo) {
  auto store = StoreWith({0, 1, 2, 3});
  for (const char* url : {"/mirror/57.html", "/data/70.html"}) {
    auto st = store->db().Prepare(
        "INSERT INTO watch_events (event_key, at, source_name, url, kind, title, summary) "
        "VALUES (?1, '2026-12-07T00:00:00Z', 'test', ?1, 'new', 't', '{}')");
    ASSERT_TRUE(st.ok());
    st->Bind(1, std::string_view(url));
    ASSERT_TRUE(st->Run().ok());
  }
  auto plan = Forget(store->db(), {SourceOf(*store, "/data/57.html")}, false);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->watch_events, 1);
  auto left = store->db().Prepare("SELECT url FROM watch_events");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left->AllTexts(), std::vector<std::string>{"/data/70.html"});
}

TEST(Forget, TheWatchedPagesOfItsLocatorsGoSoWatchFindsThemAgain) {
  auto store = StoreWith({0, 1, 2, 3});
  for (const char* url : {"/mirror/57.html", "/data/70.html"}) {
    auto st = store->db().Prepare(
        "INSERT INTO watch_pages (url, source_name, title, first_seen_at, next_due_at, text_hash) "
        "VALUES (?1, 'test', 't', '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z', "
        "'0000000000000000000000000000000000000000000000000000000000000000')");
    ASSERT_TRUE(st.ok());
    st->Bind(1, std::string_view(url));
    ASSERT_TRUE(st->Run().ok());
  }
  auto dry = Forget(store->db(), {SourceOf(*store, "/data/57.html")}, true);
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->watched_pages, 1);
  auto plan = Forget(store->db(), {SourceOf(*store, "/data/57.html")}, false);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->watched_pages, 1);
  auto left = store->db().Prepare("SELECT url FROM watch_pages");
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left->AllTexts(), std::vector<std::string>{"/data/70.html"});
}

TEST(Forget, TheAnnouncementsThatGoAndThoseTheyNameAreNotedForConsolidation) {
  auto store = StoreWith({0, 3});
  ASSERT_TRUE(store->db().Exec("DELETE FROM consolidation_dirty").ok());
  ConsolidatedStore kept(store->db());
  const int64_t generation = *kept.Generation();
  ASSERT_TRUE(Forget(store->db(), {SourceOf(*store, "/data/70.html")}, false).ok());
  EXPECT_GT(*kept.Generation(), generation);
  EXPECT_EQ(*kept.ChangedDocIds(),
            (std::vector<std::string>{"mofcom-gacc-2025-57", "mofcom-gacc-2025-70"}));
}

TEST(Forget, UnknownSourcesAreIgnored) {
  auto store = StoreWith({0});
  const TableCounts before = *store->Counts();
  auto plan = Forget(store->db(), {4242}, false);
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->sources.empty());
  EXPECT_EQ(*store->Counts(), before);
}

}  // namespace
}  // namespace regdiff
