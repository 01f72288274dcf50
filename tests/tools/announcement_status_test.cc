// StatusOf: an announcement's standing on a date from those of the items and
// parties it governs, else from its own dates.
#include "tools/web/announcement_status.h"

#include <gtest/gtest.h>

namespace regdiff::tools::web {
namespace {

Date D(const char* iso) { return *Date::FromIso(iso); }

Announcement Listing(bool items, bool parties, const char* published) {
  Announcement a;
  a.doc_id = "mofcom-2025-1";
  if (published) a.published = D(published);
  if (items) a.items.push_back(Item{});
  if (parties) a.parties.push_back(Party{});
  return a;
}

TEST(AnnouncementStatus, TheStrongestStatusOfWhatItGovernsIsItsOwn) {
  const Announcement a = Listing(true, true, "2025-10-09");
  const Date day = D("2026-01-01");
  struct Case {
    std::vector<ItemStatus> items;
    std::vector<PartyStatus> parties;
    DocStatus want;
  } cases[] = {
      {{ItemStatus::kRepealed, ItemStatus::kInForce}, {}, DocStatus::kInForce},
      {{ItemStatus::kSuspended, ItemStatus::kRepealed}, {}, DocStatus::kSuspended},
      {{ItemStatus::kNotYetInForce}, {PartyStatus::kRemoved}, DocStatus::kNotYetInForce},
      {{ItemStatus::kRepealed}, {PartyStatus::kRemoved}, DocStatus::kRepealed},
      {{}, {PartyStatus::kSuspended, PartyStatus::kInForce}, DocStatus::kInForce},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StatusOf(a, day, c.items, c.parties), c.want) << DocStatusName(c.want);
  }
}

TEST(AnnouncementStatus, WithoutListingsItsOwnDatesDecide) {
  // Listing items no state is governed by: later listings took them over.
  EXPECT_EQ(StatusOf(Listing(true, false, "2025-10-09"), D("2026-01-01"), {}, {}),
            DocStatus::kSuperseded);
  // Listing nothing (a suspension, a repeal): in force from its date.
  Announcement relations_only = Listing(false, false, "2025-11-07");
  EXPECT_EQ(StatusOf(relations_only, D("2025-11-07"), {}, {}), DocStatus::kInForce);
  EXPECT_EQ(StatusOf(relations_only, D("2025-11-06"), {}, {}), DocStatus::kNotYetInForce);
  EffectiveClause later;
  later.date = D("2025-12-01");
  relations_only.effective.push_back(later);
  EXPECT_EQ(StatusOf(relations_only, D("2025-11-20"), {}, {}), DocStatus::kNotYetInForce);
  // Published after the day: not yet, whatever its items' states say.
  EXPECT_EQ(StatusOf(Listing(true, false, "2026-02-01"), D("2026-01-01"), {ItemStatus::kInForce}, {}),
            DocStatus::kNotYetInForce);
  // No date at all: the timeline cannot place it, nor can its status.
  EXPECT_EQ(StatusOf(Listing(false, true, nullptr), D("2026-01-01"), {}, {}), std::nullopt);
}

TEST(AnnouncementStatus, NamesReadBack) {
  for (DocStatus s : AllDocStatuses()) EXPECT_EQ(DocStatusFromName(DocStatusName(s)), s);
  EXPECT_EQ(DocStatusFromName("alive"), std::nullopt);
  EXPECT_EQ(AllDocStatuses().size(), 5u);
}

}  // namespace
}  // namespace regdiff::tools::web
