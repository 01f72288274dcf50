// Index pages: a page of MOFCOM's list of announcements, saved or fetched
// alone, names one announcement per line and states nothing itself. It is
// no announcement (not one numbered after its first link); a real
// announcement that names several others line by line stays one.
#include <gtest/gtest.h>

#include "parsers/parse.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;

TEST(ListPages, AnIndexPageNamingAnnouncementsOnePerLineIsNoAnnouncement) {
  const NormalizedText page = Simplified(
      "首页 > 政策发布 > 公告\n"
      "商务部公告2026年第12号 关于将20家日本实体列入关注名单的公告 2026-02-24\n"
      "商务部公告2026年第11号 关于将20家日本实体列入出口管制管控名单的公告 2026-02-24\n"
      "商务部 海关总署公告2025年第70号 关于暂停实施相关公告的公告 2025-11-07\n"
      "商务部公告2025年第62号 关于对稀土相关技术实施出口管制的决定 2025-10-09\n"
      "商务部 海关总署公告2025年第57号 关于对部分中重稀土相关物项实施出口管制的决定 2025-10-09\n"
      "共5条 第1页\n");
  Result<Announcement> a = ParseAnnouncement(page);
  ASSERT_FALSE(a.ok()) << "read as " << a->doc_id.value_or("(no id)");
  EXPECT_EQ(a.status().code(), Status::Code::kNotAnnouncement);
  EXPECT_NE(a.status().message().find("a list of 5 announcements"), std::string::npos)
      << a.status().message();
}

TEST(ListPages, AnEnglishIndexPageIsNoAnnouncementEither) {
  NormalizedText page = Simplified(
      "Home > Policy Release\n"
      "MOFCOM Announcement No. 12 of 2026 on Adding 20 Japanese Entities to the Watch List\n"
      "MOFCOM Announcement No. 11 of 2026 on Adding 20 Japanese Entities to the Export Control List\n"
      "MOFCOM Announcement No. 62 of 2025 on Export Control Measures on Rare Earth Technologies\n"
      "MOFCOM Announcement No. 61 of 2025 on Export Control Measures on Overseas Rare Earth Items\n"
      "Page 1 of 3\n");
  Result<Announcement> a = ParseAnnouncement(page);
  ASSERT_FALSE(a.ok()) << "read as " << a->doc_id.value_or("(no id)");
  EXPECT_EQ(a.status().code(), Status::Code::kNotAnnouncement);
}

TEST(ListPages, AnAnnouncementNamingOthersLineByLineStaysOne) {
  const NormalizedText text = Simplified(
      "商务部 海关总署公告2025年第70号\n"
      "现决定，暂停实施以下公告，暂停至2026年11月10日：\n"
      "商务部 海关总署公告2025年第55号\n"
      "商务部 海关总署公告2025年第56号\n"
      "商务部 海关总署公告2025年第57号\n"
      "商务部 海关总署公告2025年第58号\n"
      "本公告自公布之日起实施。\n"
      "商务部 海关总署\n"
      "2025年11月7日\n");
  Result<Announcement> a = ParseAnnouncement(text);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->doc_id, "mofcom-gacc-2025-70");
}

TEST(ListPages, AFewLinksUnderAnAnnouncementDoNotMakeItAList) {
  const NormalizedText text = Simplified(
      "商务部公告2026年第11号\n"
      "关于将20家日本实体列入出口管制管控名单的公告\n"
      "相关公告：\n"
      "商务部公告2026年第12号\n"
      "商务部公告2025年第62号\n");
  Result<Announcement> a = ParseAnnouncement(text);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->doc_id, "mofcom-2026-11");
}

}  // namespace
}  // namespace regdiff::parsers
