#include "resource_limits.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace guidecheck {
namespace {

TEST(ResourceLimitsTest, ParsesSizesWithBinaryUnits) {
  EXPECT_EQ(parse_size("512M"), 512ull << 20);
  EXPECT_EQ(parse_size("2G"), 2ull << 30);
  EXPECT_EQ(parse_size("2g"), 2ull << 30);
  EXPECT_EQ(parse_size("300k"), 300ull << 10);
  EXPECT_EQ(parse_size("1.5G"), 3ull << 29);
  EXPECT_EQ(parse_size("64MiB"), 64ull << 20);
  EXPECT_EQ(parse_size("1048576"), 1048576ull);
}

TEST(ResourceLimitsTest, RejectsNonsense) {
  for (const char* bad : {"", "M", "-1G", "12Q", "1e9", "abc", "0", "1..5G", "99999999999T"})
    EXPECT_FALSE(parse_size(bad).has_value()) << bad;
}

TEST(ResourceLimitsTest, LimitIsOnTopOfWhatTheProcessAlreadyMaps) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string err;
    if (!apply_snippet_limits(64ull << 20, &err)) _exit(10);
    void* small = std::malloc(16 << 20);  // fits in the 64M budget
    if (!small) _exit(11);
    void* large = std::malloc(256 << 20);  // does not
    _exit(large == nullptr ? 0 : 12);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// Under a hard limit lower than what a run would get (`ulimit -v` for a
// non-root user), the limit is clamped to it instead of failing every run.
TEST(ResourceLimitsTest, NeverAsksForMoreThanTheHardLimit) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    struct rlimit current{};
    getrlimit(RLIMIT_AS, &current);
    rlim_t hard = 8ull << 30;  // below what the process maps plus 64 GB
    struct rlimit lowered{hard, hard};
    if (setrlimit(RLIMIT_AS, &lowered) != 0) _exit(10);
    std::string err;
    if (!apply_snippet_limits(64ull << 30, &err)) _exit(11);
    getrlimit(RLIMIT_AS, &current);
    _exit(current.rlim_max == hard && current.rlim_cur == hard ? 0 : 12);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace guidecheck
