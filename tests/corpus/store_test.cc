// AnnouncementStore: Put outcomes, what each writes (checked by row counts),
// full round trips through FindDocuments, List order, short-form lookup and
// rollback of a failing Put.
#include "corpus/store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/sha256.h"
#include "tests/test_paths.h"

namespace regdiff {
namespace {

// A normalised text written for these tests around the facts of MOFCOM/GACC
// 2025 No. 57 (holmium and erbium, 1C909.a/1C910.a, reference code 28053019,
// published 2025-10-09, effective 2025-11-08). The suspension line is made up
// so one text carries every kind of fact; it is not in the real document.
constexpr char kText57[] =
    "商务部 海关总署公告2025年第57号\n"
    "关于对钬、铒等稀土物项实施出口管制的公告\n"
    "一、钬\n"
    "(一)1C909.a 钬金属、合金及其制品。参考税则号列:28053019\n"
    "二、铒\n"
    "(一)1C910.a 铒金属、合金及其制品。参考税则号列:28053019\n"
    "本公告自2025年11月8日起正式实施。\n"
    "(存储测试用:暂停实施2025年第18号公告至2026年11月10日。)\n"
    "2025年10月9日\n";

// Evidence for the first occurrence of `needle` in `text`.
Evidence Span(std::string_view text, std::string_view needle) {
  const size_t begin = text.find(needle);
  EXPECT_NE(begin, std::string_view::npos) << needle;
  if (begin == std::string_view::npos) return {};
  return MakeEvidence(text, begin, begin + needle.size());
}

Announcement Make57(std::string_view text, const std::string& parser_version = "zh/1") {
  Announcement a;
  a.doc_id = "mofcom-gacc-2025-57";
  a.issuers = {"MOFCOM", "GACC"};
  a.year = 2025;
  a.number = 57;
  a.lang = Lang::kZh;
  a.title = "关于对钬、铒等稀土物项实施出口管制的公告";
  a.published = Date{2025, 10, 9};
  a.number_evidence = Span(text, "商务部 海关总署公告2025年第57号");
  a.title_evidence = Span(text, a.title);
  a.published_evidence = Span(text, "2025年10月9日");

  Item ho;
  ho.code = "1C909.a";
  ho.position = "一(一)";
  ho.name = "钬金属、合金及其制品";
  ho.elements = {"Ho"};
  ho.hs_codes = {"28053019"};
  ho.evidence = Span(text, "(一)1C909.a 钬金属、合金及其制品。参考税则号列:28053019");
  const size_t ho_hs = text.find("28053019");
  ho.hs_evidence = MakeEvidence(text, ho_hs, ho_hs + 8);
  Item er;
  er.code = "1C910.a";
  er.position = "二(一)";
  er.name = "铒金属、合金及其制品";
  er.elements = {"Er"};
  er.hs_codes = {"28053019", "28053090"};  // a second code to test order within an item
  er.evidence = Span(text, "(一)1C910.a 铒金属、合金及其制品。参考税则号列:28053019");
  const size_t er_hs = text.find("28053019", ho_hs + 1);
  er.hs_evidence = MakeEvidence(text, er_hs, er_hs + 8);
  a.items = {ho, er};

  EffectiveClause clause;
  clause.date = Date{2025, 11, 8};
  clause.evidence = Span(text, "本公告自2025年11月8日起正式实施");
  a.effective = {clause};

  Relation suspends;
  suspends.type = RelationType::kSuspends;
  suspends.target = "mofcom-gacc-2025-18";
  suspends.until = Date{2026, 11, 10};
  suspends.evidence = Span(text, "暂停实施2025年第18号公告至2026年11月10日");
  a.relations = {suspends};
  a.warnings = {"item count differs from the heading"};
  a.parser_version = parser_version;
  return a;
}

PutRequest MakeRequest(const std::string& locator, const std::string& raw,
                       std::optional<Announcement> announcement,
                       const std::string& retrieved_at = "2026-11-27T05:44:44Z") {
  PutRequest r;
  r.snapshot.source_kind = "file";
  r.snapshot.locator = locator;
  r.snapshot.raw = raw;
  r.snapshot.sha256 = Sha256Hex(raw);
  r.snapshot.retrieved_at = retrieved_at;
  r.snapshot.declared_charset = "utf-8";
  r.snapshot.used_charset = "utf-8";
  r.normalized_text = raw;  // the raw bytes of these tests are already normalised text
  r.announcement = std::move(announcement);
  return r;
}

class StoreTest : public ::testing::Test {
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

  TableCounts MustCount() {
    auto counts = store_->Counts();
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : TableCounts{};
  }

  std::vector<StoredDocument> MustFind(std::string_view query) {
    auto docs = store_->FindDocuments(query);
    EXPECT_TRUE(docs.ok()) << docs.status().ToString();
    return docs.ok() ? *docs : std::vector<StoredDocument>{};
  }

  std::unique_ptr<AnnouncementStore> store_;
  const std::string text_ = kText57;
};

TEST_F(StoreTest, FullAnnouncementRoundTrips) {
  const Announcement original = Make57(text_);
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, original)), PutOutcome::kNewSource);

  std::vector<StoredDocument> docs = MustFind("mofcom-gacc-2025-57");
  ASSERT_EQ(docs.size(), 1u);
  const StoredDocument& d = docs[0];
  EXPECT_EQ(d.announcement, original);  // every field, evidence text re-cut from the text
  EXPECT_EQ(d.locator, "/data/57.html");
  EXPECT_EQ(d.version, 1);
  EXPECT_EQ(d.sha256, Sha256Hex(text_));
  EXPECT_EQ(d.retrieved_at, "2026-11-27T05:44:44Z");
  EXPECT_EQ(d.used_charset, "utf-8");
  EXPECT_EQ(d.normalized_text, text_);

  TableCounts expected;
  expected.sources = expected.aliases = expected.snapshots = expected.source_versions = 1;
  expected.texts = expected.documents = 1;
  expected.items = 2;
  expected.hs_codes = 3;
  expected.effective = 1;
  expected.relations = 1;
  EXPECT_EQ(MustCount(), expected);
}

TEST_F(StoreTest, OptionalFieldsRoundTripAsAbsent) {
  Announcement a;
  a.lang = Lang::kZhHant;
  a.parser_version = "zh/1";
  a.doc_id = "mofcom-2025-99";
  Item item;  // no code, no HS codes, empty evidence
  item.position = "一";
  item.name = "物项";
  a.items = {item};
  EffectiveClause clause;  // on publication, no date
  clause.on_publication = true;
  a.effective = {clause};
  ASSERT_EQ(MustPut(MakeRequest("/data/x.html", "plain", a)), PutOutcome::kNewSource);
  std::vector<StoredDocument> docs = MustFind("mofcom-2025-99");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].announcement, a);
  EXPECT_FALSE(docs[0].announcement.year.has_value());
  EXPECT_FALSE(docs[0].announcement.items[0].code.has_value());
}

TEST_F(StoreTest, IdenticalPutIsUnchangedAndAddsNoRow) {
  ASSERT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kNewSource);
  const TableCounts before = MustCount();
  // Read again later: same bytes, same parser.
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_), "2026-12-01T00:00:00Z")),
            PutOutcome::kUnchanged);
  EXPECT_EQ(MustCount(), before);
  auto state = store_->GetSourceState("/data/57.html");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->version, 1);
  EXPECT_EQ((*state)->parser_version, "zh/1");
  // The first retrieval time stays.
  EXPECT_EQ(MustFind("mofcom-gacc-2025-57").at(0).retrieved_at, "2026-11-27T05:44:44Z");
}

TEST_F(StoreTest, ChangedBytesMakeANewVersionAndKeepTheOld) {
  ASSERT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kNewSource);
  const std::string changed = text_ + "附件:物项清单\n";
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", changed, Make57(changed), "2026-12-01T00:00:00Z")),
            PutOutcome::kNewVersion);

  const TableCounts counts = MustCount();
  EXPECT_EQ(counts.sources, 1);
  EXPECT_EQ(counts.snapshots, 2);
  EXPECT_EQ(counts.source_versions, 2);
  EXPECT_EQ(counts.texts, 2);
  EXPECT_EQ(counts.documents, 2);  // the old version's document is kept
  EXPECT_EQ(counts.items, 4);

  auto list = store_->List();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].version, 2);
  EXPECT_EQ((*list)[0].item_count, 2);
  EXPECT_EQ((*list)[0].locator, "/data/57.html");

  std::vector<StoredDocument> docs = MustFind("2025-57");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].version, 2);
  EXPECT_EQ(docs[0].sha256, Sha256Hex(changed));
  EXPECT_EQ(docs[0].normalized_text, changed);

  auto state = store_->GetSourceState("/data/57.html");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->version, 2);
  EXPECT_EQ((*state)->sha256, Sha256Hex(changed));

  // Going back to the first bytes is a third version that reuses snapshot 1.
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kNewVersion);
  EXPECT_EQ(MustCount().snapshots, 2);
  EXPECT_EQ(MustCount().source_versions, 3);
  EXPECT_EQ(MustFind("2025-57").at(0).version, 3);
}

TEST_F(StoreTest, SameBytesFromAnotherLocatorAreAnAliasOfTheSource) {
  ASSERT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kNewSource);
  const TableCounts before = MustCount();
  EXPECT_EQ(MustPut(MakeRequest("/mirror/57-copy.html", text_, Make57(text_))),
            PutOutcome::kAlias);
  const TableCounts after = MustCount();
  EXPECT_EQ(after.sources, 1);
  EXPECT_EQ(after.aliases, 2);
  EXPECT_EQ(after.source_versions, 1);
  EXPECT_EQ(after.snapshots, before.snapshots);
  EXPECT_EQ(after.texts, before.texts);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.items, before.items);

  std::vector<StoredDocument> docs = MustFind("mofcom-gacc-2025-57");
  ASSERT_EQ(docs.size(), 1u);  // one text, one document, whatever carried it
  EXPECT_EQ(docs[0].locator, "/data/57.html");
}

TEST_F(StoreTest, NewParserVersionReparsesAndDropsTheOldRows) {
  ASSERT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_, "zh/1"))),
            PutOutcome::kNewSource);
  Announcement reparsed = Make57(text_, "zh/2");
  reparsed.items.pop_back();  // the new parser finds one item only
  reparsed.relations.clear();
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, reparsed)), PutOutcome::kReparsed);

  const TableCounts counts = MustCount();
  EXPECT_EQ(counts.documents, 1);
  EXPECT_EQ(counts.items, 1);
  EXPECT_EQ(counts.hs_codes, 1);
  EXPECT_EQ(counts.relations, 0);
  EXPECT_EQ(counts.source_versions, 1);
  EXPECT_EQ(counts.snapshots, 1);

  std::vector<StoredDocument> docs = MustFind("mofcom-gacc-2025-57");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].announcement, reparsed);
  EXPECT_EQ(docs[0].version, 1);
  auto state = store_->GetSourceState("/data/57.html");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->parser_version, "zh/2");

  // The same parser again: nothing to do.
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, reparsed)), PutOutcome::kUnchanged);
}

TEST_F(StoreTest, ParseArrivingForKnownBytesIsAReparse) {
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, std::nullopt)), PutOutcome::kNewSource);
  EXPECT_EQ(MustCount().documents, 0);
  EXPECT_EQ(MustCount().texts, 1);
  auto list = store_->List();
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  auto state = store_->GetSourceState("/data/57.html");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->parser_version, "");

  // A failed parse of the same bytes changes nothing.
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, std::nullopt)), PutOutcome::kUnchanged);
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kReparsed);
  EXPECT_EQ(MustCount().documents, 1);
  // And a later failed parse does not erase the stored one.
  EXPECT_EQ(MustPut(MakeRequest("/data/57.html", text_, std::nullopt)), PutOutcome::kUnchanged);
  EXPECT_EQ(MustCount().documents, 1);
}

TEST_F(StoreTest, FailingPutLeavesNothingBehind) {
  ASSERT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kNewSource);
  const TableCounts before = MustCount();

  // A relation without a target violates CHECK (target <> ''). Relations are
  // written last, so the source, alias, snapshot, text, version, document,
  // items and clauses before it must all be rolled back.
  const std::string other = text_ + "(另一份)\n";
  Announcement broken = Make57(other);
  broken.doc_id = "mofcom-gacc-2025-58";
  broken.relations[0].target = "";
  auto outcome = store_->Put(MakeRequest("/data/58.html", other, broken));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kDatabase);
  EXPECT_NE(outcome.status().message().find("CHECK constraint failed"), std::string::npos)
      << outcome.status().message();
  EXPECT_NE(outcome.status().message().find("/data/58.html"), std::string::npos);
  EXPECT_EQ(MustCount(), before);

  // The same failure as a new version of a known source.
  outcome = store_->Put(MakeRequest("/data/57.html", other, broken));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(MustCount(), before);
  auto state = store_->GetSourceState("/data/57.html");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->version, 1);

  // No transaction was left open: the store still takes writes.
  broken.relations[0].target = "mofcom-gacc-2025-18";
  EXPECT_EQ(MustPut(MakeRequest("/data/58.html", other, broken)), PutOutcome::kNewSource);
}

TEST_F(StoreTest, RequestsThatWouldStoreWrongDataAreRefused) {
  const TableCounts before = MustCount();
  PutRequest wrong_hash = MakeRequest("/data/57.html", text_, Make57(text_));
  wrong_hash.snapshot.sha256 = Sha256Hex("other bytes");
  auto outcome = store_->Put(wrong_hash);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kInvalidArgument);

  // Offsets past the end of the text could not be re-cut on load.
  Announcement past_end = Make57(text_);
  past_end.items[0].evidence.end = text_.size() + 1;
  outcome = store_->Put(MakeRequest("/data/57.html", text_, past_end));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(outcome.status().message().find("item 0"), std::string::npos);

  PutRequest bad_kind = MakeRequest("/data/57.html", text_, Make57(text_));
  bad_kind.snapshot.source_kind = "ftp";
  outcome = store_->Put(bad_kind);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kDatabase);
  EXPECT_EQ(MustCount(), before);
}

TEST_F(StoreTest, ShortFormFindsByYearAndNumberOnly) {
  ASSERT_EQ(MustPut(MakeRequest("/data/57.html", text_, Make57(text_))), PutOutcome::kNewSource);
  struct Case {
    const char* query;
    size_t matches;
  };
  const Case cases[] = {
      {"mofcom-gacc-2025-57", 1},
      {"2025-57", 1},
      {"gacc-2025-57", 1},
      {"025-57", 0},   // not at a '-' boundary
      {"2025-5", 0},   // a prefix of the number is no match
      {"2025-58", 0},
      {"%", 0},        // LIKE wildcards in the query are literal
      {"_025-57", 0},
      {"2025_57", 0},
      {"", 0},
  };
  for (const Case& c : cases) EXPECT_EQ(MustFind(c.query).size(), c.matches) << c.query;
}

TEST_F(StoreTest, ExactMatchWinsOverSuffix) {
  Announcement full = Make57(text_);
  Announcement bare = Make57(text_);
  bare.doc_id = "2025-57";
  ASSERT_EQ(MustPut(MakeRequest("/data/a.html", text_, full)), PutOutcome::kNewSource);
  const std::string other = text_ + "\n";
  ASSERT_EQ(MustPut(MakeRequest("/data/b.html", other, bare)), PutOutcome::kNewSource);
  std::vector<StoredDocument> docs = MustFind("2025-57");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].locator, "/data/b.html");
}

TEST_F(StoreTest, ListOrdersByPublishedThenDocIdWithUndatedLast) {
  struct Doc {
    const char* locator;
    const char* doc_id;
    std::optional<Date> published;
  };
  const Doc docs[] = {
      {"/d/undated.html", "mofcom-2025-99", std::nullopt},
      {"/d/57.html", "mofcom-gacc-2025-57", Date{2025, 10, 9}},
      {"/d/18.html", "mofcom-gacc-2025-18", Date{2025, 4, 4}},
      {"/d/56.html", "mofcom-gacc-2025-56", Date{2025, 10, 9}},
  };
  for (const Doc& d : docs) {
    Announcement a = Make57(text_);
    a.doc_id = d.doc_id;
    a.published = d.published;
    const std::string raw = text_ + d.locator;  // distinct bytes per source
    ASSERT_EQ(MustPut(MakeRequest(d.locator, raw, a)), PutOutcome::kNewSource);
  }
  auto list = store_->List();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::vector<std::string> order;
  for (const DocumentSummary& s : *list) order.push_back(s.doc_id.value_or("?"));
  EXPECT_EQ(order, (std::vector<std::string>{"mofcom-gacc-2025-18", "mofcom-gacc-2025-56",
                                             "mofcom-gacc-2025-57", "mofcom-2025-99"}));
  EXPECT_EQ((*list)[0].published, (Date{2025, 4, 4}));
  EXPECT_EQ((*list)[0].lang, Lang::kZh);
  EXPECT_EQ((*list)[0].title, "关于对钬、铒等稀土物项实施出口管制的公告");
  EXPECT_EQ((*list)[0].item_count, 2);
  EXPECT_FALSE((*list)[3].published.has_value());
}

// List's filters are facts of each text; ListNewestFirst pages List's
// order reversed; CountListed counts what List gives.
TEST_F(StoreTest, ListFiltersByIssuerYearListAndElementAndPagesNewestFirst) {
  struct Doc {
    const char* locator;
    const char* doc_id;
    std::vector<std::string> issuers;
    int year;
    Date published;
    bool watch_list;  // names a party on the watch list
  };
  const Doc docs[] = {
      {"/d/a.html", "mofcom-2024-1", {"MOFCOM"}, 2024, Date{2024, 3, 1}, false},
      {"/d/b.html", "mofcom-gacc-2025-2", {"MOFCOM", "GACC"}, 2025, Date{2025, 1, 5}, false},
      {"/d/c.html", "mofcom-2025-3", {"MOFCOM"}, 2025, Date{2025, 6, 1}, true},
      {"/d/d.html", "gacc-2026-4", {"GACC"}, 2026, Date{2026, 2, 1}, false},
  };
  for (const Doc& d : docs) {
    Announcement a = Make57(text_);
    a.doc_id = d.doc_id;
    a.issuers = d.issuers;
    a.year = d.year;
    a.published = d.published;
    if (std::string(d.doc_id) == "gacc-2026-4") a.items.clear();  // no element at all
    if (d.watch_list) {
      Party p;
      p.list = PartyList::kWatchList;
      p.action = PartyAction::kAdd;
      p.name = "甲株式会社";
      p.key = "甲";
      p.evidence = Span(text_, "商务部 海关总署公告2025年第57号");
      a.parties = {p};
    }
    ASSERT_EQ(MustPut(MakeRequest(d.locator, text_ + d.locator, a)), PutOutcome::kNewSource);
  }
  auto ids = [this](const DocumentFilter& filter) {
    std::vector<std::string> out;
    auto list = store_->List(filter);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (list.ok())
      for (const DocumentSummary& s : *list) out.push_back(s.doc_id.value_or("?"));
    auto count = store_->CountListed(filter);
    EXPECT_TRUE(count.ok());
    EXPECT_EQ(count.ok() ? *count : -1, static_cast<int64_t>(out.size()));
    return out;
  };
  using Ids = std::vector<std::string>;
  auto Filter = [](void (*set)(DocumentFilter&)) {
    DocumentFilter f;
    set(f);
    return f;
  };
  EXPECT_EQ(ids({}), (Ids{"mofcom-2024-1", "mofcom-gacc-2025-2", "mofcom-2025-3", "gacc-2026-4"}));
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) { f.issuer = "GACC"; })), (Ids{"mofcom-gacc-2025-2", "gacc-2026-4"}));
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) { f.joint = true; })), (Ids{"mofcom-gacc-2025-2"}));
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) { f.year = 2025; })), (Ids{"mofcom-gacc-2025-2", "mofcom-2025-3"}));
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) { f.list = PartyList::kWatchList; })), (Ids{"mofcom-2025-3"}));
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) { f.list = PartyList::kControlList; })), Ids{});
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) { f.element = "Ho"; })), (Ids{"mofcom-2024-1", "mofcom-gacc-2025-2", "mofcom-2025-3"}));
  EXPECT_EQ(ids(Filter([](DocumentFilter& f) {
              f.issuer = "MOFCOM";
              f.year = 2025;
              f.element = "Er";
            })),
            (Ids{"mofcom-gacc-2025-2", "mofcom-2025-3"}));
  // A filter used after another does not keep its values.
  EXPECT_EQ(ids({}).size(), 4u);

  auto page = [this](int64_t offset, int64_t limit) {
    std::vector<std::string> out;
    auto list = store_->ListNewestFirst({}, offset, limit);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (list.ok())
      for (const DocumentSummary& s : *list) out.push_back(s.doc_id.value_or("?"));
    return out;
  };
  EXPECT_EQ(page(0, 3), (Ids{"gacc-2026-4", "mofcom-2025-3", "mofcom-gacc-2025-2"}));
  EXPECT_EQ(page(3, 3), (Ids{"mofcom-2024-1"}));
  EXPECT_EQ(page(4, 3), Ids{});
  auto newest = store_->ListNewestFirst(Filter([](DocumentFilter& f) { f.year = 2025; }), 0, 10);
  ASSERT_TRUE(newest.ok());
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[0].item_count, 2);  // the counts, as List gives them
  EXPECT_EQ((*newest)[0].party_count, 1);
  EXPECT_EQ((*newest)[0].locator, "/d/c.html");
}

TEST_F(StoreTest, UnknownLocatorHasNoState) {
  auto state = store_->GetSourceState("/nowhere.html");
  ASSERT_TRUE(state.ok());
  EXPECT_FALSE(state->has_value());
}

TEST(StoreFile, ContentSurvivesReopening) {
  const std::string dir = regdiff::testing::MakeTempDir();
  const std::string path = dir + "/regdiff.db";
  const std::string text = kText57;
  {
    auto store = AnnouncementStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto outcome = (*store)->Put(MakeRequest("/data/57.html", text, Make57(text)));
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }
  {
    auto store = AnnouncementStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto docs = (*store)->FindDocuments("2025-57");
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 1u);
    EXPECT_EQ((*docs)[0].announcement, Make57(text));
    auto outcome = (*store)->Put(MakeRequest("/data/57.html", text, Make57(text)));
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(*outcome, PutOutcome::kUnchanged);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace regdiff
