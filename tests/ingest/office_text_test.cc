// DOCX and XLSX to text (ingest/office_text.h), on files built in memory by
// tests/ingest/office_writer.h: what Word and Excel content becomes as lines,
// list numbers as Word shows them, and every cap on a hostile archive (zip
// bombs, entry floods, entity attacks, damaged archives) as a named error.
#include "ingest/office_text.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ingest/list_number_format.h"
#include "tests/ingest/office_writer.h"
#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::Docx;
using regdiff::testing::DocxParts;
using regdiff::testing::NumberingXml;
using regdiff::testing::Para;
using regdiff::testing::WriteZip;
using regdiff::testing::Xlsx;
using regdiff::testing::XlsxParts;
using regdiff::testing::ZipPart;
using Code = Status::Code;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string DocxText(const std::string& bytes, const OfficeLimits& limits = {}) {
  Result<std::string> r = DocxToText(bytes, limits);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

std::string XlsxText(const std::string& bytes, const OfficeLimits& limits = {}) {
  Result<std::string> r = XlsxToText(bytes, limits);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

struct Case {
  const char* what;
  std::string body;
  std::string expected;
};

TEST(DocxText, ParagraphsRunsTabsAndBreaksBecomeLines) {
  const Case cases[] = {
      {"one line per paragraph", Para("一、钐钴永磁材料") + Para("二、钆靶材"),
       "一、钐钴永磁材料\n二、钆靶材"},
      {"runs of a paragraph are joined",
       "<w:p><w:r><w:t>钐</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>、钆</w:t></w:r></w:p>", "钐、钆"},
      {"w:tab is a space (a tab separates table cells only)",
       "<w:p><w:r><w:t>1C902</w:t><w:tab/><w:t>钐钴合金</w:t></w:r></w:p>", "1C902 钐钴合金"},
      {"tab stops in the paragraph's properties are no tabs",
       "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
       "<w:r><w:t>铽</w:t></w:r></w:p>",
       "铽"},
      {"w:br and w:cr start new lines",
       "<w:p><w:r><w:t>镝</w:t><w:br/><w:t>镥</w:t><w:cr/><w:t>钪</w:t></w:r></w:p>", "镝\n镥\n钪"},
      {"empty paragraphs leave no empty lines", Para("钇") + "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>" + Para("钪"),
       "钇\n钪"},
      {"spaces inside a run are kept", Para("HS  2805301910"), "HS  2805301910"},
      {"escaped characters", Para("钐 & 钆 <1C903>"), "钐 & 钆 <1C903>"},
      {"deleted revisions are skipped, insertions kept",
       "<w:p><w:r><w:t>对钐</w:t></w:r><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>不</w:delText>"
       "</w:r></w:del><w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>实施</w:t></w:r></w:ins>"
       "<w:r><w:t>管制</w:t></w:r></w:p>",
       "对钐实施管制"},
      {"a deletion holding w:t is skipped too",
       "<w:p><w:del w:id=\"3\"><w:r><w:t>1C904</w:t></w:r></w:del><w:r><w:t>1C905</w:t></w:r></w:p>",
       "1C905"},
      {"moved-away text is skipped, moved-to text kept",
       "<w:p><w:moveFrom w:id=\"4\"><w:r><w:t>钆</w:t></w:r></w:moveFrom><w:moveTo w:id=\"5\">"
       "<w:r><w:t>铽</w:t></w:r></w:moveTo></w:p>",
       "铽"},
      {"alternate content is read once (mc:Choice, not mc:Fallback)",
       "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>镥</w:t></mc:Choice>"
       "<mc:Fallback><w:t>镥</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>",
       "镥"},
      {"ruby text (a reading over its base) is left out",
       "<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>サマリウム</w:t></w:r></w:rt><w:rubyBase><w:r>"
       "<w:t>钐</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>",
       "钐"},
      {"field codes are left out, their results kept",
       "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
       "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
       "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
       "3"},
      {"a carriage return character is a line break", "<w:p><w:r><w:t>钪&#13;钇</w:t></w:r></w:p>", "钪\n钇"},
      {"hyperlinks and content controls are transparent",
       "<w:p><w:hyperlink r:id=\"x\" xmlns:r=\"urn:r\"><w:r><w:t>见附件</w:t></w:r></w:hyperlink>"
       "<w:sdt><w:sdtContent><w:r><w:t>1C906</w:t></w:r></w:sdtContent></w:sdt></w:p>",
       "见附件1C906"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(DocxText(Docx(c.body)), c.expected);
  }
}

std::string Cell(const std::string& inner) { return "<w:tc>" + inner + "</w:tc>"; }
std::string Row(const std::string& cells) { return "<w:tr>" + cells + "</w:tr>"; }
std::string Table(const std::string& rows) { return "<w:tbl><w:tblPr/>" + rows + "</w:tbl>"; }

TEST(DocxText, EachTableRowIsOneLineOfTabSeparatedCells) {
  const Case cases[] = {
      {"rows and cells",
       Table(Row(Cell(Para("管制编码")) + Cell(Para("物项"))) +
             Row(Cell(Para("1C902")) + Cell(Para("钐钴合金")))),
       "管制编码\t物项\n1C902\t钐钴合金"},
      {"a cell's paragraphs are joined by a space",
       Table(Row(Cell(Para("1C903")) + Cell(Para("钆") + Para("及其化合物")))), "1C903\t钆 及其化合物"},
      {"a break or tab inside a cell stays on the row",
       Table(Row(Cell("<w:p><w:r><w:t>铽</w:t><w:br/><w:t>镝</w:t><w:tab/><w:t>镥</w:t></w:r></w:p>") +
                 Cell(Para("2805301910")))),
       "铽 镝 镥\t2805301910"},
      {"an empty cell keeps its column; empty cells at the end are left out",
       Table(Row(Cell(Para("1C904")) + Cell("<w:p/>") + Cell(Para("钪")) + Cell("<w:p/>"))),
       "1C904\t\t钪"},
      {"a merged cell keeps the columns after it in place",
       Table(Row(Cell("<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + Para("稀土")) + Cell(Para("钇"))) +
             Row(Cell(Para("a")) + Cell(Para("b")) + Cell(Para("c")))),
       "稀土\t\t钇\na\tb\tc"},
      {"a w:gridSpan past Word's 63 columns counts as 64",
       Table(Row(Cell("<w:tcPr><w:gridSpan w:val=\"1000000\"/></w:tcPr>" + Para("x")) + Cell(Para("y")))),
       "x" + std::string(64, '\t') + "y"},
      {"a nested table is flattened into its cell",
       Table(Row(Cell(Para("1C905") + Table(Row(Cell(Para("钐")) + Cell(Para("钆"))) +
                                            Row(Cell(Para("铽"))))) +
                 Cell(Para("出口许可")))),
       "1C905 钐 钆 铽\t出口许可"},
      {"a cell wrongly inside a cell closes no block but its own",
       Table(Row(Cell(Para("a") + "<w:tc>" + Para("b") + "</w:tc>" + Para("d")) + Cell(Para("c")))),
       "a b d\tc"},
      {"paragraphs around a table keep their order",
       Para("前言") + Table(Row(Cell(Para("x")) + Cell(Para("y")))) + Para("附则"), "前言\nx\ty\n附则"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(DocxText(Docx(c.body)), c.expected);
  }
}

// A paragraph in list `num_id` at level `ilvl`.
std::string Item(int num_id, int ilvl, const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string Level(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                  const std::string& suffix = "space") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text + "\"/><w:suff w:val=\"" +
         suffix + "\"/></w:lvl>";
}

std::string Abstract(int id, const std::string& levels) {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + levels + "</w:abstractNum>";
}

std::string Num(int num_id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(num_id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

struct ListCase {
  const char* what;
  std::string body;
  std::string numbering;
  std::string expected;
  std::string styles = "";
};

TEST(DocxText, NumberedParagraphsGetTheNumberWordShows) {
  const std::string decimal = Abstract(0, Level(0, "decimal", "%1."));
  const std::string chinese = Abstract(1, Level(0, "chineseCounting", "%1、", 1, "nothing"));
  const std::string nested =
      Abstract(2, Level(0, "chineseCounting", "%1、", 1, "nothing") +
                      Level(1, "chineseCounting", "（%2）", 1, "nothing") +
                      Level(2, "decimal", "%3.", 1, "nothing"));
  const std::string outline =
      Abstract(3, Level(0, "decimal", "%1.") + Level(1, "decimal", "%1.%2"));
  const ListCase cases[] = {
      {"decimal", Item(1, 0, "钐") + Item(1, 0, "钆") + Item(1, 0, "铽"), NumberingXml(decimal + Num(1, 0)),
       "1. 钐\n2. 钆\n3. 铽"},
      {"the default suffix, a tab, is a space",
       Item(1, 0, "镝"), NumberingXml(Abstract(0, "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                                                  "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
                                                  "</w:lvl>") + Num(1, 0)),
       "1. 镝"},
      {"Chinese counting, from a start of 9 past ten",
       Item(1, 0, "镥") + Item(1, 0, "钪") + Item(1, 0, "钇"),
       NumberingXml(Abstract(1, Level(0, "chineseCounting", "%1、", 9, "nothing")) + Num(1, 1)),
       "九、镥\n十、钪\n十一、钇"},
      {"deeper levels restart when a shallower one advances",
       Item(5, 0, "稀土金属") + Item(5, 1, "钐") + Item(5, 2, "1C902") + Item(5, 2, "1C903") +
           Item(5, 1, "钆") + Item(5, 0, "稀土化合物") + Item(5, 1, "铽") + Item(5, 2, "1C904"),
       NumberingXml(nested + Num(5, 2)),
       "一、稀土金属\n（一）钐\n1.1C902\n2.1C903\n（二）钆\n二、稀土化合物\n（一）铽\n1.1C904"},
      {"%1.%2 shows the shallower level's number",
       Item(2, 0, "a") + Item(2, 1, "b") + Item(2, 1, "c") + Item(2, 0, "d") + Item(2, 1, "e"),
       NumberingXml(outline + Num(2, 3)), "1. a\n1.1 b\n1.2 c\n2. d\n2.1 e"},
      {"each list counts on its own",
       Item(1, 0, "钐") + Item(2, 0, "一") + Item(1, 0, "钆") + Item(2, 0, "二"),
       NumberingXml(decimal + chinese + Num(1, 0) + Num(2, 1)), "1. 钐\n一、一\n2. 钆\n二、二"},
      {"w:startOverride restarts a list",
       Item(3, 0, "x") + Item(3, 0, "y"),
       NumberingXml(decimal + Num(3, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/>"
                                        "</w:lvlOverride>")),
       "7. x\n8. y"},
      {"numId 0 takes the numbering away", Item(0, 0, "钪"), NumberingXml(decimal + Num(1, 0)), "钪"},
      {"a list that is not defined numbers nothing", Item(9, 0, "钇"), NumberingXml(decimal + Num(1, 0)),
       "钇"},
      {"no numbering.xml: no numbers", Item(1, 0, "钐") + Item(1, 0, "钆"), "", "钐\n钆"},
      {"bullets in a symbol font show as •",
       Item(4, 0, "钐") + Item(4, 0, "钆"),
       NumberingXml(Abstract(4, Level(0, "bullet", "\xEF\x82\xB7")) + Num(4, 4)), "• 钐\n• 钆"},
      {"numbering from the paragraph's style (through w:basedOn)",
       "<w:p><w:pPr><w:pStyle w:val=\"Item2\"/></w:pPr><w:r><w:t>铽</w:t></w:r></w:p>"
       "<w:p><w:pPr><w:pStyle w:val=\"Item2\"/></w:pPr><w:r><w:t>镝</w:t></w:r></w:p>" + Para("附"),
       NumberingXml(decimal + Num(1, 0)), "1. 铽\n2. 镝\n附",
       std::string("<w:styles xmlns:w=\"") + regdiff::testing::kWordNs +
           "\"><w:style w:type=\"paragraph\" w:styleId=\"Item\"><w:pPr><w:numPr><w:numId w:val=\"1\"/>"
           "</w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Item2\">"
           "<w:basedOn w:val=\"Item\"/></w:style></w:styles>"},
      {"a numbered paragraph in a table cell",
       Table(Row(Cell(Item(1, 0, "钐")) + Cell(Para("1C902"))) + Row(Cell(Item(1, 0, "钆")) + Cell(Para("1C903")))),
       NumberingXml(decimal + Num(1, 0)), "1. 钐\t1C902\n2. 钆\t1C903"},
  };
  for (const ListCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(DocxText(Docx(c.body, c.numbering, c.styles)), c.expected);
  }
}

TEST(ListNumberFormat, WritesEachFormatAsWordDoes) {
  struct {
    int64_t value;
    const char* format;
    const char* expected;
  } cases[] = {
      {1, "decimal", "1"},
      {42, "decimal", "42"},
      {3, "decimalZero", "03"},
      {12, "decimalFullWidth", "１２"},
      {3, "decimalEnclosedCircle", "③"},
      {21, "decimalEnclosedCircle", "21"},
      {1, "chineseCounting", "一"},
      {10, "chineseCounting", "十"},
      {12, "chineseCounting", "十二"},
      {20, "chineseCounting", "二十"},
      {99, "chineseCounting", "九十九"},
      {105, "chineseCounting", "一〇五"},
      {105, "chineseCountingThousand", "一百零五"},
      {110, "chineseCountingThousand", "一百一十"},
      {2024, "chineseCountingThousand", "二千零二十四"},
      {10005, "chineseCountingThousand", "一万零五"},
      {11, "japaneseCounting", "十一"},
      {2025, "ideographDigital", "二〇二五"},
      {3, "ideographTraditional", "丙"},
      {10, "ideographTraditional", "癸"},
      {3, "lowerLetter", "c"},
      {27, "lowerLetter", "aa"},
      {2, "upperLetter", "B"},
      {4, "lowerRoman", "iv"},
      {1999, "upperRoman", "MCMXCIX"},
      {5, "bullet", "•"},
      {5, "none", ""},
      {7, "someFormatWeDoNotKnow", "7"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatListNumber(c.value, c.format), c.expected) << c.value << " " << c.format;
  }
}

// --- XLSX ------------------------------------------------------------------

TEST(XlsxText, CellsOfEveryKindAsWritten) {
  const std::string row =
      "<row r=\"1\">"
      "<c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\"><v>2805301910</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>钐钴合金</t></is></c>"
      "<c r=\"D1\" t=\"str\"><f>A1&amp;\"x\"</f><v>1C902x</v></c>"
      "<c r=\"E1\" t=\"b\"><v>1</v></c>"
      "<c r=\"F1\"><v>0.10</v></c>"
      "<c r=\"G1\" t=\"s\"><v>1</v></c>"
      "</row>";
  EXPECT_EQ(XlsxText(Xlsx({{"物项", row}}, {"1C902", "钆\t靶材"})),
            "物项\n1C902\t2805301910\t钐钴合金\t1C902x\tTRUE\t0.10\t钆 靶材");
}

TEST(XlsxText, EmptyCellsKeepTheirColumnsAndTrailingOnesAreTrimmed) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>编码</t></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>HS</t></is></c><c r=\"D1\"/></row>"
      "<row r=\"3\"><c r=\"B3\"><v>2805301910</v></c><c r=\"E3\" t=\"s\"/></row>"
      "<row r=\"4\"><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>1</v></c><c r=\"D4\"><v>2</v></c>"
      "<c><v>3</v></c></row>"
      "<row r=\"5\"><c r=\"A5\"/></row>";
  EXPECT_EQ(XlsxText(Xlsx({{"S", rows}})), "S\n编码\t\tHS\n\t2805301910\nx\t1\t\t2\t3");
}

TEST(XlsxText, SheetsInWorkbookOrderEachAfterItsName) {
  // The writer numbers the sheet files and relationship ids backwards.
  const std::string a = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>1C906</t></is></c></row>";
  const std::string b = "<row r=\"1\"><c r=\"A1\"><v>2805301910</v></c></row>";
  EXPECT_EQ(XlsxText(Xlsx({{"稀土物项", a}, {"HS 编码", b}, {"空表", ""}})),
            "稀土物项\n1C906\nHS 编码\n2805301910\n空表");
}

TEST(XlsxText, RichSharedStringsJoinTheirRunsWithoutPhoneticGuides) {
  std::vector<ZipPart> parts = XlsxParts({{"S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"}});
  parts.push_back({"xl/sharedStrings.xml",
                   "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si>"
                   "<r><t>钐</t></r><r><rPr><b/></rPr><t>钴</t></r><rPh sb=\"0\" eb=\"1\"><t>サマリウム</t>"
                   "</rPh></si></sst>"});
  EXPECT_EQ(XlsxText(WriteZip(parts)), "S\n钐钴");
}

TEST(XlsxText, InlineStringsSkipPhoneticGuidesToo) {
  const std::string row =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><t>镝</t></r><rPh><t>ジス</t></rPh></is></c></row>";
  EXPECT_EQ(XlsxText(Xlsx({{"S", row}})), "S\n镝");
}

TEST(XlsxText, DamagedWorkbooksAreCorruption) {
  struct {
    const char* what;
    std::vector<ZipPart> parts;
  } cases[] = {
      {"no workbook", {{"xl/worksheets/sheet1.xml", "<worksheet/>"}}},
      {"a sheet whose part is missing",
       [] {
         auto p = XlsxParts({{"S", ""}});
         p.erase(p.begin());  // the sheet part
         return p;
       }()},
      {"a shared string index past the table",
       XlsxParts({{"S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"}}, {"only one"})},
      {"malformed sheet XML", XlsxParts({{"S", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>"}})},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    Result<std::string> r = XlsxToText(WriteZip(c.parts));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::kCorruption) << r.status().ToString();
  }
}

TEST(XlsxText, CellsPastMaxCellsAreRefusedByName) {
  std::string rows;
  for (int i = 1; i <= 30; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c><v>" + std::to_string(i) + "</v></c><c><v>0</v></c></row>";
  }
  OfficeLimits limits;
  limits.max_cells = 60;
  EXPECT_TRUE(XlsxToText(Xlsx({{"S", rows}}), limits).ok());
  limits.max_cells = 59;
  Result<std::string> r = XlsxToText(Xlsx({{"S", rows}}), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(r.status().message(), "cell")) << r.status().message();
}

TEST(XlsxText, ACellFarRightCannotMultiplyPastTheTextLimit) {
  std::string rows;
  for (int i = 1; i <= 200; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"XFD" + std::to_string(i) + "\"><v>1</v></c></row>";
  }
  OfficeLimits limits;
  limits.max_text_bytes = 1u << 20;  // 200 rows of 16,384 bytes is 3.2 MB
  Result<std::string> r = XlsxToText(Xlsx({{"S", rows}}), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(r.status().message(), "text")) << r.status().message();
}

// --- Hostile archives --------------------------------------------------------

Status DocxStatus(const std::string& bytes, const OfficeLimits& limits = {}) {
  Result<std::string> r = DocxToText(bytes, limits);
  return r.ok() ? Status::Ok() : r.status();
}

TEST(OfficeArchive, BytesThatAreNoZipAreCorruption) {
  for (const std::string& bytes :
       {std::string(), std::string("PK"), std::string("<html><body>钐</body></html>"),
        std::string("PK\x03\x04 then nothing that is a zip")}) {
    SCOPED_TRACE(bytes);
    EXPECT_EQ(DocxStatus(bytes).code(), Code::kCorruption);
    Result<std::string> x = XlsxToText(bytes);
    ASSERT_FALSE(x.ok());
    EXPECT_EQ(x.status().code(), Code::kCorruption);
  }
}

TEST(OfficeArchive, AZipWithoutTheMainPartIsCorruptionNamingIt) {
  const std::string zip = WriteZip({{"readme.txt", "钐钆铽"}});
  Status s = DocxStatus(zip);
  EXPECT_EQ(s.code(), Code::kCorruption);
  EXPECT_TRUE(Contains(s.message(), "word/document.xml")) << s.message();
  Result<std::string> x = XlsxToText(zip);
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.status().code(), Code::kCorruption);
  EXPECT_TRUE(Contains(x.status().message(), "xl/workbook.xml")) << x.status().message();
  // A DOCX is no XLSX and the reverse.
  EXPECT_EQ(XlsxToText(Docx(Para("x"))).status().code(), Code::kCorruption);
  EXPECT_EQ(DocxStatus(Xlsx({{"S", ""}})).code(), Code::kCorruption);
}

// `n` bytes of paragraphs: identical, so deflate packs them well over 200:1.
std::string ManyParagraphs(size_t n) {
  std::string body;
  const std::string p = Para("钐钴合金 1C902 2805301910");
  while (body.size() < n) body += p;
  return body;
}

TEST(OfficeArchive, AZipBombEntryIsRefusedPastTheRatio) {
  const std::string bomb = Docx(ManyParagraphs(8u << 20));  // 8 MiB in a few KiB
  ASSERT_LT(bomb.size(), 100u << 10);
  const auto start = std::chrono::steady_clock::now();
  Status s = DocxStatus(bomb);
  EXPECT_EQ(s.code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(s.message(), "ratio")) << s.message();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // The same paragraphs stored (ratio 1) are read.
  std::vector<ZipPart> stored = DocxParts(ManyParagraphs(2u << 20));
  for (ZipPart& p : stored) p.deflate = false;
  EXPECT_TRUE(DocxStatus(WriteZip(stored)).ok());
}

TEST(OfficeArchive, InflatedBytesPastTheTotalAreRefusedOverAllParts) {
  OfficeLimits limits;
  limits.max_inflated_bytes = 1u << 20;
  // One part over the total.
  Status s = DocxStatus(Docx(ManyParagraphs(1200u << 10)), limits);
  EXPECT_EQ(s.code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(s.message(), "inflated")) << s.message();
  // Two parts, each under it, together over it: the document and a numbering
  // part padded with a comment.
  const std::string numbering = NumberingXml("<!--" + std::string(600u << 10, 'x') + "-->");
  s = DocxStatus(Docx(ManyParagraphs(600u << 10), numbering), limits);
  EXPECT_EQ(s.code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(s.message(), "inflated")) << s.message();
  EXPECT_TRUE(DocxStatus(Docx(ManyParagraphs(600u << 10)), limits).ok());
}

// Sets every declared uncompressed size (local headers and central
// directory) of `zip` to `size`.
std::string LieAboutSizes(std::string zip, uint32_t size) {
  auto patch = [&](const std::string& signature, size_t offset) {
    for (size_t at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 4)) {
      if (at + offset + 4 > zip.size()) break;
      for (int i = 0; i < 4; ++i) zip[at + offset + static_cast<size_t>(i)] = static_cast<char>(size >> (8 * i));
    }
  };
  patch(std::string("PK\x03\x04", 4), 22);
  patch(std::string("PK\x01\x02", 4), 24);
  return zip;
}

TEST(OfficeArchive, DeclaredSizesAreNeverTrusted) {
  OfficeLimits limits;
  limits.max_ratio = 1000000;  // only the total stands in the way
  limits.max_inflated_bytes = 1u << 20;
  const std::string liar = LieAboutSizes(Docx(ManyParagraphs(4u << 20)), 100);
  Status s = DocxStatus(liar, limits);
  EXPECT_EQ(s.code(), Code::kTooLarge) << s.ToString();
  EXPECT_TRUE(Contains(s.message(), "inflated")) << s.message();
}

TEST(OfficeArchive, TooManyEntriesAreRefusedBeforeAnyIsRead) {
  std::vector<ZipPart> parts = DocxParts(Para("钇"));
  while (parts.size() < 20) parts.push_back({"customXml/item" + std::to_string(parts.size()) + ".xml", "<a/>"});
  OfficeLimits limits;
  limits.max_entries = 20;
  EXPECT_TRUE(DocxStatus(WriteZip(parts), limits).ok());
  parts.push_back({"customXml/one-more.xml", "<a/>"});
  Status s = DocxStatus(WriteZip(parts), limits);
  EXPECT_EQ(s.code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(s.message(), "entries")) << s.message();
}

TEST(OfficeArchive, TheDefaultEntryLimitHoldsAgainstAFlood) {
  std::vector<ZipPart> parts = DocxParts(Para("钇"));
  for (int i = 0; i < 10001; ++i) parts.push_back({"f/" + std::to_string(i), "", false});
  Status s = DocxStatus(WriteZip(parts));
  EXPECT_EQ(s.code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(s.message(), "10000 entries")) << s.message();
}

TEST(OfficeArchive, DamagedArchivesAreCorruption) {
  const std::string good = Docx(ManyParagraphs(64u << 10));
  ASSERT_TRUE(DocxStatus(good).ok());
  // Flipped bytes inside the deflated document (past its local header).
  const size_t doc = good.find("word/document.xml");
  ASSERT_NE(doc, std::string::npos);
  std::string flipped = good;
  for (size_t i = doc + 40; i < doc + 60; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
  EXPECT_EQ(DocxStatus(flipped).code(), Code::kCorruption);
  // Cut short: the central directory is gone.
  EXPECT_EQ(DocxStatus(good.substr(0, good.size() / 2)).code(), Code::kCorruption);
  // A stored entry whose bytes changed after the CRC was taken.
  std::vector<ZipPart> parts = DocxParts(Para("钐钴合金"));
  for (ZipPart& p : parts) p.deflate = false;
  std::string stored = WriteZip(parts);
  const size_t text = stored.find("钐钴合金");
  ASSERT_NE(text, std::string::npos);
  stored[text + 3] = static_cast<char>(stored[text + 3] ^ 1);
  EXPECT_EQ(DocxStatus(stored).code(), Code::kCorruption);
}

TEST(OfficeArchive, MalformedXmlIsCorruptionNamingThePart) {
  Status s = DocxStatus(Docx("<w:p><w:r><w:t>钐</w:r></w:p>"));
  EXPECT_EQ(s.code(), Code::kCorruption);
  EXPECT_TRUE(Contains(s.message(), "word/document.xml")) << s.message();
  s = DocxStatus(Docx(Para("x"), NumberingXml("<w:num")));
  EXPECT_EQ(s.code(), Code::kCorruption);
  EXPECT_TRUE(Contains(s.message(), "word/numbering.xml")) << s.message();
}

std::string LaughsDtd(const std::string& root) {
  std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol \"钐钆铽镝\">\n";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    dtd += "\">\n";
  }
  return dtd + "]>\n";
}

TEST(OfficeArchive, EntityAttacksAreRefusedAndNothingIsExpandedOrFetched) {
  const std::string w = std::string("xmlns:w=\"") + regdiff::testing::kWordNs + "\"";
  const std::string laughs_doc = LaughsDtd("w:document") + "<w:document " + w +
                                 "><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
  const std::string laughs_attr = LaughsDtd("w:document") + "<w:document " + w +
                                  "><w:body><w:p><w:pPr><w:pStyle w:val=\"&lol9;\"/></w:pPr></w:p>"
                                  "</w:body></w:document>";
  const std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "
                          "\"file:///etc/passwd\">]><w:document " + w +
                          "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  const std::string undeclared = "<w:document " + w + "><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
                                 "</w:body></w:document>";
  // One big entity referenced many times (quadratic blowup), after a
  // comment long enough that libxml2 hands out nodes before it reaches them.
  std::string quadratic = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY big \"" +
                          std::string(100000, 'x') + "\">]><w:document " + w + "><!--" +
                          std::string(10000, ' ') + "--><w:body><w:p><w:r><w:t>";
  for (int i = 0; i < 10000; ++i) quadratic += "&big;";
  quadratic += "</w:t></w:r></w:p></w:body></w:document>";
  // The DTD written in UTF-16, which a byte search for "<!DOCTYPE" in UTF-8 misses.
  std::string utf16 = "\xFF\xFE";
  for (char c : LaughsDtd("w:document") + "<w:document " + w + "><w:body/></w:document>") {
    utf16 += c;
    utf16 += '\0';
  }
  const std::string* attacks[] = {&laughs_doc, &laughs_attr, &xxe, &quadratic, &utf16, &undeclared};
  for (const std::string* attack : attacks) {
    const std::string& xml = *attack;
    const auto start = std::chrono::steady_clock::now();
    Result<std::string> r = DocxToText(WriteZip({{"word/document.xml", xml}}));
    ASSERT_FALSE(r.ok()) << *r;
    EXPECT_EQ(r.status().code(), Code::kCorruption) << r.status().ToString();
    if (attack != &undeclared) {
      EXPECT_TRUE(Contains(r.status().message(), "DTD")) << r.status().message();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  }
  // The same in a spreadsheet's shared strings and in numbering.xml.
  std::vector<ZipPart> parts = XlsxParts({{"S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"}});
  parts.push_back({"xl/sharedStrings.xml", LaughsDtd("sst") + "<sst><si><t>&lol9;</t></si></sst>"});
  EXPECT_EQ(XlsxToText(WriteZip(parts)).status().code(), Code::kCorruption);
  EXPECT_EQ(DocxStatus(Docx(Para("x"), LaughsDtd("w:numbering") + "<w:numbering " + w +
                                            "><w:abstractNum w:abstractNumId=\"&lol9;\"/></w:numbering>"))
                .code(),
            Code::kCorruption);
  // The predefined entities and character references are no attack.
  EXPECT_EQ(DocxText(Docx("<w:p><w:r><w:t>&lt;&#38;&#x9486;&gt;</w:t></w:r></w:p>")), "<&钆>");
}

TEST(OfficeArchive, TextPastTheLimitIsRefusedByName) {
  // A long w:lvlText on every numbered paragraph multiplies the input.
  std::string body;
  for (int i = 0; i < 200; ++i) body += Item(1, 0, "x");
  const std::string numbering = NumberingXml(Abstract(0, Level(0, "decimal", std::string(5000, 'n') + "%1")) + Num(1, 0));
  OfficeLimits limits;
  limits.max_text_bytes = 100000;  // 200 x 5,000 bytes is 1 MB
  Result<std::string> r = DocxToText(Docx(body, numbering), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kTooLarge);
  EXPECT_TRUE(Contains(r.status().message(), "text")) << r.status().message();
  limits.max_text_bytes = 2000000;
  EXPECT_TRUE(DocxToText(Docx(body, numbering), limits).ok());
}

// --- The fuzzers' seeds -------------------------------------------------------

// A seed of the docx_text or xlsx_text fuzzer (tests/fixtures/fuzz/<target>/):
// an archive, whose text is known, or XML parts split at NUL bytes (the
// fuzz targets zip them; tests/fuzz/ingest_targets.h).
struct Seed {
  std::string target;
  std::string file;
  std::string bytes;
  std::string text;  // an archive's text; "" for XML parts
};

std::vector<Seed> FuzzSeeds() {
  const std::string numbering = NumberingXml(
      Abstract(0, Level(0, "chineseCounting", "%1、", 1, "nothing") +
                      Level(1, "chineseCounting", "（%2）", 1, "nothing") + Level(2, "decimal", "%3.")) +
      Abstract(1, Level(0, "decimalEnclosedCircle", "%1", 1, "space") + Level(1, "lowerLetter", "%2)")) +
      Num(1, 0) + Num(2, 1));
  const std::string body =
      Para("关于对部分稀土物项实施出口管制的公告（示例）") + Item(1, 0, "管制物项") +
      Item(1, 1, "钐、钆、铽、镝、镥、钪、钇及其合金") +
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:t>1C902</w:t><w:tab/><w:t>钐钴合金</w:t></w:r><w:del w:id=\"1\"><w:r>"
      "<w:delText>（已删除）</w:delText></w:r></w:del></w:p>" +
      Item(1, 2, "1C903 钆靶材") + Item(1, 1, "稀土化合物") + Item(1, 0, "附表") +
      Table(Row(Cell(Para("管制编码")) + Cell(Para("海关商品编号")) + Cell(Para("名称"))) +
            Row(Cell(Para("1C904")) + Cell(Para("2805301910")) + Cell(Para("铽") + Para("（金属）"))) +
            Row(Cell(Para("1C905")) + Cell("<w:p/>") + Cell(Para("镝")))) +
      Item(2, 0, "本公告自发布之日起施行。") + Item(2, 1, "钪") + Item(2, 0, "钇") +
      "<w:p><w:r><w:t>联系</w:t><w:br/><w:t>电话</w:t></w:r></w:p>";
  const std::string docx_text =
      "关于对部分稀土物项实施出口管制的公告（示例）\n一、管制物项\n（一）钐、钆、铽、镝、镥、钪、钇及其合金\n"
      "1. 1C902 钐钴合金\n2. 1C903 钆靶材\n（二）稀土化合物\n二、附表\n管制编码\t海关商品编号\t名称\n"
      "1C904\t2805301910\t铽 （金属）\n1C905\t\t镝\n① 本公告自发布之日起施行。\na) 钪\n② 钇\n联系\n电话";
  std::vector<ZipPart> docx = DocxParts(body, numbering);

  const std::string sheet1 =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1C906</t></is></c><c r=\"B2\"><v>2805301910</v></c>"
      "<c r=\"C2\" t=\"s\"><v>3</v></c><c r=\"E2\" t=\"b\"><v>1</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>A2</f><v>1C907</v></c><c r=\"C4\"><v>0.5</v></c></row>";
  const std::string sheet2 =
      "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><r><t>钇</t></r><r><t>粉</t></r></is></c>"
      "<c r=\"C1\"><v>1C908</v></c></row>";
  const std::vector<std::string> shared = {"管制编码", "海关商品编号", "名称", "镥、钪"};
  std::vector<ZipPart> xlsx = XlsxParts({{"稀土物项", sheet1}, {"补充", sheet2}}, shared);
  const std::string xlsx_text =
      "稀土物项\n管制编码\t海关商品编号\t名称\n1C906\t2805301910\t镥、钪\t\tTRUE\n1C907\t\t0.5\n补充\n\t钇粉\t1C908";

  auto part = [](const std::vector<ZipPart>& parts, const std::string& name) {
    for (const ZipPart& p : parts) {
      if (p.name == name) return p.contents;
    }
    return std::string();
  };
  std::string docx_parts = part(docx, "word/document.xml");
  docx_parts += '\0';
  docx_parts += numbering;
  std::string xlsx_parts = part(xlsx, "xl/worksheets/sheet2.xml");  // the first sheet's
  xlsx_parts += '\0';
  xlsx_parts += part(xlsx, "xl/sharedStrings.xml");
  return {
      {"docx_text", "seed-lists-and-table.docx", WriteZip(docx), docx_text},
      {"docx_text", "seed-parts.xml", docx_parts, ""},
      {"xlsx_text", "seed-two-sheets.xlsx", WriteZip(xlsx), xlsx_text},
      {"xlsx_text", "seed-parts.xml", xlsx_parts, ""},
  };
}

// REGDIFF_WRITE_FUZZ_SEEDS=1 rewrites the seeds from the table above; without
// it, each committed archive seed must still read to its text.
TEST(OfficeFuzzSeeds, EachArchiveSeedReadsToItsText) {
  using regdiff::testing::FixturesDir;
  const bool write = std::getenv("REGDIFF_WRITE_FUZZ_SEEDS") != nullptr;
  for (const Seed& seed : FuzzSeeds()) {
    SCOPED_TRACE(seed.file);
    const std::string path = FixturesDir() + "/fuzz/" + seed.target + "/" + seed.file;
    if (write) regdiff::testing::WriteFileOrDie(path, seed.bytes);
    if (seed.text.empty()) continue;
    EXPECT_EQ(seed.target == "docx_text" ? DocxText(seed.bytes) : XlsxText(seed.bytes), seed.text);
    const std::string committed = regdiff::testing::ReadFileOrDie(path);
    EXPECT_EQ(seed.target == "docx_text" ? DocxText(committed) : XlsxText(committed), seed.text);
  }
}

}  // namespace
}  // namespace regdiff::ingest
