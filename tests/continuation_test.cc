// A sample that continues earlier ones sees what they defined, never what
// they printed, and survives an earlier block that raises on purpose.
#include "continuation.h"

#include <gtest/gtest.h>
#include <pybind11/embed.h>

#include "embedded_python.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

Sample sample(const std::string& id, const std::string& source) {
  Sample s;
  s.id = id;
  s.source = source;
  return s;
}

TEST(ContinuationTest, EarlierBlocksDefineNamesSilently) {
  std::string err;
  ASSERT_TRUE(start_interpreter(InterpreterConfig{}, &err)) << err;
  Sample first = sample("s01", "print('first')\ndata = [3, 1, 2]\n");
  Sample second = sample("s02", "import sys\nsys.stderr.write('noise')\ntotal = sum(data)\nraise ValueError('shown on purpose')\n");
  Sample quoted = sample("s03", "text = 'it\\'s \\\\ \"quoted\"\\n'\nsnowman = '\xe2\x98\x83'\n");
  // A session goes on after an error, as the prompt does; a script stops.
  Sample session = sample("s04", "c = [1]\nc[5]\nafter_error = len(c)\n");
  session.style = SampleStyle::kSession;
  Sample script = sample("s05", "[][0]\nnever = 1\n");
  std::string prelude = continuation_prelude({&first, &second, &quoted, &session, &script});

  py::gil_scoped_acquire gil;
  py::module_ io = py::module_::import("io");
  py::module_ sys = py::module_::import("sys");
  py::object captured = io.attr("StringIO")();
  py::object saved = sys.attr("stdout");
  sys.attr("stdout") = captured;
  py::dict globals;
  globals["__builtins__"] = py::module_::import("builtins");
  py::exec(prelude, globals);
  sys.attr("stdout") = saved;

  EXPECT_EQ(captured.attr("getvalue")().cast<std::string>(), "");
  EXPECT_EQ(globals["total"].cast<int>(), 6);
  EXPECT_EQ(globals["text"].cast<std::string>(), "it's \\ \"quoted\"\n");
  EXPECT_EQ(globals["snowman"].cast<std::string>(), "\xe2\x98\x83");
  EXPECT_EQ(globals["after_error"].cast<int>(), 1);
  EXPECT_FALSE(globals.contains("never"));
  for (auto item : globals)
    EXPECT_EQ(item.first.cast<std::string>().rfind("_guidecheck", 0), std::string::npos) << item.first.cast<std::string>();
}

std::vector<std::string> continues_of(const std::vector<Sample>& samples, const std::string& id) {
  for (const auto& s : samples)
    if (s.id == id) return s.continues;
  return {"(no such sample)"};
}

TEST(ContinuationTest, ASampleContinuesTheEarlierSamplesThatDefineWhatItUses) {
  std::vector<Sample> samples = {
      sample("s01", "import math\nradius = 2\n"),
      sample("s02", "def area(r):\n    return math.pi * r ** 2\n"),
      sample("s03", "print(len([1, 2]))\n"),                       // builtins only
      sample("s04", "print(round(area(radius), 2))\n"),           // area (s02, which uses math from s01), radius
      sample("s05", "for radius in range(3):\n    print(radius)\n"),  // binds what it reads
      sample("s06", "def f(x):\n    return undefined_anywhere\n"),  // nobody defines it
      sample("s07", "print(radius\n"),                              // does not compile
      sample("s08", "class C:\n    def m(self):\n        return [v for v in values]\nvalues = [1]\n"),
  };
  link_continuations(&samples);
  EXPECT_EQ(continues_of(samples, "s01"), std::vector<std::string>{});
  EXPECT_EQ(continues_of(samples, "s02"), std::vector<std::string>{"s01"});
  EXPECT_EQ(continues_of(samples, "s03"), std::vector<std::string>{});
  EXPECT_EQ(continues_of(samples, "s04"), (std::vector<std::string>{"s01", "s02"}));
  EXPECT_EQ(continues_of(samples, "s05"), std::vector<std::string>{});
  EXPECT_EQ(continues_of(samples, "s06"), std::vector<std::string>{});
  EXPECT_EQ(continues_of(samples, "s07"), std::vector<std::string>{});
  EXPECT_EQ(continues_of(samples, "s08"), std::vector<std::string>{});
}

// A script run again with arguments of its own (a copy with a setup) is the
// program started afresh: it continues nothing, not even its first run,
// whose module state (logging's configuration) would change what it prints.
// The same code without a setup is a block that reads what came before.
TEST(ContinuationTest, AScriptRunAgainStartsAfresh) {
  std::vector<Sample> samples = {
      sample("s01", "import logging, sys\nlogging.basicConfig()\nlevel = len(sys.argv)\nprint(level)\n"),
      sample("s02", "import logging, sys\nlogging.basicConfig()\nlevel = len(sys.argv)\nprint(level)\n"),
      sample("s03", "total = 3\n"),
      sample("s04", "print(total)\n"),
      sample("s05", "print(total)\n"),
  };
  samples[0].setup = "__import__('sys').argv[:] = ['app.py']\n";
  samples[1].setup = "__import__('sys').argv[:] = ['app.py', '-v']\n";
  link_continuations(&samples);
  EXPECT_EQ(continues_of(samples, "s02"), std::vector<std::string>{});
  EXPECT_EQ(continues_of(samples, "s05"), std::vector<std::string>{"s03"});
}

TEST(ContinuationTest, NothingToContinueIsNoCode) { EXPECT_EQ(continuation_prelude({}), ""); }

}  // namespace
}  // namespace guidecheck

namespace guidecheck {
namespace {

std::vector<std::string> ids_of(const std::vector<const Sample*>& samples) {
  std::vector<std::string> ids;
  for (const Sample* s : samples) ids.push_back(s->id);
  return ids;
}

// The files a page saves are importable by the samples after them: the
// latest version of each, for what a sample (or one it continues) imports.
TEST(SavedModulesTest, ASampleImportsTheLatestFileSavedBeforeIt) {
  std::vector<Sample> all = {sample("s01", "import helper\n"),  // before any file: nothing
                             sample("s02", "def greet():\n    return 'v1'\n"),
                             sample("s03", "from helper import greet\nprint(greet())\n"),
                             sample("s04", "def greet():\n    return 'v2'\n"),
                             sample("s05", "value = greet()\n"),
                             sample("s06", "print(value)\n"),
                             sample("s07", "import other\n")};
  all[1].saved_as = "helper.py";
  all[3].saved_as = "helper.py";
  all[4].continues = {"s03"};
  all[5].continues = {"s05"};  // continues s05, which imports nothing itself
  const SavedModules saved(all);
  EXPECT_TRUE(saved.imported_by(all[0]).empty());
  EXPECT_EQ(ids_of(saved.imported_by(all[2])), std::vector<std::string>{"s02"});
  EXPECT_EQ(ids_of(saved.imported_by(all[4])), std::vector<std::string>{"s04"});  // through s03, the latest file
  EXPECT_TRUE(saved.imported_by(all[5]).empty());
  EXPECT_TRUE(saved.imported_by(all[6]).empty());
  // A guide that saves no file: nothing, for every sample.
  std::vector<Sample> plain = {sample("a", "import helper\n"), sample("b", "import os\n")};
  const SavedModules none(plain);
  EXPECT_TRUE(none.imported_by(plain[0]).empty());
}

}  // namespace
}  // namespace guidecheck
