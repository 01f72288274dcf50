// --explain: every fact of a parse comes with the rule that read it, and the
// candidates passed over come with the reason.
#include "parsers/explanation.h"

#include <gtest/gtest.h>

#include <string>

#include "parsers/announcement_builder.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;

const ExplainEntry* Find(const Explanation& e, const std::string& kind, const std::string& value,
                         bool accepted) {
  for (const ExplainEntry& entry : e.entries)
    if (entry.kind == kind && entry.value == value && entry.accepted == accepted) return &entry;
  return nullptr;
}

TEST(Explanation, EveryFactComesWithTheRuleThatReadIt) {
  const NormalizedText text = Simplified(
      "商务部公告2025年第72号\n"
      "经批准,自即日起至2026年11月27日,暂停实施商务部公告2024年第46号第二条。\n"
      "(一)1C902.a 金属钐(参考海关商品编号:2805301910)\n"
      "商务部\n2025年11月9日\n");
  Explanation why;
  Announcement a = BuildAnnouncement(text, Lang::kZh, &why);
  ASSERT_EQ(a.doc_id.value_or(""), "mofcom-2025-72");
  for (const auto& [kind, value] :
       {std::pair<std::string, std::string>{"doc_id", "mofcom-2025-72"},
        {"published", "2025-11-09"},
        {"item", "1C902.a"},
        {"relation", "suspends mofcom-2024-46 until 2026-11-27"}}) {
    const ExplainEntry* e = Find(why, kind, value, true);
    ASSERT_NE(e, nullptr) << kind << " " << value;
    EXPECT_FALSE(e->rule.empty()) << kind;
    EXPECT_EQ(text.text.substr(e->evidence.begin, e->evidence.end - e->evidence.begin),
              e->evidence.text);
  }
  EXPECT_NE(Find(why, "effective", "2025-11-09 on publication (whole)", true), nullptr);
}

TEST(Explanation, CandidatesPassedOverComeWithTheReason) {
  // The label names the document under a shorter issuer list; a news text's
  // plain citation is no relation.
  Explanation why;
  (void)BuildAnnouncement(Simplified("商务部 海关总署公告2025年第10号 关于钨的决定\n"
                                     "【发布文号】商务部公告2025年第10号\n"),
                          Lang::kZh, &why);
  const ExplainEntry* self = Find(why, "relation", "refers_to mofcom-2025-10", false);
  ASSERT_NE(self, nullptr);
  EXPECT_EQ(self->reason, "it is the document itself");
  const ExplainEntry* mention = Find(why, "mention", "mofcom-2025-10", false);
  ASSERT_NE(mention, nullptr);
  EXPECT_FALSE(mention->reason.empty());
}

TEST(Explanation, NothingIsRecordedWhenNotAsked) {
  const NormalizedText text = Simplified("商务部公告2025年第72号\n");
  Explanation why;
  EXPECT_EQ(BuildAnnouncement(text, Lang::kZh, &why), BuildAnnouncement(text, Lang::kZh));
  EXPECT_FALSE(why.entries.empty());
}

}  // namespace
}  // namespace regdiff::parsers
