#include "sandbox.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace guidecheck {
namespace {

bool has(const std::vector<std::string>& env, const std::string& entry) {
  return std::find(env.begin(), env.end(), entry) != env.end();
}

TEST(SandboxEnvironmentTest, KeepsOnlyTheAllowlist) {
  const std::vector<std::string> inherited = {"PATH=/usr/bin", "LANG=C.UTF-8", "LC_ALL=C", "TZ=UTC",
                                              "TERM=xterm", "GITHUB_TOKEN=secret", "HOME=/root", "PWD=/work",
                                              "AWS_SECRET_ACCESS_KEY=x", "LD_PRELOAD=/evil.so"};
  std::vector<std::string> env = sandboxed_environment(inherited, "/run/work", {});
  EXPECT_EQ(env, (std::vector<std::string>{"PATH=/usr/bin", "LANG=C.UTF-8", "LC_ALL=C", "TZ=UTC", "TERM=xterm",
                                           "HOME=/run/work", "TMPDIR=/tmp"}));
}

TEST(SandboxEnvironmentTest, PolicyPassesNamesAndSetsValues) {
  const std::vector<std::string> inherited = {"PATH=/usr/bin", "GITHUB_TOKEN=secret", "MODE=prod"};
  SandboxPolicy policy;
  policy.env = {"GITHUB_TOKEN", "MODE=test", "ABSENT", "PATH=/opt/bin"};
  std::vector<std::string> env = sandboxed_environment(inherited, "/w", policy);
  EXPECT_TRUE(has(env, "GITHUB_TOKEN=secret"));
  EXPECT_TRUE(has(env, "MODE=test"));
  EXPECT_FALSE(has(env, "MODE=prod"));
  EXPECT_TRUE(has(env, "PATH=/opt/bin"));
  EXPECT_FALSE(has(env, "PATH=/usr/bin"));
  EXPECT_TRUE(std::none_of(env.begin(), env.end(), [](const std::string& e) { return e.rfind("ABSENT", 0) == 0; }));
}

}  // namespace
}  // namespace guidecheck
