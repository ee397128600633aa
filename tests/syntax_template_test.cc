// Syntax templates are reported, not run, whatever the guide's format.
#include "syntax_template.h"

#include <gtest/gtest.h>

namespace guidecheck {
namespace {

Sample sample(const std::string& source, int line) {
  Sample s;
  s.id = "s" + std::to_string(line);
  s.first_line = s.last_line = line;
  s.source = source;
  return s;
}

TEST(SyntaxTemplateTest, BareExpressionsOfUndefinedNamesAreNotRun) {
  Extraction extraction;
  extraction.samples = {sample("import numpy as np\nstart, stop = 0, 1\n", 3),
                        sample("np.linspace(start, stop, num=5)\n", 7),        // code: start and stop exist
                        sample("np.linspace(first, last, num=50)\n", 9),       // a template
                        sample("map(function, iterable)\n", 12),               // a template
                        sample("print(undefined)  # NameError: ...\n", 15),    // claims an error: kept
                        sample("total = sum(values)\n", 18)};                  // not bare expressions: kept
  Claim error;
  error.kind = ClaimKind::kError;
  extraction.samples[4].claims.push_back(error);
  drop_syntax_templates("guide.rst", &extraction);
  std::vector<std::string> ids;
  for (const auto& s : extraction.samples) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s3", "s7", "s15", "s18"}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0],
            "guide.rst:9: not run: 'first' is defined by no sample before it (a syntax template)");
  EXPECT_EQ(extraction.diagnostics[1],
            "guide.rst:12: not run: 'function' is defined by no sample before it (a syntax template)");
}

TEST(SyntaxTemplateTest, AnExerciseWithABlankIsNotRun) {
  Extraction extraction;
  extraction.samples = {sample("colour = ____(\"Favourite colour? \")\nprint(colour.____())\n", 4),
                        sample("def area(w, h):\n    return ___\n", 9),
                        sample("class Point:\n    __slots__ = ('x',)\n__ = 1\n", 14),  // binds `__`: code
                        sample("print(__)\n", 20)};                                      // `__` bound before
  drop_syntax_templates("lesson.txt", &extraction);
  std::vector<std::string> ids;
  for (const auto& s : extraction.samples) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s14", "s20"}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0], "lesson.txt:4: not run: '____' is a blank to fill in (an exercise)");
  EXPECT_EQ(extraction.diagnostics[1], "lesson.txt:9: not run: '___' is a blank to fill in (an exercise)");
  EXPECT_TRUE(is_blank_name("__"));
  EXPECT_FALSE(is_blank_name("_"));
  EXPECT_FALSE(is_blank_name("__init__"));
}

// A loop's shape with a comment for its body, a challenge's bare `def`:
// nothing to run. A block missing the body of a real statement is broken.
TEST(SyntaxTemplateTest, BlocksWithoutABodyAreATemplate) {
  Extraction extraction;
  extraction.samples = {sample("for val in sequence:\n# statement(s)\n", 4),
                        sample("def sum_of_evens(n):\n", 9),
                        sample("total = 0\nfor n in range(3):\n# add it\n", 14)};  // a statement: broken, kept
  drop_syntax_templates("loops.txt", &extraction);
  std::vector<std::string> ids;
  for (const auto& s : extraction.samples) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s14"}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0], "loops.txt:4: not run: its blocks have no body (a template)");
}

// `...` for code left out, and a name nothing defines: a fragment of a
// program. A stub's `...` (in a def or class) leaves the code whole.
TEST(SyntaxTemplateTest, AFragmentWithCodeLeftOutIsNotRun) {
  Extraction extraction;
  extraction.samples = {sample("for row in report.rows:\n    ...\n    out.append(row)\n", 4),
                        sample("try:\n    connect()\nexcept OSError:\n    ...\n", 9),
                        sample("def handler(event):\n    ...\nprint(handler(None))\n", 15),    // a stub: code
                        sample("rows = []\nfor row in rows:\n    ...\nprint(len(rows))\n", 20)};  // all bound
  drop_syntax_templates("blog.md", &extraction);
  std::vector<std::string> ids;
  for (const auto& s : extraction.samples) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s15", "s20"}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0],
            "blog.md:4: not run: a fragment ('...' stands for code left out, and 'report' is defined by no sample "
            "before it)");
  EXPECT_TRUE(extraction.diagnostics[1].starts_with("blog.md:9: not run: a fragment")) << extraction.diagnostics[1];
}

// Blanks as a loop's names or an attribute; parts to fill in, in angle
// brackets, in code that cannot compile for them.
TEST(SyntaxTemplateTest, BlanksAndAngleBracketPartsAreNotRun) {
  Extraction extraction;
  extraction.samples = {sample("stock = {}\nfor ___, ___ in stock.___():\n    print(item)\n", 4),
                        sample("class Name:\n    def __op__(self, other):\n        if <other is not supported>:\n"
                               "            return NotImplemented\n",
                               9),
                        sample("print(1 <2> 0)\n", 15),  // compiles: code
                        sample("x = [1, 2\n", 20)};      // a plain error: kept, to fail
  drop_syntax_templates("book.txt", &extraction);
  std::vector<std::string> ids;
  for (const auto& s : extraction.samples) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s15", "s20"}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0], "book.txt:4: not run: '___' is a blank to fill in (an exercise)");
  EXPECT_EQ(extraction.diagnostics[1],
            "book.txt:9: not run: '<other is not supported>' is a part to fill in (a template)");
}

// Optional arguments in brackets and parameters left out: documentation's
// notation, in code that cannot compile for it. Valid code that looks alike
// (an empty list slice, a call passing Ellipsis) runs.
TEST(SyntaxTemplateTest, DocumentationsNotationIsNotRun) {
  Extraction extraction;
  extraction.samples = {sample("import itertools\nitertools.islice(iterable, start, stop[, step])\n", 3),
                        sample("@outer\n@inner\ndef func(...):\n    ...\n", 8),
                        sample("xs = [1, 2]\nprint(xs[:], print(...))\n", 14),
                        sample("print([, 1])  # doctest: +SKIP\n", 20)};
  extraction.samples[3].claims.push_back(Claim{});
  extraction.samples[3].claims.back().kind = ClaimKind::kError;  // meant to fail: kept
  drop_syntax_templates("book.adoc", &extraction);
  std::vector<std::string> ids;
  for (const auto& s : extraction.samples) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s14", "s20"}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0], "book.adoc:3: not run: '[, step]' is documentation's notation (a template)");
  EXPECT_EQ(extraction.diagnostics[1], "book.adoc:8: not run: 'def func(...)' is documentation's notation (a template)");
}

TEST(SyntaxTemplateTest, ABlockOfPlaceholderNamesIsATemplate) {
  Extraction extraction;
  extraction.samples = {sample("for variable in sequence:\n    statements\n", 3),  // a template
                        sample("for n in range(3):\n    print(n)\n", 7)};       // code
  drop_syntax_templates("guide.md", &extraction);
  ASSERT_EQ(extraction.samples.size(), 1u);
  EXPECT_EQ(extraction.samples[0].id, "s7");
  ASSERT_EQ(extraction.diagnostics.size(), 1u);
  EXPECT_EQ(extraction.diagnostics[0],
            "guide.md:3: not run: 'sequence' is defined by no sample before it (a syntax template)");
}

TEST(SyntaxTemplateTest, AStarImportMayDefineAnything) {
  Extraction extraction;
  extraction.samples = {sample("from math import *\n", 1), sample("floor(x)\n", 3)};
  drop_syntax_templates("guide.md", &extraction);
  EXPECT_EQ(extraction.samples.size(), 2u);
}

TEST(SyntaxTemplateTest, WhatASetupBindsIsDefined) {
  Extraction extraction;
  extraction.samples = {sample("RELEASE.isoformat()\n", 5), sample("RELEASE.year\n", 9),
                        sample("RELEASE.month\n", 12)};
  extraction.samples[0].setup = extraction.samples[1].setup = "from datetime import date\nRELEASE = date(2024, 3, 15)\n";
  const std::vector<PythonBlockFacts> facts = drop_syntax_templates("guide.rst", &extraction);
  ASSERT_EQ(extraction.samples.size(), 2u);  // the third has no setup: a template
  EXPECT_EQ(extraction.samples[1].id, "s9");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_TRUE(facts[0].needs.empty());  // nothing to continue for it either
}

// A method's signature with its defaults is shown, not called, even where
// the names exist (`str`, a `Path` an earlier sample imports); a call whose
// output the guide claims, or with an argument that is no default, runs.
TEST(SyntaxTemplateTest, ASignatureWithItsDefaultsIsNotRun) {
  Extraction extraction;
  extraction.samples = {sample("from pathlib import Path\nprint(Path('a').suffix)\n", 3),
                        sample("Path.mkdir(mode=0o777, parents=False, exist_ok=False)\n", 8),
                        sample("str.split(sep=None, maxsplit=-1)\n", 11),
                        sample("Path.cwd()\n", 14),
                        sample("Path('x').mkdir(parents=True)\n", 17),
                        sample("Path.home(kind=None)\n", 20)};
  Claim claim;
  claim.kind = ClaimKind::kOutput;
  extraction.samples[5].claims.push_back(claim);
  drop_syntax_templates("guide.md", &extraction);
  std::vector<int> kept;
  for (const Sample& s : extraction.samples) kept.push_back(s.first_line);
  EXPECT_EQ(kept, (std::vector<int>{3, 14, 17, 20}));
  ASSERT_EQ(extraction.diagnostics.size(), 2u);
  EXPECT_EQ(extraction.diagnostics[0], "guide.md:8: not run: every argument is a parameter with its default (a signature)");
}

}  // namespace
}  // namespace guidecheck
