// The two kinds of zygote (zygote.h): python3 with the zygote module loaded,
// and guidecheck re-executed. A run must not be able to tell them apart,
// nor either from `python3 file.py`, but by where its code runs.
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "scheduler.h"
#include "temp_dir.h"
#include "zygote.h"

namespace guidecheck {
namespace {

namespace fs = std::filesystem;

// What a run can see of what started it.
constexpr const char* kIntrospection = R"(import os, sys, traceback
print("f_back", sys._getframe().f_back)
traceback.print_stack(file=sys.stdout)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print("depth", depth(0))
print("empty entry on the path", "" in sys.path)
print("own directory first", sys.path[0] == os.path.dirname(__file__))
print("zygote module imported", "guidecheck_zygote" in sys.modules)
print("caller's PYTHONPATH", "/from/the/caller" in sys.path)
print("variables", sorted(k for k in os.environ if k.startswith(("PYTHON", "LD_BIND"))))
print("hash", hash("guidecheck"))
print("argv", sys.argv == [__file__], sys.executable)
print("orig_argv", sys.orig_argv == [sys.executable, __file__])
)";

class ZygoteKindTest : public ::testing::TestWithParam<bool> {
 protected:
  RunOutcome run(const std::string& source) {
    std::ofstream(temp_.file("sample.py")) << source;
    ZygoteOptions options;
    options.program = GUIDECHECK_BINARY;
    options.preload = {};
    if (!GetParam()) options.module = "";
    // The caller's PYTHON* variables must not steer the runs' interpreter.
    setenv("PYTHONPATH", "/from/the/caller", 1);
    setenv("PYTHONWARNINGS", "error", 1);
    std::string err;
    std::unique_ptr<Zygote> zygote = Zygote::start(options, &err);
    unsetenv("PYTHONPATH");
    unsetenv("PYTHONWARNINGS");
    EXPECT_NE(zygote, nullptr) << err;
    if (!zygote) return {};
    RunSpec spec;
    spec.id = "sample";
    spec.path = temp_.file("sample.py");
    spec.source = source;
    spec.timeout_s = 20;
    return ZygoteRunner(*zygote, 1).run({spec})[0];
  }

  TempDir temp_{"zygote_module_test"};
};

TEST(ZygoteModuleTest, IsBuiltBesideGuidecheck) {
  EXPECT_EQ(zygote_module_beside(GUIDECHECK_BINARY), (fs::path(GUIDECHECK_BINARY).parent_path() / kZygoteModuleName).string());
}

TEST(ZygoteModuleTest, IsFoundWhereItIsInstalled) {
  TempDir temp("zygote_module_test");
  fs::create_directories(temp.path() / "bin");
  fs::create_directories(temp.path() / "lib" / "guidecheck");
  std::ofstream(temp.file("bin/guidecheck")) << "";
  EXPECT_EQ(zygote_module_beside(temp.file("bin/guidecheck")), "") << "none: guidecheck serves itself";
  std::ofstream(temp.file("lib/guidecheck/guidecheck_zygote.so")) << "";
  EXPECT_EQ(zygote_module_beside(temp.file("bin/guidecheck")), temp.file("lib/guidecheck/guidecheck_zygote.so"));
}

TEST_P(ZygoteKindTest, ARunSeesWhatPython3FilePyWouldSee) {
  const RunOutcome outcome = run(kIntrospection);
  ASSERT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  const std::string& out = outcome.stdout_text;
  EXPECT_NE(out.find("f_back None\n"), std::string::npos) << out;
  EXPECT_NE(out.find("line 3, in <module>\n    traceback.print_stack(file=sys.stdout)\ndepth"), std::string::npos)
      << "the stack holds the sample's module only:\n" << out;
  EXPECT_NE(out.find("depth 998\n"), std::string::npos) << "python3 file.py reaches 998 deep:\n" << out;
  EXPECT_NE(out.find("empty entry on the path False\nown directory first True\n"), std::string::npos) << out;
  EXPECT_NE(out.find("zygote module imported False\n"), std::string::npos) << out;
  EXPECT_NE(out.find("caller's PYTHONPATH False\n"), std::string::npos) << out;
  EXPECT_NE(out.find("variables []\n"), std::string::npos) << out;
  EXPECT_NE(out.find("argv True " GUIDECHECK_PYTHON_EXECUTABLE "\n"), std::string::npos) << out;
  EXPECT_NE(out.find("orig_argv True\n"), std::string::npos) << "not the zygote's command line:\n" << out;
}

TEST_P(ZygoteKindTest, TheHashSeedIsTheSameForBoth) {
  const RunOutcome outcome = run("print(hash('guidecheck'), {'b', 'a', 'c', 'd'})\n");
  ASSERT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  // PYTHONHASHSEED=0, as python3 computes it.
  EXPECT_EQ(outcome.stdout_text, "2205404587246027304 {'d', 'c', 'a', 'b'}\n");
}

TEST_P(ZygoteKindTest, TheRunsCodeRunsInTheInterpreterOfItsKind) {
  const RunOutcome outcome = run("import os\nprint(os.path.realpath('/proc/self/exe'))\n");
  ASSERT_EQ(outcome.status, RunStatus::kOk) << outcome.stderr_text;
  const std::string expected = GetParam() ? fs::canonical(GUIDECHECK_PYTHON_EXECUTABLE).string()
                                          : fs::canonical(GUIDECHECK_BINARY).string();
  EXPECT_EQ(outcome.stdout_text, expected + "\n");
}

TEST(ZygoteModuleTest, AModulePython3CannotLoadGivesWayToGuidecheckItself) {
  TempDir temp("zygote_module_test");
  std::ofstream(temp.file("guidecheck_zygote.so")) << "not a shared object";
  std::ofstream(temp.file("sample.py")) << "import os\nprint(os.path.realpath('/proc/self/exe'))\n";
  ZygoteOptions options;
  options.program = GUIDECHECK_BINARY;
  options.module = temp.file("guidecheck_zygote.so");
  options.preload = {};
  std::string err;
  std::unique_ptr<Zygote> zygote = Zygote::start(options, &err);
  ASSERT_NE(zygote, nullptr) << err;
  RunSpec spec;
  spec.id = "sample";
  spec.path = temp.file("sample.py");
  spec.timeout_s = 20;
  const RunOutcome outcome = ZygoteRunner(*zygote, 1).run({spec})[0];
  ASSERT_EQ(outcome.status, RunStatus::kOk) << outcome.error << outcome.stderr_text;
  EXPECT_EQ(outcome.stdout_text, fs::canonical(GUIDECHECK_BINARY).string() + "\n");
}

TEST(ZygoteModuleTest, ReinstallingTheRunsPython3ChangesTheirIdentity) {
  TempDir temp("zygote_module_test");
  std::ofstream(temp.file("python3")) << "one build";
  ZygoteOptions options;
  options.executable = temp.file("python3");
  options.module = temp.file("guidecheck_zygote.so");
  const std::string before = zygote_identity(options);
  std::ofstream(temp.file("python3")) << "another build";
  const std::string after = zygote_identity(options);
  EXPECT_NE(after, before) << "the runs are the executable's processes: a result cached for one is not the other's";

  options.module = "";
  const std::string ours = zygote_identity(options);
  std::ofstream(temp.file("python3")) << "a third build";
  EXPECT_EQ(zygote_identity(options), ours) << "the runs are guidecheck's: the executable only names sys.executable";
  EXPECT_NE(ours, after);
}

std::string kind_name(const ::testing::TestParamInfo<bool>& kind) {
  return kind.param ? "Python3WithTheModule" : "GuidecheckItself";
}

INSTANTIATE_TEST_SUITE_P(Both, ZygoteKindTest, ::testing::Bool(), kind_name);

}  // namespace
}  // namespace guidecheck
