// The header of Chinese announcements: the document's own number and
// issuers, its publication date and its title.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "parsers/text_view.h"
#include "tests/parsers/parts.h"
#include "tests/parsers/test_text.h"

namespace regdiff::parsers {
namespace {

using testing::Simplified;
using testing::Traditional;

HeaderReading HeaderOf(const NormalizedText& n) { return testing::Parts(n, Lang::kZh).Header(); }

struct NumberCase {
  NormalizedText text;
  std::string doc_id;
  std::vector<std::string> issuers;
  int year;
  int number;
  std::string evidence;  // the own mention as the text shows it
};

TEST(ZhHeader, ReadsTheOwnNumberAndIssuers) {
  const NumberCase cases[] = {
      {Simplified("商务部 海关总署公告2025年第18号 关于对部分钐相关物项实施出口管制的决定\n"
                  "根据有关规定,决定对下列物项实施出口管制:"),
       "mofcom-gacc-2025-18", {"MOFCOM", "GACC"}, 2025, 18, "商务部 海关总署公告2025年第18号"},
      {Simplified("商务部、海关总署公告2025年第18号\n正文。"),
       "mofcom-gacc-2025-18", {"MOFCOM", "GACC"}, 2025, 18, "商务部、海关总署公告2025年第18号"},
      {Simplified("发文文号: 商务部海关总署公告2025年第56号\n发文部门: 商务部 海关总署"),
       "mofcom-gacc-2025-56", {"MOFCOM", "GACC"}, 2025, 56, "商务部海关总署公告2025年第56号"},
      {Simplified("商务部公告2025第62号\n本公告自发布之日起实施。"),
       "mofcom-2025-62", {"MOFCOM"}, 2025, 62, "商务部公告2025第62号"},
      {Simplified("【发布文号】商务部 海关总署公告2025年第57号\n【发文日期】2025年10月09日"),
       "mofcom-gacc-2025-57", {"MOFCOM", "GACC"}, 2025, 57, "商务部 海关总署公告2025年第57号"},
      // The number alone; the issuers sign at the end.
      {Simplified("公告〔2025〕第18号\n为维护国家安全,决定如下。\n商务部 海关总署\n2025年4月4日"),
       "mofcom-gacc-2025-18", {"MOFCOM", "GACC"}, 2025, 18, "公告〔2025〕第18号"},
      {Traditional("商務部公告2025年第61號\n本公告自發布之日起實施。",
                   "商务部公告2025年第61号\n本公告自发布之日起实施。"),
       "mofcom-2025-61", {"MOFCOM"}, 2025, 61, "商務部公告2025年第61號"},
      {Simplified("商务部 工业和信息化部 海关总署 国家密码局公告2024年第51号\n正文。"),
       "mofcom-miit-gacc-scs-2024-51", {"MOFCOM", "MIIT", "GACC", "SCS"}, 2024, 51,
       "商务部 工业和信息化部 海关总署 国家密码局公告2024年第51号"},
      // Issuers named out of canonical order are put in order.
      {Simplified("海关总署 商务部公告2025年第58号"),
       "mofcom-gacc-2025-58", {"MOFCOM", "GACC"}, 2025, 58, "海关总署 商务部公告2025年第58号"},
      {Simplified("商务部公告二〇二五年第六十二号"),
       "mofcom-2025-62", {"MOFCOM"}, 2025, 62, "商务部公告二〇二五年第六十二号"},
      // A copy in Markdown opens the line with a heading mark.
      {Simplified("# 商务部 海关总署公告2025年第55号 公布对超硬材料相关物项实施出口管制的决定\n正文。"),
       "mofcom-gacc-2025-55", {"MOFCOM", "GACC"}, 2025, 55, "商务部 海关总署公告2025年第55号"},
      {Simplified("商务部 海关总署2025年第57号公告\n正文。"),
       "mofcom-gacc-2025-57", {"MOFCOM", "GACC"}, 2025, 57, "商务部 海关总署2025年第57号公告"},
      // A news lead: "商务部发布公告…".
      {Simplified("稀土技术纳入管制\n财闻 2025-10-09 09:47:23\n"
                  "10月9日,商务部发布公告2025第62号,对部分稀土相关技术实施出口管制。"),
       "mofcom-2025-62", {"MOFCOM"}, 2025, 62, "商务部发布公告2025第62号"},
      // The own number comes first; a later citation does not replace it.
      {Simplified("商务部公告2025年第72号\n商务部公告2024年第46号第二条暂停实施。"),
       "mofcom-2025-72", {"MOFCOM"}, 2025, 72, "商务部公告2025年第72号"},
  };
  for (const NumberCase& c : cases) {
    Announcement a = testing::ZhAnnouncement(c.text);
    EXPECT_EQ(a.doc_id.value_or("(none)"), c.doc_id) << c.text.text;
    EXPECT_EQ(a.issuers, c.issuers) << c.text.text;
    EXPECT_EQ(a.year.value_or(0), c.year) << c.text.text;
    EXPECT_EQ(a.number.value_or(0), c.number) << c.text.text;
    EXPECT_EQ(a.number_evidence.text, c.evidence) << c.text.text;
    EXPECT_EQ(c.text.text.substr(a.number_evidence.begin,
                                 a.number_evidence.end - a.number_evidence.begin),
              a.number_evidence.text);
  }
}

// Bodies beyond the four of most announcements are read too: a name missing
// from the issuer table would end the list there, leaving the bodies before
// it out of the doc_id.
TEST(ZhHeader, ReadsEveryIssuerOfALongerList) {
  const NumberCase cases[] = {
      {Simplified("商务部 海关总署 国家国防科工局 中央军委装备发展部公告2023年第27号\n正文。"),
       "mofcom-gacc-edd-sastind-2023-27", {"MOFCOM", "GACC", "EDD", "SASTIND"}, 2023, 27,
       "商务部 海关总署 国家国防科工局 中央军委装备发展部公告2023年第27号"},
      {Simplified("商务部 国家发展改革委 海关总署公告2024年第9号\n正文。"),
       "mofcom-gacc-ndrc-2024-9", {"MOFCOM", "GACC", "NDRC"}, 2024, 9,
       "商务部 国家发展改革委 海关总署公告2024年第9号"},
      {Simplified("商务部 公安部 海关总署公告2024年第3号\n正文。"),
       "mofcom-gacc-mps-2024-3", {"MOFCOM", "GACC", "MPS"}, 2024, 3,
       "商务部 公安部 海关总署公告2024年第3号"},
  };
  for (const NumberCase& c : cases) {
    Announcement a = testing::ZhAnnouncement(c.text);
    EXPECT_EQ(a.doc_id.value_or("(none)"), c.doc_id) << c.text.text;
    EXPECT_EQ(a.issuers, c.issuers) << c.text.text;
    EXPECT_EQ(a.number_evidence.text, c.evidence) << c.text.text;
  }
}

TEST(ZhHeader, CitedOrderedOrListedNumbersAreNotTheOwnNumber) {
  const std::string cases[] = {
      "经研究决定,自即日起至2026年11月10日,商务部公告2025年第61号、62号暂停实施。",
      "商务部公告2025年第61号暂停实施。",
      "商务部公告2025年第61号、62号暂停实施。",
      "商务部、海关总署公告2025年第55号同时废止。",
      // A title after the cited number does not hide the verb after the title.
      "商务部公告2025年第61号《关于暂停实施部分措施的公告》同时废止。",
      "商务部、海关总署公告2025年第55号(关于对部分物项实施出口管制的公告)同时废止。",
      "依照商务部、海关总署令2005年第29号的规定办理。",  // an order, not an announcement
      "本公告自即日起实施。",
      "出口经营者应当按照商务部公告2024年第46号的要求办理手续。",
  };
  for (const std::string& c : cases) {
    Announcement a = testing::ZhAnnouncement(Simplified(c));
    EXPECT_FALSE(a.doc_id.has_value()) << c << " -> " << a.doc_id.value_or("");
  }
}

TEST(ZhHeader, NumberWithoutIssuersGivesNoDocIdAndAWarning) {
  Announcement a = testing::ZhAnnouncement(Simplified("公告2025年第18号\n本公告自发布之日起实施。"));
  EXPECT_FALSE(a.doc_id.has_value());
  EXPECT_EQ(a.number.value_or(0), 18);
  EXPECT_EQ(a.warnings, std::vector<std::string>{
                            "announcement number found but its issuers are not named"});
}

TEST(ZhHeader, ReadsThePublicationDate) {
  struct Case {
    std::string text;
    std::string published;  // empty: none
    std::string evidence;
  };
  const Case cases[] = {
      {"商务部 海关总署公告2025年第18号\n【发文日期】2025年04月04日\n正文。", "2025-04-04",
       "2025年04月04日"},
      {"发文文号: 商务部海关总署公告2025年第56号\n发文时间: 2025-10-9\n实施时间: 2025-11-8",
       "2025-10-09", "2025-10-9"},
      {"商务部 海关总署公告2025年第18号\n正文。\n商务部 海关总署\n二〇二五年四月四日",
       "2025-04-04", "二〇二五年四月四日"},
      {"发布日期:2025年10月9日", "2025-10-09", "2025年10月9日"},
      {"【颁布日期】2025.10.09", "2025-10-09", "2025.10.09"},
      // Eight digits are a date only after a date label.
      {"【发布文号】商务部 海关总署公告2025年第58号\n【发文日期】20251009\n正文。", "2025-10-09",
       "20251009"},
      {"商务部 海关总署公告2025年第58号\n参考海关商品编号:20251009\n", "", ""},
      // A year written with "○" (U+25CB) for zero.
      {"商务部公告2025年第72号\n正文。\n商务部\n二○二五年十一月九日", "2025-11-09",
       "二○二五年十一月九日"},
      // Bodies and date on one signature line.
      {"商务部公告2025年第62号\n正文。\n商务部 海关总署 2025年10月9日", "2025-10-09",
       "2025年10月9日"},
      // The signature wins over a reprint's labelled page date.
      {"发布日期:2025-10-10\n商务部公告2025年第62号\n正文。\n商务部\n2025年10月9日",
       "2025-10-09", "2025年10月9日"},
      // The date in brackets under the title.
      {"商务部公告2025年第62号\n(2025年10月9日)\n正文。", "2025-10-09", "2025年10月9日"},
      // A source and date above the own number are the page's.
      {"商务部\n2025-10-10\n商务部公告2025年第62号\n正文。", "", ""},
      // A page date standing alone above the own number is no signature.
      {"2025-10-10\n商务部公告2025年第62号\n正文。", "", ""},
      // A law database's dotted date.
      {"【发文字号】商务部 海关总署公告2023年第39号\n【发布日期】2023.10.20\n"
       "【实施日期】2023.12.01",
       "2023-10-20", "2023.10.20"},
      // The date under the signing bodies, not a page date after it.
      {"商务部公告2025年第72号\n正文。\n商务部\n\n2025年11月9日\n相关新闻\n2025-11-10",
       "2025-11-09", "2025年11月9日"},
      // No signature: the last line that is only a date.
      {"商务部公告2025年第72号\n正文。\n2025年11月9日", "2025-11-09", "2025年11月9日"},
      // A labelled date wins over a dated line elsewhere.
      {"【发文日期】2025年04月04日\n正文。\n2025年4月7日", "2025-04-04", "2025年04月04日"},
      // A reprint's page time is not the publication date.
      {"财闻 2025-10-09 09:47:23\n10月9日,商务部发布公告2025第62号。", "", ""},
      {"2025-10-09 09:47:23\n商务部公告2025第62号", "", ""},
      // A day without its year.
      {"10月9日,商务部发布公告2025第62号,对部分技术实施出口管制。", "", ""},
      // An effective date is not a publication date.
      {"商务部公告2025年第56号\n本公告自2025年11月8日起正式实施。", "", ""},
      {"实施时间: 2025-11-8", "", ""},
  };
  for (const Case& c : cases) {
    NormalizedText n = Simplified(c.text);
    HeaderReading h = HeaderOf(n);
    EXPECT_EQ(h.published ? h.published->ToIso() : "", c.published) << c.text;
    EXPECT_EQ(h.published_evidence.text, c.evidence) << c.text;
  }
}

TEST(ZhHeader, ANumberInARelatedLinksBlockIsNotTheOwnNumber) {
  const std::string cases[] = {
      "相关链接:\n商务部 海关总署公告2025年第55号 2025-10-09\n"
      "经批准,自即日起暂停实施下列措施。",
      "正文。\n延伸阅读\n· 商务部公告2024年第46号(2024/12/03)\n",
      "最新公告\n商务部公告2025年第61号\n商务部公告2025年第62号\n",
  };
  for (const std::string& c : cases) {
    HeaderReading h = HeaderOf(Simplified(c));
    EXPECT_FALSE(h.number.has_value()) << c;
    EXPECT_FALSE(h.published.has_value()) << c;
  }
}

TEST(ZhHeader, TheNumberLineRightAfterALinkBlockIsTheOwnNumber) {
  HeaderReading h = HeaderOf(Simplified("最新公告\n· 商务部公告2025年第61号 2025-10-09\n"
                                   "商务部公告2025年第61号\n商务部公告2025年第72号\n"
                                   "经批准,暂停实施商务部公告2024年第46号第二条。\n"));
  EXPECT_EQ(h.number.value_or(0), 72);
}

TEST(ZhHeader, TheNumberLineAboveATitleAfterALinkHeadingIsTheOwnNumber) {
  HeaderReading h = HeaderOf(Simplified("相关链接\n商务部公告2025年第61号\n公布对境外物项实施管制的决定\n"
                                   "为维护国家安全和利益,决定如下。\n"));
  EXPECT_EQ(h.number.value_or(0), 61);
}

TEST(ZhHeader, ReadsTheOwnNumberOfANewsLeadWithADayBeforeTheVerb) {
  struct Case {
    std::string text;
    std::string doc_id;
  };
  const Case cases[] = {
      {"新华社北京10月9日电 商务部、海关总署9日联合发布2025年第57号公告,对部分物项实施出口管制。",
       "mofcom-gacc-2025-57"},
      {"商务部10月9日发布公告2025年第62号,公布对稀土相关技术实施出口管制的决定。",
       "mofcom-2025-62"},
      {"商务部今日发布公告2025年第61号。", "mofcom-2025-61"},
      {"商务部 海关总署2025年57号公告\n正文。", "mofcom-gacc-2025-57"},
      {"商务部发布关于加强相关两用物项对美国出口管制的公告(商务部公告2024年第46号)。",
       "mofcom-2024-46"},
      {"【商务部公告2025年第62号】\n正文。", "mofcom-2025-62"},
      {"索引号:000013338/2025-00321 | 发布机构:商务部 | 发文字号:商务部公告2025年第62号\n正文。",
       "mofcom-2025-62"},
      {"10月9日,商务部发布《商务部公告2025年第61号》,对境外稀土物项实施管制。",
       "mofcom-2025-61"},
      {"关于对锑等物项实施出口管制的公告\n(商务部 海关总署公告2024年第33号)\n正文。",
       "mofcom-gacc-2024-33"},
      // A title cited as a legal basis, not published here.
      {"根据《关于加强出口管制的公告》(商务部公告2024年第46号),决定如下。", "null"},
  };
  for (const Case& c : cases) {
    Announcement a = testing::ZhAnnouncement(Simplified(c.text));
    EXPECT_EQ(a.doc_id.value_or("null"), c.doc_id) << c.text;
  }
}

TEST(ZhHeader, ReadsTheTitle) {
  struct Case {
    std::string text;
    std::string title;  // empty: none
  };
  const Case cases[] = {
      {"商务部 海关总署公告2025年第57号 关于对部分钬相关物项实施出口管制的决定\n正文。",
       "关于对部分钬相关物项实施出口管制的决定"},
      {"商务部公告2025年第62号(关于对部分稀土相关技术实施出口管制的决定)\n正文。",
       "关于对部分稀土相关技术实施出口管制的决定"},
      {"商务部 海关总署公告2025年第56号 公布对部分稀土加工设备实施出口管制的决定",
       "公布对部分稀土加工设备实施出口管制的决定"},
      {"发文标题: 公布对部分稀土加工设备实施出口管制的决定\n"
       "发文文号: 商务部海关总署公告2025年第56号",
       "公布对部分稀土加工设备实施出口管制的决定"},
      {"【标题】关于对锑等物项实施出口管制的公告\n【发布文号】商务部 海关总署公告2024年第33号",
       "关于对锑等物项实施出口管制的公告"},
      {"商务部公告2025年第62号\n本公告自发布之日起实施。", ""},
  };
  for (const Case& c : cases) {
    NormalizedText n = Simplified(c.text);
    HeaderReading h = HeaderOf(n);
    EXPECT_EQ(h.title, c.title) << c.text;
    EXPECT_EQ(h.title_evidence.text, c.title) << c.text;
  }
}

TEST(ZhHeader, AVerbInTheTitleDoesNotMakeTheNumberACitation) {
  const std::string cases[] = {
      "商务部 海关总署公告2023年第39号 关于优化调整石墨物项临时出口管制措施的公告",
      "商务部 海关总署公告2023年第39号 公布优化调整石墨物项临时出口管制措施的决定",
      "商务部公告2024年第51号(发布修订后的两用物项出口管制清单的公告)",
  };
  for (const std::string& c : cases) {
    Announcement a = testing::ZhAnnouncement(Simplified(c));
    EXPECT_TRUE(a.doc_id.has_value()) << c;
  }
}

}  // namespace
}  // namespace regdiff::parsers
