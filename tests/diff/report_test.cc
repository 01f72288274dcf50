// CompareDates from only the states that may differ (what diff --asof reads
// from the consolidated state) gives the report of every state, and the
// changes DiffStatus gives.
#include "diff/report.h"

#include <gtest/gtest.h>

#include "diff/render_json.h"
#include "diff/render_markdown.h"
#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

using testing::D;

// `states` without those equal to a state of `other`.
std::vector<ItemState> Without(const std::vector<ItemState>& states,
                               const std::vector<ItemState>& other) {
  std::vector<ItemState> out;
  for (const ItemState& s : states)
    if (std::find(other.begin(), other.end(), s) == other.end()) out.push_back(s);
  return out;
}

TEST(CompareDates, StatesTheSameOnBothDatesMayBeLeftOut) {
  const Timeline timeline = Timeline::Build({testing::No18(), testing::No57(), testing::No70()});
  const ElementHistory history = BuildElementHistory(timeline);
  ReportOptions options;
  options.others = &timeline.Announcements();
  options.history = &history;
  const Date dates[] = {D(2025, 4, 3), D(2025, 4, 4), D(2025, 11, 9), D(2026, 11, 11)};
  for (const Date& left : dates) {
    for (const Date& right : dates) {
      const std::vector<ItemState> before = timeline.AsOf(left), after = timeline.AsOf(right);
      DiffReport whole = CompareDates(left, before, right, after, options);
      DiffReport differing = CompareDates(left, Without(before, after), before.size(), right,
                                          Without(after, before), after.size(), options);
      EXPECT_EQ(RenderJson(differing), RenderJson(whole)) << left.ToIso() << " " << right.ToIso();
      EXPECT_EQ(RenderMarkdown(differing), RenderMarkdown(whole));
      // CompareDates moves the states into the changes; DiffStatus of the
      // same rows copies them.
      const StatusDiff copied = DiffStatus(before, after);
      ASSERT_EQ(copied.changes.size(), whole.status.changes.size());
      for (size_t i = 0; i < copied.changes.size(); ++i) {
        const StatusChange& a = copied.changes[i];
        const StatusChange& b = whole.status.changes[i];
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.key, b.key);
        EXPECT_EQ(a.before, b.before);
        EXPECT_EQ(a.after, b.after);
        EXPECT_EQ(a.hs_added, b.hs_added);
        EXPECT_EQ(a.hs_removed, b.hs_removed);
        EXPECT_EQ(a.name_changed, b.name_changed);
      }
    }
  }
}

}  // namespace
}  // namespace regdiff::diff
