// What a later announcement does to the items an earlier one lists and it
// does not list again: decided by its relations naming the earlier one.
#include "diff/left_only.h"

#include <gtest/gtest.h>

#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

using testing::Clause;
using testing::D;
using testing::No18;
using testing::Rel;

// No. 18 and a later announcement with `relations`, in force from 2025-12-01.
Announcement Later(std::vector<Relation> relations) {
  Announcement b = testing::Header("mofcom-gacc-2025-90", {"MOFCOM", "GACC"}, 90, D(2025, 11, 20), "后来的公告");
  b.effective.push_back(Clause(D(2025, 12, 1), false, "本公告自2025年12月1日起实施"));
  b.relations = std::move(relations);
  return b;
}

TEST(LeftOnly, TheRightAnnouncementsRelationDecidesWhatBecomesOfTheItems) {
  const std::string a = "mofcom-gacc-2025-18";
  struct Case {
    const char* name;
    std::vector<Relation> relations;
    LeftOnlyKind kind;
    std::optional<RelationType> relation;
    std::optional<Date> from;
    std::optional<Date> until;
  } cases[] = {
      {"no relation", {}, LeftOnlyKind::kAsTheyWere, std::nullopt, std::nullopt, std::nullopt},
      {"refers only", {Rel(RelationType::kRefersTo, a, std::nullopt, "根据第18号公告")},
       LeftOnlyKind::kAsTheyWere, std::nullopt, std::nullopt, std::nullopt},
      {"amends", {Rel(RelationType::kAmends, a, std::nullopt, "修改第18号公告")}, LeftOnlyKind::kAsTheyWere,
       std::nullopt, std::nullopt, std::nullopt},
      {"another target", {Rel(RelationType::kRepeals, "mofcom-gacc-2025-17", std::nullopt, "废止第17号公告")},
       LeftOnlyKind::kAsTheyWere, std::nullopt, std::nullopt, std::nullopt},
      {"repeals", {Rel(RelationType::kRepeals, a, std::nullopt, "第18号公告同时废止")}, LeftOnlyKind::kEnded,
       RelationType::kRepeals, D(2025, 12, 1), std::nullopt},
      {"replaces", {Rel(RelationType::kReplaces, a, std::nullopt, "代替第18号公告")}, LeftOnlyKind::kEnded,
       RelationType::kReplaces, D(2025, 12, 1), std::nullopt},
      {"suspends until", {Rel(RelationType::kSuspends, a, D(2026, 11, 10), "第18号公告暂停实施至2026年11月10日")},
       LeftOnlyKind::kSuspended, RelationType::kSuspends, D(2025, 12, 1), D(2026, 11, 10)},
      {"resumes", {Rel(RelationType::kResumes, a, std::nullopt, "恢复实施第18号公告")}, LeftOnlyKind::kResumed,
       RelationType::kResumes, D(2025, 12, 1), std::nullopt},
      {"repeal outranks suspension",
       {Rel(RelationType::kSuspends, a, D(2026, 1, 1), "暂停"), Rel(RelationType::kRepeals, a, std::nullopt, "废止")},
       LeftOnlyKind::kEnded, RelationType::kRepeals, D(2025, 12, 1), std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const LeftOnlyOutcome o = LeftOnlyOutcomeOf(No18(), Later(c.relations));
    EXPECT_EQ(o.kind, c.kind);
    EXPECT_EQ(o.relation, c.relation);
    EXPECT_EQ(o.from, c.from);
    EXPECT_EQ(o.until, c.until);
    EXPECT_EQ(o.by, "mofcom-gacc-2025-90");
    EXPECT_EQ(o.evidence.text.empty(), c.kind == LeftOnlyKind::kAsTheyWere);
  }
}

TEST(LeftOnly, OutcomesHaveStableJsonNames) {
  EXPECT_EQ(LeftOnlyKindName(LeftOnlyKind::kAsTheyWere), "as_they_were");
  EXPECT_EQ(LeftOnlyKindName(LeftOnlyKind::kEnded), "ended");
  EXPECT_EQ(LeftOnlyKindName(LeftOnlyKind::kSuspended), "suspended");
  EXPECT_EQ(LeftOnlyKindName(LeftOnlyKind::kResumed), "resumed");
}

}  // namespace
}  // namespace regdiff::diff
