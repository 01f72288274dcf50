// Disagreements between a Chinese and an English text of one announcement:
// position alignment across numbering scripts, each kind of disagreement,
// facts missing from one side, and which texts are paired at all.
#include "diff/text_pair.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diff/render_disagreements.h"

namespace regdiff::diff {
namespace {

TEST(CanonicalPosition, ReadsNumeralsOfEveryScriptAsDigits) {
  struct Case {
    std::string position;
    std::string expected;
  };
  const Case cases[] = {
      {"一(一)1", "1(1)1"},    {"I(I)1", "1(1)1"},     {"I.(I)1.", "1(1)1"},
      {"十二", "12"},          {"二十", "20"},         {"二十三(十)", "23(10)"},
      {"IV(IX)", "4(9)"},      {"XIV", "14"},          {"三、", "3"},
      {"一(一)1a", "1(1)1a"},  {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CanonicalPosition(c.position), c.expected) << c.position;
}

Item MakeItem(std::optional<std::string> code, std::string position, std::string name,
              std::vector<std::string> elements, std::vector<std::string> hs) {
  Item item;
  item.code = std::move(code);
  item.position = std::move(position);
  item.name = name;
  item.elements = std::move(elements);
  item.hs_codes = std::move(hs);
  item.evidence.text = name;
  item.evidence.begin = 10;
  item.evidence.end = 10 + name.size();
  return item;
}

// Facts of MOFCOM/GACC 2023 No. 23 (gallium, germanium; items by position;
// published 2023-07-03, effective 2023-08-01), as both texts state them.
Announcement Gallium(Lang lang) {
  const bool zh = lang == Lang::kZh || lang == Lang::kZhHant;
  Announcement a;
  a.doc_id = "mofcom-gacc-2023-23";
  a.lang = lang;
  a.published = Date{2023, 7, 3};
  a.published_evidence.text = zh ? "2023年7月3日" : "July 3, 2023";
  EffectiveClause clause;
  clause.date = Date{2023, 8, 1};
  clause.applies_to = "whole";
  clause.evidence.text = zh ? "本公告自2023年8月1日起正式实施" : "implemented from August 1, 2023";
  a.effective = {clause};
  a.items = {
      MakeItem(std::nullopt, zh ? "一(一)1" : "I(I)1", zh ? "金属镓" : "Gallium metal", {"Ga"},
               {zh ? "8110929010" : "8112929010"}),
      MakeItem(std::nullopt, zh ? "一(一)2" : "I(I)2", zh ? "氮化镓" : "Gallium nitride", {"Ga"}, {}),
      MakeItem(std::nullopt, zh ? "一(二)1" : "I(II)1", zh ? "金属锗" : "Germanium metal", {"Ge"},
               {}),
  };
  return a;
}

TEST(CompareLanguageTexts, ReportsTheGalliumHsCodeOfTheTranslation) {
  std::vector<Disagreement> ds = CompareLanguageTexts(Gallium(Lang::kZh), Gallium(Lang::kEn));
  ASSERT_EQ(ds.size(), 1u);
  const Disagreement& d = ds[0];
  EXPECT_EQ(d.kind, DisagreementKind::kHsCodes);
  EXPECT_EQ(d.key, "1(1)1");  // uncoded items aligned by position across scripts
  EXPECT_EQ(d.left.values, std::vector<std::string>{"8110929010"});
  EXPECT_EQ(d.right.values, std::vector<std::string>{"8112929010"});
  EXPECT_EQ(d.left.evidence.text, "金属镓");
  EXPECT_EQ(d.right.evidence.text, "Gallium metal");
  EXPECT_FALSE(d.left_only());
  EXPECT_FALSE(d.right_only());
}

TEST(CompareLanguageTexts, TextsStatingTheSameFactsAgree) {
  Announcement zh = Gallium(Lang::kZh), en = Gallium(Lang::kEn);
  en.items[0].hs_codes = {"8110929010"};
  // Titles, names and positions are in different languages: never compared.
  EXPECT_TRUE(CompareLanguageTexts(zh, en).empty());
}

TEST(CompareLanguageTexts, AnItemMissingFromATruncatedCopyIsInOneTextOnly) {
  Announcement en = Gallium(Lang::kEn);
  en.items[0].hs_codes = {"8110929010"};
  en.items.pop_back();  // the copy stops before germanium
  std::vector<Disagreement> ds = CompareLanguageTexts(Gallium(Lang::kZh), en);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DisagreementKind::kItem);
  EXPECT_EQ(ds[0].key, "1(2)1");
  EXPECT_TRUE(ds[0].left_only());
  EXPECT_EQ(ds[0].left.values, std::vector<std::string>{"金属锗"});
  EXPECT_TRUE(ds[0].right.values.empty());
}

TEST(CompareLanguageTexts, HsCodesListedInOneTextOnlyAreNotADifferentValue) {
  Announcement en = Gallium(Lang::kEn);
  en.items[0].hs_codes.clear();  // the translation leaves the codes out
  std::vector<Disagreement> ds = CompareLanguageTexts(Gallium(Lang::kZh), en);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DisagreementKind::kHsCodes);
  EXPECT_TRUE(ds[0].left_only());
  EXPECT_FALSE(ds[0].right.states);
}

TEST(CompareLanguageTexts, CodedItemsAlignByControlCode) {
  Announcement zh, en;
  zh.lang = Lang::kZh;
  en.lang = Lang::kEn;
  zh.items = {MakeItem("1C909.a", "一(一)", "金属钬", {"Ho"}, {"28053019"}),
              MakeItem("1C910.a", "二(一)", "金属铒", {"Er"}, {"28053019"})};
  // Another position for the same code, an extra code, different elements.
  en.items = {MakeItem("1C910.a", "I(1)", "Erbium metal", {"Er"}, {"28053019"}),
              MakeItem("1C909.a", "II(1)", "Holmium metal", {"Dy"}, {"28053019"}),
              MakeItem("1C911.a", "III(1)", "Thulium metal", {"Tm"}, {"28053019"})};
  std::vector<Disagreement> ds = CompareLanguageTexts(zh, en);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].kind, DisagreementKind::kElements);
  EXPECT_EQ(ds[0].key, "1C909.a");
  EXPECT_EQ(ds[0].left.values, std::vector<std::string>{"Ho"});
  EXPECT_EQ(ds[0].right.values, std::vector<std::string>{"Dy"});
  EXPECT_EQ(ds[1].kind, DisagreementKind::kItem);
  EXPECT_EQ(ds[1].key, "1C911.a");
  EXPECT_TRUE(ds[1].right_only());
}

TEST(CompareLanguageTexts, ReportsDifferentDates) {
  Announcement zh = Gallium(Lang::kZh), en = Gallium(Lang::kEn);
  en.items[0].hs_codes = {"8110929010"};
  en.published = Date{2023, 7, 4};
  en.effective[0].date = Date{2023, 9, 1};
  std::vector<Disagreement> ds = CompareLanguageTexts(zh, en);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].kind, DisagreementKind::kPublished);
  EXPECT_EQ(ds[0].left.values, std::vector<std::string>{"2023-07-03"});
  EXPECT_EQ(ds[0].right.values, std::vector<std::string>{"2023-07-04"});
  EXPECT_EQ(ds[0].right.evidence.text, "July 3, 2023");
  EXPECT_EQ(ds[1].kind, DisagreementKind::kEffective);
  EXPECT_EQ(ds[1].left.values, std::vector<std::string>{"2023-08-01"});
  EXPECT_EQ(ds[1].right.values, std::vector<std::string>{"2023-09-01"});
}

TEST(CompareLanguageTexts, ADateOneTextLacksIsInTheOtherOnly) {
  Announcement zh = Gallium(Lang::kZh), en = Gallium(Lang::kEn);
  en.items[0].hs_codes = {"8110929010"};
  en.published.reset();
  en.effective.clear();
  std::vector<Disagreement> ds = CompareLanguageTexts(zh, en);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].kind, DisagreementKind::kPublished);
  EXPECT_TRUE(ds[0].left_only());
  EXPECT_EQ(ds[1].kind, DisagreementKind::kEffective);
  EXPECT_TRUE(ds[1].left_only());
}

TEST(CompareLanguageTexts, OnPublicationAndTheSameDateAgree) {
  Announcement zh = Gallium(Lang::kZh), en = Gallium(Lang::kEn);
  en.items[0].hs_codes = {"8110929010"};
  zh.effective[0].date = zh.published;
  zh.effective[0].on_publication = true;
  en.effective[0].date = en.published;  // "shall be implemented from July 3, 2023"
  EXPECT_TRUE(CompareLanguageTexts(zh, en).empty());
}

TEST(CompareLanguageTexts, ARelationWithAnotherEndDateIsOneDisagreement) {
  Announcement zh, en;
  zh.lang = Lang::kZh;
  en.lang = Lang::kEn;
  Relation r;
  r.type = RelationType::kSuspends;
  r.target = "mofcom-gacc-2025-57";
  r.until = Date{2026, 11, 10};
  zh.relations = {r};
  r.until = Date{2026, 11, 11};
  en.relations = {r};
  r.target = "mofcom-2025-62";
  en.relations.push_back(r);
  std::vector<Disagreement> ds = CompareLanguageTexts(zh, en);
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].kind, DisagreementKind::kRelation);
  EXPECT_EQ(ds[0].key, "mofcom-gacc-2025-57");
  EXPECT_EQ(ds[0].left.values,
            std::vector<std::string>{"suspends mofcom-gacc-2025-57 until 2026-11-10"});
  EXPECT_EQ(ds[0].right.values,
            std::vector<std::string>{"suspends mofcom-gacc-2025-57 until 2026-11-11"});
  EXPECT_EQ(ds[1].key, "mofcom-2025-62");
  EXPECT_TRUE(ds[1].right_only());
}

TEST(PairLanguageTexts, ComparesTheFullestChineseTextWithEveryEnglishOne) {
  Announcement zh_short = Gallium(Lang::kZh), zh_full = Gallium(Lang::kZh);
  zh_short.items.pop_back();
  Announcement hant = Gallium(Lang::kZhHant), en1 = Gallium(Lang::kEn), en2 = Gallium(Lang::kEn);
  hant.items.push_back(hant.items[0]);  // more items, but Simplified comes first
  std::vector<const Announcement*> texts = {&en1, &zh_short, &hant, &zh_full, &en2};
  std::vector<LanguagePair> pairs = PairLanguageTexts(texts);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].chinese, 3u);
  EXPECT_EQ(pairs[0].english, 0u);
  EXPECT_EQ(pairs[1].chinese, 3u);
  EXPECT_EQ(pairs[1].english, 4u);
}

TEST(PairLanguageTexts, TextsOfOneLanguageAreNotCompared) {
  Announcement zh = Gallium(Lang::kZh), hant = Gallium(Lang::kZhHant), en = Gallium(Lang::kEn);
  EXPECT_TRUE(PairLanguageTexts({&zh, &hant}).empty());
  EXPECT_TRUE(PairLanguageTexts({&en, &en}).empty());
  ASSERT_EQ(PairLanguageTexts({&hant, &en}).size(), 1u);  // Traditional is Chinese too
}

TEST(RenderDisagreements, NamesBothSidesAndTheirEvidence) {
  std::vector<Disagreement> ds = CompareLanguageTexts(Gallium(Lang::kZh), Gallium(Lang::kEn));
  const PairedText zh{Lang::kZh, "/a/zh.txt", 1}, en{Lang::kEn, "/a/en.txt", 2};
  const std::string text = RenderDisagreementsText(ds, zh, en);
  EXPECT_NE(text.find("zh (/a/zh.txt, version 1) vs en (/a/en.txt, version 2)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("HS codes of 1(1)1: zh 8110929010 | en 8112929010"), std::string::npos)
      << text;
  EXPECT_NE(text.find("en: Gallium metal"), std::string::npos) << text;
  EXPECT_NE(RenderDisagreementsText({}, zh, en).find("  (none)\n"), std::string::npos);

  const nlohmann::ordered_json j = DisagreementToJson(ds[0], zh, en);
  EXPECT_EQ(j["kind"], "hs_codes");
  EXPECT_TRUE(j["only_in"].is_null());
  EXPECT_EQ(j["texts"][0]["lang"], "zh");
  EXPECT_EQ(j["texts"][1]["values"][0], "8112929010");
  EXPECT_EQ(j["texts"][1]["version"], 2);
}

TEST(RenderDisagreements, AFactInOneTextOnlySaysWhich) {
  Announcement en = Gallium(Lang::kEn);
  en.items[0].hs_codes = {"8110929010"};
  en.items.pop_back();
  std::vector<Disagreement> ds = CompareLanguageTexts(Gallium(Lang::kZh), en);
  const PairedText zh{Lang::kZh, "/a/zh.txt", 1}, eng{Lang::kEn, "/a/en.txt", 1};
  const std::string text = RenderDisagreementsText(ds, zh, eng);
  EXPECT_NE(text.find("item 1(2)1 only in zh: zh 金属锗 | en not stated"), std::string::npos)
      << text;
  const nlohmann::ordered_json j = DisagreementToJson(ds[0], zh, eng);
  EXPECT_EQ(j["only_in"], "zh");
  EXPECT_TRUE(j["texts"][1]["evidence"].is_null());
  EXPECT_TRUE(j["texts"][1]["span"].is_null());
}

}  // namespace
}  // namespace regdiff::diff
