// DiffStatus: what happened to each item between two dates.
#include "diff/status_diff.h"

#include <gtest/gtest.h>

#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

using testing::D;

ItemState State(const std::string& code, ItemStatus status, std::optional<Date> since = std::nullopt,
                std::optional<Date> until = std::nullopt) {
  ItemState s;
  s.key = code;
  s.code = code;
  s.name = "物项" + code;
  s.elements = {"Ho"};
  s.hs_codes = {"28053019"};
  s.listed_by = "mofcom-gacc-2025-57";
  s.status = status;
  s.since = since;
  s.until = until;
  s.governing = {"mofcom-gacc-2025-57"};
  s.evidence = "本公告自2025年11月8日起实施";
  return s;
}

TEST(StatusDiff, ClassifiesEachKindOfChange) {
  struct Case {
    const char* name;
    std::optional<ItemState> before, after;
    std::optional<StatusChangeKind> expected;  // nullopt: no change reported
  } cases[] = {
      {"same state", State("1C909.a", ItemStatus::kInForce, D(2025, 11, 8)),
       State("1C909.a", ItemStatus::kInForce, D(2025, 11, 8)), std::nullopt},
      {"newly listed", std::nullopt, State("1C909.a", ItemStatus::kNotYetInForce),
       StatusChangeKind::kNewlyListed},
      {"delisted", State("1C909.a", ItemStatus::kInForce), std::nullopt, StatusChangeKind::kDelisted},
      {"entered control", State("1C909.a", ItemStatus::kNotYetInForce),
       State("1C909.a", ItemStatus::kInForce, D(2025, 11, 8)), StatusChangeKind::kEnteredControl},
      {"suspended", State("1C909.a", ItemStatus::kInForce, D(2025, 11, 8)),
       State("1C909.a", ItemStatus::kSuspended, D(2025, 11, 8), D(2026, 11, 10)),
       StatusChangeKind::kSuspended},
      {"resumed", State("1C909.a", ItemStatus::kSuspended, D(2025, 11, 8), D(2026, 11, 10)),
       State("1C909.a", ItemStatus::kInForce, D(2026, 11, 11)), StatusChangeKind::kResumed},
      {"repealed", State("1C909.a", ItemStatus::kInForce), State("1C909.a", ItemStatus::kRepealed),
       StatusChangeKind::kRepealed},
      {"back in time", State("1C909.a", ItemStatus::kInForce), State("1C909.a", ItemStatus::kNotYetInForce),
       StatusChangeKind::kStatusChanged},
      {"suspension extended", State("1C909.a", ItemStatus::kSuspended, D(2025, 11, 8), D(2026, 11, 10)),
       State("1C909.a", ItemStatus::kSuspended, D(2025, 11, 8), D(2027, 11, 10)),
       StatusChangeKind::kStatusChanged},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<ItemState> left, right;
    if (c.before) left.push_back(*c.before);
    if (c.after) right.push_back(*c.after);
    StatusDiff d = DiffStatus(left, right);
    if (!c.expected) {
      EXPECT_TRUE(d.empty());
      continue;
    }
    ASSERT_EQ(d.changes.size(), 1u);
    EXPECT_EQ(d.changes[0].kind, *c.expected);
    EXPECT_EQ(d.changes[0].key, "1C909.a");
    EXPECT_EQ(d.changes[0].before.has_value(), c.before.has_value());
    EXPECT_EQ(d.changes[0].after.has_value(), c.after.has_value());
  }
}

TEST(StatusDiff, ReportsHsCodeChangesOfAnUnchangedStatus) {
  ItemState before = State("1C909.a", ItemStatus::kInForce, D(2025, 11, 8));
  ItemState after = before;
  after.hs_codes = {"2805301910"};
  after.listed_by = "mofcom-gacc-2026-1";
  StatusDiff d = DiffStatus({before}, {after});
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].kind, StatusChangeKind::kListingChanged);
  EXPECT_EQ(d.changes[0].hs_added, std::vector<std::string>{"2805301910"});
  EXPECT_EQ(d.changes[0].hs_removed, std::vector<std::string>{"28053019"});
}

TEST(StatusDiff, BetweenTheSamariumListAndAfterNo57ComeFifteenSuspendedItems) {
  Timeline t = Timeline::Build({testing::No18(), testing::No57(), testing::No70()});
  StatusDiff d = DiffStatus(t.AsOf(D(2025, 4, 4)), t.AsOf(D(2025, 11, 9)));
  ASSERT_EQ(d.changes.size(), 15u);
  for (const StatusChange& c : d.changes) {
    SCOPED_TRACE(c.key);
    EXPECT_EQ(c.kind, StatusChangeKind::kNewlyListed);
    ASSERT_TRUE(c.after);
    EXPECT_EQ(c.after->status, ItemStatus::kSuspended);
    EXPECT_EQ(c.after->until, D(2026, 11, 10));
    EXPECT_EQ(c.after->listed_by, "mofcom-gacc-2025-57");
    EXPECT_NE(std::find(c.after->governing.begin(), c.after->governing.end(), "mofcom-gacc-2025-70"),
              c.after->governing.end());
  }
  EXPECT_EQ(d.changes.front().key, "1C909.a");
  EXPECT_EQ(d.changes.back().key, "1C913.c");
}

TEST(StatusDiff, AfterTheSuspensionEndsTheItemsResumeByInference) {
  Timeline t = Timeline::Build({testing::No18(), testing::No57(), testing::No70()});
  StatusDiff d = DiffStatus(t.AsOf(D(2025, 11, 9)), t.AsOf(D(2026, 11, 11)));
  ASSERT_EQ(d.changes.size(), 15u);
  EXPECT_EQ(d.changes[0].kind, StatusChangeKind::kResumed);
  EXPECT_EQ(d.changes[0].after->basis, Basis::kInferred);
  EXPECT_EQ(d.changes[0].after->since, D(2026, 11, 11));
}

}  // namespace
}  // namespace regdiff::diff
