#include "run_environment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace guidecheck {
namespace {

using Environment = std::vector<std::string>;

TEST(EnvironmentChangesTest, NoneWhenTheEnvironmentsAgree) {
  const Environment env = {"PATH=/usr/bin", "HOME=/w", "TMPDIR=/tmp"};
  EXPECT_TRUE(environment_changes(env, {"TMPDIR=/tmp", "PATH=/usr/bin", "HOME=/w"}).empty());
}

TEST(EnvironmentChangesTest, UnsetsWhatIsNotWantedAndSetsWhatDiffers) {
  const EnvChanges changes =
      environment_changes({"PATH=/usr/bin", "SECRET=x", "MODE=prod"}, {"PATH=/usr/bin", "MODE=test", "NEW=1"});
  EXPECT_EQ(changes, (EnvChanges{{"SECRET", std::nullopt}, {"MODE", "test"}, {"NEW", "1"}}));
}

TEST(EnvironmentChangesTest, AnEmptyValueIsAValue) {
  EXPECT_EQ(environment_changes({"A=x"}, {"A="}), (EnvChanges{{"A", ""}}));
  EXPECT_TRUE(environment_changes({"A="}, {"A="}).empty());
}

TEST(EnvironmentChangesTest, AppliedChangesGiveTheWantedEnvironment) {
  const Environment current = {"PATH=/usr/bin", "SECRET=x", "LANG=C.UTF-8"};
  const Environment wanted = {"PATH=/opt/bin", "LANG=C.UTF-8", "HOME=/w"};
  EXPECT_TRUE(environment_changes(with_changes(current, environment_changes(current, wanted)), wanted).empty());
}

TEST(RunEnvironmentTest, SandboxedIsTheAllowlistWithItsHome) {
  const Environment inherited = {"PATH=/usr/bin", "TOKEN=t", "HOME=/root"};
  EXPECT_EQ(run_environment(inherited, true, "/runs/work", {}),
            (Environment{"PATH=/usr/bin", "HOME=/runs/work", "TMPDIR=/tmp"}));
}

TEST(RunEnvironmentTest, UnsandboxedKeepsEverythingAndSetsThePolicyValues) {
  const Environment inherited = {"PATH=/usr/bin", "TOKEN=t", "MODE=prod"};
  SandboxPolicy policy;
  policy.env = {"TOKEN", "MODE=test"};
  EXPECT_EQ(run_environment(inherited, false, "/ignored", policy),
            (Environment{"PATH=/usr/bin", "TOKEN=t", "MODE=test"}));
}

TEST(RunEnvironmentTest, ADefaultRunNeedsNoChangeOnceTheZygoteWearsIt) {
  // What the zygote does before it forks, and what a run without `env`
  // entries then finds.
  const Environment inherited = {"PATH=/usr/bin", "TOKEN=t", "LANG=C.UTF-8"};
  const Environment worn = with_changes(
      inherited, environment_changes(inherited, run_environment(inherited, true, "/runs/work", {})));
  EXPECT_TRUE(environment_changes(worn, run_environment(inherited, true, "/runs/work", {})).empty());
  SandboxPolicy policy;
  policy.env = {"TOKEN"};
  EXPECT_EQ(environment_changes(worn, run_environment(inherited, true, "/runs/work", policy)),
            (EnvChanges{{"TOKEN", "t"}}));
}

TEST(CurrentEnvironmentTest, ReadsThisProcesssVariables) {
  ASSERT_EQ(setenv("GUIDECHECK_TEST_VARIABLE", "a=b", 1), 0);
  const Environment env = current_environment();
  EXPECT_NE(std::find(env.begin(), env.end(), "GUIDECHECK_TEST_VARIABLE=a=b"), env.end());
  unsetenv("GUIDECHECK_TEST_VARIABLE");
}

}  // namespace
}  // namespace guidecheck
