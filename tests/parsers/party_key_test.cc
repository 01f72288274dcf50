// The match keys the parser gives each party: one key for a name in either
// script, and one for the English name printed beside it.
#include "parsers/party_key.h"

#include <gtest/gtest.h>

#include "parsers/parse.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;
using testing::Traditional;

TEST(PartyKey, FoldsTraditionalScriptAndCompanyForms) {
  EXPECT_EQ(PartyKey("斯巴魯株式會社"), "斯巴鲁");
  EXPECT_EQ(PartyKey("斯巴鲁株式会社"), "斯巴鲁");
  EXPECT_EQ(PartyKey("SUBARU Corporation"), "subaru");
  EXPECT_EQ(PartyKey("ＳＵＢＡＲＵ　Ｃｏｒｐ．"), "subaru");
}

TEST(PartyKey, TheParserKeysEveryPartyItReads) {
  auto simplified = ParseAnnouncement(Simplified(
      "商务部公告2026年第12号\n商务部决定将斯巴鲁株式会社(SUBARU Corporation)列入关注名单。\n"));
  auto traditional =
      ParseAnnouncement(Traditional("商務部公告2026年第12號\n商務部決定將斯巴魯株式會社列入關注名單。\n",
                                    "商务部公告2026年第12号\n商务部决定将斯巴鲁株式会社列入关注名单。\n"));
  ASSERT_TRUE(simplified.ok() && traditional.ok());
  ASSERT_EQ(simplified->parties.size(), 1u);
  ASSERT_EQ(traditional->parties.size(), 1u);
  EXPECT_EQ(simplified->parties[0].key, "斯巴鲁");
  EXPECT_EQ(simplified->parties[0].key_en, "subaru");
  // The name stays as printed; the key is the Simplified one.
  EXPECT_EQ(traditional->parties[0].name, "斯巴魯株式會社");
  EXPECT_EQ(traditional->parties[0].key, "斯巴鲁");
  EXPECT_EQ(traditional->parties[0].key_en, "");
}

}  // namespace
}  // namespace regdiff::parsers
