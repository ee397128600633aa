#include "run_identity.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace guidecheck {
namespace {

RunSpec spec_of(const std::string& source) {
  RunSpec spec;
  spec.id = "q01";
  spec.path = "snippets/q01.py";
  spec.source = source;
  return spec;
}

TEST(RunIdentityTest, TheSameRunHasTheSameIdentityWhereverItsFileLies) {
  RunSpec a = spec_of("print(1)\n"), b = spec_of("print(1)\n");
  b.id = "q01 again";
  b.path = "/tmp/scratch/q01.py";
  b.expected_duration_s = 3;
  EXPECT_EQ(run_identity(a, "python 3.11"), run_identity(b, "python 3.11"));
  EXPECT_EQ(run_identity(a, "python 3.11").size(), 16u);
}

TEST(RunIdentityTest, EverythingThatChangesTheOutcomeChangesTheIdentity) {
  RunSpec base = spec_of("print(1)\n");
  std::string id = run_identity(base, "python 3.11");
  EXPECT_NE(run_identity(spec_of("print(2)\n"), "python 3.11"), id);
  EXPECT_NE(run_identity(base, "python 3.12"), id);
  RunSpec changed = base;
  changed.args = {"x"};
  EXPECT_NE(run_identity(changed, "python 3.11"), id);
  changed = base;
  changed.mode = SnippetMode::kPytest;
  EXPECT_NE(run_identity(changed, "python 3.11"), id);
  std::string pytest_id = run_identity(changed, "python 3.11");
  changed.mode = SnippetMode::kSession;
  EXPECT_NE(run_identity(changed, "python 3.11"), id);
  EXPECT_NE(run_identity(changed, "python 3.11"), pytest_id);
  changed = base;
  changed.prelude = "x = 1";
  EXPECT_NE(run_identity(changed, "python 3.11"), id);
  changed = base;
  changed.timeout_s = 5;
  EXPECT_NE(run_identity(changed, "python 3.11"), id);
  changed = base;
  changed.path = "snippets/q02.py";  // __file__ and tracebacks name it
  EXPECT_NE(run_identity(changed, "python 3.11"), id);
  // Fields are length-prefixed: moving text between two never collides.
  RunSpec left = base, right = base;
  left.source = "ab";
  left.prelude = "c";
  right.source = "a";
  right.prelude = "bc";
  EXPECT_NE(run_identity(left, "p"), run_identity(right, "p"));
}

TEST(RunIdentityTest, StdinCountsByItsContent) {
  std::string path = (std::filesystem::temp_directory_path() / "run_identity_test.stdin").string();
  RunSpec spec = spec_of("print(input())\n");
  spec.stdin_path = path;
  std::ofstream(path) << "one\n";
  std::string first = run_identity(spec, "p");
  std::ofstream(path) << "two\n";
  EXPECT_NE(run_identity(spec, "p"), first);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace guidecheck
