// The English parser end to end on fixtures in the shape of MOFCOM's English
// releases and of third-party translations, the language dispatch, and
// bilingual texts parsed into one record per language.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/parsers/parts.h"
#include "parsers/lang_detect.h"
#include "parsers/parse.h"
#include "tests/parsers/en_test_text.h"

namespace regdiff::parsers {
namespace {

using testing::English;
using testing::EnglishFixture;

// Every evidence of `a` is the text at its offsets.
void ExpectEvidenceInText(const Announcement& a, const std::string& text) {
  auto check = [&](const Evidence& e, const std::string& what) {
    ASSERT_LE(e.end, text.size()) << what;
    EXPECT_EQ(text.substr(e.begin, e.end - e.begin), e.text) << what;
  };
  check(a.number_evidence, "number");
  check(a.title_evidence, "title");
  check(a.published_evidence, "published");
  for (const auto& c : a.effective) check(c.evidence, "effective");
  for (const auto& item : a.items) {
    check(item.evidence, "item " + item.code.value_or(item.position));
    check(item.hs_evidence, "hs " + item.code.value_or(item.position));
  }
  for (const auto& r : a.relations) check(r.evidence, "relation " + r.target);
}

std::vector<std::string> Codes(const Announcement& a) {
  std::vector<std::string> out;
  for (const auto& item : a.items) out.push_back(item.code.value_or(""));
  return out;
}

TEST(EnParser, ReadsAnOfficialStyleRelease) {
  NormalizedText n = EnglishFixture("mofcom-2025-62.official.txt");
  Announcement a = testing::EnAnnouncement(n);
  EXPECT_EQ(a.doc_id, "mofcom-2025-62");
  EXPECT_EQ(a.lang, Lang::kEn);
  EXPECT_EQ(a.parser_version, kParserVersion);
  EXPECT_EQ(a.title, "on Imposing Export Controls on Rare-Earth-Related Technologies");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->ToIso(), "2025-10-09");
  ASSERT_EQ(a.effective.size(), 1u);
  EXPECT_TRUE(a.effective[0].on_publication);
  EXPECT_EQ(a.effective[0].date, a.published);
  EXPECT_EQ(a.effective[0].applies_to, "whole");
  EXPECT_EQ(Codes(a), (std::vector<std::string>{"1E902.a", "1E902.b"}));
  for (const auto& item : a.items) {
    EXPECT_TRUE(item.hs_codes.empty());
    EXPECT_TRUE(item.elements.empty());  // "rare-earth" names no element
  }
  EXPECT_TRUE(a.relations.empty());  // a law's article is no announcement
  EXPECT_TRUE(a.warnings.empty());
  ExpectEvidenceInText(a, n.text);
}

TEST(EnParser, ReadsAThirdPartyTranslationWithChromeAndOcrSlips) {
  NormalizedText n = EnglishFixture("mofcom-gacc-2025-57.translation.txt");
  Announcement a = testing::EnAnnouncement(n);
  EXPECT_EQ(a.doc_id, "mofcom-gacc-2025-57");
  EXPECT_EQ(a.issuers, (std::vector<std::string>{"MOFCOM", "GACC"}));
  EXPECT_EQ(a.title,
            "Decision to Impose Export Controls on Certain Medium and Heavy Rare-Earth Items");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->ToIso(), "2025-10-09");  // not the posting date
  ASSERT_EQ(a.effective.size(), 1u);
  EXPECT_EQ(a.effective[0].date->ToIso(), "2025-11-08");
  EXPECT_FALSE(a.effective[0].on_publication);

  std::vector<std::string> codes;
  const char* symbols[] = {"Ho", "Er", "Tm", "Eu", "Yb"};
  for (int family = 909; family <= 913; ++family)
    for (char sub : {'a', 'b', 'c'}) codes.push_back("1C" + std::to_string(family) + "." + sub);
  EXPECT_EQ(Codes(a), codes);
  for (size_t i = 0; i < a.items.size(); ++i) {
    const Item& item = a.items[i];
    EXPECT_EQ(item.elements, std::vector<std::string>{symbols[i / 3]}) << *item.code;
    bool metal_with_hs = i % 3 == 0 && i / 3 < 4;  // 1C909.a-1C912.a
    EXPECT_EQ(item.hs_codes,
              metal_with_hs ? std::vector<std::string>{"28053019"} : std::vector<std::string>{})
        << *item.code;
  }
  EXPECT_EQ(a.items[0].hs_evidence.text, "2805.30.19");
  EXPECT_EQ(a.items[3].position, "ll(1)");  // the OCR'd "II." keeps its printed marker
  EXPECT_TRUE(a.relations.empty());
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find("1C9O9.a"), std::string::npos);
  ExpectEvidenceInText(a, n.text);
}

TEST(EnParser, DispatchesEnglishTextsToTheEnglishParser) {
  NormalizedText n = EnglishFixture("mofcom-2025-62.official.txt");
  Result<Announcement> a = ParseAnnouncement(n);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->lang, Lang::kEn);
  EXPECT_EQ(a->doc_id, "mofcom-2025-62");
  std::vector<Announcement> all = ParseAnnouncements(n);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0], *a);
}

TEST(EnParser, AnEnglishTextWithoutAnnouncementFactsIsNoAnnouncement) {
  NormalizedText n = English(
      "Home | News | Contact\nChina's trade grew in October, the customs data showed.\n"
      "Analysts expect further growth next year.\n");
  Result<Announcement> a = ParseAnnouncement(n);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotAnnouncement);
  EXPECT_TRUE(ParseAnnouncements(n).empty());
}

TEST(EnParser, ParsesABilingualTextIntoOneRecordPerLanguage) {
  NormalizedText n = EnglishFixture("mofcom-gacc-2025-70.bilingual.txt");
  ASSERT_TRUE(IsBilingual(n));
  std::vector<Announcement> records = ParseAnnouncements(n);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].lang, Lang::kZh);
  EXPECT_EQ(records[1].lang, Lang::kEn);
  const std::vector<std::string> targets = {"mofcom-gacc-2025-55", "mofcom-gacc-2025-56",
                                            "mofcom-gacc-2025-57", "mofcom-gacc-2025-58",
                                            "mofcom-2025-61",      "mofcom-2025-62"};
  for (const Announcement& a : records) {
    SCOPED_TRACE(std::string(LangName(a.lang)));
    EXPECT_EQ(a.doc_id, "mofcom-gacc-2025-70");
    ASSERT_TRUE(a.published.has_value());
    EXPECT_EQ(a.published->ToIso(), "2025-11-07");
    ASSERT_EQ(a.effective.size(), 1u);
    EXPECT_TRUE(a.effective[0].on_publication);
    EXPECT_EQ(a.effective[0].date, a.published);
    ASSERT_EQ(a.relations.size(), targets.size());
    for (size_t i = 0; i < targets.size(); ++i) {
      EXPECT_EQ(a.relations[i].type, RelationType::kSuspends);
      EXPECT_EQ(a.relations[i].target, targets[i]);
      ASSERT_TRUE(a.relations[i].until.has_value());
      EXPECT_EQ(a.relations[i].until->ToIso(), "2026-11-10");
    }
    ExpectEvidenceInText(a, n.text);
  }
  // Each record's evidence lies in its own language's lines.
  EXPECT_LT(records[0].number_evidence.begin, records[1].number_evidence.begin);
  // The single-record entry point gives the Chinese record.
  Result<Announcement> single = ParseAnnouncement(n);
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(*single, records[0]);
}

}  // namespace
}  // namespace regdiff::parsers
