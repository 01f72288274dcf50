// PDF to text: reading order, table rows, running heads and page numbers,
// hyphenation, page starts, and the PDFs a reader must refuse. Every PDF is
// made by tests/ingest/pdf_writer.h with text of our own.
#include "ingest/pdf_text.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/ingest/pdf_writer.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::PdfPage;
using regdiff::testing::PdfRun;
using regdiff::testing::PdfSpec;
using regdiff::testing::PdfTextWidth;
using regdiff::testing::WritePdf;

Result<PdfText> Read(const PdfSpec& spec, const PdfLimits& limits = {}) {
  return PdfToText(WritePdf(spec), limits);
}

PdfSpec OnePage(std::vector<PdfRun> runs) {
  PdfSpec spec;
  spec.pages.push_back({std::move(runs), false});
  return spec;
}

// Runs that draw `pieces` one after another on one line, each followed by
// `tracking` points of extra space: letter-spaced text, which poppler reads
// as one word per piece once the spacing passes about half an em.
std::vector<PdfRun> Tracked(double x, double y, const std::vector<std::string>& pieces, double size,
                            double tracking) {
  std::vector<PdfRun> runs;
  for (const std::string& piece : pieces) {
    runs.push_back({x, y, piece, size});
    x += PdfTextWidth(piece, size) + tracking;
  }
  return runs;
}

struct LayoutCase {
  const char* what;
  std::vector<PdfRun> runs;
  std::string expected;
};

TEST(PdfText, ReadsLinesTopToBottomAndWordsLeftToRight) {
  const LayoutCase cases[] = {
      {"runs drawn bottom line first, right word first",
       {{72, 200, "second line", 12}, {99, 100, "right", 12}, {72, 100, "left", 12}},
       "left right\nsecond line\n"},
      {"baselines a point apart are one line",
       {{72, 100, "export", 12}, {112, 101, "control", 12}, {162, 99.5, "notice", 12}},
       "export control notice\n"},
      {"lines 14 points apart stay apart",
       {{72, 100, "one", 12}, {72, 114, "two", 12}, {72, 128, "three", 12}},
       "one\ntwo\nthree\n"},
      {"a title with a space between issuers",
       {{72, 80, "商务部 海关总署公告2025年第18号", 16}},
       "商务部 海关总署公告2025年第18号\n"},
      {"letter-spaced CJK characters (one word each) get no spaces",
       Tracked(72, 100,
               {"钐", "、", "钆", "、", "铽", "、", "镝", "、", "镥", "、", "钪", "、", "钇"}, 12,
               7),
       "钐、钆、铽、镝、镥、钪、钇\n"},
      {"letter-spaced numbers and CJK characters",
       Tracked(72, 100, {"公", "告", "2025", "年", "第", "18", "号"}, 12, 7), "公告2025年第18号\n"},
      {"a code then letter-spaced CJK",
       Tracked(72, 100, {"1C902", "、", "1C908", "金", "属"}, 12, 7), "1C902、1C908金属\n"},
      {"letter-spaced English words keep their spaces",
       Tracked(72, 100, {"rare", "earth", "metals"}, 12, 7), "rare earth metals\n"},
      {"a table row: cells far apart become tab-separated",
       {{72, 180, "1C902", 10}, {200, 180.5, "2805301910", 10}, {350, 179.5, "金属钐及其合金", 10}},
       "1C902\t2805301910\t金属钐及其合金\n"},
      {"a table row whose cells hold several words",
       {{72, 180, "1C905 b", 10}, {250, 180, "2805301990", 10}, {400, 180, "sample alloy", 10}},
       "1C905 b\t2805301990\tsample alloy\n"},
  };
  for (const LayoutCase& c : cases) {
    SCOPED_TRACE(c.what);
    Result<PdfText> r = Read(OnePage(c.runs));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->text, c.expected);
    EXPECT_EQ(r->page_starts, std::vector<size_t>{0});
  }
}

// Three pages with a running head, a footer naming the page and the page
// count, and body text: the head and footer go, the body stays.
PdfSpec ThreePagesWithRunningHeads(const std::string& footer_form) {
  PdfSpec spec;
  const std::string bodies[3][2] = {
      {"一、对以下示例物项实施管制：", "（一）1C902 金属钐样品，海关商品编号2805301910。"},
      {"（二）1C904 金属铽样品，海关商品编号2805301920。", "（三）1C906 金属镥样品。"},
      {"二、本示例公告自发布之日起施行。", "示例部门 2025年4月4日"},
  };
  for (int p = 0; p < 3; ++p) {
    std::string footer;  // P the page, N the page count
    for (char c : footer_form) {
      if (c == 'P') {
        footer.push_back(static_cast<char>('1' + p));
      } else if (c == 'N') {
        footer.push_back('3');
      } else {
        footer.push_back(c);
      }
    }
    PdfPage page;
    page.runs = {{72, 40, "示例出口管制公告汇编（2025年第18号）", 9},
                 {72, 120, bodies[p][0], 12},
                 {72, 140, bodies[p][1], 12},
                 {280, 810, footer, 9}};
    spec.pages.push_back(page);
  }
  return spec;
}

TEST(PdfText, RunningHeadsFootersAndPageNumbersAreDropped) {
  const char* footers[] = {"第 P 页 共 N 页", "- P -",       "P",   "第P页",
                           "Page P",          "Page P of N", "P/N", "P / N"};
  for (const char* footer : footers) {
    SCOPED_TRACE(footer);
    Result<PdfText> r = Read(ThreePagesWithRunningHeads(footer));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->text,
              "一、对以下示例物项实施管制：\n"
              "（一）1C902 金属钐样品，海关商品编号2805301910。\n"
              "（二）1C904 金属铽样品，海关商品编号2805301920。\n"
              "（三）1C906 金属镥样品。\n"
              "二、本示例公告自发布之日起施行。\n"
              "示例部门 2025年4月4日\n");
  }
}

TEST(PdfText, APageNumberLineIsDroppedEvenOnOnePage) {
  const char* forms[] = {"7",      "- 7 -",       "— 7 —", "第7页", "第 7 页 共 9 页",
                         "Page 7", "PAGE 7 OF 9", "7/9",   "7 / 9", "（7）"};
  for (const char* form : forms) {
    SCOPED_TRACE(form);
    for (double y : {30.0, 815.0}) {  // a header, a footer
      Result<PdfText> r = Read(OnePage({{72, 400, "示例正文", 12}, {280, y, form, 9}}));
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(r->text, "示例正文\n");
    }
  }
  // Numbers that are no page number stay, in the band as anywhere.
  for (const char* kept : {"2805301910", "1C902", "第7条", "7 items", "7.1", "IV", "civil"}) {
    SCOPED_TRACE(kept);
    Result<PdfText> r = Read(OnePage({{72, 400, "示例正文", 12}, {280, 815, kept, 9}}));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->text, "示例正文\n" + std::string(kept) + "\n");
  }
}

TEST(PdfText, ChapterHeadsThatChangeAreDroppedToo) {
  // Six pages, two chapters; the head names the chapter and carries the page
  // number, on the right of odd pages and the left of even ones (print on
  // facing pages); a front-matter footer numbers in roman.
  PdfSpec spec;
  for (int p = 1; p <= 6; ++p) {
    std::string chapter = p <= 2 ? "Chapter 1: Scope" : "Chapter 2: Sample items";
    std::string number = std::to_string(p);
    PdfPage page;
    if (p % 2 == 1) {
      page.runs = {{72, 40, chapter, 10}, {500, 40, number, 10}};
    } else {
      page.runs = {{72, 40, number, 10}, {300, 40, chapter, 10}};
    }
    page.runs.push_back({72, 120, "Body text of page " + number + ".", 12});
    if (p == 1) page.runs.push_back({290, 815, "iv", 10});
    spec.pages.push_back(page);
  }
  Result<PdfText> r = Read(spec);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text,
            "Body text of page 1.\nBody text of page 2.\nBody text of page 3.\n"
            "Body text of page 4.\nBody text of page 5.\nBody text of page 6.\n");
}

TEST(PdfText, KeepsWhatOnlyLooksLikeARunningHead) {
  // A number alone in the middle of a page, a top line on one page of
  // three, a footer-band line that is a sentence: all body text.
  PdfSpec spec;
  spec.pages.push_back({{{72, 40, "示例通知（一）", 12}, {72, 400, "3", 12}}, false});
  spec.pages.push_back(
      {{{72, 40, "正文第二页", 12}, {72, 810, "本页为示例正文的末句。", 12}}, false});
  spec.pages.push_back({{{72, 40, "正文第三页", 12}}, false});
  Result<PdfText> r = Read(spec);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "示例通知（一）\n3\n正文第二页\n本页为示例正文的末句。\n正文第三页\n");
}

TEST(PdfText, RunningHeadOnTwoPagesOfTwoIsDroppedButATitleOnOneIsNot) {
  PdfSpec spec;
  spec.pages.push_back(
      {{{72, 40, "示例文件汇编 第1册", 9}, {72, 120, "示例标题", 16}, {72, 160, "甲", 12}}, false});
  spec.pages.push_back({{{72, 40, "示例文件汇编 第2册", 9}, {72, 120, "乙", 12}}, false});
  Result<PdfText> r = Read(spec);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "示例标题\n甲\n乙\n");
}

TEST(PdfText, RepairsEnglishHyphenationAtLineEnds) {
  const LayoutCase cases[] = {
      {"a broken word is joined on the first line",
       {{72, 100, "items under export con-", 12}, {72, 116, "trolled status apply", 12}},
       "items under export controlled\nstatus apply\n"},
      {"a next line of one word goes away",
       {{72, 100, "the licence is re-", 12}, {72, 116, "quired.", 12}},
       "the licence is required.\n"},
      {"a compound keeps its hyphen",
       {{72, 100, "for dual-", 12}, {72, 116, "use items", 12}},
       "for dual-use\nitems\n"},
      {"a capital after the hyphen: no break to repair",
       {{72, 100, "the Anglo-", 12}, {72, 116, "French list", 12}},
       "the Anglo-\nFrench list\n"},
      {"a code ending in a hyphen",
       {{72, 100, "see 1C902-", 12}, {72, 116, "a below", 12}},
       "see 1C902-\na below\n"},
      {"a dash alone at a line end",
       {{72, 100, "the items -", 12}, {72, 116, "as listed", 12}},
       "the items -\nas listed\n"},
  };
  for (const LayoutCase& c : cases) {
    SCOPED_TRACE(c.what);
    Result<PdfText> r = Read(OnePage(c.runs));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->text, c.expected);
  }
}

TEST(PdfText, PageStartsPutEvidenceOnItsPage) {
  Result<PdfText> r = Read(ThreePagesWithRunningHeads("第 P 页 共 N 页"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->page_starts.size(), 3u);
  EXPECT_EQ(r->page_starts[0], 0u);
  size_t code = r->text.find("1C904");  // the first item on page 2
  ASSERT_NE(code, std::string::npos);
  EXPECT_GE(code, r->page_starts[1]);
  EXPECT_LT(code, r->page_starts[2]);
  EXPECT_EQ(r->text.substr(r->page_starts[1], r->page_starts[2] - r->page_starts[1]),
            "（二）1C904 金属铽样品，海关商品编号2805301920。\n（三）1C906 金属镥样品。\n");
  EXPECT_EQ(r->text.substr(r->page_starts[2]),
            "二、本示例公告自发布之日起施行。\n示例部门 2025年4月4日\n");
}

TEST(PdfText, AnEmptyPageStartsWhereTheNextDoes) {
  PdfSpec spec;
  spec.pages.push_back({{{72, 100, "甲", 12}}, false});
  spec.pages.push_back({{}, true});  // a picture only
  spec.pages.push_back({{{72, 100, "乙", 12}}, false});
  Result<PdfText> r = Read(spec);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "甲\n乙\n");
  EXPECT_EQ(r->page_starts, (std::vector<size_t>{0, 4, 4}));
}

TEST(PdfText, AScanWithoutATextLayerNamesOcr) {
  PdfSpec spec;
  for (int i = 0; i < 3; ++i) spec.pages.push_back({{}, true});
  Result<PdfText> r = Read(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotAnnouncement);
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("3 pages without a text layer"), std::string::npos) << m;
  EXPECT_NE(m.find("ocrmypdf"), std::string::npos) << m;
}

TEST(PdfText, PagesHoldingOnlyPageNumbersAreAScanToo) {
  PdfSpec spec;
  for (int i = 1; i <= 2; ++i) spec.pages.push_back({{{280, 810, std::to_string(i), 9}}, true});
  Result<PdfText> r = Read(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotAnnouncement);
  EXPECT_NE(r.status().message().find("OCR"), std::string::npos);
}

TEST(PdfText, AnEncryptedPdfNeedsItsPassword) {
  PdfSpec spec = OnePage({{72, 100, "示例", 12}});
  spec.encrypted = true;
  Result<PdfText> r = Read(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(r.status().message().find("password"), std::string::npos) << r.status().message();
}

TEST(PdfText, BytesThatAreNoReadablePdfAreCorrupt) {
  const std::string good = WritePdf(OnePage({{72, 100, "示例正文", 12}}));
  auto padded = [](std::string head, size_t n, char fill) { return head.append(n, fill); };
  struct Case {
    const char* what;
    std::string bytes;
  };
  const Case cases[] = {
      {"empty", ""},
      {"plain text", "商务部公告 not a PDF at all\n"},
      {"HTML", padded("<html><body>", 1100, ' ').append("%PDF-1.7 mentioned late</body></html>")},
      {"a header and junk", padded("%PDF-1.7\n", 4000, 'x')},
      {"a header and nothing", "%PDF-1.7\n%%EOF\n"},
      {"the header of a real file and nothing else", good.substr(0, good.find("3 0 obj"))},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Result<PdfText> r = PdfToText(c.bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << r.status().ToString();
  }
}

TEST(PdfText, APageTreeNamingMissingPagesIsCorruptNotAScan) {
  std::string bytes = WritePdf(ThreePagesWithRunningHeads("P"));
  size_t kids = bytes.find("/Kids [");
  ASSERT_NE(kids, std::string::npos);
  size_t end = bytes.find(']', kids);
  bytes.replace(kids, end - kids, "/Kids [97 0 R 98 0 R 99 0 R ");
  Result<PdfText> r = PdfToText(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << r.status().ToString();
  EXPECT_NE(r.status().message().find("none of its 3 pages"), std::string::npos)
      << r.status().message();
}

TEST(PdfText, ADamagedCrossReferenceTableIsRebuilt) {
  // Every offset in the xref table wrong: poppler rebuilds it from the
  // objects, and the text is read all the same.
  std::string bytes = WritePdf(OnePage({{72, 100, "示例正文", 12}}));
  size_t xref = bytes.find("xref\n");
  for (size_t at = bytes.find(" 00000 n", xref); at != std::string::npos;
       at = bytes.find(" 00000 n", at + 1)) {
    bytes[at - 1] = '7';
  }
  Result<PdfText> r = PdfToText(bytes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "示例正文\n");
}

TEST(PdfText, EachLimitIsANamedTooLargeError) {
  PdfSpec five;
  for (int i = 0; i < 5; ++i)
    five.pages.push_back({{{72, 100, "第" + std::to_string(i) + "段正文", 12}}, false});
  PdfLimits four_pages;
  four_pages.max_pages = 4;
  Result<PdfText> r = Read(five, four_pages);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status().message().find("5 pages"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("max_pages"), std::string::npos) << r.status().message();

  PdfLimits five_pages;
  five_pages.max_pages = 5;
  EXPECT_TRUE(Read(five, five_pages).ok());

  PdfLimits little_text;
  little_text.max_text_bytes = 40;
  r = Read(five, little_text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status().message().find("max_text_bytes"), std::string::npos) << r.status().message();
}

TEST(PdfText, APageBombIsRefusedAtTheDefaultLimit) {
  PdfSpec bomb;
  bomb.pages.assign(static_cast<size_t>(PdfLimits{}.max_pages) + 1,
                    PdfPage{{{72, 100, "页", 12}}, false});
  Result<PdfText> r = Read(bomb);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status().message().find("2001 pages"), std::string::npos) << r.status().message();
}

TEST(PdfText, ConcurrentReadersAgree) {
  const std::string bytes = WritePdf(ThreePagesWithRunningHeads("- P -"));
  Result<PdfText> alone = PdfToText(bytes);
  ASSERT_TRUE(alone.ok());
  std::vector<std::string> texts(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < texts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 3; ++k) {
        Result<PdfText> r = PdfToText(bytes);
        texts[t] = r.ok() ? r->text : r.status().ToString();
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (const std::string& text : texts) EXPECT_EQ(text, alone->text);
}

}  // namespace
}  // namespace regdiff::ingest
