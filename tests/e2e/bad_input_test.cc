// `regdiff ingest` on bad input: every bad file gets one line on stderr that
// names it and the reason, the batch goes on with the other files, the exit
// status is non-zero when a file failed, and the database never holds a
// partial document.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corpus/store.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

// Our own short announcement, used as the good file of every batch.
const char kGood[] =
    "商务部 海关总署公告2025年第57号\n"
    "一、钬相关物项\n"
    "（一）1C909.a 金属钬、含钬的合金及相关制品（参考税则号列：28053019）。\n"
    "二、本公告自2025年11月8日起正式实施。\n";

class BadInputTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    good_ = WriteInput("good.txt", kGood);
  }

  int64_t Documents() { return Counts().documents; }

  // Exactly one stderr line names `path` and contains `reason`.
  void ExpectOneLine(const RunResult& r, const std::string& path, const std::string& reason) {
    const std::vector<std::string> lines = LinesContaining(r.err, path);
    EXPECT_EQ(lines.size(), 1u) << r.err;
    for (const std::string& line : lines) EXPECT_NE(line.find(reason), std::string::npos) << line;
  }

  // The good file of the batch was ingested.
  void ExpectGoodIngested(const RunResult& r) {
    EXPECT_NE(r.out.find("mofcom-gacc-2025-57"), std::string::npos) << r.out << r.err;
  }

  std::string good_;
};

TEST_F(BadInputTest, MissingPathIsReportedAndTheBatchGoesOn) {
  std::string missing = dir_ + "/in/no-such-file.html";
  RunResult r = Ingest({missing, good_});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, missing, "no such file");
  ExpectGoodIngested(r);
  EXPECT_EQ(Documents(), 1);
}

TEST_F(BadInputTest, EmptyFileIsReported) {
  std::string empty = WriteInput("empty.html", "");
  RunResult r = Ingest({empty, good_});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, empty, "empty");
  ExpectGoodIngested(r);
  EXPECT_EQ(Documents(), 1);
}

TEST_F(BadInputTest, BinaryJunkIsReported) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
  std::string path = WriteInput("junk.html", junk);
  RunResult r = Ingest({path, good_});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, path, "binary");
  ExpectGoodIngested(r);
  EXPECT_EQ(Documents(), 1);
}

TEST_F(BadInputTest, InvalidUtf8IsDecodedWithReplacementsAndReported) {
  std::string bytes = std::string(kGood);
  bytes.insert(bytes.find("一、"), "\xff\xfe\xc3(");  // invalid sequences
  std::string path = WriteInput("invalid-utf8.txt", bytes);
  RunResult r = Ingest({path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectOneLine(r, path, "invalid byte");
  EXPECT_NE(r.out.find("mofcom-gacc-2025-57"), std::string::npos);
}

TEST_F(BadInputTest, ADeclaredCharsetThatLiesIsOverruledAndReported) {
  std::string html = std::string("<html><head><meta charset=\"gb2312\"></head><body><p>") +
                     "商务部 海关总署公告2025年第57号</p><p>一、钬相关物项</p><p>"
                     "（一）1C909.a 金属钬（参考税则号列：28053019）。</p></body></html>";
  std::string path = WriteInput("lying.html", html);  // UTF-8 bytes, gb2312 declared
  RunResult r = Ingest({path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectOneLine(r, path, "declared");
  EXPECT_NE(r.out.find("mofcom-gacc-2025-57"), std::string::npos) << r.out;
}

TEST_F(BadInputTest, TruncatedHtmlKeepsWhatIsThere) {
  std::string html = std::string("<html><head><title>公告</title></head><body><div class=\"art-con\">") +
                     "<p>商务部 海关总署公告2025年第57号</p><p>一、钬相关物项</p>"
                     "<p>（一）1C909.a 金属钬（参考税则号列：28053019）。</p><p>（二）1C909.b 氧化";
  std::string path = WriteInput("truncated.html", html);
  RunResult r = Ingest({path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult show = RunRegdiff({"--db", db_, "show", "2025-57"});
  EXPECT_NE(show.out.find("1C909.a"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("1C909.b"), std::string::npos) << show.out;
}

TEST_F(BadInputTest, FiftyMegabyteFileIsRefusedAsTooLarge) {
  std::string big(50u << 20, 'x');
  std::string path = WriteInput("huge.html", big);
  RunResult r = Ingest({path, good_});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, path, "too large");
  ExpectGoodIngested(r);
  EXPECT_EQ(Documents(), 1);
}

TEST_F(BadInputTest, DirectoryWithoutAnnouncementsReportsEachFile) {
  std::string a = WriteInput("notes/a.html", "<html><body><p>今天天气很好。</p></body></html>");
  std::string b = WriteInput("notes/b.txt", "Meeting at ten.\n");
  WriteInput("notes/c.png", "\x89PNG\r\n");
  RunResult r = Ingest({dir_ + "/in/notes"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, a, "not an announcement");
  ExpectOneLine(r, b, "not an announcement");
  EXPECT_NE(r.err.find("1 skipped"), std::string::npos) << r.err;
  EXPECT_EQ(Documents(), 0);
}

TEST_F(BadInputTest, DirectoryWithNoAnnouncementFilesAtAllFails) {
  WriteInput("pictures/only.png", "\x89PNG\r\n");
  RunResult r = Ingest({dir_ + "/in/pictures"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no announcement files"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace regdiff::testing
