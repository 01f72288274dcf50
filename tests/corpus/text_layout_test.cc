// A text's parts and pages: where an evidence offset stands, and the JSON
// form the store keeps.
#include "corpus/text_layout.h"

#include <gtest/gtest.h>

#include "corpus/model_json.h"

namespace regdiff {
namespace {

// A page of 100 bytes, then a PDF attachment of three pages at 101..400.
TextLayout PageWithPdfAttachment() {
  TextLayout layout;
  layout.parts.push_back({"", "", "", "text", 0, 100, {}});
  layout.parts.push_back({"附件1.pdf",
                          "https://www.mofcom.gov.cn/files/a1.pdf",
                          std::string(64, 'a'),
                          "PDF",
                          101,
                          400,
                          {101, 200, 300}});
  return layout;
}

TEST(TextLayout, LocatesTheEvidencesPartAndPage) {
  const TextLayout layout = PageWithPdfAttachment();
  struct Case {
    size_t offset;
    const char* part;
    int page;
    const char* described;
  } cases[] = {
      {0, "", 0, ""},
      {99, "", 0, ""},
      {101, "附件1.pdf", 1, "附件1.pdf, page 1"},
      {199, "附件1.pdf", 1, "附件1.pdf, page 1"},
      {200, "附件1.pdf", 2, "附件1.pdf, page 2"},
      {399, "附件1.pdf", 3, "附件1.pdf, page 3"},
  };
  for (const Case& c : cases) {
    const TextPlace place = Locate(layout, c.offset);
    ASSERT_NE(place.part, nullptr) << c.offset;
    EXPECT_EQ(place.part->name, c.part) << c.offset;
    EXPECT_EQ(place.page, c.page) << c.offset;
    EXPECT_EQ(DescribePlace(place), c.described) << c.offset;
  }
  EXPECT_EQ(Locate(layout, 401).part, nullptr);
  EXPECT_EQ(Locate(TextLayout{}, 5).part, nullptr);
}

TEST(TextLayout, ThePdfReadAloneSaysOnlyItsPage) {
  TextLayout pdf;
  pdf.parts.push_back({"", "", "", "PDF", 0, 50, {0, 20}});
  EXPECT_EQ(DescribePlace(Locate(pdf, 25)), "page 2");
}

TEST(TextLayout, KeepsItsJsonFormAndRefusesOneThatDoesNotFitTheText) {
  const TextLayout layout = PageWithPdfAttachment();
  const std::string json = LayoutToJson(layout);
  auto back = LayoutFromJson(json, 400);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, layout);
  EXPECT_EQ(LayoutToJson(TextLayout{}), "");
  EXPECT_TRUE(LayoutFromJson("", 10)->empty());

  EXPECT_EQ(LayoutFromJson(json, 399).status().code(), Status::Code::kCorruption);  // too short
  EXPECT_EQ(LayoutFromJson("{}", 400).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(LayoutFromJson("[{\"name\": 1}]", 400).status().code(), Status::Code::kCorruption);
  TextLayout backwards = layout;
  backwards.parts[1].page_starts = {101, 300, 200};
  EXPECT_EQ(LayoutFromJson(LayoutToJson(backwards), 400).status().code(),
            Status::Code::kCorruption);
}

TEST(TextLayout, EvidenceInJsonNamesItsPartAndPage) {
  std::string text(400, 'x');
  Announcement a;
  Item own;
  own.code = "1C902";
  own.evidence = MakeEvidence(text, 10, 20);
  Item attached;
  attached.code = "1C903";
  attached.evidence = MakeEvidence(text, 210, 220);
  a.items = {own, attached};
  const TextLayout layout = PageWithPdfAttachment();
  const auto j = AnnouncementToJson(a, &layout);
  EXPECT_FALSE(j["items"][0].contains("part"));
  EXPECT_FALSE(j["items"][0].contains("page"));
  EXPECT_EQ(j["items"][1]["part"], "附件1.pdf");
  EXPECT_EQ(j["items"][1]["page"], 2);
  // Without a layout the contract is as before.
  EXPECT_FALSE(AnnouncementToJson(a)["items"][1].contains("page"));
}

}  // namespace
}  // namespace regdiff
