#include "ipython_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guidecheck {
namespace {

TEST(IPythonSyntaxTest, LineMagicsAndShellLinesBecomePassInPlace) {
  const PythonCell cell = python_cell({"%matplotlib inline", "import math", "for n in [1, 2]:", "    !echo $n",
                                       "files = !ls", "len?", "math.floor(2.5)"});
  EXPECT_EQ(cell.lines_without_notes, (std::vector<std::string>{"pass", "import math", "for n in [1, 2]:", "    pass", "pass",
                                                                "pass", "math.floor(2.5)"}));
  EXPECT_EQ(cell.lines[0], "pass  # IPython: %matplotlib inline");
  EXPECT_EQ(cell.lines[3], "    pass  # IPython: !echo $n");
  EXPECT_EQ(cell.lines[4], "pass  # IPython: files = !ls");
  EXPECT_TRUE(cell.is_python);
  EXPECT_FALSE(cell.only_commands);
  EXPECT_FALSE(cell.prints_as_shown);  // the shell printed what a plain run does not
  EXPECT_EQ(cell.commands, (std::vector<std::string>{"%matplotlib", "!echo", "files = !ls", "len?"}));
}

TEST(IPythonSyntaxTest, QuietMagicsKeepTheOutputJudged) {
  const PythonCell cell = python_cell({"%load_ext autoreload", "%autoreload 2", "print(1)"});
  EXPECT_TRUE(cell.prints_as_shown);
  EXPECT_FALSE(cell.only_commands);
}

TEST(IPythonSyntaxTest, TimeRunsItsStatementAndTimeitDoesNot) {
  const PythonCell timed = python_cell({"%time total = sum(range(10))", "total"});
  EXPECT_EQ(timed.lines, (std::vector<std::string>{"total = sum(range(10))  # IPython: %time", "total"}));
  EXPECT_EQ(timed.lines_without_notes, (std::vector<std::string>{"total = sum(range(10))", "total"}));
  EXPECT_FALSE(timed.prints_as_shown);
  EXPECT_EQ(python_cell({"%timeit sorted(range(9))"}).lines_without_notes, std::vector<std::string>{"pass"});
  EXPECT_TRUE(python_cell({"%timeit sorted(range(9))"}).only_commands);
}

TEST(IPythonSyntaxTest, ACellOfCommandsHasNothingToRun) {
  EXPECT_TRUE(python_cell({"!pip install pandas", "# then restart", ""}).only_commands);
  EXPECT_FALSE(python_cell({"x = 1"}).only_commands);
}

TEST(IPythonSyntaxTest, CellMagicsSayWhatTheBodyIs) {
  const PythonCell module = python_cell({"%%writefile -a helpers.py", "\"\"\"Helpers.\"\"\"", "def f():", "    return 1"});
  EXPECT_TRUE(module.is_python);
  EXPECT_TRUE(module.appends);
  EXPECT_EQ(module.written_file, "helpers.py");
  EXPECT_EQ(module.first_python_line, 1u);
  EXPECT_FALSE(module.prints_as_shown);  // Jupyter's "Appending to helpers.py"

  const PythonCell data = python_cell({"%%writefile data.csv", "a,b", "1,2"});
  EXPECT_FALSE(data.is_python);
  EXPECT_EQ(data.written_file, "data.csv");

  EXPECT_FALSE(python_cell({"%%bash", "ls -l"}).is_python);
  EXPECT_FALSE(python_cell({"%%html", "<b>hi</b>"}).is_python);
  const PythonCell timed = python_cell({"", "%%time", "x = sum(range(5))"});
  EXPECT_TRUE(timed.is_python);
  EXPECT_FALSE(timed.prints_as_shown);
  EXPECT_EQ(timed.first_python_line, 2u);
  EXPECT_TRUE(python_cell({"%%capture", "print('hidden')"}).prints_as_shown);
}

TEST(IPythonSyntaxTest, PythonThatLooksLikeCommandsStaysPython) {
  const std::vector<std::string> lines = {"text = \"\"\"", "!important", "%d items", "\"\"\"", "x = 5 % 3",
                                          "ok = x != 2", "# %matplotlib is a comment"};
  const PythonCell cell = python_cell(lines);
  EXPECT_EQ(cell.lines, lines);
  EXPECT_EQ(cell.lines_without_notes, lines);
  EXPECT_TRUE(cell.commands.empty());
  EXPECT_TRUE(cell.prints_as_shown);
}

}  // namespace
}  // namespace guidecheck
