// WatchStore (schema version 3): source and page state round trips, which
// pages are due, events newest first, and that state and events written in
// AnnouncementStore::Put's transaction roll back with it.
#include "corpus/watch_store.h"

#include <gtest/gtest.h>

#include "corpus/sha256.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

class WatchStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    watch_ = std::make_unique<WatchStore>(store_->db());
  }

  static WatchPageRow Page(const std::string& url, const std::string& due,
                           const std::string& text_hash = "") {
    WatchPageRow p;
    p.url = url;
    p.source_name = "mofcom";
    p.title = "公告";
    p.first_seen_at = "2026-11-27T05:00:00Z";
    p.next_due_at = due;
    p.text_hash = text_hash;
    if (!text_hash.empty()) p.sha256 = text_hash;
    return p;
  }

  static WatchEventRow Event(const std::string& key, const std::string& source) {
    WatchEventRow e;
    e.event_key = key;
    e.at = "2026-11-27T05:00:00Z";
    e.source_name = source;
    e.url = "https://www.mofcom.gov.cn/" + key;
    e.kind = "new";
    e.title = "公告";
    e.summary_json = R"({"summary":[]})";
    return e;
  }

  std::unique_ptr<AnnouncementStore> store_;
  std::unique_ptr<WatchStore> watch_;
};

TEST_F(WatchStoreTest, SourceStateRoundTrips) {
  EXPECT_FALSE(watch_->GetSource("mofcom")->has_value());
  WatchSourceRow row;
  row.name = "mofcom";
  row.index_url = "https://www.mofcom.gov.cn/zcfb/blgg/index.html";
  row.etag = "\"abc\"";
  row.last_success_at = "2026-11-27T05:00:00Z";
  row.last_link_count = 20;
  row.failures = 2;
  row.last_error = "HTTP 503";
  row.next_due_at = "2026-11-27T05:30:00Z";
  ASSERT_TRUE(watch_->PutSource(row).ok());
  auto got = watch_->GetSource("mofcom");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->etag, "\"abc\"");
  EXPECT_EQ((*got)->last_modified, "");
  EXPECT_EQ((*got)->last_link_count, 20);
  EXPECT_EQ((*got)->failures, 2);
  EXPECT_EQ((*got)->last_error, "HTTP 503");
  row.failures = 0;
  row.last_error.clear();
  ASSERT_TRUE(watch_->PutSource(row).ok());  // replaced, not added
  EXPECT_EQ((*watch_->GetSource("mofcom"))->failures, 0);
  EXPECT_EQ((*watch_->GetSource("mofcom"))->last_error, "");
}

TEST_F(WatchStoreTest, PagesDueArePendingFirstThenOldestDue) {
  const std::string hash(64, 'a');
  ASSERT_TRUE(watch_->PutPage(Page("u-known-late", "2026-11-27T09:00:00Z", hash)).ok());
  ASSERT_TRUE(watch_->PutPage(Page("u-known-early", "2026-11-27T04:00:00Z", hash)).ok());
  ASSERT_TRUE(watch_->PutPage(Page("u-pending", "2026-11-27T05:00:00Z")).ok());
  ASSERT_TRUE(watch_->PutPage(Page("u-pending-later", "2026-11-27T07:00:00Z")).ok());
  WatchPageRow other = Page("u-other-source", "2026-11-27T04:00:00Z");
  other.source_name = "customs";
  ASSERT_TRUE(watch_->PutPage(other).ok());

  auto due = watch_->PagesToFetch("mofcom", "2026-11-27T06:00:00Z");
  ASSERT_TRUE(due.ok());
  std::vector<std::string> urls;
  for (const WatchPageRow& p : *due) urls.push_back(p.url);
  EXPECT_EQ(urls, (std::vector<std::string>{"u-pending", "u-known-early"}));
  EXPECT_TRUE((*due)[0].pending());
  EXPECT_FALSE((*due)[1].pending());
  EXPECT_EQ(watch_->PagesToFetch("mofcom", "~")->size(), 4u);
  EXPECT_EQ(*watch_->CountPages("mofcom"), 4);
  EXPECT_EQ(*watch_->CountPages("customs"), 1);
}

TEST_F(WatchStoreTest, EventsComeNewestFirstPerSourceOrAll) {
  for (const char* key : {"k1", "k2", "k3"}) ASSERT_TRUE(watch_->AddEvent(Event(key, "mofcom")).ok());
  ASSERT_TRUE(watch_->AddEvent(Event("k4", "customs")).ok());
  auto keys_of = [](const Result<std::vector<WatchEventRow>>& events) {
    std::vector<std::string> keys;
    if (events.ok())
      for (const WatchEventRow& e : *events) keys.push_back(e.event_key);
    return keys;
  };
  EXPECT_EQ(keys_of(watch_->RecentEvents(std::nullopt, 3)),
            (std::vector<std::string>{"k4", "k3", "k2"}));
  EXPECT_EQ(keys_of(watch_->RecentEvents("mofcom", 10)),
            (std::vector<std::string>{"k3", "k2", "k1"}));
  // An event key is an identity: the same one twice is refused.
  EXPECT_FALSE(watch_->AddEvent(Event("k1", "mofcom")).ok());
}

TEST_F(WatchStoreTest, StateWrittenInAPutRollsBackWithIt) {
  PutRequest put;
  put.snapshot.source_kind = "url";
  put.snapshot.locator = "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_1.html";
  put.snapshot.raw = "<html>商务部公告</html>";
  put.snapshot.sha256 = Sha256Hex(put.snapshot.raw);
  put.snapshot.retrieved_at = "2026-11-27T05:00:00Z";
  put.snapshot.headers = {{"etag", "\"x\""}, {"content-type", "text/html"}};
  put.normalized_text = "商务部公告";

  // The hook fails after writing: nothing of the Put or the hook remains.
  auto failed = store_->Put(put, [&](PutOutcome) {
    EXPECT_TRUE(watch_->AddEvent(Event("k1", "mofcom")).ok());
    return Status::Internal("stop here");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(store_->Counts()->sources, 0);
  EXPECT_TRUE(watch_->RecentEvents(std::nullopt, 10)->empty());

  PutOutcome seen = PutOutcome::kUnchanged;
  auto stored = store_->Put(put, [&](PutOutcome outcome) {
    seen = outcome;
    auto id = watch_->AddEvent(Event("k1", "mofcom"));
    return id.ok() ? Status::Ok() : id.status();
  });
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(seen, PutOutcome::kNewSource);
  EXPECT_EQ(watch_->RecentEvents(std::nullopt, 10)->size(), 1u);
  auto st = store_->db().Prepare("SELECT headers FROM source_versions");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->ColumnText(0), R"([["etag","\"x\""],["content-type","text/html"]])");
}

}  // namespace
}  // namespace regdiff
