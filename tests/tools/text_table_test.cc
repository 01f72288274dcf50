// The read commands' tables: columns line up on a terminal however wide the
// characters are (a Chinese character takes two columns), and the same rows
// render as Markdown and CSV.
#include "tools/text_table.h"

#include <gtest/gtest.h>

namespace regdiff::tools {
namespace {

TEST(TextTable, DisplayWidthCountsWideCharactersTwice) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("1C909.a"), 7u);
  EXPECT_EQ(DisplayWidth("斯巴鲁"), 6u);
  EXPECT_EQ(DisplayWidth("ＳＵＢＡＲＵ"), 12u);  // full-width Latin
  EXPECT_EQ(DisplayWidth("钬 Ho"), 5u);
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(DisplayWidth("“”"), 2u);        // ambiguous width counts one
}

TEST(TextTable, TextColumnsLineUpWhateverTheScript) {
  Table table({"KEY", "NAME", "BY"});
  table.AddRow({"mofcom-2025-61#一(一)", "斯巴鲁株式会社", "mofcom-2026-12"});
  table.AddRow({"1C909.a", "Holmium", "mofcom-gacc-2025-57"}, "自2025年11月8日起正式实施");
  const std::string text = table.RenderText();
  EXPECT_EQ(text,
            "KEY                   NAME           BY\n"
            "mofcom-2025-61#一(一) 斯巴鲁株式会社 mofcom-2026-12\n"
            "1C909.a               Holmium        mofcom-gacc-2025-57\n"
            "    \u00bb 自2025年11月8日起正式实施\n");
  // Every row's third column starts at the same display column.
  size_t start = std::string::npos;
  for (size_t line_begin = 0, i = 0; i < 3; ++i) {
    const size_t end = text.find('\n', line_begin);
    const std::string line = text.substr(line_begin, end - line_begin);
    const size_t by = line.rfind(' ');
    const size_t column = DisplayWidth(line.substr(0, by + 1));
    if (start == std::string::npos) start = column;
    EXPECT_EQ(column, start) << line;
    line_begin = end + 1;
  }
}

TEST(TextTable, NumbersCanEndInLine) {
  Table table({"ID", "ITEMS", "TITLE"}, "  ");
  table.AlignRight(1);
  table.AddRow({"mofcom-gacc-2025-18", "21", "关于对钐、钆等相关物项实施出口管制的公告"});
  table.AddRow({"mofcom-2026-11", "0", "Japanese entities"});
  EXPECT_EQ(table.RenderText(),
            "ID                   ITEMS  TITLE\n"
            "mofcom-gacc-2025-18     21  关于对钐、钆等相关物项实施出口管制的公告\n"
            "mofcom-2026-11           0  Japanese entities\n");
  // Markdown and CSV are not padded.
  EXPECT_EQ(table.RenderCsv().substr(0, 15), "ID,ITEMS,TITLE\r");
}

TEST(TextTable, MarkdownAndCsvCarryTheSameRows) {
  Table table({"CODE", "NAME"});
  table.AddRow({"1C909.a", "a|b, \"c\""}, "a note only text shows");
  EXPECT_EQ(table.RenderMarkdown(),
            "| CODE | NAME |\n|---|---|\n| 1C909.a | a\\|b, \"c\" |\n");
  EXPECT_EQ(table.RenderCsv(), "CODE,NAME\r\n1C909.a,\"a|b, \"\"c\"\"\"\r\n");
  EXPECT_EQ(table.RenderText(/*headers=*/false), "1C909.a a|b, \"c\"\n    \u00bb a note only text shows\n");
}

TEST(TextTable, FormatNames) {
  TableFormat f = TableFormat::kText;
  EXPECT_TRUE(ParseTableFormat("md", &f));
  EXPECT_EQ(f, TableFormat::kMarkdown);
  EXPECT_TRUE(ParseTableFormat("csv", &f));
  EXPECT_EQ(f, TableFormat::kCsv);
  EXPECT_FALSE(ParseTableFormat("xml", &f));
}

}  // namespace
}  // namespace regdiff::tools
