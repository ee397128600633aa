#include "scratch_dir.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "atomic_file.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

// Points TMPDIR at a directory of the test's own for its lifetime.
class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "scratch_dir_test.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    base_ = pattern;
    const char* old = std::getenv("TMPDIR");
    if (old) old_tmpdir_ = old;
    had_tmpdir_ = old != nullptr;
    setenv("TMPDIR", base_.c_str(), 1);
  }
  void TearDown() override {
    if (had_tmpdir_) setenv("TMPDIR", old_tmpdir_.c_str(), 1);
    else unsetenv("TMPDIR");
    fs::remove_all(base_);
  }
  std::string base_, old_tmpdir_;
  bool had_tmpdir_ = false;
};

TEST_F(ScratchDirTest, IsPrivateFreshAndRemoved) {
  std::string err, first_path;
  {
    auto first = ScratchDir::create("check", &err);
    auto second = ScratchDir::create("check", &err);
    ASSERT_TRUE(first && second) << err;
    EXPECT_NE(first->path(), second->path());
    EXPECT_EQ(fs::path(first->path()).parent_path(), fs::path(base_));
    EXPECT_EQ(fs::path(first->path()).filename().string().rfind("guidecheck-check-", 0), 0u);
    struct stat st;
    ASSERT_EQ(::lstat(first->path().c_str(), &st), 0);
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_EQ(st.st_mode & 07777, 0700u);
    first_path = first->path();
    ASSERT_TRUE(first->write_new_file("sub/dir/a.txt", "hello", &err)) << err;
  }
  EXPECT_FALSE(fs::exists(first_path));
  EXPECT_TRUE(fs::is_empty(base_));
}

TEST_F(ScratchDirTest, NeverWritesThroughASymlinkOrOverAFile) {
  std::string err;
  auto scratch = ScratchDir::create("check", &err);
  ASSERT_TRUE(scratch) << err;
  std::string victim = base_ + "/victim";
  ASSERT_TRUE(write_file_atomically(victim, "precious", &err)) << err;
  fs::create_symlink(victim, scratch->path() + "/link.py");
  EXPECT_FALSE(scratch->write_new_file("link.py", "evil", &err));
  EXPECT_NE(err.find("link.py"), std::string::npos) << err;
  ASSERT_TRUE(scratch->write_new_file("once.py", "1", &err)) << err;
  EXPECT_FALSE(scratch->write_new_file("once.py", "2", &err));
  std::string content;
  ASSERT_TRUE(read_file(victim, &content, &err));
  EXPECT_EQ(content, "precious");
  // Removing the scratch directory removes the link, not its target.
  scratch.reset();
  EXPECT_TRUE(fs::exists(victim));
}

TEST_F(ScratchDirTest, AMissingTmpdirIsAnErrorThatNamesIt) {
  setenv("TMPDIR", (base_ + "/missing").c_str(), 1);
  std::string err;
  EXPECT_FALSE(ScratchDir::create("check", &err));
  EXPECT_EQ(err.rfind("TMPDIR=" + base_ + "/missing: cannot create a scratch directory", 0), 0u) << err;
}

}  // namespace
}  // namespace guidecheck
