// Listing and reading input files.
#include "ingest/input_files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace regdiff::ingest {
namespace {

using regdiff::testing::MakeTempDir;
using regdiff::testing::WriteFileOrDie;

class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& relative) const { return dir_ + "/" + relative; }
  void Write(const std::string& relative, const std::string& bytes = "x") {
    WriteFileOrDie(Path(relative), bytes);
  }

  std::string dir_;
};

TEST_F(InputFilesTest, WalksDirectoriesSortedKeepingAnnouncementFiles) {
  for (const char* f : {"b.txt", "a.html", "sub/d.shtml", "sub/c.HTM", "notes.pdf", "sub/readme.md",
                        "list.XLSX", "old.doc", "photo.png", ".hidden.txt", ".git/config",
                        ".git/x.html"}) {
    Write(f);
  }
  InputFiles in = ListInputFiles({dir_});
  EXPECT_EQ(in.files, (std::vector<std::string>{Path("a.html"), Path("b.txt"), Path("list.XLSX"),
                                                Path("notes.pdf"), Path("old.doc"),
                                                Path("sub/c.HTM"), Path("sub/d.shtml")}));
  EXPECT_EQ(in.skipped, 2);  // readme.md, photo.png; dot files are not counted
  EXPECT_TRUE(in.errors.empty());
}

TEST_F(InputFilesTest, ExplicitFilesAreTakenWhateverTheirExtension) {
  Write("scan.pdf");
  Write("z.txt");
  Write("dir/a.htm");
  InputFiles in = ListInputFiles({Path("z.txt"), Path("scan.pdf"), Path("dir")});
  EXPECT_EQ(in.files,
            (std::vector<std::string>{Path("z.txt"), Path("scan.pdf"), Path("dir/a.htm")}));
  EXPECT_EQ(in.skipped, 0);
}

TEST_F(InputFilesTest, MissingPathIsAnErrorEntry) {
  Write("a.txt");
  InputFiles in = ListInputFiles({Path("missing.html"), Path("a.txt")});
  EXPECT_EQ(in.files, std::vector<std::string>{Path("a.txt")});
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_EQ(in.errors[0].first, Path("missing.html"));
  EXPECT_EQ(in.errors[0].second.code(), Status::Code::kIoError);
  EXPECT_EQ(in.errors[0].second.message(), "no such file or directory");
}

TEST_F(InputFilesTest, ReadsWholeFileIncludingNulBytes) {
  std::string bytes("商务部\0公告", 16);
  Write("a.txt", bytes);
  Result<std::string> r = ReadFileBytes(Path("a.txt"), 1024);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, bytes);
}

TEST_F(InputFilesTest, ReadRejectsFilesOverTheLimit) {
  Write("big.txt", std::string(10, 'x'));
  Result<std::string> r = ReadFileBytes(Path("big.txt"), 5);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(r.status().message().find("file is 10 bytes, over the 5-byte limit"), std::string::npos)
      << r.status().message();
  EXPECT_TRUE(ReadFileBytes(Path("big.txt"), 10).ok());
}

TEST_F(InputFilesTest, ReadErrors) {
  std::filesystem::create_directories(Path("sub"));
  for (const std::string& path : {Path("missing.txt"), Path("sub")}) {
    Result<std::string> r = ReadFileBytes(path, 1024);
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.status().code(), Status::Code::kIoError) << path;
  }
}

TEST_F(InputFilesTest, ACharacterDeviceIsRefusedBeforeAByteIsRead) {
  // /dev/zero never ends: it used to be read up to the limit, then refused.
  Result<std::string> r = ReadFileBytes("/dev/zero", size_t{1} << 30);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIoError);
  EXPECT_EQ(r.status().message(), "is a character device, not a regular file");
}

TEST_F(InputFilesTest, ADirectoryIsRefusedByName) {
  std::filesystem::create_directories(Path("sub"));
  Result<std::string> r = ReadFileBytes(Path("sub"), 1024);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "is a directory, not a regular file");
}

TEST_F(InputFilesTest, SpecialFilesNamedOrMetInAWalkSayWhatTheyAre) {
  Write("a.txt");
  ASSERT_EQ(mkfifo(Path("pipe.txt").c_str(), 0644), 0);
  InputFiles walked = ListInputFiles({dir_});
  EXPECT_EQ(walked.files, std::vector<std::string>{Path("a.txt")});
  EXPECT_TRUE(walked.errors.empty());
  EXPECT_EQ(walked.skipped, 1);
  ASSERT_EQ(walked.special.size(), 1u);
  EXPECT_EQ(walked.special[0].first, Path("pipe.txt"));
  EXPECT_EQ(walked.special[0].second, "is a FIFO");

  InputFiles named = ListInputFiles({Path("pipe.txt"), "/dev/null"});
  EXPECT_TRUE(named.files.empty());
  ASSERT_EQ(named.errors.size(), 2u);
  EXPECT_EQ(named.errors[0].second.message(), "is a FIFO, not a regular file");
  EXPECT_EQ(named.errors[1].second.message(), "is a character device, not a regular file");
}

TEST_F(InputFilesTest, UnreadableFileIsAnIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  Write("secret.txt");
  std::filesystem::permissions(Path("secret.txt"), std::filesystem::perms::none);
  Result<std::string> r = ReadFileBytes(Path("secret.txt"), 1024);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIoError);
}

TEST_F(InputFilesTest, UnreadableSubdirectoryIsAnErrorAndTheWalkGoesOn) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads directories whatever their mode";
  Write("a.txt");
  Write("locked/b.txt");
  std::filesystem::permissions(Path("locked"), std::filesystem::perms::none);
  InputFiles in = ListInputFiles({dir_});
  std::filesystem::permissions(Path("locked"), std::filesystem::perms::owner_all);
  EXPECT_EQ(in.files, std::vector<std::string>{Path("a.txt")});
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_EQ(in.errors[0].first, Path("locked"));
  EXPECT_EQ(in.errors[0].second.code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace regdiff::ingest
