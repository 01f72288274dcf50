// DiffAnnouncements: items by code, field changes, name matching of recoded
// items, effective clauses, relations and the header.
#include "diff/item_diff.h"

#include <gtest/gtest.h>

#include <functional>

#include "tests/diff/fixtures.h"

namespace regdiff::diff {
namespace {

using testing::D;
using testing::MakeItem;
using testing::No18;
using testing::No57;

Item* Find(Announcement& a, const std::string& code) {
  for (Item& i : a.items)
    if (i.code == code) return &i;
  return nullptr;
}

struct Counts {
  size_t added, removed, changed, recoded;
  bool operator==(const Counts&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Counts& c) {
  return os << "{added " << c.added << ", removed " << c.removed << ", changed " << c.changed
            << ", recoded " << c.recoded << "}";
}

TEST(ItemDiff, ClassifiesItemsByCode) {
  struct Case {
    const char* name;
    std::function<void(Announcement&)> edit_right;
    Counts expected;
  } cases[] = {
      {"identical", [](Announcement&) {}, {0, 0, 0, 0}},
      {"item added",
       [](Announcement& b) { b.items.push_back(MakeItem("1C914.a", "六(一)", "新增物项", {})); },
       {1, 0, 0, 0}},
      {"item removed", [](Announcement& b) { b.items.pop_back(); }, {0, 1, 0, 0}},
      {"HS code added", [](Announcement& b) { Find(b, "1C909.b")->hs_codes.push_back("28469019"); },
       {0, 0, 1, 0}},
      {"name changed", [](Announcement& b) { Find(b, "1C913.c")->name = "含镱的化合物"; }, {0, 0, 1, 0}},
      {"white space in a name is no change",
       [](Announcement& b) { Find(b, "1C913.c")->name = "含镱的化合物 及其混合物"; }, {0, 0, 0, 0}},
      {"position change alone is no change", [](Announcement& b) { Find(b, "1C913.c")->position = "六(三)"; },
       {0, 0, 0, 0}},
      {"code changed, same name", [](Announcement& b) { Find(b, "1C913.c")->code = "1C913.d"; },
       {0, 0, 0, 1}},
      {"code lost", [](Announcement& b) { Find(b, "1C913.c")->code.reset(); }, {0, 0, 0, 1}},
      {"code changed and name reworded",
       [](Announcement& b) {
         Item* i = Find(b, "1C909.a");
         i->code = "1C919.a";
         i->name = "金属钬、含钬的合金及其制品";
       },
       {0, 0, 0, 1}},
      {"code changed and element changed: not the same item",
       [](Announcement& b) {
         Item* i = Find(b, "1C909.a");
         i->code = "1C919.a";
         i->name = "金属钐、含钐的合金及相关制品";
         i->elements = {"Sm"};
       },
       {1, 1, 0, 0}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Announcement a = No57(), b = No57();
    c.edit_right(b);
    AnnouncementDiff d = DiffAnnouncements(a, b);
    EXPECT_EQ((Counts{d.added.size(), d.removed.size(), d.changed.size(), d.recoded.size()}), c.expected);
    EXPECT_EQ(d.empty(), c.expected == (Counts{0, 0, 0, 0}));
  }
}

TEST(ItemDiff, SimilarTextOfAnotherElementIsNeverRecoded) {
  // 1C902.a (Sm) and 1C909.a (Ho) differ by two characters; the elements
  // tell them apart.
  AnnouncementDiff d = DiffAnnouncements(No18(), No57());
  EXPECT_TRUE(d.recoded.empty());
  EXPECT_EQ(d.added.size(), 15u);
  EXPECT_EQ(d.removed.size(), 6u);
  EXPECT_EQ(d.added.front().code, "1C909.a");
  EXPECT_EQ(d.removed.front().code, "1C902.a");
}

TEST(ItemDiff, ReportsHsCodesAndElementsAddedAndRemoved) {
  Announcement a = No18(), b = No18();
  Item* i = Find(b, "1C902.b");
  i->hs_codes = {"2846901940", "3824999922", "2846901999"};
  i->elements = {"Gd", "Sm"};
  AnnouncementDiff d = DiffAnnouncements(a, b);
  ASSERT_EQ(d.changed.size(), 1u);
  const ItemChange& c = d.changed[0];
  EXPECT_EQ(c.key, "1C902.b");
  EXPECT_FALSE(c.changes.name_changed);
  EXPECT_EQ(c.changes.hs_added, std::vector<std::string>{"2846901999"});
  EXPECT_EQ(c.changes.hs_removed, std::vector<std::string>{"2846901993"});
  EXPECT_EQ(c.changes.elements_added, std::vector<std::string>{"Gd"});
  EXPECT_TRUE(c.changes.elements_removed.empty());
}

TEST(ItemDiff, RecodedItemsCarryTheMatchAndTheirFieldChanges) {
  Announcement a = No57(), b = No57();
  Item* i = Find(b, "1C909.a");
  i->code = "1C919.a";
  i->name = "金属钬、含钬的合金及其制品";
  i->hs_codes = {"2805301910"};
  AnnouncementDiff d = DiffAnnouncements(a, b);
  ASSERT_EQ(d.recoded.size(), 1u);
  const RecodedItem& r = d.recoded[0];
  EXPECT_EQ(r.left.code, "1C909.a");
  EXPECT_EQ(r.right.code, "1C919.a");
  EXPECT_EQ(r.match, RecodeMatch::kSimilarName);
  EXPECT_NEAR(r.similarity, 22.0 / 25.0, 1e-9);
  EXPECT_TRUE(r.changes.name_changed);
  EXPECT_EQ(r.changes.hs_added, std::vector<std::string>{"2805301910"});
  EXPECT_EQ(r.changes.hs_removed, std::vector<std::string>{"28053019"});
}

TEST(ItemDiff, KeysUncodedItemsByPositionAndRepeatsByOccurrence) {
  Announcement a, b;
  a.items = {MakeItem("", "一", "稀土开采技术", {}), MakeItem("1C909.a", "二", "甲", {"Ho"}),
             MakeItem("1C909.a", "三", "乙", {"Ho"})};
  b.items = {MakeItem("", "一", "稀土冶炼技术", {}), MakeItem("1C909.a", "二", "甲", {"Ho"}),
             MakeItem("1C909.a", "三", "丙", {"Ho"})};
  EXPECT_EQ(ItemKey(a.items[0]), "@一");
  AnnouncementDiff d = DiffAnnouncements(a, b);
  ASSERT_EQ(d.changed.size(), 2u);
  EXPECT_EQ(d.changed[0].key, "@一");
  EXPECT_EQ(d.changed[1].key, "1C909.a#2");
  EXPECT_TRUE(d.changed[1].changes.name_changed);
}

TEST(ItemDiff, ComparesEffectiveClausesByPart) {
  Announcement a = No57(), b = No57();
  b.effective[0].date = D(2025, 12, 1);
  b.effective.push_back(testing::Clause(D(2025, 10, 9), true, "其余规定自公布之日起实施", "其余规定"));
  AnnouncementDiff d = DiffAnnouncements(a, b);
  ASSERT_EQ(d.effective.changed.size(), 1u);
  EXPECT_EQ(d.effective.changed[0].applies_to, "whole");
  EXPECT_EQ(d.effective.changed[0].left.date, D(2025, 11, 8));
  EXPECT_EQ(d.effective.changed[0].right.date, D(2025, 12, 1));
  ASSERT_EQ(d.effective.added.size(), 1u);
  EXPECT_EQ(d.effective.added[0].applies_to, "其余规定");
  EXPECT_TRUE(d.effective.removed.empty());
}

TEST(ItemDiff, ComparesRelationsByTypeTargetAndUntil) {
  Announcement a = testing::No70(), b = testing::No70();
  b.relations[2].until = D(2026, 12, 31);  // 57: a different end date
  b.relations.pop_back();                   // 58 dropped
  AnnouncementDiff d = DiffAnnouncements(a, b);
  ASSERT_EQ(d.relations.added.size(), 1u);
  EXPECT_EQ(d.relations.added[0].target, "mofcom-gacc-2025-57");
  EXPECT_EQ(d.relations.added[0].until, D(2026, 12, 31));
  ASSERT_EQ(d.relations.removed.size(), 2u);
  EXPECT_EQ(d.relations.removed[0].target, "mofcom-gacc-2025-57");
  EXPECT_EQ(d.relations.removed[1].target, "mofcom-gacc-2025-58");
}

TEST(ItemDiff, ReportsTitleAndPublicationDateChanges) {
  Announcement a = No57(), b = No57();
  b.title = "另一个标题";
  b.published = D(2025, 10, 10);
  AnnouncementDiff d = DiffAnnouncements(a, b);
  ASSERT_EQ(d.header.size(), 2u);
  EXPECT_EQ(d.header[0].field, HeaderField::kTitle);
  EXPECT_EQ(d.header[1].field, HeaderField::kPublished);
  EXPECT_EQ(d.header[1].left, "2025-10-09");
  EXPECT_EQ(d.header[1].right, "2025-10-10");
}

TEST(ItemDiff, AcrossLanguagesComparesCodesHsAndDatesOnly) {
  Announcement zh = No57(), en = No57();
  en.lang = Lang::kEn;
  en.title = "on Imposing Export Controls on Items Related to Holmium";
  for (Item& i : en.items) i.name = "an English name";
  en.effective[0].applies_to = "the whole announcement";
  Find(en, "1C910.a")->hs_codes = {"28053091"};  // a translation's typo
  ItemDiffOptions options;
  options.same_language = false;
  AnnouncementDiff d = DiffAnnouncements(zh, en, options);
  EXPECT_TRUE(d.header.empty());
  EXPECT_TRUE(d.effective.empty());  // clauses pair in order, dates agree
  EXPECT_TRUE(d.recoded.empty());
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].key, "1C910.a");
  EXPECT_FALSE(d.changed[0].changes.name_changed);
  EXPECT_EQ(d.changed[0].changes.hs_added, std::vector<std::string>{"28053091"});
}

TEST(ItemDiff, NormalizesAndComparesNames) {
  EXPECT_EQ(NormalizeName("氧化钬 及其混合物。"), "氧化钬及其混合物");
  EXPECT_EQ(NormalizeName("Holmium Oxide, and Mixtures"), "holmiumoxideandmixtures");
  EXPECT_DOUBLE_EQ(NameSimilarity("氧化钬及其混合物", "氧化钬、及其混合物"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("abcd", "wxyz"), 0.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("abcd", "abce"), 0.75);
}

}  // namespace
}  // namespace regdiff::diff
