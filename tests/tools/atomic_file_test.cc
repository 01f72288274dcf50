// AtomicFile: the target is replaced whole on Commit, or left exactly as it
// was, and no temporary outlives the writer.
#include "tools/atomic_file.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace regdiff::tools {
namespace {

using regdiff::testing::MakeTempDir;
using regdiff::testing::ReadFileOrDie;
using regdiff::testing::WriteFileOrDie;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The names in the directory, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  static mode_t ModeOf(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
  }

  std::string dir_;
};

TEST_F(AtomicFileTest, CommitReplacesTheTargetWhole) {
  const std::string path = dir_ + "/rules.json";
  WriteFileOrDie(path, "old");
  auto file = AtomicFile::Create(path);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  file->Write("new ");
  EXPECT_EQ(ReadFileOrDie(path), "old") << "nothing shows before Commit";
  file->Write("bytes");
  ASSERT_TRUE(file->Commit().ok());
  EXPECT_EQ(ReadFileOrDie(path), "new bytes");
  EXPECT_EQ(Names(), std::vector<std::string>{"rules.json"});
}

TEST_F(AtomicFileTest, AWriterDroppedBeforeCommitLeavesTheTargetAndNoTemporary) {
  const std::string path = dir_ + "/report.html";
  WriteFileOrDie(path, "old");
  {
    auto file = AtomicFile::Create(path);
    ASSERT_TRUE(file.ok());
    file->Write("half a report");
    EXPECT_EQ(Names().size(), 2u) << "the temporary is beside the target";
  }  // a command error after output started
  EXPECT_EQ(ReadFileOrDie(path), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"report.html"});
}

TEST_F(AtomicFileTest, AFailedWriteLeavesTheTargetAsItWasAndNoTemporary) {
  const std::string path = dir_ + "/rules.csv";
  WriteFileOrDie(path, "old");
  // Writes past RLIMIT_FSIZE fail with EFBIG (SIGXFSZ ignored), as on a full disk.
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto* old_handler = signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  Status status;
  {
    auto file = AtomicFile::Create(path);
    if (file.ok()) {
      file->Write(std::string(64 * 1024, 'x'));
      status = file->Commit();
    } else {
      status = file.status();
    }
  }
  setrlimit(RLIMIT_FSIZE, &saved);
  signal(SIGXFSZ, old_handler);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.ToString().find("cannot write " + path + ": File too large"), std::string::npos)
      << status.ToString();
  EXPECT_EQ(ReadFileOrDie(path), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"rules.csv"});
}

TEST_F(AtomicFileTest, ALinkAtAnyOldTemporaryNameIsLeftAlone) {
  const std::string victim = dir_ + "/victim";
  const std::string path = dir_ + "/out";
  WriteFileOrDie(victim, "precious");
  std::filesystem::create_symlink(victim, path + ".tmp");
  std::filesystem::create_symlink(victim, path + ".tmp." + std::to_string(getpid()));
  ASSERT_TRUE(WriteFileAtomically(path, "answer").ok());
  EXPECT_EQ(ReadFileOrDie(victim), "precious");
  EXPECT_EQ(ReadFileOrDie(path), "answer");
  EXPECT_FALSE(std::filesystem::is_symlink(path));
  EXPECT_EQ(Names().size(), 4u) << "out, the two links, the victim";
}

TEST_F(AtomicFileTest, KeepsTheModeOfTheFileItReplacesElseTheUmasksDefault) {
  const mode_t umask_now = umask(022);
  umask(umask_now);
  const std::string fresh = dir_ + "/fresh";
  ASSERT_TRUE(WriteFileAtomically(fresh, "x").ok());
  EXPECT_EQ(ModeOf(fresh), 0666u & ~umask_now);
  for (mode_t mode : {0600u, 0640u, 0664u}) {
    const std::string kept = dir_ + "/kept";
    WriteFileOrDie(kept, "old");
    ASSERT_EQ(chmod(kept.c_str(), mode), 0);
    ASSERT_TRUE(WriteFileAtomically(kept, "new").ok());
    EXPECT_EQ(ModeOf(kept), mode);
    EXPECT_EQ(ReadFileOrDie(kept), "new");
  }
}

TEST_F(AtomicFileTest, AMissingDirectoryOrADeviceIsAnErrorThatCreatesNothing) {
  EXPECT_EQ(WriteFileAtomically(dir_ + "/missing/f", "x").code(), Status::Code::kIoError);
  EXPECT_EQ(WriteFileAtomically(dir_, "x").code(), Status::Code::kIoError);
  EXPECT_EQ(Names(), std::vector<std::string>{});
  const Status device = WriteFileAtomically("/dev/null", "x");
  EXPECT_EQ(device.code(), Status::Code::kIoError);
  EXPECT_NE(device.ToString().find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace regdiff::tools
