#include "notebook_json.h"

#include <gtest/gtest.h>

#include <string>

namespace guidecheck {
namespace {

// The layout Jupyter saves: indent 1, one string a line, outputs before source.
constexpr const char* kJupyterLayout = R"({
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {"tags": ["nbval-ignore-output"]},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "total 3\n",
      "done\n"
     ]
    },
    {
     "name": "stderr",
     "output_type": "stream",
     "text": ["careful\n"]
    },
    {
     "data": {
      "image/png": "iVBOR",
      "text/plain": [
       "<Figure size 640x480 with 1 Axes>"
      ]
     },
     "metadata": {},
     "output_type": "display_data"
    },
    {
     "data": {"text/plain": ["[1,\n", " 2]"]},
     "execution_count": 1,
     "metadata": {},
     "output_type": "execute_result"
    }
   ],
   "source": [
    "xs = [1, 2]\n",
    "print(\"total\", sum(xs))\n",
    "xs"
   ]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["# A \"quoted\" heading"]
  }
 ],
 "metadata": {"kernelspec": {"language": "Python", "name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
)";

TEST(NotebookJsonTest, EveryLineKnowsItsLineOfTheFile) {
  Notebook notebook;
  std::string err;
  ASSERT_TRUE(parse_notebook(kJupyterLayout, &notebook, &err)) << err;
  EXPECT_EQ(notebook.language, "python");
  ASSERT_EQ(notebook.cells.size(), 2u);
  const NotebookCell& code = notebook.cells[0];
  EXPECT_EQ(code.type, "code");
  EXPECT_TRUE(code.executed);
  EXPECT_EQ(code.tags, std::vector<std::string>{"nbval-ignore-output"});
  ASSERT_EQ(code.source.size(), 3u);
  EXPECT_EQ(code.source[0].text, "xs = [1, 2]");
  EXPECT_EQ(code.source[0].file_line, 39);
  EXPECT_EQ(code.source[1].text, "print(\"total\", sum(xs))");
  EXPECT_EQ(code.source[2].file_line, 41);
  ASSERT_EQ(code.outputs.size(), 4u);
  EXPECT_EQ(code.outputs[0].kind, NotebookOutput::Kind::kStdout);
  ASSERT_EQ(code.outputs[0].lines.size(), 2u);
  EXPECT_EQ(code.outputs[0].lines[1].text, "done");
  EXPECT_EQ(code.outputs[0].lines[1].file_line, 13);
  EXPECT_EQ(code.outputs[1].kind, NotebookOutput::Kind::kStderr);
  EXPECT_EQ(code.outputs[2].kind, NotebookOutput::Kind::kDisplay);
  EXPECT_TRUE(code.outputs[2].has_image);
  EXPECT_EQ(code.outputs[3].kind, NotebookOutput::Kind::kValue);
  ASSERT_EQ(code.outputs[3].lines.size(), 2u);
  EXPECT_EQ(code.outputs[3].lines[0].text, "[1,");
  EXPECT_EQ(code.outputs[3].lines[1].text, " 2]");
  EXPECT_EQ(code.outputs[3].lines[1].file_line, 32);  // both strings on one line of the file
  EXPECT_EQ(notebook.cells[1].source[0].text, "# A \"quoted\" heading");
}

TEST(NotebookJsonTest, ASourceKeptAsOneStringPutsEveryLineOnItsLine) {
  Notebook notebook;
  std::string err;
  ASSERT_TRUE(parse_notebook("{\"cells\": [\n{\"cell_type\": \"code\", \"execution_count\": null,\n"
                             "\"source\": \"def f():\\n    return 1\\n\\nf()\", \"outputs\": []}]}",
                             &notebook, &err))
      << err;
  ASSERT_EQ(notebook.cells.size(), 1u);
  const NotebookCell& cell = notebook.cells[0];
  EXPECT_FALSE(cell.executed);
  ASSERT_EQ(cell.source.size(), 4u);
  EXPECT_EQ(cell.source[1].text, "    return 1");
  EXPECT_EQ(cell.source[2].text, "");
  for (const NotebookLine& line : cell.source) EXPECT_EQ(line.file_line, 3);
  EXPECT_EQ(notebook.language, "");
}

TEST(NotebookJsonTest, TracebacksLoseTheirColoursAndKeepTheirLines) {
  Notebook notebook;
  std::string err;
  ASSERT_TRUE(parse_notebook(R"({"cells": [{"cell_type": "code", "source": ["1/0"], "outputs": [
{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero", "traceback": [
"\u001b[0;31m-----\u001b[0m",
"Cell \u001b[0;32mIn [1], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m 1\u001b[38;5;241m/\u001b[39m0\n",
"",
"\u001b[0;31mZeroDivisionError\u001b[0m: division by zero"]}]}]})",
                             &notebook, &err))
      << err;
  const NotebookOutput& error = notebook.cells[0].outputs.at(0);
  EXPECT_EQ(error.kind, NotebookOutput::Kind::kError);
  std::vector<std::string> texts;
  for (const NotebookLine& line : error.lines) texts.push_back(line.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"-----", "Cell In [1], line 1", "----> 1 1/0", "",
                                             "ZeroDivisionError: division by zero"}));
  EXPECT_EQ(error.lines[0].file_line, 3);
  EXPECT_EQ(error.lines[1].file_line, 4);  // one string of two lines
  EXPECT_EQ(error.lines[2].file_line, 4);
  EXPECT_EQ(error.lines[4].file_line, 6);
}

TEST(NotebookJsonTest, WhatIsNoNotebookSaysWhereAndWhy) {
  Notebook notebook;
  std::string err;
  EXPECT_FALSE(parse_notebook("{\n \"cells\": [\n  {\"cell_type\": \"code\",,}\n ]\n}", &notebook, &err));
  EXPECT_TRUE(err.starts_with("3: not a Jupyter notebook: ")) << err;
  EXPECT_FALSE(parse_notebook("[1, 2]", &notebook, &err));
  EXPECT_EQ(err, "1: not a Jupyter notebook: no \"cells\" list");
  EXPECT_FALSE(parse_notebook("{\"worksheets\": [], \"nbformat\": 3}", &notebook, &err));
  EXPECT_TRUE(err.find("nbformat 3") != std::string::npos) << err;
  const std::string deep = "{\"cells\": [], \"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_FALSE(parse_notebook(deep, &notebook, &err));  // and no stack exhausted
  EXPECT_EQ(err, "1: not a Jupyter notebook: nested more than 64 levels deep");
  EXPECT_FALSE(parse_notebook("", &notebook, &err));
  EXPECT_TRUE(err.starts_with("1: not a Jupyter notebook")) << err;
}

TEST(NotebookJsonTest, AnsiCodesComeOut) {
  EXPECT_EQ(without_ansi_codes("\x1b[0;31mKeyError\x1b[0m: 'k'"), "KeyError: 'k'");
  EXPECT_EQ(without_ansi_codes("\x1b[38;5;124;43mx\x1b[39;49m"), "x");
  EXPECT_EQ(without_ansi_codes("plain"), "plain");
  EXPECT_EQ(without_ansi_codes("cut \x1b["), "cut ");
}

}  // namespace
}  // namespace guidecheck
