// `regdiff ingest` on hostile input: each limit (nesting depth, line length,
// items per document, NUL bytes) is reported as a named error on one stderr
// line naming the file while the batch goes on; pages with external entities
// are stored without anything being read from disk; special files and paths
// through a file are refused without hanging.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/store.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

const char kGood[] =
    "商务部 海关总署公告2025年第18号\n"
    "一、钐相关物项\n"
    "（一）1C902.a 金属钐、钐合金及钐靶材（参考海关商品编号：2805301910）。\n"
    "二、本公告自公布之日起正式实施。\n"
    "2025年4月4日\n";

const char kItem[] = "<p>（一）1C909.a 金属钬、含钬的合金及相关制品（参考税则号列：28053019）。</p>";

class HostileInputTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    good_ = WriteInput("good.txt", kGood);
  }

  RunResult Ingest(const std::vector<std::string>& paths) { return DbFixture::Ingest(paths, {"-q"}); }

  int64_t Documents() { return Counts().documents; }

  // Exactly one stderr line names `path`, and it contains every one of `words`.
  static void ExpectOneLine(const RunResult& r, const std::string& path,
                            const std::vector<std::string>& words) {
    const std::vector<std::string> lines = LinesContaining(r.err, path + ":");
    EXPECT_EQ(lines.size(), 1u) << r.err;
    for (const std::string& line : lines)
      for (const std::string& w : words) EXPECT_NE(line.find(w), std::string::npos) << line;
  }

  std::string good_;
};

TEST_F(HostileInputTest, EachLimitIsANamedErrorAndTheBatchGoesOn) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 300; ++i) deep += "<div>";
  deep += "<p>商务部 海关总署公告2025年第57号</p>" + std::string(kItem);
  const std::string deep_path = WriteInput("deep.html", deep + "</body></html>");

  const std::string long_path =
      WriteInput("long-line.txt", "商务部 海关总署公告2025年第57号\n" + std::string(70000, 'x') + "\n");

  std::string items = "商务部 海关总署公告2025年第57号\n一、钬相关物项\n";
  for (int i = 0; i < 10001; ++i) {
    items += std::to_string(i % 10) + "C" + std::to_string(100 + (i / 26) % 900) + "." +
             static_cast<char>('a' + i % 26) + " 金属钬（参考税则号列：28053019）。\n";
  }
  const std::string items_path = WriteInput("items.txt", items);

  std::string nul = kGood;
  nul.insert(nul.find("二、"), std::string(1, '\0'));
  const std::string nul_path = WriteInput("nul.txt", nul);

  RunResult r = Ingest({deep_path, long_path, items_path, nul_path, good_});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, deep_path, {"too large", "nesting"});
  ExpectOneLine(r, long_path, {"too large", "line 2", "bytes per line"});
  ExpectOneLine(r, items_path, {"too large", "10001 items"});
  ExpectOneLine(r, nul_path, {"binary", "NUL"});
  EXPECT_EQ(Documents(), 1);  // the good file, nothing of the others
  RunResult list = RunRegdiff({"--db", db_, "list"});
  EXPECT_NE(list.out.find("mofcom-gacc-2025-18"), std::string::npos) << list.out;
}

TEST_F(HostileInputTest, ExternalEntitiesAreStoredUnexpanded) {
  const std::string path =
      WriteInput("xxe.html", ReadFileOrDie(FixturesDir() + "/hostile/xxe.html"));
  const std::string laughs =
      WriteInput("laughs.html", ReadFileOrDie(FixturesDir() + "/hostile/billion_laughs.html"));
  RunResult r = Ingest({path, laughs});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult search = RunRegdiff({"--db", db_, "search", "root:"});
  EXPECT_EQ(search.out.find("root:"), std::string::npos) << search.out;
  RunResult show = RunRegdiff({"--db", db_, "show", "2025-57", "--json"});
  EXPECT_NE(show.out.find("1C909.a"), std::string::npos) << show.out << show.err;
  EXPECT_EQ(show.out.find("lollol"), std::string::npos);
  EXPECT_LT(fs::file_size(db_), 4u << 20);  // nothing was expanded into the store
}

TEST_F(HostileInputTest, SpecialFilesAndPathsThroughAFileAreRefusedWithoutHanging) {
  const std::string fifo = dir_ + "/in/pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  const std::string through_file = good_ + "/child.txt";
  RunResult r = Ingest({fifo, "/dev/zero", through_file, good_});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneLine(r, fifo, {"not a regular file"});
  ExpectOneLine(r, "/dev/zero", {"not a regular file"});
  ExpectOneLine(r, through_file, {"I/O error"});
  EXPECT_EQ(Documents(), 1);
  // In a directory walk a FIFO is skipped, never opened.
  RunResult walk = Ingest({dir_ + "/in"});
  EXPECT_EQ(walk.exit_code, 0) << walk.err;
}

}  // namespace
}  // namespace regdiff::testing
