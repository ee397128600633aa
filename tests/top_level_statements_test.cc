// top_level_statements agrees with CPython's ast, statement for statement,
// on hand-made modules and on every module of the standard library; where
// it declines (nullopt), the ast has statements that lines cannot separate.
#include "top_level_statements.h"

#include <gtest/gtest.h>
#include <pybind11/embed.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "embedded_python.h"

namespace guidecheck {
namespace {

namespace py = pybind11;
using Spans = std::vector<std::pair<int, int>>;

// What the ast says: each top-level statement's first line (decorators
// included) and last line.
Spans ast_spans(const std::string& source) {
  py::gil_scoped_acquire gil;
  Spans spans;
  py::object tree = py::module_::import("ast").attr("parse")(py::bytes(source));
  for (py::handle stmt : tree.attr("body")) {
    int first = stmt.attr("lineno").cast<int>();
    if (py::hasattr(stmt, "decorator_list"))
      for (py::handle decorator : stmt.attr("decorator_list")) first = std::min(first, decorator.attr("lineno").cast<int>());
    spans.emplace_back(first, stmt.attr("end_lineno").cast<int>());
  }
  return spans;
}

Spans spans_of(const std::vector<TopLevelStatement>& statements) {
  Spans spans;
  for (const TopLevelStatement& s : statements) spans.emplace_back(s.first_line, s.last_line);
  return spans;
}

bool two_share_a_line(const Spans& spans) {
  for (size_t i = 1; i < spans.size(); ++i)
    if (spans[i].first == spans[i - 1].second) return true;
  return false;
}

class TopLevelStatementsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string err;
    ASSERT_TRUE(start_interpreter(InterpreterConfig{}, &err)) << err;
  }
};

TEST_F(TopLevelStatementsTest, AgreesWithTheAstOnTheShapesSamplesTake) {
  const std::vector<std::string> sources = {
      "x = 1\nprint(x)\n",
      "print(1)",  // no final newline
      "x = 1\r\nif x:\r\n    print(x)\r\nelse:\r\n    pass\r\n",
      "import os\n\n\ndef f(a,\n      b):\n    '''doc\nelse:\n'''\n    return a\n\n# after\nprint(f(1, 2))\n",
      "@decorator\n# between\n@other(1,\n       2)\nclass A:\n    pass\n\n\nA()\n",
      "try:\n    1 / 0\n# margin comment inside\nexcept ZeroDivisionError:\n    pass\nfinally:\n    print('f')\nx = 2\n",
      "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nfor i in []:\n    pass\nelse:\n    print(i)\n",
      "value = (1 +\n         2)\ntext = 'a' \\\n    'b'\nblock = \"\"\"\nx = 1\n    y\n\"\"\"\nprint(value, text, block)\n",
      "match command:\n    case 'go':\n        pass\n    case _:\n        pass\nmatch = 3\n",
      "if x: a(); b()\nwhile False: pass; pass\n",
      "async def main():\n    await g()\n\nclass B(A):\n    x: int = 3\n",
      "\f\nx = 1\n\fy = 2\n",
      "'''module doc'''\nfrom __future__ import annotations\n'''not a doc'''\nx: list[int] = []\n",
      "with open(p) as f, \\\n     open(q) as g:\n    pass\nlambda: 0\n",
  };
  for (const std::string& source : sources) {
    std::optional<std::vector<TopLevelStatement>> statements = top_level_statements(source);
    ASSERT_TRUE(statements) << source;
    EXPECT_EQ(spans_of(*statements), ast_spans(source)) << source;
  }
  std::optional<std::vector<TopLevelStatement>> future =
      top_level_statements("'''doc'''\nfrom __future__ import annotations\nimport os\n");
  ASSERT_TRUE(future);
  ASSERT_EQ(future->size(), 3u);
  EXPECT_FALSE((*future)[0].future_import);
  EXPECT_TRUE((*future)[1].future_import);
  EXPECT_FALSE((*future)[2].future_import);
  EXPECT_TRUE((*future)[0].bare_string);
  EXPECT_FALSE((*future)[1].bare_string);

  std::optional<std::vector<TopLevelStatement>> kinds =
      top_level_statements("b'bytes'\nf'{x}'\n'a' 'b'\nglobal x\nnonlocal_ = 1\n");
  ASSERT_TRUE(kinds);
  ASSERT_EQ(kinds->size(), 5u);
  EXPECT_FALSE((*kinds)[0].bare_string);  // bytes: no docstring
  EXPECT_FALSE((*kinds)[1].bare_string);  // an f-string: no docstring
  EXPECT_TRUE((*kinds)[2].bare_string);
  EXPECT_TRUE((*kinds)[3].declares_scope);
  EXPECT_FALSE((*kinds)[4].declares_scope);
}

TEST_F(TopLevelStatementsTest, DeclinesWhatLinesCannotSay) {
  EXPECT_FALSE(top_level_statements("a = 1; b = 2\nprint(a)\n"));
  EXPECT_FALSE(top_level_statements("f = lambda: 0; g = 1\n"));
  EXPECT_FALSE(top_level_statements("# -*- coding: latin-1 -*-\nx = 1\n"));
  EXPECT_FALSE(top_level_statements("#!/usr/bin/env python3\n# vim: set fileencoding=utf-8 :\nx = 1\n"));
  EXPECT_FALSE(top_level_statements("\xEF\xBB\xBFx = 1\n"));
  EXPECT_FALSE(top_level_statements(std::string("x = 1\n\0", 7)));
  EXPECT_FALSE(top_level_statements("x = 1\ry = 2\r"));  // Python reads two lines
  // A comment naming a coding later in the file declares nothing.
  EXPECT_TRUE(top_level_statements("x = 1\ny = 2\n# coding: latin-1\n"));
}

// The standard library: hundreds of real modules, every shape of statement.
TEST_F(TopLevelStatementsTest, AgreesWithTheAstOnTheStandardLibrary) {
  int compared = 0, declined = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/python3.11")) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string source = buffer.str();
    const Spans expected = ast_spans(source);
    std::optional<std::vector<TopLevelStatement>> statements = top_level_statements(source);
    if (!statements) {
      ++declined;
      const bool encoding = source.find("coding") != std::string::npos && source.find("coding") < 200;
      EXPECT_TRUE(encoding || two_share_a_line(expected)) << entry.path();
      continue;
    }
    ++compared;
    EXPECT_EQ(spans_of(*statements), expected) << entry.path();
  }
  EXPECT_GT(compared, 150);
  EXPECT_LT(declined, compared / 5);
}

}  // namespace
}  // namespace guidecheck
