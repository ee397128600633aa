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
  std::string prelude = continuation_prelude({&first, &second, &quoted});

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
  for (auto item : globals)
    EXPECT_EQ(item.first.cast<std::string>().rfind("_guidecheck", 0), std::string::npos) << item.first.cast<std::string>();
}

TEST(ContinuationTest, NothingToContinueIsNoCode) { EXPECT_EQ(continuation_prelude({}), ""); }

}  // namespace
}  // namespace guidecheck
