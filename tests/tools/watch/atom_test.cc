// Atom feeds of watch events: escaping, bounded length, deterministic bytes,
// and the atomic replace that leaves an unchanged file alone.
#include "tools/watch/atom.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "corpus/store.h"
#include "tests/test_paths.h"

namespace regdiff::watch {
namespace {

WatchEventRow Event(int i) {
  WatchEventRow e;
  e.id = i;
  e.event_key = "urn:regdiff:watch:" + std::to_string(1000 + i);
  e.at = "2026-11-27T05:00:" + std::string(i < 10 ? "0" : "") + std::to_string(i % 60) + "Z";
  e.source_name = "mofcom";
  e.url = "https://www.mofcom.gov.cn/a?x=1&y=" + std::to_string(i);
  e.kind = "new";
  e.title = "关于<钬>的决定 & \"更新\"";
  e.summary_json = R"({"summary":[{"text":"No. 57 of 2025 adds items & <codes>.","evidence":[{"text":"（一）1C909.a"}]}],"summary_zh":[]})";
  return e;
}

TEST(WatchAtom, EscapesMarkupAndIsDeterministic) {
  const std::vector<WatchEventRow> events = {Event(2), Event(1)};
  const std::string feed = RenderAtomFeed({"urn:regdiff:feed:mofcom", "regdiff watch: mofcom",
                                           "https://www.mofcom.gov.cn/zcfb/blgg/index.html"},
                                          events);
  EXPECT_NE(feed.find("<title>[new] 关于&lt;钬&gt;的决定 &amp; &quot;更新&quot;</title>"),
            std::string::npos)
      << feed;
  EXPECT_NE(feed.find("href=\"https://www.mofcom.gov.cn/a?x=1&amp;y=2\""), std::string::npos);
  EXPECT_NE(feed.find("<summary type=\"text\">No. 57 of 2025 adds items &amp; &lt;codes&gt;.</summary>"),
            std::string::npos);
  EXPECT_NE(feed.find("<updated>" + events.front().at + "</updated>"), std::string::npos);
  EXPECT_LT(feed.find(events[0].event_key), feed.find(events[1].event_key));
  EXPECT_EQ(feed, RenderAtomFeed({"urn:regdiff:feed:mofcom", "regdiff watch: mofcom",
                                  "https://www.mofcom.gov.cn/zcfb/blgg/index.html"},
                                 events));
  // No events: still a valid feed with a fixed <updated>.
  const std::string empty = RenderAtomFeed({"urn:regdiff:feed:x", "x", ""}, {});
  EXPECT_NE(empty.find("<updated>1970-01-01T00:00:00Z</updated>"), std::string::npos);
  EXPECT_EQ(empty.find("<entry>"), std::string::npos);
}

TEST(WatchAtom, FeedsHoldTheNewestEventsUpToTheBound) {
  const std::string dir = regdiff::testing::MakeTempDir();
  auto store = AnnouncementStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  WatchStore watch((*store)->db());
  for (int i = 1; i <= 60; ++i) {
    WatchEventRow e = Event(i);
    e.source_name = i % 2 ? "mofcom" : "customs";
    ASSERT_TRUE(watch.AddEvent(e).ok());
  }
  ASSERT_TRUE(WriteAtomFeeds(watch, {{"mofcom", "https://x.cn/"}, {"customs", "https://y.cn/"}}, dir).ok());
  auto count = [](const std::string& text) {
    size_t n = 0;
    for (size_t at = text.find("<entry>"); at != std::string::npos; at = text.find("<entry>", at + 1)) ++n;
    return n;
  };
  const std::string all = regdiff::testing::ReadFileOrDie(dir + "/all.xml");
  EXPECT_EQ(count(all), kMaxFeedEntries);
  EXPECT_LT(all.find("urn:regdiff:watch:1060"), all.find("urn:regdiff:watch:1059"));
  EXPECT_EQ(all.find("urn:regdiff:watch:1010<"), std::string::npos) << "the oldest fall off";
  EXPECT_EQ(count(regdiff::testing::ReadFileOrDie(dir + "/mofcom.xml")), 30u);
  EXPECT_EQ(count(regdiff::testing::ReadFileOrDie(dir + "/customs.xml")), 30u);
  std::filesystem::remove_all(dir);
}

TEST(WatchAtom, AtomicWriteReplacesAndLeavesUnchangedFilesAlone) {
  const std::string dir = regdiff::testing::MakeTempDir();
  const std::string path = dir + "/f.xml";
  ASSERT_TRUE(WriteFeedFile(path, "one").ok());
  EXPECT_EQ(regdiff::testing::ReadFileOrDie(path), "one");
  struct stat before {};
  ASSERT_EQ(stat(path.c_str(), &before), 0);
  ASSERT_TRUE(WriteFeedFile(path, "one").ok());
  struct stat same {};
  ASSERT_EQ(stat(path.c_str(), &same), 0);
  EXPECT_EQ(same.st_ino, before.st_ino) << "unchanged content is not rewritten";
  ASSERT_TRUE(WriteFeedFile(path, "two").ok());
  EXPECT_EQ(regdiff::testing::ReadFileOrDie(path), "two");
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u) << "no temporary file left behind";
  EXPECT_FALSE(WriteFeedFile(dir + "/missing/f.xml", "x").ok());
  std::filesystem::remove_all(dir);
}

// Feeds were written through DIR/F.tmp.<pid>: a symbolic link planted at that
// name overwrote the file it named.
TEST(WatchAtom, AFeedIsNeverWrittenThroughALinkPlantedAtATemporaryName) {
  const std::string dir = regdiff::testing::MakeTempDir();
  const std::string path = dir + "/all.xml";
  const std::string victim = dir + "/victim";
  regdiff::testing::WriteFileOrDie(victim, "precious");
  std::filesystem::create_symlink(victim, path + ".tmp." + std::to_string(getpid()));
  std::filesystem::create_symlink(victim, path + ".tmp");
  ASSERT_TRUE(WriteFeedFile(path, "<feed/>").ok());
  EXPECT_EQ(regdiff::testing::ReadFileOrDie(victim), "precious");
  EXPECT_EQ(regdiff::testing::ReadFileOrDie(path), "<feed/>");
  EXPECT_FALSE(std::filesystem::is_symlink(path));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace regdiff::watch
