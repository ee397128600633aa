#include "project_lock.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

TEST(ProjectLockTest, ASecondHolderWaitsUntilTheFirstIsGone) {
  std::string pattern = (fs::temp_directory_path() / "project_lock_test.XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  std::string dir = pattern + "/snippets";
  // The child is forked before the parent locks: an inherited descriptor
  // would share the parent's lock and keep it alive after the parent lets go.
  int go[2], waiting[2];
  ASSERT_EQ(pipe(go), 0);
  ASSERT_EQ(pipe(waiting), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(go[1]);
    close(waiting[0]);
    char c;
    if (read(go[0], &c, 1) != 1) _exit(2);
    bool waited = false;
    std::string child_err;
    auto second = ProjectLock::acquire(dir, [&] {
      waited = true;
      (void)!write(waiting[1], "w", 1);
    }, &child_err);
    _exit(second && waited ? 0 : 1);
  }
  close(go[0]);
  close(waiting[1]);
  std::string err;
  auto first = ProjectLock::acquire(dir, {}, &err);
  ASSERT_TRUE(first) << err;
  EXPECT_TRUE(fs::is_directory(dir));
  EXPECT_TRUE(fs::is_empty(dir)) << "the lock leaves no file in the project";
  ASSERT_EQ(write(go[1], "g", 1), 1);
  char c = 0;
  EXPECT_EQ(read(waiting[0], &c, 1), 1) << "the second holder did not wait";
  first.reset();
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  close(go[1]);
  close(waiting[0]);
  fs::remove_all(pattern);
}

}  // namespace
}  // namespace guidecheck
