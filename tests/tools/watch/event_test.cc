// Watch events: what a new announcement is summarised as (against nothing,
// without "the announcement does not" sentences), and that a changed page
// whose parse and text show no difference is an empty event (not reported).
#include "tools/watch/event.h"

#include <gtest/gtest.h>

#include "corpus/sha256.h"
#include "tools/pipeline.h"
#include "tests/test_paths.h"

namespace regdiff::watch {
namespace {

// The body of a fixture of tests/fixtures/watch/ (or of `folder`) as a bare page.
std::string PageOf(const std::string& fixture, const std::string& folder = "watch") {
  std::string text =
      regdiff::testing::ReadFileOrDie(regdiff::testing::FixturesDir() + "/" + folder + "/" + fixture);
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><div class=\"art-con\">";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    html += "<p>" + text.substr(start, end - start) + "</p>";
    start = end + 1;
  }
  return html + "</div></body></html>";
}

tools::ParsedText Parse(const std::string& fixture, const std::string& folder = "watch") {
  auto parsed = tools::ParseBytes(PageOf(fixture, folder));
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->announcement.ok()) << parsed->announcement.status().ToString();
  return std::move(parsed).value();
}

EventFacts FactsFor(const tools::ParsedText& p, const std::string& kind) {
  EventFacts f;
  f.kind = kind;
  f.source = "mofcom";
  f.url = "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_57.html";
  f.link_title = "公告";
  f.at = "2026-11-27T05:00:00Z";
  f.document = &*p.announcement;
  f.text = p.text.normalized.text;
  f.sha256 = Sha256Hex(f.text);
  f.text_hash = Sha256Hex(f.text);
  f.http_status = 200;
  f.version = 1;
  return f;
}

TEST(WatchEvent, ANewAnnouncementIsSummarisedByWhatItLists) {
  tools::ParsedText p = Parse("mofcom-gacc-2025-57.txt");
  const EventFacts facts = FactsFor(p, "new");
  BuiltEvent e = BuildEvent(facts);
  EXPECT_FALSE(e.empty);
  ASSERT_EQ(e.json["summary"].size(), 1u) << e.json["summary"].dump();
  EXPECT_EQ(e.json["summary"][0]["text"],
            "No. 57 of 2025 adds holmium, erbium, thulium, europium and ytterbium items "
            "(1C909–1C913: 15 codes, 1 HS code on 4 items), effective 2025-11-08.");
  EXPECT_EQ(e.json["summary_zh"].size(), 1u);
  EXPECT_EQ(e.row.doc_id, "mofcom-gacc-2025-57");
  EXPECT_EQ(e.row.kind, "new");
  EXPECT_EQ(e.row.event_key, EventKey("mofcom", facts.url, facts.text_hash, facts.at));
  EXPECT_EQ(e.json["event_key"], e.row.event_key);
  EXPECT_EQ(e.json["document"]["doc_id"], "mofcom-gacc-2025-57");
}

TEST(WatchEvent, ASuspensionIsSummarisedByWhatItSuspends) {
  tools::ParsedText p = Parse("mofcom-gacc-2025-70.txt");
  BuiltEvent e = BuildEvent(FactsFor(p, "new"));
  ASSERT_EQ(e.json["summary"].size(), 1u) << e.json["summary"].dump();
  EXPECT_EQ(e.json["summary"][0]["text"],
            "No. 70 of 2025 suspends No. 55, No. 56, No. 57, No. 58, No. 61 and No. 62 until "
            "2026-11-10.");
  for (const auto& s : e.json["summary"]) {
    EXPECT_EQ(s["text"].get<std::string>().find("does not"), std::string::npos) << s["text"];
  }
}

TEST(WatchEvent, ANewListingIsSummarisedByTheListTheCountAndTheFirstNames) {
  tools::ParsedText p = Parse("mofcom-2025-51.annex.txt", "zh");
  BuiltEvent e = BuildEvent(FactsFor(p, "new"));
  EXPECT_FALSE(e.empty);
  ASSERT_EQ(e.json["summary"].size(), 1u) << e.json["summary"].dump();
  EXPECT_EQ(e.json["summary"][0]["text"],
            "No. 51 of 2025 adds 3 US entities to the export control list: Huntington Ingalls "
            "Industries, Inc. (亨廷顿·英格尔斯工业公司), Planate Management Group (扁平地球管理公司) "
            "and Global Dimensions LLC (全球维度公司).");
  ASSERT_EQ(e.json["summary_zh"].size(), 1u);
  const std::string zh = e.json["summary_zh"][0]["text"];
  EXPECT_NE(zh.find("3家美国实体"), std::string::npos) << zh;
  EXPECT_NE(zh.find("出口管制管控名单"), std::string::npos) << zh;
  // The evidence is the annex lines, one per party.
  EXPECT_EQ(e.json["summary"][0]["evidence"].size(), 3u);
}

TEST(WatchEvent, AChangeThatChangesNothingIsEmpty) {
  tools::ParsedText p = Parse("mofcom-gacc-2025-57.txt");
  StoredDocument previous;
  previous.locator = "https://www.mofcom.gov.cn/zcfb/blgg/art/2025/art_57.html";
  previous.version = 1;
  previous.announcement = *p.announcement;
  previous.normalized_text = p.text.normalized.text;
  EventFacts f = FactsFor(p, "changed");
  f.previous = &previous;
  f.version = 2;
  EXPECT_TRUE(BuildEvent(f).empty);

  tools::ParsedText before = Parse("mofcom-gacc-2025-57.rev0.txt");
  previous.announcement = *before.announcement;
  previous.normalized_text = before.text.normalized.text;
  BuiltEvent changed = BuildEvent(f);
  EXPECT_FALSE(changed.empty);
  EXPECT_NE(changed.json["summary"][0]["text"].get<std::string>().find("28053019"), std::string::npos)
      << changed.json["summary"].dump();
}

}  // namespace
}  // namespace regdiff::watch
