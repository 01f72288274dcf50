// The attachments of an announcement page are part of its announcement
// (tools/pipeline.h AddAttachments): the list an attachment holds is the
// announcement's list, each fact read from it says which attachment (and
// page) it stands in, and an attachment without text is kept and named.
#include <gtest/gtest.h>

#include "corpus/sha256.h"
#include "tools/pipeline.h"

namespace regdiff::tools {
namespace {

// A page that announces the control and leaves the list to its attachment.
constexpr char kPage[] =
    "<html><head><meta charset=\"utf-8\"></head><body>"
    "<p>商务部 海关总署公告2025年第18号</p>"
    "<p>关于对部分中重稀土相关物项实施出口管制的决定</p>"
    "<p>依照出口管制法，现对附件所列钐、钆相关物项实施出口管制。</p>"
    "<p>本公告自公布之日起实施。</p>"
    "<p><a href=\"/files/list.txt\">附件：物项清单</a></p>"
    "<p>商务部 海关总署</p><p>2025年4月4日</p></body></html>";

constexpr char kList[] =
    "一、钐相关物项\n"
    "（一）1C902.a 金属钐、钐合金及其制品（参考海关商品编号：2805301910）。\n"
    "二、钆相关物项\n"
    "（一）1C903.a 金属钆、钆合金及其制品（参考海关商品编号：2805301920）。\n";

FetchedAttachment Attachment(const std::string& name, const std::string& bytes) {
  FetchedAttachment a;
  a.data.url = "https://www.mofcom.gov.cn/files/" + name;
  a.data.file_name = name;
  a.data.raw = bytes;
  a.data.sha256 = Sha256Hex(bytes);
  a.text = ingest::ExtractDocumentText(bytes);
  return a;
}

TEST(PipelineAttachments, TheListInAnAttachmentIsTheAnnouncementsList) {
  auto parsed = ParseBytes(kPage);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_TRUE(parsed->announcement.ok());
  EXPECT_TRUE(parsed->announcement->items.empty()) << "the page alone lists nothing";
  const size_t page_size = parsed->text.normalized.text.size();

  std::vector<FetchedAttachment> attachments;
  attachments.push_back(Attachment("list.txt", kList));
  AddAttachments(*parsed, std::move(attachments));

  ASSERT_TRUE(parsed->announcement.ok()) << parsed->announcement.status().ToString();
  const Announcement& a = *parsed->announcement;
  EXPECT_EQ(a.doc_id, "mofcom-gacc-2025-18");
  ASSERT_EQ(a.items.size(), 2u);
  EXPECT_EQ(a.items[0].code, "1C902.a");
  EXPECT_EQ(a.items[0].hs_codes, std::vector<std::string>{"2805301910"});
  EXPECT_EQ(a.items[1].code, "1C903.a");
  EXPECT_EQ(a.items[1].elements, std::vector<std::string>{"Gd"});

  // The evidence points into the attachment's part of the whole text.
  ASSERT_EQ(parsed->layout.parts.size(), 2u);
  EXPECT_EQ(parsed->layout.parts[0].end, page_size);
  const TextPlace place = Locate(parsed->layout, a.items[0].evidence.begin);
  ASSERT_NE(place.part, nullptr);
  EXPECT_EQ(place.part->name, "list.txt");
  EXPECT_EQ(place.part->sha256, Sha256Hex(kList));
  EXPECT_EQ(parsed->text.normalized.text.substr(a.items[0].evidence.begin,
                                                a.items[0].evidence.text.size()),
            a.items[0].evidence.text);
  ASSERT_EQ(parsed->attachments.size(), 1u);
  EXPECT_EQ(parsed->attachments[0].raw, kList);
}

TEST(PipelineAttachments, AnAttachmentWithoutTextIsKeptAndNamed) {
  auto parsed = ParseBytes(kPage);
  ASSERT_TRUE(parsed.ok());
  const std::string text_before = parsed->text.normalized.text;
  std::vector<FetchedAttachment> attachments;
  // A legacy Word file: its bytes are kept, its text is not read.
  attachments.push_back(Attachment(
      "old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, '\0') +
                     std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24)));
  ASSERT_FALSE(attachments[0].text.ok());
  AddAttachments(*parsed, std::move(attachments));
  EXPECT_EQ(parsed->text.normalized.text, text_before);
  ASSERT_EQ(parsed->attachments.size(), 1u);
  EXPECT_EQ(parsed->attachments[0].file_name, "old.doc");
  bool named = false;
  for (const std::string& w : parsed->warnings) {
    if (w.find("attachment old.doc") != std::string::npos &&
        w.find("--convert-to docx") != std::string::npos) {
      named = true;
    }
  }
  EXPECT_TRUE(named) << "a warning names the attachment and how to convert it";
}

}  // namespace
}  // namespace regdiff::tools
