// The /timeline page's picture: the bars a timeline's events give, and the
// SVG drawn from them (hooks, escaping).
#include "tools/web/timeline_picture.h"

#include <gtest/gtest.h>

namespace regdiff::tools::web {
namespace {

Date D(const char* iso) { return *Date::FromIso(iso); }

TimelineEvent Item(const char* date, EventKind kind, const std::string& code,
                   const std::string& doc = "doc-1") {
  TimelineEvent e;
  e.date = D(date);
  e.kind = kind;
  e.key = code;
  e.code = code;
  e.doc_id = doc;
  return e;
}

PartyEvent Party(const char* date, PartyEventKind kind, PartyList list) {
  PartyEvent e;
  e.date = D(date);
  e.kind = kind;
  e.list = list;
  e.key = "subaru";
  e.name = "斯巴鲁株式会社";
  e.name_en = "SUBARU Corporation";
  e.doc_id = "mofcom-2026-12";
  return e;
}

// "state from..until" per span ("" for an open end).
std::vector<std::string> Spans(const PictureRow& row) {
  std::vector<std::string> out;
  for (const BarSpan& s : row.spans)
    out.push_back(std::string(BarStateName(s.state)) + " " + s.from.ToIso() + ".." +
                  (s.until ? s.until->ToIso() : ""));
  return out;
}

TEST(TimelinePicture, ASuspensionStartingBeforeEntryMakesTheBarSuspendedFromEntry) {
  // The samples: No. 70 suspends from 2025-11-07, No. 57 enters on
  // 2025-11-08, the suspension's last day is 2026-11-10.
  const auto rows = RowsForItems({Item("2025-11-07", EventKind::kSuspended, "1C909.a"),
                                  Item("2025-11-08", EventKind::kEnters, "1C909.a"),
                                  Item("2026-11-11", EventKind::kSuspensionEnds, "1C909.a")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].key, "1C909.a");
  EXPECT_EQ(Spans(rows[0]), (std::vector<std::string>{"suspended 2025-11-08..2026-11-10",
                                                      "controlled 2026-11-11.."}));
  EXPECT_EQ(rows[0].marks.size(), 3u);  // every event marked, the one before entry too
}

TEST(TimelinePicture, ARepealEndsTheBarAndARowIsMadePerCodeInOrder) {
  const auto rows = RowsForItems({Item("2020-01-01", EventKind::kEnters, "1C902.a"),
                                  Item("2020-01-01", EventKind::kEnters, "1C902.b"),
                                  Item("2021-05-01", EventKind::kSuspended, "1C902.a"),
                                  Item("2021-06-01", EventKind::kResumed, "1C902.a"),
                                  Item("2022-01-01", EventKind::kRepealed, "1C902.b")});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Spans(rows[0]), (std::vector<std::string>{"controlled 2020-01-01..2021-04-30",
                                                      "suspended 2021-05-01..2021-05-31",
                                                      "controlled 2021-06-01.."}));
  EXPECT_EQ(Spans(rows[1]), (std::vector<std::string>{"controlled 2020-01-01..2021-12-31",
                                                      "ended 2022-01-01.."}));
}

TEST(TimelinePicture, EventsOnOneDayLeaveTheStateAfterTheLast) {
  // Suspended and resumed on the same day: no suspended span at all.
  const auto rows = RowsForItems({Item("2020-01-01", EventKind::kEnters, "X"),
                                  Item("2020-03-01", EventKind::kSuspended, "X"),
                                  Item("2020-03-01", EventKind::kResumed, "X")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Spans(rows[0]), (std::vector<std::string>{"controlled 2020-01-01.."}));
}

TEST(TimelinePicture, APartyHasARowPerListAndARelistingAfterRemoval) {
  const auto rows =
      RowsForParty({Party("2026-02-24", PartyEventKind::kListed, PartyList::kWatchList),
                    Party("2026-03-01", PartyEventKind::kListed, PartyList::kControlList),
                    Party("2026-06-01", PartyEventKind::kRemoved, PartyList::kWatchList),
                    Party("2026-09-01", PartyEventKind::kListed, PartyList::kWatchList)});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].key, "watch_list");
  EXPECT_EQ(rows[0].label, "watch_list: SUBARU Corporation");
  EXPECT_EQ(Spans(rows[0]), (std::vector<std::string>{"controlled 2026-02-24..2026-05-31",
                                                      "ended 2026-06-01..2026-08-31",
                                                      "controlled 2026-09-01.."}));
  EXPECT_EQ(rows[1].key, "control_list");
}

TEST(TimelinePicture, TheSvgCarriesItsHooksAndEscapesEveryText) {
  auto rows = RowsForItems({Item("2025-11-07", EventKind::kSuspended, "1C<909>", "doc\"&"),
                            Item("2025-11-08", EventKind::kEnters, "1C<909>")});
  const std::string svg = TimelinePicture(rows, "Timeline of <Ho>", D("2026-12-07"));
  EXPECT_EQ(svg.rfind("<svg id=\"timeline-picture\"", 0), 0u);
  EXPECT_NE(svg.find("<title id=\"timeline-picture-title\">Timeline of &lt;Ho&gt;</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("data-key=\"1C&lt;909&gt;\" data-state=\"suspended\" data-from=\"2025-11-08\""),
            std::string::npos);
  EXPECT_NE(svg.find("data-kind=\"suspended\" data-date=\"2025-11-07\""), std::string::npos);
  EXPECT_NE(svg.find("doc&quot;&amp;"), std::string::npos);
  EXPECT_EQ(svg.find("<909>"), std::string::npos);
  EXPECT_EQ(svg.find("doc\"&"), std::string::npos);
  EXPECT_NE(svg.find("class=\"today\""), std::string::npos);
  EXPECT_NE(svg.find(">2025-11-07</text>"), std::string::npos);  // the event's date labelled
  EXPECT_EQ(TimelinePicture({}, "nothing"), "");
}

}  // namespace
}  // namespace regdiff::tools::web
