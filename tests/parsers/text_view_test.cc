// The matching view: copying noise removed, lines split, and every view
// offset mapped back to the normalised text for evidence.
#include "parsers/text_view.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;
using testing::Traditional;

TEST(TextView, RemovesNoiseAndKeepsText) {
  struct Case {
    std::string text;
    std::string view;
  };
  const Case cases[] = {
      {"商(shāng)务(wù)部 海关总署公告", "商务部 海关总署公告"},
      {"出(chū)口(kǒu)管(guǎn)制(zhì)", "出口管制"},
      {"履行国▪际义务", "履行国际义务"},
      {"国●际", "国际"},
      {"附件1&ensp;清单", "附件1 清单"},
      {"纯度&gt;99.99%", "纯度>99.99%"},
      {"A&amp;B&lt;C", "A&B<C"},
      {"&unknown; 保留", "&unknown; 保留"},
      {"化学气相沉积法(MPCVD)设备", "化学气相沉积法(MPCVD)设备"},  // no tone mark: no gloss
      {"金属钐(Sm)", "金属钐(Sm)"},
      {"(一)1C902.a 金属钐", "(一)1C902.a 金属钐"},
      {"(shāng)务", "(shāng)务"},  // a gloss must follow a Chinese character
      {"a▪b", "a▪b"},              // stray symbols only between Chinese characters
      {"国▪", "国▪"},
      {"二○二五年十一月七日", "二○二五年十一月七日"},  // ○ between numerals is a zero
      {"二○○五年", "二○○五年"},
      {"出口○管制", "出口管制"},
      {"", ""},
  };
  for (const Case& c : cases) {
    NormalizedText n = Simplified(c.text);
    TextView tv(n);
    EXPECT_EQ(tv.view(), c.view) << c.text;
  }
}

TEST(TextView, EvidenceMapsBackToTheOriginalBytes) {
  NormalizedText n = Simplified("前言\n商(shāng)务(wù)部公告");
  TextView tv(n);
  ASSERT_EQ(tv.view(), "前言\n商务部公告");
  const size_t wu = tv.view().find("务");
  EXPECT_EQ(tv.ToText(wu), n.text.find("务"));
  EXPECT_EQ(tv.ToText(tv.view().size()), n.text.size());
  // A span across removed glosses covers them in the stored text.
  const size_t begin = tv.view().find("商");
  Evidence e = tv.EvidenceFor(begin, tv.view().size());
  EXPECT_EQ(e.text, "商(shāng)务(wù)部公告");
  EXPECT_EQ(e.begin, n.text.find("商"));
  EXPECT_EQ(e.end, n.text.size());
  EXPECT_EQ(n.text.substr(e.begin, e.end - e.begin), e.text);
}

TEST(TextView, EvidenceOfADecodedEntityCoversTheEntity) {
  NormalizedText n = Simplified("附件1&ensp;清单");
  TextView tv(n);
  const size_t one = tv.view().find('1');
  Evidence e = tv.EvidenceFor(one, tv.view().find("单"));  // "1 清"
  EXPECT_EQ(e.text, "1&ensp;清");
  EXPECT_EQ(n.text.substr(e.begin, e.end - e.begin), e.text);
}

TEST(TextView, EvidenceTrimsSpacesAtBothEnds) {
  NormalizedText n = Simplified("  金属钐  ");
  TextView tv(n);
  Evidence e = tv.EvidenceFor(0, tv.view().size());
  EXPECT_EQ(e.text, "金属钐");
  EXPECT_EQ(e.begin, 2u);
}

TEST(TextView, TraditionalTextMatchesSimplifiedAndShowsAsWritten) {
  NormalizedText n = Traditional("商務部公告2025年第61號", "商务部公告2025年第61号");
  TextView tv(n);
  EXPECT_EQ(tv.view(), "商务部公告2025年第61号");
  Evidence e = tv.EvidenceFor(0, tv.view().size());
  EXPECT_EQ(e.text, "商務部公告2025年第61號");
  EXPECT_EQ(tv.DisplayText(0, tv.view().find("公告")), "商務部");
}

TEST(TextView, SplitsLinesAndFindsTheLineOfAnOffset) {
  NormalizedText n = Simplified("一、钐\n\n(一)1C902.a");
  TextView tv(n);
  ASSERT_EQ(tv.lines().size(), 3u);
  EXPECT_EQ(tv.line(0), "一、钐");
  EXPECT_EQ(tv.line(1), "");
  EXPECT_EQ(tv.line(2), "(一)1C902.a");
  EXPECT_EQ(tv.LineOf(0), 0u);
  EXPECT_EQ(tv.LineOf(tv.view().find("钐")), 0u);
  EXPECT_EQ(tv.LineOf(tv.view().find("1C902")), 2u);
}

}  // namespace
}  // namespace regdiff::parsers
