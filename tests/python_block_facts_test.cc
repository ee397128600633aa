#include "python_block_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace guidecheck {
namespace {

using Names = std::vector<std::string>;

PythonBlockFacts facts_of(const std::string& source) {
  const std::vector<PythonBlockFacts> all = python_block_facts({source});
  EXPECT_EQ(all.size(), 1u);
  return all.empty() ? PythonBlockFacts{} : all.front();
}

TEST(PythonBlockFactsTest, CompileErrorsWithTheirLine) {
  const PythonBlockFacts unclosed = facts_of("x = 1\ny = (\n");
  EXPECT_FALSE(unclosed.compiles);
  EXPECT_EQ(unclosed.error_line, 2);
  EXPECT_EQ(unclosed.error, "'(' was never closed");
  // The symbol table is checked too, as CPython's compile does.
  const PythonBlockFacts outside = facts_of("return 1\n");
  EXPECT_FALSE(outside.compiles);
  EXPECT_EQ(outside.error, "'return' outside function");
  EXPECT_FALSE(facts_of(std::string("x = 1\0\n", 7)).compiles);
}

TEST(PythonBlockFactsTest, NamesBoundAndNeeded) {
  const PythonBlockFacts f = facts_of(
      "import numpy as np\n"
      "from os import path\n"
      "x = x + 1\n"
      "counter += 1\n"
      "def area(r):\n"
      "    return np.pi * r * scale\n"
      "class Circle(Shape):\n"
      "    pass\n"
      "squares = [i * i for i in items]\n"
      "print(len(squares), __name__)\n");
  EXPECT_TRUE(f.compiles);
  EXPECT_EQ(f.binds, (Names{"np", "path", "x", "counter", "area", "Circle", "squares"}));
  EXPECT_EQ(f.needs, (Names{"x", "counter", "Shape", "items", "scale"}));
  EXPECT_EQ(f.functions, Names{"area"});
  EXPECT_TRUE(f.calls_print);
  EXPECT_FALSE(f.shows_values_only);
  EXPECT_FALSE(f.expressions_only);
}

TEST(PythonBlockFactsTest, ChangesInPlace) {
  const PythonBlockFacts f =
      facts_of("fruits.append('kiwi')\nprices['kiwi'] = 2\ndel cache[0]\nstats.count += 1\n"
               "queue.get().put(1)\nprint(total)\nmine = []\nmine.append(1)\n");
  std::vector<std::string> changes = f.changes;
  std::sort(changes.begin(), changes.end());
  EXPECT_EQ(changes, (Names{"cache", "fruits", "prices", "queue", "stats"}));
}

TEST(PythonBlockFactsTest, AMethodCalledInsideAnExpressionMayChangeItsObject) {
  PythonBlockFacts f = facts_of("print(stock.setdefault('limes', 3))\nn = len(queue.pop())\n"
                                "print(stock.get('x'), names.index('a'), ', '.join(words))\n");
  std::vector<std::string> changes = f.changes;
  std::sort(changes.begin(), changes.end());
  EXPECT_EQ(changes, (Names{"queue", "stock"}));
}

TEST(PythonBlockFactsTest, ANamePassedToAFunctionMayBeChangedThere) {
  PythonBlockFacts f = facts_of("add_item(inventory, 'sprocket', 4.25)\nshop.restock(items=stock)\n"
                                "print(len(names), sorted(words), ', '.join(tags), json.dumps(config))\n");
  std::vector<std::string> changes = f.changes;
  std::sort(changes.begin(), changes.end());
  EXPECT_EQ(changes, (Names{"inventory", "json", "shop", "stock"}));  // json: a method called on it
}

TEST(PythonBlockFactsTest, FilesWrittenAndReadByTheirLiteralNames) {
  PythonBlockFacts writer = facts_of("with open('notes.txt', 'w') as fh:\n    fh.write('x')\n"
                                     "save_csv(stock, 'stock.csv')\n");
  EXPECT_NE(std::find(writer.binds.begin(), writer.binds.end(), "<file:notes.txt>"), writer.binds.end());
  EXPECT_NE(std::find(writer.binds.begin(), writer.binds.end(), "<file:stock.csv>"), writer.binds.end());
  PythonBlockFacts reader = facts_of("print(open('notes.txt').read())\nframe = pd.read_csv('stock.csv')\n"
                                     "print('see notes.txt')\n");
  EXPECT_NE(std::find(reader.needs.begin(), reader.needs.end(), "<file:notes.txt>"), reader.needs.end());
  EXPECT_NE(std::find(reader.needs.begin(), reader.needs.end(), "<file:stock.csv>"), reader.needs.end());
  EXPECT_EQ(std::count(reader.binds.begin(), reader.binds.end(), "<file:notes.txt>"), 0);
}

// A file tutorial: 'r+' and 'a' change the file an earlier block made, and
// so do os.rename and os.remove; 'w' makes it afresh, so a block that
// writes before it reads needs no earlier one.
TEST(PythonBlockFactsTest, AFileChangedInPlaceIsNeededAndWritten) {
  auto has = [](const std::vector<std::string>& names, const char* name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  for (const char* source : {"f = open('demo.txt', 'r+')\nf.write('x')\n", "open('demo.txt', 'a').write('x')\n",
                             "import os\nos.rename('demo.txt', 'notes.txt')\n", "import os\nos.remove('demo.txt')\n"}) {
    const PythonBlockFacts f = facts_of(source);
    EXPECT_TRUE(has(f.needs, "<file:demo.txt>")) << source;
    EXPECT_TRUE(has(f.binds, "<file:demo.txt>")) << source;
  }
  const PythonBlockFacts fresh = facts_of("with open('demo.txt', 'w') as f:\n    f.write('x')\nprint(open('demo.txt').read())\n");
  EXPECT_FALSE(has(fresh.needs, "<file:demo.txt>"));
  EXPECT_TRUE(has(fresh.binds, "<file:demo.txt>"));
}

TEST(PythonBlockFactsTest, ValuesAsOutputShowsThem) {
  for (const char* values : {"[1, 2, 3]\n", "Hello\n", "Point(x=1, y=2)\n", "array([nan, 1.0])\n", "(1+2j)\n",
                             "True\nNone\n-3\n", "{'a': 1}\n", "datetime.date(2024, 1, 1)\n",
                             "3 [1, 2]\n", "ada: 91\nbea: 78\n"})
    EXPECT_TRUE(facts_of(values).shows_values_only) << values;
  for (const char* code : {"x = 1\n", "print('hi')\n", "import os\n", "for i in []: pass\n", "a + b * c\n",
                           "f(x)[0]\n", "sys.stdout.write('x')\n", "[i for i in range(3)]\n",
                           "total: int = 0\n", "xs[1, 2]\n"})
    EXPECT_FALSE(facts_of(code).shows_values_only) << code;
  EXPECT_EQ(facts_of("Point(x=Leaf(1))\n").called_names, (Names{"Point", "Leaf"}));
}

TEST(PythonBlockFactsTest, TestsPrintsAndStarImports) {
  EXPECT_TRUE(facts_of("def test_add():\n    assert 1 + 1 == 2\n").defines_tests);
  EXPECT_FALSE(facts_of("class T:\n    def test_add(self):\n        pass\n").defines_tests);
  EXPECT_TRUE(facts_of("import sys\nsys.stdout.write('x')\n").calls_print);
  EXPECT_FALSE(facts_of("x = 1\n").calls_print);
  EXPECT_TRUE(facts_of("from math import *\n").star_import);
  EXPECT_TRUE(facts_of("map(function, iterable)\n").expressions_only);
}

TEST(PythonBlockFactsTest, ACellEndingInAnExpressionShowsItsValue) {
  EXPECT_TRUE(facts_of("n = 3\nn * 2\n").ends_in_value);
  EXPECT_TRUE(facts_of("df = load()\ndf.groupby(\n    'k'\n).sum()\n").ends_in_value);
  EXPECT_FALSE(facts_of("n = 3\nn * 2\nm = n\n").ends_in_value);
  EXPECT_FALSE(facts_of("n = 3\nprint(n)\n").ends_in_value);  // a print shows nothing more
  EXPECT_FALSE(facts_of("n = 3\n'a docstring-like string'\n").ends_in_value);
  EXPECT_FALSE(facts_of("").ends_in_value);
}

TEST(PythonBlockFactsTest, OneBatchKeepsTheOrder) {
  const std::vector<PythonBlockFacts> all = python_block_facts({"x = 1\n", "(", "", "y = x\n"});
  ASSERT_EQ(all.size(), 4u);
  EXPECT_TRUE(all[0].compiles);
  EXPECT_FALSE(all[1].compiles);
  EXPECT_TRUE(all[2].compiles);
  EXPECT_EQ(all[3].needs, Names{"x"});
  EXPECT_TRUE(python_block_facts({}).empty());
}

}  // namespace
}  // namespace guidecheck
