// Where regdiff's answers go, when that goes wrong: standard output on a full
// device (/dev/full) or a pipe whose reader quit, an --out file whose write
// fails or whose temporary name holds a planted symbolic link, and CSV cells
// a spreadsheet would run as formulas.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/child_process.h"
#include "tests/e2e/db_fixture.h"
#include "tests/e2e/run_regdiff.h"
#include "tests/e2e/samples_db.h"
#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

struct Outcome {
  bool signaled = false;
  int code = -1;    // exit status when !signaled
  int signal = 0;   // the signal that ended it when signaled
  std::string err;  // standard error
};

// How a run is set up before regdiff starts.
struct RunSetup {
  int stdout_fd = -1;            // descriptor 1
  bool ignore_sigpipe = false;   // as under a pager, or a parent that ignores it
  rlim_t file_size_limit = 0;    // RLIMIT_FSIZE (SIGXFSZ ignored); 0 for none
};

// Runs `regdiff ARGS...` with NO_COLOR=1, stdin /dev/null and standard
// output on setup.stdout_fd; standard error is read back.
Outcome RunWith(const std::vector<std::string>& args, const RunSetup& setup) {
  RegdiffExec exec;
  exec.Build(args);
  const std::string dir = MakeTempDir();
  const std::string err_path = dir + "/stderr";

  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || err < 0) _exit(126);
    dup2(in, 0);
    dup2(setup.stdout_fd, 1);
    dup2(err, 2);
    signal(SIGPIPE, setup.ignore_sigpipe ? SIG_IGN : SIG_DFL);
    if (setup.file_size_limit != 0) {
      signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG
      rlimit limit{setup.file_size_limit, setup.file_size_limit};
      if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    execve(exec.argv[0], exec.argv.data(), exec.envp.data());
    _exit(127);
  }
  Outcome outcome;
  int status = 0;
  pid_t got;
  do {
    got = waitpid(pid, &status, 0);
  } while (got < 0 && errno == EINTR);
  if (WIFSIGNALED(status)) {
    outcome.signaled = true;
    outcome.signal = WTERMSIG(status);
  } else if (WIFEXITED(status)) {
    outcome.code = WEXITSTATUS(status);
  }
  outcome.err = ReadFileOrDie(err_path);
  std::filesystem::remove_all(dir);
  return outcome;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string Sample57() { return SamplesDir() + "/mofcom-gacc-2025-57.zh.html"; }

class StandardOutputTest : public SamplesDbSuite {
 protected:
  // Every command's ways of writing: tables, JSON written as it is read,
  // rule files, reports, help.
  static std::vector<std::vector<std::string>> Commands() {
    return {
        {"list"},
        {"list", "--json"},
        {"show", "2025-57"},
        {"show", "2025-57", "--json"},
        {"parse", Sample57()},
        {"parse", Sample57(), "--json"},
        {"search", "钬"},
        {"asof", "2025-12-01"},
        {"asof", "2025-12-01", "--json"},
        {"asof", "2025-12-01", "--items-only", "--format", "csv"},
        {"timeline", "1C909"},
        {"diff", "2025-18", "2025-57"},
        {"diff", "2025-18", "2025-57", "--format", "json"},
        {"diff", "--asof", "2025-10-01", "--asof", "2025-12-01", "--format", "html"},
        {"query", "--hs", "28053019", "--date", "2025-12-01"},
        {"query", "--hs", "00000000", "--date", "2025-12-01"},
        {"export", "--as-of", "2025-12-01"},
        {"export", "--as-of", "2025-12-01", "--format", "csv"},
        {"export", "--delta", "2025-01-01", "2025-12-01", "--format", "jsonl"},
        {"export", "--parties", "--as-of", "2026-03-01"},
        {"forget", "2025-57", "--dry-run"},
        {"completion", "bash"},
        {"man"},
        {"help"},
        {"list", "--help"},
        {"--version"},
    };
  }

  static Outcome Run(std::vector<std::string> args, const RunSetup& setup) {
    args.insert(args.begin(), {"--db", Db()});
    return RunWith(args, setup);
  }
};

// `export > /dev/full` used to exit 0; a full disk wrote 8,192 of 34,535
// bytes and exited 0.
TEST_F(StandardOutputTest, AFullDeviceIsAnErrorSaidOnceForEveryCommand) {
  const int full = open("/dev/full", O_WRONLY | O_CLOEXEC);
  if (full < 0) GTEST_SKIP() << "no /dev/full on this system";
  for (const std::vector<std::string>& args : Commands()) {
    std::string shown;
    for (const std::string& a : args) shown.append(a).append(" ");
    const Outcome r = Run(args, {full, false, 0});
    EXPECT_FALSE(r.signaled) << shown << "signal " << r.signal;
    EXPECT_EQ(r.code, 2) << shown << r.err;
    EXPECT_EQ(Occurrences(r.err, "cannot write standard output: No space left on device"), 1u)
        << shown << r.err;
    EXPECT_EQ(Occurrences(r.err, "regdiff: "), 1u) << shown << "one message:\n" << r.err;
  }
  close(full);
}

// A reader that quit (`| head`, a pager closed early) is no error: nothing on
// stderr, the status a shell shows for a process killed by SIGPIPE, whether
// regdiff dies of the signal or (SIGPIPE ignored, as under the pager) sees
// EPIPE.
TEST_F(StandardOutputTest, AClosedPipeEndsQuietlyAsSigpipeWould) {
  for (bool ignore_sigpipe : {true, false}) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"asof", "2025-12-01", "--json"},
                                               {"list"},
                                               {"export", "--as-of", "2025-12-01"},
                                               {"query", "--hs", "28053019"}}) {
      int fds[2];
      ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
      close(fds[0]);  // the reader is gone before regdiff writes
      const Outcome r = Run(args, {fds[1], ignore_sigpipe, 0});
      close(fds[1]);
      const std::string shown = args[0] + (ignore_sigpipe ? " (SIGPIPE ignored)" : "");
      EXPECT_EQ(r.err, "") << shown;
      if (ignore_sigpipe) {
        EXPECT_FALSE(r.signaled) << shown;
        EXPECT_EQ(r.code, 141) << shown;
      } else {
        EXPECT_TRUE((r.signaled && r.signal == SIGPIPE) || r.code == 141)
            << shown << ": signal " << r.signal << ", exit " << r.code;
      }
    }
  }
}

TEST_F(StandardOutputTest, OutputThatFitsStillExitsWithTheCommandsAnswer) {
  const std::string dir = MakeTempDir();
  const int file = open((dir + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(file, 0);
  EXPECT_EQ(Run({"query", "--hs", "00000000", "--date", "2025-12-01"}, {file, false, 0}).code, 1);
  EXPECT_EQ(Run({"diff", "2025-18", "2025-57"}, {file, false, 0}).code, 1);
  EXPECT_EQ(Run({"list"}, {file, false, 0}).code, 0);
  close(file);
  EXPECT_NE(ReadFileOrDie(dir + "/out").find("mofcom-gacc-2025-57"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The names in `dir`, sorted.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class OutFileTest : public SamplesDbSuite {};

// `export --out F` wrote through F.tmp: a symbolic link planted there sent
// the rule file into the file it named (and left F a link to it).
TEST_F(OutFileTest, ALinkPlantedAtTheOldTemporaryNameIsNeverWrittenThrough) {
  const std::string dir = MakeTempDir();
  const std::string victim = dir + "/victim";
  const std::string out = dir + "/rules.json";
  WriteFileOrDie(victim, "precious\n");
  for (const std::string& planted : {out + ".tmp", out + ".tmp." + std::to_string(getpid())}) {
    std::filesystem::create_symlink(victim, planted);
  }
  RunResult r = Run({"export", "--as-of", "2025-12-01", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFileOrDie(victim), "precious\n");
  EXPECT_FALSE(std::filesystem::is_symlink(out));
  EXPECT_NE(ReadFileOrDie(out).find("\"schema\""), std::string::npos);
  r = Run({"diff", "2025-18", "2025-57", "--format", "markdown", "--out", out});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(ReadFileOrDie(victim), "precious\n");
  std::filesystem::remove_all(dir);
}

// A write that fails part way (here: past RLIMIT_FSIZE, as on a full disk)
// used to leave F.tmp behind; now F is as it was and nothing else is there.
TEST_F(OutFileTest, AFailedWriteLeavesTheOldFileAsItWasAndNoTemporary) {
  const std::string dir = MakeTempDir();
  const std::string out = dir + "/report";
  const std::string old = "the old report, which must survive\n";
  // Past SQLite's 32 KiB shared-memory file (or the database will not
  // open), short of each answer (checked below).
  const rlim_t limit = 34 * 1024;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"export", "--as-of", "2025-12-01", "--out", out},
           {"export", "--delta", "2024-01-01", "2026-11-11", "--out", out},
           {"diff", "2025-18", "2025-57", "--format", "html", "--text", "--out", out},
       }) {
    WriteFileOrDie(out, old);
    ASSERT_EQ(chmod(out.c_str(), 0640), 0);
    const int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    std::vector<std::string> with_db = {"--db", Db()};
    with_db.insert(with_db.end(), args.begin(), args.end());
    const Outcome r = RunWith(with_db, {devnull, false, limit});
    close(devnull);
    EXPECT_EQ(r.code, 2) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("cannot write " + out + ": File too large"), std::string::npos)
        << args[0] << ": " << r.err;
    EXPECT_EQ(ReadFileOrDie(out), old) << args[0];
    EXPECT_EQ(Names(dir), std::vector<std::string>{"report"}) << args[0];
    // Without the limit the same command replaces it, keeping its mode.
    RunResult ok = Run(args);
    EXPECT_LE(ok.exit_code, 1) << ok.err;
    EXPECT_GT(ReadFileOrDie(out).size(), limit) << args[0] << ": the limit must bite";
    struct stat st {};
    ASSERT_EQ(stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u) << args[0];
    EXPECT_EQ(Names(dir), std::vector<std::string>{"report"}) << args[0];
  }
  std::filesystem::remove_all(dir);
}

// Item and party names that are formulas, as a hostile page could carry
// them: every CSV regdiff writes gives them a leading quote.
class CsvInjectionTest : public DbFixture {
 protected:
  void SetUp() override {
    DbFixture::SetUp();
    const std::string items =
        "商务部 海关总署公告2025年第57号\n"
        "关于对部分中重稀土相关物项实施出口管制的公告\n"
        "为维护国家安全和利益，依照有关法律规定，经国务院批准，决定对下列物项实施出口管制。"
        "有关事项公告如下：\n"
        "一、钬相关物项\n"
        "（一）1C909.a =HYPERLINK(\"http://evil.example/\",\"点击\")（参考海关商品编号：28053019）。\n"
        "（二）1C909.b +cmd|' /C calc'!A0。\n"
        "（三）1C909.c @SUM(1+1)*cmd|' /C calc'!A0。\n"
        "二、本公告自2025年11月8日起正式实施。\n"
        "商务部 海关总署\n"
        "2025年10月9日\n";
    // The watch-list sample with two more rows in its annex table.
    std::string parties = ReadFileOrDie(SamplesDir() + "/mofcom-2026-12.zh.html");
    const std::string row = "<tr><td>1</td><td>斯巴鲁株式会社</td><td>SUBARU Corporation</td></tr>";
    const size_t at = parties.find(row);
    ASSERT_NE(at, std::string::npos);
    parties.insert(at + row.size(),
                   "\n<tr><td>2</td><td>=HYPERLINK株式会社</td><td>@SUM Corporation</td></tr>"
                   "\n<tr><td>3</td><td>+cmd株式会社</td><td>-2+3 Corporation</td></tr>");
    RunResult r = Ingest({WriteInput("hostile-57.txt", items), WriteInput("hostile-12.html", parties)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(CsvInjectionTest, NoCellOfAnyCsvStartsAFormula) {
  const std::vector<std::string> kItems = {"'=HYPERLINK(", "'+cmd|", "'@SUM("};
  const std::vector<std::string> kParties = {"'=HYPERLINK株式会社", "'@SUM Corporation",
                                             "'+cmd株式会社"};
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> kCsvs = {
      {{"export", "--as-of", "2025-12-01", "--format", "csv"}, kItems},
      {{"export", "--as-of", "2025-12-01", "--format", "csv", "--excel"}, kItems},
      {{"export", "--delta", "2025-01-01", "2025-12-01", "--format", "csv"}, kItems},
      {{"export", "--parties", "--as-of", "2026-03-01", "--format", "csv"}, kParties},
      {{"export", "--parties", "--delta", "2026-01-01", "2026-03-01", "--format", "csv"}, kParties},
      {{"asof", "2026-03-01", "--parties-only", "--format", "csv"}, {"'=HYPERLINK株式会社"}},
      {{"asof", "2025-12-01", "--items-only", "--format", "csv"}, {}},
      {{"timeline", "1C909", "--format", "csv"}, {}},
  };
  // Python's csv module reads every file once (one interpreter: it is slow
  // to start on a loaded machine); no cell may start a formula, and the
  // hostile names must be there, neutralised. Each line of the list: a
  // file, then the cell prefixes it must hold, tab-separated.
  const std::string script =
      "import csv,io,sys\n"
      "fails=[]\n"
      "for line in open(sys.argv[1],encoding='utf-8'):\n"
      "  path,*prefixes=line.rstrip('\\n').split('\\t')\n"
      "  data=open(path,encoding='utf-8-sig',newline='').read()\n"
      "  cells=[c for row in csv.reader(io.StringIO(data,newline='')) for c in row]\n"
      "  bad=[c for c in cells if c[:1] in ('=','+','-','@','\\t','\\r')]\n"
      "  if bad: fails.append((path,'starts a formula',bad))\n"
      "  for p in prefixes:\n"
      "    if p and not any(c.startswith(p) for c in cells): fails.append((path,'missing',p))\n"
      "print(fails)\n"
      "sys.exit(1 if fails else 0)\n";
  const std::string py = dir_ + "/check.py";
  WriteFileOrDie(py, script);
  std::string list, outputs;
  for (size_t i = 0; i < kCsvs.size(); ++i) {
    const auto& [args, prefixes] = kCsvs[i];
    std::string shown;
    for (const std::string& a : args) shown.append(a).append(" ");
    RunResult r = Regdiff(args);
    ASSERT_EQ(r.exit_code, 0) << shown << r.err;
    const std::string csv = dir_ + "/" + std::to_string(i) + ".csv";
    WriteFileOrDie(csv, r.out);
    list.append(csv);
    for (const std::string& p : prefixes) list.append("\t").append(p);
    list.append("\n");
    outputs.append(shown).append(":\n").append(r.out);
  }
  WriteFileOrDie(dir_ + "/csvs", list);
  std::string cmd = "python3 ";
  cmd.append(ShellQuote(py)).append(" ").append(ShellQuote(dir_ + "/csvs"));
  cmd.append(" > ").append(ShellQuote(dir_ + "/py.out")).append(" 2>&1");
  EXPECT_EQ(std::system(cmd.c_str()), 0) << ReadFileOrDie(dir_ + "/py.out") << "\n" << outputs;
}

}  // namespace
}  // namespace regdiff::testing
