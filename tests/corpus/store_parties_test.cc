// AnnouncementStore and parties (schema version 6): a listing announcement's
// parties round-trip with their keys and evidence, at every level of detail,
// and so does the count its text states; List counts them; a re-parse
// replaces them; FindParties finds them by an exact match key (of either
// name) before any fragment of a key or a name.
#include "corpus/store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/sha256.h"

namespace regdiff {
namespace {

// A normalised text written for these tests in the structure of a watch-list
// announcement (MOFCOM 2026 No. 12: SUBARU Corporation among Japanese
// entities); the second and third entities are made up.
constexpr char kText12[] =
    "商务部公告2026年第12号\n"
    "关于将斯巴鲁株式会社等实体列入关注名单的公告\n"
    "决定将斯巴鲁株式会社等3家日本实体列入关注名单。\n"
    "附件：关注名单\n"
    "1. 斯巴鲁株式会社（SUBARU Corporation）\n"
    "2. 示例精密有限公司（Example Precision Co., Ltd.）\n"
    "3. 样本工業株式會社\n"
    "商务部\n"
    "2026年2月24日\n";

Evidence Span(std::string_view text, std::string_view needle) {
  const size_t begin = text.find(needle);
  EXPECT_NE(begin, std::string_view::npos) << needle;
  if (begin == std::string_view::npos) return {};
  return MakeEvidence(text, begin, begin + needle.size());
}

Party WatchListed(std::string_view text, const std::string& line, const std::string& name,
                  std::optional<std::string> name_en, const std::string& key,
                  const std::string& key_en) {
  Party p;
  p.list = PartyList::kWatchList;
  p.action = PartyAction::kAdd;
  p.name = name;
  p.name_en = std::move(name_en);
  p.country = "JP";
  p.evidence = Span(text, line);
  // Keys set by hand as corpus/name_match's PartyNameKey folds them.
  p.key = key;
  p.key_en = key_en;
  return p;
}

// Make12(text) as parsed from `text`; `named` is how many of the three
// entities the text still names (a later version may drop the last).
Announcement Make12(std::string_view text, const std::string& parser_version = "rules/3",
                    size_t named = 3) {
  Announcement a;
  a.doc_id = "mofcom-2026-12";
  a.issuers = {"MOFCOM"};
  a.year = 2026;
  a.number = 12;
  a.lang = Lang::kZh;
  a.title = "关于将斯巴鲁株式会社等实体列入关注名单的公告";
  a.published = Date{2026, 2, 24};
  a.number_evidence = Span(text, "商务部公告2026年第12号");
  a.title_evidence = Span(text, a.title);
  a.published_evidence = Span(text, "2026年2月24日");
  a.parties = {
      WatchListed(text, "1. 斯巴鲁株式会社（SUBARU Corporation）", "斯巴鲁株式会社",
                  "SUBARU Corporation", "斯巴鲁", "subaru"),
      WatchListed(text, "2. 示例精密有限公司（Example Precision Co., Ltd.）", "示例精密有限公司",
                  "Example Precision Co., Ltd.", "示例精密", "exampleprecision"),
  };
  PartyCount stated;
  stated.list = PartyList::kWatchList;
  stated.count = 3;
  stated.country = "JP";
  stated.evidence = Span(text, "决定将斯巴鲁株式会社等3家日本实体列入关注名单。");
  a.party_counts = {stated};
  if (named == 3) {
    a.parties.push_back(
        WatchListed(text, "3. 样本工業株式會社", "样本工業株式會社", std::nullopt, "样本工业", ""));
    a.parties[2].country.reset();  // not stated
  }
  a.parser_version = parser_version;
  return a;
}

PutRequest MakeRequest(const std::string& locator, const std::string& text,
                       std::optional<Announcement> announcement,
                       const std::string& retrieved_at = "2026-02-25T00:00:00Z") {
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = locator;
  r.snapshot.raw = text;
  r.snapshot.sha256 = Sha256Hex(text);
  r.snapshot.retrieved_at = retrieved_at;
  r.snapshot.used_charset = "utf-8";
  r.normalized_text = text;
  r.announcement = std::move(announcement);
  return r;
}

class StorePartiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = AnnouncementStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  PutOutcome MustPut(const PutRequest& r) {
    auto outcome = store_->Put(r);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? *outcome : PutOutcome::kUnchanged;
  }

  // The names of the parties FindParties returns, and whether each was exact.
  std::vector<std::pair<std::string, bool>> Found(std::string_view key, std::string_view text) {
    auto hits = store_->FindParties(key, text);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<std::pair<std::string, bool>> out;
    if (hits.ok())
      for (const PartyHit& h : *hits) out.emplace_back(h.party.name, h.exact);
    return out;
  }

  std::unique_ptr<AnnouncementStore> store_;
  const std::string text_ = kText12;
};

TEST_F(StorePartiesTest, PartiesRoundTripWithKeysAndEvidence) {
  const Announcement original = Make12(text_);
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", text_, original)), PutOutcome::kNewSource);
  auto docs = store_->FindDocuments("2026-12");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].announcement, original);  // every party field, evidence re-cut
  EXPECT_EQ((*docs)[0].announcement.party_counts, original.party_counts);  // stated 3
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->parties, 3);
}

TEST_F(StorePartiesTest, ATimelineLoadKeepsThePartiesEvidence) {
  const Announcement original = Make12(text_);
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", text_, original)), PutOutcome::kNewSource);
  auto docs = store_->CurrentDocuments(std::nullopt, DocumentDetail::kForTimeline);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_TRUE((*docs)[0].normalized_text.empty());
  EXPECT_EQ((*docs)[0].announcement.parties, original.parties);
}

TEST_F(StorePartiesTest, ListCountsTheParties) {
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", text_, Make12(text_))), PutOutcome::kNewSource);
  auto list = store_->List();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].party_count, 3);
  EXPECT_EQ((*list)[0].item_count, 0);
}

TEST_F(StorePartiesTest, AReparseReplacesTheParties) {
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", text_, Make12(text_))), PutOutcome::kNewSource);
  Announcement reparsed = Make12(text_, "rules/4");
  reparsed.parties.resize(1);
  EXPECT_EQ(MustPut(MakeRequest("/data/12.html", text_, reparsed)), PutOutcome::kReparsed);
  auto counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->parties, 1);
  EXPECT_EQ(store_->FindDocuments("2026-12")->at(0).announcement.parties, reparsed.parties);
}

TEST_F(StorePartiesTest, EvidenceOutsideTheTextIsRefused) {
  Announcement a = Make12(text_);
  a.parties[0].evidence.end = text_.size() + 1;
  auto outcome = store_->Put(MakeRequest("/data/12.html", text_, a));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.status().message().find("party 0"), std::string::npos)
      << outcome.status().ToString();
}

TEST_F(StorePartiesTest, FindPartiesByExactKeyThenByFragment) {
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", text_, Make12(text_))), PutOutcome::kNewSource);
  using Hits = std::vector<std::pair<std::string, bool>>;
  const struct {
    const char* key;
    const char* text;
    Hits expected;
  } cases[] = {
      {"subaru", "SUBARU Corporation", {{"斯巴鲁株式会社", true}}},        // key_en
      {"斯巴鲁", "斯巴鲁株式会社", {{"斯巴鲁株式会社", true}}},            // key
      {"样本工业", "樣本工業", {{"样本工業株式會社", true}}},              // folded script
      {"precision", "precision", {{"示例精密有限公司", false}}},           // part of key_en
      {"subarucorporation", "subaru corporation", {{"斯巴鲁株式会社", false}}},  // name_en, any case
      {"", "株式", {{"斯巴鲁株式会社", false}, {"样本工業株式會社", false}}},      // part of names
      {"toyota", "Toyota", {}},
      {"", "", {}},
      {"%", "_", {}},  // LIKE's wildcards are matched as themselves
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Found(c.key, c.text), c.expected) << c.key << " / " << c.text;
  }
}

TEST_F(StorePartiesTest, FindPartiesReportsTheListingDocumentsNewestVersion) {
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", text_, Make12(text_))), PutOutcome::kNewSource);
  // Version 2 of the page no longer names the third entity.
  std::string changed = text_;
  changed.erase(changed.find("3. 样本"), std::string("3. 样本工業株式會社\n").size());
  Announcement v2 = Make12(changed, "rules/3", /*named=*/2);
  ASSERT_EQ(MustPut(MakeRequest("/data/12.html", changed, v2, "2026-03-01T00:00:00Z")),
            PutOutcome::kNewVersion);

  auto hits = store_->FindParties("subaru", "");
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  const PartyHit& h = (*hits)[0];
  EXPECT_EQ(h.doc_id, "mofcom-2026-12");
  EXPECT_EQ(h.lang, Lang::kZh);
  EXPECT_EQ(h.locator, "/data/12.html");
  EXPECT_EQ(h.version, 2);
  EXPECT_EQ(h.party, v2.parties[0]);  // evidence cut from version 2's text
  EXPECT_TRUE(Found("样本工业", "").empty()) << "only version 1 names it";
}

}  // namespace
}  // namespace regdiff
