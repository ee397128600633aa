#include "process_bound.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

// In a child of the caller (so in its group): forks children that wait until
// the kernel refuses; returns how many it made (at most 200). All of them
// are killed and reaped before this returns (a zombie still counts).
int children_allowed() {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<pid_t> children;
    while (children.size() < 200) {
      pid_t child = fork();
      if (child < 0) break;
      if (child == 0) {
        pause();
        _exit(0);
      }
      children.push_back(child);
    }
    for (pid_t child : children) kill(child, SIGKILL);
    for (pid_t child : children) waitpid(child, nullptr, 0);
    _exit(static_cast<int>(children.size()));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The bound moves this very process: the test runs it in a child of its own.
TEST(ProcessBoundTest, TheBoundFollowsTheLiveRunsAndItsGroupGoesAway) {
  if (geteuid() != 0) GTEST_SKIP() << "pids cgroups are made only under root (RLIMIT_NPROC binds other users)";
  pid_t pid = fork();
  if (pid == 0) {
    std::string why_not, err;
    std::optional<ProcessBound> bound = ProcessBound::enter(&why_not);
    if (!bound) _exit(77);
    const std::string group = bound->directory();
    // The caller and the forking child: one task each, then 10 per run.
    if (!bound->allow_runs(2, 10, &err) || children_allowed() != 19) _exit(1);
    if (!bound->allow_runs(1, 30, &err) || children_allowed() != 29) _exit(2);
    bound.reset();
    _exit(std::filesystem::exists(group) ? 3 : 0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "no pids cgroup can be made here";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: bound of 2 runs, 2: bound of 1 run, 3: group left behind";
}

}  // namespace
}  // namespace guidecheck
