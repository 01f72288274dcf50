// AnnouncementStore with several documents per snapshot: a bilingual text
// stores one document per language, both are found and listed, a re-parse
// replaces all of them, and requests with two parses in one language are
// refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/sha256.h"
#include "corpus/store.h"

namespace regdiff {
namespace {

// A bilingual text written for these tests around facts of MOFCOM/GACC 2025
// No. 57 (1C909.a holmium, reference code 28053019).
constexpr char kBilingual[] =
    "商务部 海关总署公告2025年第57号\n"
    "MOFCOM GAC Announcement No. 57 of 2025\n"
    "(一)1C909.a 金属钬及其制品。参考税则号列:28053019\n"
    "(1) 1C909.a Holmium metal and its products. Reference HS code: 28053019\n";

Evidence Span(std::string_view text, std::string_view needle) {
  const size_t begin = text.find(needle);
  EXPECT_NE(begin, std::string_view::npos) << needle;
  if (begin == std::string_view::npos) return {};
  return MakeEvidence(text, begin, begin + needle.size());
}

Announcement Half(Lang lang, const std::string& parser_version = "rules/2") {
  const std::string_view text = kBilingual;
  const bool zh = lang == Lang::kZh;
  Announcement a;
  a.doc_id = "mofcom-gacc-2025-57";
  a.issuers = {"MOFCOM", "GACC"};
  a.year = 2025;
  a.number = 57;
  a.lang = lang;
  a.number_evidence =
      Span(text, zh ? "商务部 海关总署公告2025年第57号" : "MOFCOM GAC Announcement No. 57 of 2025");
  Item item;
  item.code = "1C909.a";
  item.position = zh ? "(一)" : "(1)";
  item.name = zh ? "金属钬及其制品" : "Holmium metal and its products";
  item.elements = {"Ho"};
  item.hs_codes = {"28053019"};
  item.evidence = Span(text, zh ? "(一)1C909.a 金属钬及其制品。参考税则号列:28053019"
                                : "(1) 1C909.a Holmium metal and its products. Reference HS "
                                  "code: 28053019");
  a.items = {item};
  a.parser_version = parser_version;
  return a;
}

PutRequest Request(std::vector<Announcement> parses,
                   const std::string& retrieved_at = "2026-11-27T05:44:44Z") {
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = "/data/57.bilingual.txt";
  r.snapshot.raw = kBilingual;
  r.snapshot.sha256 = Sha256Hex(r.snapshot.raw);
  r.snapshot.retrieved_at = retrieved_at;
  r.snapshot.used_charset = "utf-8";
  r.normalized_text = kBilingual;
  r.announcements = std::move(parses);
  return r;
}

class StoreLanguagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  Result<PutOutcome> Put(const PutRequest& r) { return store_->Put(r); }

  TableCounts Counts() {
    auto c = store_->Counts();
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : TableCounts{};
  }

  std::vector<StoredDocument> Find() {
    auto docs = store_->FindDocuments("2025-57");
    EXPECT_TRUE(docs.ok()) << docs.status().ToString();
    return docs.ok() ? *docs : std::vector<StoredDocument>{};
  }

  std::unique_ptr<AnnouncementStore> store_;
};

TEST_F(StoreLanguagesTest, OneSnapshotHoldsADocumentPerLanguage) {
  auto outcome = Put(Request({Half(Lang::kZh), Half(Lang::kEn)}));
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, PutOutcome::kNewSource);

  TableCounts c = Counts();
  EXPECT_EQ(c.snapshots, 1);
  EXPECT_EQ(c.texts, 1);
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.items, 2);

  std::vector<StoredDocument> docs = Find();
  ASSERT_EQ(docs.size(), 2u);
  // In the order written: Chinese first. Both from the one source and text.
  EXPECT_EQ(docs[0].announcement, Half(Lang::kZh));
  EXPECT_EQ(docs[1].announcement, Half(Lang::kEn));
  for (const StoredDocument& d : docs) {
    EXPECT_EQ(d.locator, "/data/57.bilingual.txt");
    EXPECT_EQ(d.version, 1);
    EXPECT_EQ(d.normalized_text, kBilingual);
  }

  auto rows = store_->List();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].lang, Lang::kZh);
  EXPECT_EQ((*rows)[1].lang, Lang::kEn);

  auto state = store_->GetSourceState("/data/57.bilingual.txt");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->parser_version, "rules/2");
}

TEST_F(StoreLanguagesTest, TheSameParsesAgainWriteNothing) {
  ASSERT_TRUE(Put(Request({Half(Lang::kZh), Half(Lang::kEn)})).ok());
  const TableCounts before = Counts();
  auto outcome = Put(Request({Half(Lang::kZh), Half(Lang::kEn)}, "2026-12-01T00:00:00Z"));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(Counts(), before);
}

TEST_F(StoreLanguagesTest, AReparseReplacesEveryDocumentOfTheSnapshot) {
  ASSERT_TRUE(Put(Request({Half(Lang::kZh), Half(Lang::kEn)})).ok());
  // A later parser finds only the Chinese record.
  auto outcome = Put(Request({Half(Lang::kZh, "rules/3")}, "2026-12-01T00:00:00Z"));
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, PutOutcome::kReparsed);
  std::vector<StoredDocument> docs = Find();
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].announcement.lang, Lang::kZh);
  EXPECT_EQ(docs[0].announcement.parser_version, "rules/3");
  EXPECT_EQ(Counts().items, 1);  // the English document's item went with it

  // The same parser version with a language added rewrites too: a store
  // that held only the Chinese record of a bilingual page gains the English.
  outcome = Put(Request({Half(Lang::kZh, "rules/3"), Half(Lang::kEn, "rules/3")}));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, PutOutcome::kReparsed);
  EXPECT_EQ(Find().size(), 2u);
}

TEST_F(StoreLanguagesTest, ARequestWithoutParsesKeepsTheStoredDocuments) {
  ASSERT_TRUE(Put(Request({Half(Lang::kZh), Half(Lang::kEn)})).ok());
  auto outcome = Put(Request({}));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(Counts().documents, 2);
}

TEST_F(StoreLanguagesTest, TwoParsesInOneLanguageAreRefusedWhole) {
  auto outcome = Put(Request({Half(Lang::kZh), Half(Lang::kZh)}));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(outcome.status().message().find("two parses in zh"), std::string::npos)
      << outcome.status().message();
  EXPECT_EQ(Counts(), TableCounts{});
}

TEST_F(StoreLanguagesTest, SettingBothRequestFormsIsRefused) {
  PutRequest r = Request({Half(Lang::kEn)});
  r.announcement = Half(Lang::kZh);
  auto outcome = Put(r);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Counts(), TableCounts{});
}

TEST_F(StoreLanguagesTest, SearchGivesOneHitPerLineOfABilingualText) {
  ASSERT_TRUE(Put(Request({Half(Lang::kZh), Half(Lang::kEn)})).ok());
  auto found = store_->Search({"1C909.a"}, 10);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  const std::vector<SearchHit>& hits = found->hits;
  ASSERT_EQ(hits.size(), 2u);  // the Chinese line and the English line, once each
  EXPECT_EQ(hits[0].line_number, 3u);
  EXPECT_EQ(hits[1].line_number, 4u);
  EXPECT_EQ(hits[0].doc_id, "mofcom-gacc-2025-57");
  EXPECT_EQ(found->lines, 2u);
  EXPECT_EQ(found->texts, 1u);
}

}  // namespace
}  // namespace regdiff
