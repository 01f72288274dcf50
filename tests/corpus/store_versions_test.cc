// AnnouncementStore::FindDocumentVersions: every stored version of the
// sources holding a doc_id, for `regdiff diff DOC@1 DOC@2`.
#include "corpus/store.h"

#include <gtest/gtest.h>

#include "corpus/sha256.h"

namespace regdiff {
namespace {

// A tiny text of our own with one item; `hs` varies between versions.
PutRequest Request(const std::string& locator, const std::string& doc_id, int number,
                   const std::string& hs, const std::string& retrieved_at) {
  PutRequest r;
  r.normalized_text = "公告2025年第" + std::to_string(number) + "号\n(一)1C909.a 金属钬(参考税则号列:" + hs + ")\n";
  r.snapshot.source_kind = "file";
  r.snapshot.locator = locator;
  r.snapshot.raw = r.normalized_text;
  r.snapshot.sha256 = Sha256Hex(r.snapshot.raw);
  r.snapshot.retrieved_at = retrieved_at;
  r.snapshot.used_charset = "utf-8";
  Announcement a;
  a.doc_id = doc_id;
  a.issuers = {"MOFCOM", "GACC"};
  a.year = 2025;
  a.number = number;
  a.lang = Lang::kZh;
  Item item;
  item.code = "1C909.a";
  item.position = "一";
  item.name = "金属钬";
  item.elements = {"Ho"};
  item.hs_codes = {hs};
  item.evidence = MakeEvidence(r.normalized_text, r.normalized_text.find("(一)"), r.normalized_text.size() - 1);
  a.items = {item};
  a.parser_version = "test/1";
  r.announcement = a;
  return r;
}

class StoreVersionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  void Put(const PutRequest& r) {
    auto outcome = store_->Put(r);
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }
  std::unique_ptr<AnnouncementStore> store_;
};

TEST_F(StoreVersionsTest, ReturnsEveryVersionOfTheSourceOldestFirst) {
  Put(Request("/a/57.html", "mofcom-gacc-2025-57", 57, "28053019", "2026-01-01T00:00:00Z"));
  Put(Request("/a/57.html", "mofcom-gacc-2025-57", 57, "2805301910", "2026-02-01T00:00:00Z"));
  Put(Request("/a/18.html", "mofcom-gacc-2025-18", 18, "2805301910", "2026-01-01T00:00:00Z"));

  auto versions = store_->FindDocumentVersions("mofcom-gacc-2025-57");
  ASSERT_TRUE(versions.ok()) << versions.status().ToString();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[0].announcement.items[0].hs_codes, std::vector<std::string>{"28053019"});
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_EQ((*versions)[1].announcement.items[0].hs_codes, std::vector<std::string>{"2805301910"});
  EXPECT_EQ((*versions)[1].announcement.items[0].evidence.text, "(一)1C909.a 金属钬(参考税则号列:2805301910)");

  // FindDocuments still gives the newest version only.
  auto newest = store_->FindDocuments("mofcom-gacc-2025-57");
  ASSERT_TRUE(newest.ok());
  ASSERT_EQ(newest->size(), 1u);
  EXPECT_EQ((*newest)[0].version, 2);
}

TEST_F(StoreVersionsTest, AcceptsShortFormsAndFindsNothingForUnknownIds) {
  Put(Request("/a/57.html", "mofcom-gacc-2025-57", 57, "28053019", "2026-01-01T00:00:00Z"));
  auto short_form = store_->FindDocumentVersions("2025-57");
  ASSERT_TRUE(short_form.ok());
  EXPECT_EQ(short_form->size(), 1u);
  auto none = store_->FindDocumentVersions("2025-99");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto wildcard = store_->FindDocumentVersions("%");
  ASSERT_TRUE(wildcard.ok());
  EXPECT_TRUE(wildcard->empty());
}

TEST_F(StoreVersionsTest, KeepsSourcesApartAndOrdersThemByLocator) {
  Put(Request("/b/copy.html", "mofcom-gacc-2025-57", 57, "28053019", "2026-01-01T00:00:00Z"));
  Put(Request("/a/57.html", "mofcom-gacc-2025-57", 57, "28053019", "2026-01-01T00:00:00Z"));
  Put(Request("/a/57.html", "mofcom-gacc-2025-57", 57, "28053090", "2026-03-01T00:00:00Z"));
  auto versions = store_->FindDocumentVersions("2025-57");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[0].locator, "/a/57.html");
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[1].locator, "/a/57.html");
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_EQ((*versions)[2].locator, "/b/copy.html");
  EXPECT_EQ((*versions)[2].version, 1);
}

}  // namespace
}  // namespace regdiff
