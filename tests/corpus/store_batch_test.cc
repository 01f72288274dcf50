// AnnouncementStore batches: Puts between BeginBatch and CommitBatch share
// one transaction, a failing Put rolls back alone, and a batch never
// committed leaves nothing.
#include <gtest/gtest.h>

#include <string>

#include "corpus/sha256.h"
#include "corpus/store.h"
#include "tests/test_paths.h"

namespace regdiff {
namespace {

// A small normalised text in our own words, and a parse of it.
std::string TextFor(int number) {
  return "商务部公告2025年第" + std::to_string(number) + "号\n"
         "(一)1C909.a 钬金属及其制品。\n"
         "本公告自2025年11月8日起正式实施。\n";
}

Announcement ParseFor(const std::string& text, int number) {
  Announcement a;
  a.doc_id = "mofcom-2025-" + std::to_string(number);
  a.issuers = {"MOFCOM"};
  a.year = 2025;
  a.number = number;
  a.lang = Lang::kZh;
  a.parser_version = "zh/1";
  Item item;
  item.code = "1C909.a";
  item.position = "(一)";
  item.name = "钬金属及其制品";
  item.elements = {"Ho"};
  const size_t at = text.find("(一)");
  item.evidence = MakeEvidence(text, at, text.find('\n', at));
  a.items = {item};
  Relation r;
  r.type = RelationType::kRepeals;
  r.target = "mofcom-2024-1";
  a.relations = {r};
  return a;
}

PutRequest RequestFor(int number) {
  PutRequest r;
  const std::string text = TextFor(number);
  r.snapshot.source_kind = "file";
  r.snapshot.locator = "/data/" + std::to_string(number) + ".txt";
  r.snapshot.raw = text;
  r.snapshot.sha256 = Sha256Hex(text);
  r.snapshot.retrieved_at = "2026-11-27T05:44:44Z";
  r.snapshot.used_charset = "utf-8";
  r.normalized_text = text;
  r.announcement = ParseFor(text, number);
  return r;
}

int64_t Sources(AnnouncementStore& store) {
  auto counts = store.Counts();
  EXPECT_TRUE(counts.ok()) << counts.status().ToString();
  return counts.ok() ? counts->sources : -1;
}

TEST(StoreBatch, AFailingPutRollsBackAloneAndTheRestIsCommitted) {
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  AnnouncementStore& s = **store;
  ASSERT_TRUE(s.BeginBatch().ok());
  EXPECT_TRUE(s.InBatch());
  ASSERT_TRUE(s.Put(RequestFor(1)).ok());

  // Relations are written last: the source, snapshot, text, document and
  // item rows written before the CHECK (target <> '') fails must go.
  PutRequest broken = RequestFor(2);
  broken.announcement->relations[0].target = "";
  auto failed = s.Put(broken);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Status::Code::kDatabase);

  ASSERT_TRUE(s.Put(RequestFor(3)).ok());
  ASSERT_TRUE(s.CommitBatch().ok());
  EXPECT_FALSE(s.InBatch());

  auto counts = s.Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->sources, 2);
  EXPECT_EQ(counts->snapshots, 2);
  EXPECT_EQ(counts->texts, 2);
  EXPECT_EQ(counts->documents, 2);
  EXPECT_EQ(counts->items, 2);
  EXPECT_EQ(counts->relations, 2);
  auto state = s.GetSourceState("/data/2.txt");
  ASSERT_TRUE(state.ok());
  EXPECT_FALSE(state->has_value());
  EXPECT_EQ(s.FindDocuments("mofcom-2025-3")->size(), 1u);
}

TEST(StoreBatch, ABatchNeverCommittedLeavesNothing) {
  const std::string db = testing::MakeTempDir() + "/batch.db";
  {
    auto store = AnnouncementStore::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->BeginBatch().ok());
    ASSERT_TRUE((*store)->Put(RequestFor(1)).ok());
    // Seen inside the batch...
    EXPECT_EQ(Sources(**store), 1);
    (*store)->RollbackBatch();
    EXPECT_EQ(Sources(**store), 0);
    // ...and a batch open when the store closes is dropped too.
    ASSERT_TRUE((*store)->BeginBatch().ok());
    ASSERT_TRUE((*store)->Put(RequestFor(2)).ok());
  }
  auto reopened = AnnouncementStore::Open(db);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(Sources(**reopened), 0);
}

TEST(StoreBatch, MisuseIsAnError) {
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->CommitBatch().code(), Status::Code::kDatabase);  // none open
  ASSERT_TRUE((*store)->BeginBatch().ok());
  EXPECT_EQ((*store)->BeginBatch().code(), Status::Code::kDatabase);  // already open
  ASSERT_TRUE((*store)->CommitBatch().ok());
  // Outside a batch a Put is its own transaction again.
  ASSERT_TRUE((*store)->Put(RequestFor(4)).ok());
  EXPECT_EQ(Sources(**store), 1);
}

}  // namespace
}  // namespace regdiff
