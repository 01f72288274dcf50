// A text of several parts (schema version 12): an announcement page and its
// attachments (附件), a PDF's pages. The store keeps the attachments' bytes
// with where they came from, and the layout that tells each evidence its
// part and page; a re-parse replaces both; forgetting the page forgets them.
#include <gtest/gtest.h>

#include <string>

#include "corpus/forget.h"
#include "corpus/sha256.h"
#include "corpus/store.h"
#include "tests/corpus/text_request.h"

namespace regdiff {
namespace {

using testing::TextRequest;

constexpr char kPageUrl[] = "https://www.mofcom.gov.cn/zwgk/art_18.html";

// A page whose text "公告正文" is followed by its spreadsheet's "1C902 钐".
PutRequest PageWithAttachment(const std::string& parser_version = "rules/1") {
  const std::string page = "公告正文";
  const std::string sheet = "1C902\t钐";
  PutRequest r = TextRequest(kPageUrl, "<html>公告正文</html>", page + "\n" + sheet,
                             "mofcom-gacc-2025-18", parser_version);
  r.snapshot.source_kind = "url";
  AttachmentData a;
  a.url = "https://www.mofcom.gov.cn/files/list.xlsx";
  a.file_name = "附件：物项清单.xlsx";
  a.raw = std::string("PK\x03\x04 the spreadsheet's bytes", 27);
  a.sha256 = Sha256Hex(a.raw);
  r.attachments = {a};
  r.layout.parts.push_back({"", "", "", "text", 0, page.size(), {}});
  r.layout.parts.push_back(
      {a.file_name, a.url, a.sha256, "XLSX", page.size() + 1, page.size() + 1 + sheet.size(), {}});
  Item item;
  item.code = "1C902";
  item.evidence = MakeEvidence(r.normalized_text, page.size() + 1, r.normalized_text.size());
  r.announcements[0].items = {item};
  return r;
}

int64_t Count(AnnouncementStore& store, const char* sql) {
  auto st = store.db().Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  auto row = st->Step();
  EXPECT_TRUE(row.ok() && *row);
  return st->ColumnInt(0);
}

TEST(StoreLayout, KeepsTheAttachmentsBytesAndWhereEachEvidenceStands) {
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const PutRequest r = PageWithAttachment();
  ASSERT_TRUE((*store)->Put(r).ok());

  auto docs = (*store)->FindDocuments("mofcom-gacc-2025-18");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  const StoredDocument& d = docs->front();
  EXPECT_EQ(d.layout, r.layout);
  const TextPlace place = Locate(d.layout, d.announcement.items.at(0).evidence.begin);
  ASSERT_NE(place.part, nullptr);
  EXPECT_EQ(place.part->name, "附件：物项清单.xlsx");
  EXPECT_EQ(d.announcement.items[0].evidence.text, "1C902\t钐");

  auto st = (*store)->db().Prepare(
      "SELECT url, file_name, sha256, raw, size FROM attachments WHERE seq = 0");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->ColumnText(0), r.attachments[0].url);
  EXPECT_EQ(st->ColumnText(1), r.attachments[0].file_name);
  EXPECT_EQ(st->ColumnText(2), r.attachments[0].sha256);
  EXPECT_EQ(st->ColumnText(3), r.attachments[0].raw);
  EXPECT_EQ(st->ColumnInt(4), static_cast<int64_t>(r.attachments[0].raw.size()));
}

TEST(StoreLayout, AReparseReplacesTheAttachmentsAndLayout) {
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(PageWithAttachment("rules/1")).ok());
  // The same page bytes read by a newer parser, the attachment gone.
  PutRequest again =
      TextRequest(kPageUrl, "<html>公告正文</html>", "公告正文", "mofcom-gacc-2025-18", "rules/2");
  again.snapshot.source_kind = "url";
  ASSERT_EQ(*(*store)->Put(again), PutOutcome::kReparsed);
  EXPECT_EQ(Count(**store, "SELECT COUNT(*) FROM attachments"), 0);
  EXPECT_EQ(Count(**store, "SELECT COUNT(*) FROM texts WHERE layout IS NOT NULL"), 0);
  EXPECT_TRUE((*store)->FindDocuments("mofcom-gacc-2025-18")->front().layout.empty());
}

TEST(StoreLayout, ForgettingThePageForgetsItsAttachments) {
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(PageWithAttachment()).ok());
  auto id = SourceNamed((*store)->db(), kPageUrl);
  ASSERT_TRUE(id.ok() && *id);
  ASSERT_TRUE(Forget((*store)->db(), {**id}, /*dry_run=*/false).ok());
  EXPECT_EQ(Count(**store, "SELECT COUNT(*) FROM attachments"), 0);
  EXPECT_EQ(Count(**store, "SELECT COUNT(*) FROM snapshots"), 0);
}

TEST(StoreLayout, ALayoutThatDoesNotFitItsTextIsReportedNotTrusted) {
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(PageWithAttachment()).ok());
  ASSERT_TRUE((*store)
                  ->db()
                  .Exec("UPDATE texts SET layout = "
                        "'[{\"name\":\"\",\"url\":\"\",\"sha256\":\"\",\"format\":\"text\","
                        "\"begin\":0,\"end\":9999}]'")
                  .ok());
  auto docs = (*store)->FindDocuments("mofcom-gacc-2025-18");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace regdiff
