// Language texts of one announcement end to end: a bilingual page ingests as
// a Chinese and an English document of one source, and `show` lists every
// text and where an English translation disagrees with the Chinese original
// (tests/fixtures/pairing, see its README).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "corpus/store.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/json_schema.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string Pairing(const std::string& name) { return FixturesDir() + "/pairing/" + name; }

class PairingTest : public DbFixture {
 protected:
  Json ShowJson(const std::string& doc) {
    RunResult r = Regdiff({"show", doc, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Json j = Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    auto problems = ValidateJson(LoadSchema("show.schema.json"), j);
    for (const auto& p : problems) ADD_FAILURE() << "show.schema.json: " << p;
    return j;
  }
};

TEST_F(PairingTest, ABilingualPageIsStoredAsAChineseAndAnEnglishDocument) {
  const std::string page = Pairing("mofcom-gacc-2025-57.bilingual.txt");
  RunResult r = Regdiff({"ingest", page});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  {
    auto store = AnnouncementStore::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto counts = (*store)->Counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->sources, 1);
    EXPECT_EQ(counts->snapshots, 1);
    EXPECT_EQ(counts->documents, 2);
  }

  Json show = ShowJson("2025-57");
  ASSERT_EQ(show["texts"].size(), 2u);
  EXPECT_EQ(show["texts"][0]["announcement"]["lang"], "zh");
  EXPECT_EQ(show["texts"][1]["announcement"]["lang"], "en");
  for (const Json& t : show["texts"]) {
    EXPECT_EQ(t["source"], fs::absolute(page).lexically_normal().string());
    EXPECT_EQ(t["announcement"]["doc_id"], "mofcom-gacc-2025-57");
    EXPECT_EQ(t["announcement"]["items"].size(), 4u);
  }
  // Evidence in its own language, with offsets into the one stored text.
  const Json& zh_item = show["texts"][0]["announcement"]["items"][0];
  const Json& en_item = show["texts"][1]["announcement"]["items"][0];
  EXPECT_EQ(zh_item["code"], "1C909.a");
  EXPECT_NE(zh_item["evidence"].get<std::string>().find("金属钬"), std::string::npos);
  EXPECT_EQ(en_item["code"], "1C909.a");
  EXPECT_NE(en_item["evidence"].get<std::string>().find("Holmium metal"), std::string::npos);
  EXPECT_GT(en_item["span"][0].get<size_t>(), zh_item["span"][0].get<size_t>());
  // The two halves state the same facts.
  EXPECT_TRUE(show["disagreements"].empty()) << show["disagreements"].dump(2);

  RunResult text = Regdiff({"show", "2025-57"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("mofcom-gacc-2025-57  [zh]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("mofcom-gacc-2025-57  [en]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("disagreements: zh ("), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  (none)\n"), std::string::npos) << text.out;

  // Ingesting the same page again stores nothing new.
  r = Regdiff({"ingest", page});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 unchanged"), std::string::npos) << r.err;
}

TEST_F(PairingTest, ShowListsTheHsCodeTheTranslationPrintsDifferently) {
  RunResult r = Regdiff({"ingest", Pairing("mofcom-gacc-2023-23.zh.txt"),
                         Pairing("mofcom-gacc-2023-23.en.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  RunResult text = Regdiff({"show", "2023-23"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("mofcom-gacc-2023-23  [zh]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("mofcom-gacc-2023-23  [en]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("HS codes of 1(1)1: zh 8110929010 | en 8112929010"), std::string::npos)
      << text.out;
  // Each side's evidence, in its own language.
  EXPECT_NE(text.out.find("zh: 1.金属镓(单质)。(参考海关商品编号:8110929010)"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("en: 1. Gallium metal (elemental). (Reference customs commodity "
                          "number: 8112929010)"),
            std::string::npos)
      << text.out;

  Json show = ShowJson("2023-23");
  ASSERT_EQ(show["disagreements"].size(), 1u) << show["disagreements"].dump(2);
  const Json& d = show["disagreements"][0];
  EXPECT_EQ(d["kind"], "hs_codes");
  EXPECT_EQ(d["key"], "1(1)1");
  EXPECT_TRUE(d["only_in"].is_null());
  EXPECT_EQ(d["texts"][0]["lang"], "zh");
  EXPECT_EQ(d["texts"][0]["values"], Json::array({"8110929010"}));
  EXPECT_NE(d["texts"][0]["source"].get<std::string>().find("2023-23.zh.txt"), std::string::npos);
  EXPECT_EQ(d["texts"][1]["lang"], "en");
  EXPECT_EQ(d["texts"][1]["values"], Json::array({"8112929010"}));
  EXPECT_NE(d["texts"][1]["source"].get<std::string>().find("2023-23.en.txt"), std::string::npos);
}

TEST_F(PairingTest, AChineseTextAloneHasNoDisagreementsSection) {
  RunResult r = Regdiff({"ingest", Pairing("mofcom-gacc-2023-23.zh.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult text = Regdiff({"show", "2023-23"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.find("disagreements"), std::string::npos) << text.out;
  EXPECT_TRUE(ShowJson("2023-23")["disagreements"].empty());
}

}  // namespace
}  // namespace regdiff::testing
