// Summary sentences, exact, in English and Chinese, with their evidence.
#include "diff/summary.h"

#include <gtest/gtest.h>

#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

using testing::D;
using testing::No18;
using testing::No57;
using testing::No70;

Side DocSide(Announcement a, int version = 1) {
  Side s;
  s.label = *a.doc_id;
  s.version = version;
  s.announcement = std::move(a);
  return s;
}

std::vector<std::string> Texts(const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.push_back(s.text);
  return out;
}

class SummaryTest : public ::testing::Test {
 protected:
  SummaryTest() : timeline_(Timeline::Build({No18(), No57(), No70()})) {}

  DiffReport Compare(DiffKind kind, Announcement a, Announcement b, SummaryLang lang,
                     int left_version = 1, int right_version = 1) {
    ReportOptions options;
    options.lang = lang;
    options.others = &timeline_.Announcements();
    return CompareDocuments(kind, DocSide(std::move(a), left_version), DocSide(std::move(b), right_version),
                            options);
  }

  Timeline timeline_;
};

TEST_F(SummaryTest, TwoAnnouncementsInEnglish) {
  DiffReport r = Compare(DiffKind::kAnnouncements, No18(), No57(), SummaryLang::kEn);
  EXPECT_EQ(Texts(r.summary),
            (std::vector<std::string>{
                "No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium items "
                "(1C909\u20131C913: 15 codes, 1 HS code on 4 items), effective 2025-11-08; "
                "suspended by No. 70 until 2026-11-10.",
                "No. 18 of 2025 alone lists samarium and gadolinium items "
                "(1C902\u20131C903: 6 codes, 11 HS codes on 4 items); No. 57 of 2025 does not repeal, "
                "suspend or replace it, so they stay as they were.",
            }));
}

TEST_F(SummaryTest, TwoAnnouncementsInChinese) {
  DiffReport r = Compare(DiffKind::kAnnouncements, No18(), No57(), SummaryLang::kZh);
  EXPECT_EQ(Texts(r.summary),
            (std::vector<std::string>{
                "2025年第57号公告新增钬、铒、铥、铕、镱相关物项（1C909\u20131C913，共15个管制编码、"
                "1个海关商品编号，见于4个物项），自2025年11月8日起实施；已被2025年第70号公告暂停实施至"
                "2026年11月10日。",
                "仅2025年第18号公告列有钐、钆相关物项（1C902\u20131C903，共6个管制编码、"
                "11个海关商品编号，见于4个物项）；2025年第57号公告未废止、暂停或取代该公告，这些物项维持原状。",
            }));
}

TEST_F(SummaryTest, SentencesCarryTheirEvidence) {
  DiffReport r = Compare(DiffKind::kAnnouncements, No18(), No57(), SummaryLang::kEn);
  ASSERT_FALSE(r.summary.empty());
  const std::vector<EvidenceRef>& ev = r.summary[0].evidence;
  ASSERT_EQ(ev.size(), 17u);  // 15 item lines, the effective clause, the suspension
  EXPECT_EQ(ev[0], (EvidenceRef{"right", "mofcom-gacc-2025-57", "item", "1C909.a",
                                "1C909.a 金属钬、含钬的合金及相关制品(参考税则号列:28053019)"}));
  EXPECT_EQ(ev[15], (EvidenceRef{"right", "mofcom-gacc-2025-57", "effective", "", "本公告自2025年11月8日起实施"}));
  EXPECT_EQ(ev[16], (EvidenceRef{"context", "mofcom-gacc-2025-70", "relation", "mofcom-gacc-2025-57",
                                 "第55号、56号、57号、58号公告暂停实施至2026年11月10日"}));
  EXPECT_EQ(r.summary[1].evidence.size(), 6u);
  EXPECT_EQ(r.summary[1].evidence[0].side, "left");
}

TEST_F(SummaryTest, WithoutContextNoSuspensionIsClaimed) {
  ReportOptions options;  // no timeline
  DiffReport r = CompareDocuments(DiffKind::kAnnouncements, DocSide(No18()), DocSide(No57()), options);
  ASSERT_FALSE(r.summary.empty());
  EXPECT_EQ(r.summary[0].text,
            "No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium items "
            "(1C909\u20131C913: 15 codes, 1 HS code on 4 items), effective 2025-11-08.");
}

TEST_F(SummaryTest, TwoVersions) {
  Announcement v2 = No18();
  v2.items[1].hs_codes = {"2846901940", "3824999922", "2846901999"};  // 1C902.b
  v2.items[5].code = "1C903.d";                                       // was 1C903.c
  v2.items.erase(v2.items.begin() + 3);                               // 1C903.a gone
  v2.effective[0] = testing::Clause(D(2025, 5, 1), false, "本公告自2025年5月1日起实施");
  struct Case {
    SummaryLang lang;
    std::vector<std::string> expected;
  } cases[] = {
      {SummaryLang::kEn,
       {"Version 2 of No. 18 of 2025 drops gadolinium items (1C903: 1 code, 1 HS code on 1 item) listed in "
        "version 1.",
        "Version 2 of No. 18 of 2025 lists \u201c含钆的化合物及其混合物\u201d under 1C903.d instead of 1C903.c.",
        "Version 2 of No. 18 of 2025 changes 1C902.b: HS codes added: 2846901999; HS codes removed: 2846901993.",
        "Version 2 of No. 18 of 2025 gives the effective date as 2025-05-01; version 1 gives 2025-04-04 (on "
        "publication)."}},
      {SummaryLang::kZh,
       {"2025年第18号公告第2版删去了第1版所列的钆相关物项（1C903，共1个管制编码、1个海关商品编号，见于1个物项）。",
        "2025年第18号公告第2版中\u201c含钆的化合物及其混合物\u201d的管制编码为1C903.d（第1版为1C903.c）。",
        "2025年第18号公告第2版修改了1C902.b：新增海关商品编号2846901999，删去海关商品编号2846901993。",
        "2025年第18号公告第2版所载实施日期为2025年5月1日，第1版为2025年4月4日（自公布之日起）。"}},
  };
  for (const Case& c : cases) {
    DiffReport r = Compare(DiffKind::kVersions, No18(), v2, c.lang, 1, 2);
    EXPECT_EQ(Texts(r.summary), c.expected);
  }
}

TEST_F(SummaryTest, TwoLanguageTexts) {
  Announcement en = No57();
  en.lang = Lang::kEn;
  for (Item& i : en.items) i.name = "English name";
  en.items[3].hs_codes = {"28053091"};  // 1C910.a
  en.items.pop_back();                  // 1C913.c missing
  DiffReport r = Compare(DiffKind::kTexts, No57(), en, SummaryLang::kEn);
  EXPECT_EQ(Texts(r.summary),
            (std::vector<std::string>{
                "The English text of No. 57 of 2025 lacks ytterbium items (1C913: 1 code) that the Chinese "
                "text lists.",
                "The English text of No. 57 of 2025 differs from the Chinese text on 1C910.a: HS code 28053091 "
                "against 28053019 in the Chinese text.",
            }));
  DiffReport zh = Compare(DiffKind::kTexts, No57(), en, SummaryLang::kZh);
  ASSERT_EQ(zh.summary.size(), 2u);
  EXPECT_EQ(zh.summary[1].text,
            "2025年第57号公告的英文文本在1C910.a上与中文文本不同：海关商品编号为28053091，中文文本为28053019。");
  DiffReport same = Compare(DiffKind::kTexts, No57(), [] {
    Announcement e = No57();
    e.lang = Lang::kEn;
    return e;
  }(), SummaryLang::kZh);
  EXPECT_EQ(Texts(same.summary),
            (std::vector<std::string>{"2025年第57号公告的英文文本与中文文本所列物项（1C909\u20131C913，共15个管制编码、"
                                      "1个海关商品编号，见于4个物项）、实施日期和关联公告一致。"}));
}

TEST_F(SummaryTest, RelationChanges) {
  Announcement v2 = No70();
  v2.relations.pop_back();  // no longer suspends 58
  v2.relations.push_back(testing::Rel(RelationType::kRepeals, "mofcom-gacc-2025-18", std::nullopt, "废止第18号公告"));
  DiffReport r = Compare(DiffKind::kVersions, No70(), v2, SummaryLang::kEn, 1, 2);
  EXPECT_EQ(Texts(r.summary),
            (std::vector<std::string>{
                "Version 2 of No. 70 of 2025 repeals No. 18; version 1 does not.",
                "Version 1 suspends No. 58 until 2026-11-10; version 2 of No. 70 of 2025 does not.",
            }));
}

TEST_F(SummaryTest, TwoDates) {
  ReportOptions options;
  DiffReport en = CompareDates(timeline_, D(2025, 4, 4), D(2025, 11, 9), options);
  EXPECT_EQ(Texts(en.summary),
            (std::vector<std::string>{
                "Between 2025-04-04 and 2025-11-09, No. 57 of 2025 listed holmium, erbium, thulium, europium "
                "and ytterbium items (1C909\u20131C913: 15 codes, 1 HS code on 4 items); suspended by No. 70 "
                "until 2026-11-10."}));
  options.lang = SummaryLang::kZh;
  DiffReport later = CompareDates(timeline_, D(2025, 11, 9), D(2026, 11, 11), options);
  EXPECT_EQ(Texts(later.summary),
            (std::vector<std::string>{
                "2025年第57号公告所列钬、铒、铥、铕、镱相关物项（1C909\u20131C913，共15个管制编码、1个海关商品编号，"
                "见于4个物项）自2026年11月11日起恢复实施（推定：暂停期限届满且无后续公告）。"}));
  options.lang = SummaryLang::kEn;
  DiffReport before = CompareDates(timeline_, D(2025, 4, 3), D(2025, 4, 4), options);
  EXPECT_EQ(Texts(before.summary),
            (std::vector<std::string>{
                "Between 2025-04-03 and 2025-04-04, No. 18 of 2025 listed samarium and gadolinium items "
                "(1C902\u20131C903: 6 codes, 11 HS codes on 4 items); in force since 2025-04-04."}));
  ASSERT_FALSE(en.summary[0].evidence.empty());
  EXPECT_EQ(en.summary[0].evidence[0].what, "status");
}

TEST_F(SummaryTest, NoDifferencesIsSaid) {
  DiffReport r = Compare(DiffKind::kAnnouncements, No57(), No57(), SummaryLang::kEn);
  EXPECT_EQ(Texts(r.summary),
            (std::vector<std::string>{"No differences between No. 57 of 2025 and No. 57 of 2025."}));
  ReportOptions options;
  options.lang = SummaryLang::kZh;
  DiffReport d = CompareDates(timeline_, D(2025, 11, 9), D(2025, 11, 10), options);
  EXPECT_EQ(Texts(d.summary), (std::vector<std::string>{"2025年11月9日与2025年11月10日的管制清单没有差异。"}));
}

// --- parties ---

// Each case: two sides' parties compared, and the sentences said of them in
// English and in Chinese.
struct PartyCase {
  const char* what;
  DiffKind kind;
  Announcement left;
  Announcement right;
  std::vector<std::string> en;
  std::vector<std::string> zh;
};

TEST_F(SummaryTest, PartiesPutOnAndTakenOffLists) {
  using testing::ControlListAdd;
  using testing::ListingAnnouncement;
  using testing::MakeParty;
  using testing::No12Of2026;
  using testing::No51Of2025;
  using testing::WatchListAdd;
  const Party uel_removal = MakeParty(PartyList::kUnreliableEntityList, PartyAction::kRemove,
                                      "Skydio Inc.", std::nullopt, "US");
  Announcement no12_v2 = No12Of2026();
  no12_v2.parties.resize(19);  // the twentieth line lost
  Announcement no12_gb = No12Of2026();
  no12_gb.parties[0].country = "GB";
  // A copy without its annex: one name printed, twenty stated.
  Announcement no12_news =
      ListingAnnouncement(2026, 12, {WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation")});
  no12_news.party_counts.push_back({PartyList::kWatchList, PartyAction::kAdd, 20, "JP", {}});
  // The stated count is the announcement's: a side holding some of its
  // parties, against one holding the rest, is counted as printed.
  Announcement no12_two = ListingAnnouncement(
      2026, 12, {WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation"), WatchListAdd("日本实体2", "Japan Entity 2")});
  no12_two.party_counts = no12_news.party_counts;
  const PartyCase cases[] = {
      {"twenty entities of one country: counted by country, the first three named",
       DiffKind::kAnnouncements, No51Of2025(), No12Of2026(),
       {"No. 12 of 2026 adds 20 Japanese entities to the watch list, among them SUBARU Corporation "
        "(斯巴鲁株式会社), Japan Entity 2 (日本实体2) and Japan Entity 3 (日本实体3).",
        "No. 51 of 2025 adds 3 US entities to the export control list: Huntington Ingalls Industries, "
        "Inc. (亨廷顿·英格尔斯工业公司), Planate Management Group (扁平地球管理公司) and Global Dimensions LLC "
        "(全球维度公司); No. 12 of 2026 does not."},
       {"2026年第12号公告将斯巴鲁株式会社（SUBARU Corporation）、日本实体2（Japan Entity 2）、日本实体3（Japan Entity 3）"
        "等20家日本实体列入关注名单。",
        "2025年第51号公告将亨廷顿·英格尔斯工业公司（Huntington Ingalls Industries, Inc.）、扁平地球管理公司"
        "（Planate Management Group）、全球维度公司（Global Dimensions LLC）等3家美国实体列入出口管制管控名单，"
        "2026年第12号公告则没有。"}},
      {"one entity is named alone",
       DiffKind::kAnnouncements, ListingAnnouncement(2026, 1, {}),
       ListingAnnouncement(2026, 12, {WatchListAdd("斯巴鲁株式会社", "SUBARU Corporation")}),
       {"No. 12 of 2026 adds SUBARU Corporation (斯巴鲁株式会社) to the watch list."},
       {"2026年第12号公告将斯巴鲁株式会社（SUBARU Corporation）列入关注名单。"}},
      {"a stated count above the names printed: the count stated, the names printed",
       DiffKind::kAnnouncements, ListingAnnouncement(2026, 1, {}), no12_news,
       {"No. 12 of 2026 adds 20 Japanese entities to the watch list, among them SUBARU Corporation "
        "(斯巴鲁株式会社)."},
       {"2026年第12号公告将斯巴鲁株式会社（SUBARU Corporation）等20家日本实体列入关注名单。"}},
      {"a stated count does not count a part of the parties",
       DiffKind::kAnnouncements, no12_news, no12_two,
       {"No. 12 of 2026 adds Japan Entity 2 (日本实体2) to the watch list."},
       {"2026年第12号公告将日本实体2（Japan Entity 2）列入关注名单。"}},
      {"entities of several countries are counted without one",
       DiffKind::kAnnouncements, ListingAnnouncement(2026, 1, {}),
       ListingAnnouncement(2026, 11, {ControlListAdd("Alpha Ltd.", std::nullopt, "GB"),
                                      ControlListAdd("Beta Inc.", std::nullopt, "US")}),
       {"No. 11 of 2026 adds 2 entities to the export control list: Alpha Ltd. and Beta Inc."},
       {"2026年第11号公告将Alpha Ltd.、Beta Inc.等2家实体列入出口管制管控名单。"}},
      {"a removal",
       DiffKind::kAnnouncements, ListingAnnouncement(2025, 1, {}), ListingAnnouncement(2025, 8, {uel_removal}),
       {"No. 8 of 2025 removes Skydio Inc. from the unreliable entity list."},
       {"2025年第8号公告将Skydio Inc.移出不可靠实体清单。"}},
      {"a version that lost a line",
       DiffKind::kVersions, No12Of2026(), no12_v2,
       {"Version 1 adds Japan Entity 20 (日本实体20) to the watch list; version 2 of No. 12 of 2026 does not."},
       {"第1版将日本实体20（Japan Entity 20）列入关注名单，2026年第12号公告第2版则没有。"}},
      {"a changed country",
       DiffKind::kVersions, No12Of2026(), no12_gb,
       {"Version 2 of No. 12 of 2026 changes SUBARU Corporation (斯巴鲁株式会社): country from JP to GB."},
       {"2026年第12号公告第2版修改了斯巴鲁株式会社（SUBARU Corporation）：国别由JP改为GB。"}},
  };
  for (const PartyCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(Texts(Compare(c.kind, c.left, c.right, SummaryLang::kEn, 1, 2).summary), c.en);
    EXPECT_EQ(Texts(Compare(c.kind, c.left, c.right, SummaryLang::kZh, 1, 2).summary), c.zh);
  }
}

TEST_F(SummaryTest, PartySentencesQuoteEachPartyLine) {
  DiffReport r = Compare(DiffKind::kAnnouncements, testing::ListingAnnouncement(2026, 1, {}),
                         testing::No51Of2025(), SummaryLang::kEn);
  ASSERT_EQ(r.summary.size(), 1u);
  const std::vector<EvidenceRef>& ev = r.summary[0].evidence;
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0], (EvidenceRef{"right", "mofcom-2025-51", "party", "亨廷顿·英格尔斯工业公司",
                                "亨廷顿·英格尔斯工业公司(Huntington Ingalls Industries, Inc.)"}));
  EXPECT_EQ(ev[2].ref, "全球维度公司");
}

}  // namespace
}  // namespace regdiff::diff
