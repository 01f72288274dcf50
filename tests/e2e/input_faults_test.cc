// Faults of reading input (issue #21): special files named to `parse`
// refused at once, never read or waited on, and noted (not failed) in a
// directory walk; standard input still read from a pipe; Big5 bytes under a
// GBK declaration read as Big5 with a warning saying why; and a batch of
// `ingest` lost whole to one document's fault stored again file by file, so
// that only that document fails.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "corpus/sqlite.h"
#include "corpus/store.h"
#include "tests/e2e/child_process.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

// Runs `regdiff ARGS...`, killing it if it has not ended within `limit`.
// nullopt: it had to be killed.
std::optional<ChildExit> RunWithin(const std::vector<std::string>& args, const std::string& dir,
                                   std::chrono::milliseconds limit, std::string* err) {
  ChildProcess child = SpawnRegdiff(args, dir + "/out", dir + "/err");
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::optional<ChildExit> result;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(child.pid, &status, WNOHANG) == child.pid) {
      ChildExit e;
      e.signaled = WIFSIGNALED(status);
      e.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      result = e;
      child.pid = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!result) KillChild(child);
  *err = ReadFileOrDie(dir + "/err");
  return result;
}

// A small announcement of our own, numbered `number`.
std::string Announcement(int number) {
  return "商务部公告2025年第" + std::to_string(number) +
         "号\n一、钬相关物项\n（一）1C909.a 金属钬及其制品（参考海关商品编号：28053019）。\n"
         "本公告自2025年11月8日起正式实施。\n";
}

class InputFaultsTest : public DbFixture {};

TEST_F(InputFaultsTest, ParseRefusesAFifoAtOnceNamingIt) {
  const std::string fifo = dir_ + "/pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  std::string err;
  // No writer ever opens the FIFO: opening it to read used to block forever.
  std::optional<ChildExit> e = RunWithin({"parse", fifo}, dir_, std::chrono::seconds(10), &err);
  ASSERT_TRUE(e.has_value()) << "regdiff parse FIFO hung";
  EXPECT_EQ(e->code, 1);
  EXPECT_NE(err.find(fifo + ": I/O error: is a FIFO, not a regular file"), std::string::npos)
      << err;
}

TEST_F(InputFaultsTest, ParseRefusesACharacterDeviceWithoutReadingIt) {
  RunResult r = Regdiff({"parse", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 1);
  // It used to read 16 MiB of zeros and then call the file too large.
  EXPECT_NE(r.err.find("/dev/zero: I/O error: is a character device, not a regular file"),
            std::string::npos)
      << r.err;
}

TEST_F(InputFaultsTest, ParseStillReadsStandardInputFromAPipe) {
  const std::string file = WriteInput("a.txt", Announcement(7));
  const std::string command = "cat '" + file + "' | NO_COLOR=1 '" + RegdiffBinary() +
                              "' parse - 2>&1";
  const RunResult r = RunShell(command);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("mofcom-2025-7"), std::string::npos) << r.out;
}

TEST_F(InputFaultsTest, IngestNotesAFifoInADirectoryAndGoesOn) {
  WriteInput("a.txt", Announcement(7));
  ASSERT_EQ(mkfifo((dir_ + "/in/pipe.txt").c_str(), 0644), 0);
  RunResult r = Ingest({dir_ + "/in"}, {"-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(dir_ + "/in/pipe.txt: skipped: is a FIFO, not a regular file"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Counts().documents, 1);
}

// `utf8` in Big5, made by ICU at test time.
std::string InBig5(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::u16string utf16(utf8.size() + 1, u'\0');
  int32_t units = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &units, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  icu::LocalUConverterPointer conv(ucnv_open("big5", &status));
  ucnv_setFromUCallBack(conv.getAlias(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_fromUChars(conv.getAlias(), out.data(),
                                    static_cast<int32_t>(out.size()), utf16.data(), units, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(U_SUCCESS(status) ? static_cast<size_t>(n) : 0);
  return out;
}

TEST_F(InputFaultsTest, Big5BytesDeclaredGbkAreParsedWithAWarningSayingWhy) {
  const std::string body =
      "<p>商務部 海關總署公告2025年第57號</p>\n"
      "<p>關於對鈥等稀土相關物項實施出口管制的公告</p>\n"
      "<p>根據《中華人民共和國出口管制法》有關規定，為維護國家安全和利益，決定對下列物項實施出口管制。</p>\n"
      "<p>（一）1C909.a 金屬鈥、鈥合金及其製品（參考海關商品編號：28053019）。</p>\n"
      "<p>本公告自2025年11月8日起正式實施。</p>\n";
  const std::string declared = WriteInput(
      "declared.html", InBig5("<html><head><meta charset=\"gbk\"></head><body>\n" + body +
                              "</body></html>\n"));
  const std::string undeclared =
      WriteInput("undeclared.html", InBig5("<html><body>\n" + body + "</body></html>\n"));
  RunResult with = Regdiff({"parse", declared, "--json"});
  RunResult without = Regdiff({"parse", undeclared, "--json"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  // It used to be "not an announcement", with no word about the charset.
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_NE(with.out.find("1C909.a"), std::string::npos);
  EXPECT_NE(with.err.find("declared gbk, read as big5: "), std::string::npos) << with.err;
  EXPECT_NE(with.err.find("trail byte below 0xA1"), std::string::npos) << with.err;
}

TEST_F(InputFaultsTest, ADocumentWhoseWriteRollsBackTheBatchFailsAlone) {
  constexpr int kFiles = 10;
  for (int i = 1; i <= kFiles; ++i) {
    std::string name = "a";
    name += std::to_string(100 + i);
    name += ".txt";
    WriteInput(name, Announcement(i));
  }
  // The fault: a trigger that, for No. 7 only, rolls back the whole
  // transaction (as an I/O error or a full disk would), not just the
  // document's savepoint.
  {
    auto store = AnnouncementStore::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    Status s = db->Exec(
        "CREATE TRIGGER injected_fault BEFORE INSERT ON documents "
        "WHEN NEW.doc_id = 'mofcom-2025-7' "
        "BEGIN SELECT RAISE(ROLLBACK, 'injected fault'); END");
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  RunResult r = Ingest({dir_ + "/in"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // One file failed, named with the fault; the other nine were stored.
  const std::string bad = dir_ + "/in/a107.txt: ";
  EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("injected fault"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("9 new, 0 new version(s), 0 alias(es), 0 reparsed, 0 unchanged, 1 failed"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Counts().documents, kFiles - 1);
  for (int i = 1; i <= kFiles; ++i) {
    const std::string path = dir_ + "/in/a" + std::to_string(100 + i) + ".txt";
    const bool listed = r.out.find(path) != std::string::npos;
    EXPECT_EQ(listed, i != 7) << path << "\n" << r.out;
  }
}

}  // namespace
}  // namespace regdiff::testing
