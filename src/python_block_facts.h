#pragma once
// What a reader of a formatted guide (Markdown, reST) needs to know about
// each block of Python it shows: does it compile, which names it binds and
// needs from earlier blocks, does it print, is it code at all or only shown
// values. Read with CPython's own ast and symtable in the embedded
// interpreter, every block of a guide in one call.

#include <string>
#include <utility>
#include <vector>

namespace guidecheck {

struct PythonBlockFacts {
  bool compiles = false;
  int error_line = 0;  ///< when it does not compile: 1-based line in the block, 0 when unknown
  std::string error;   ///< when it does not compile: "invalid syntax", "'return' outside function"
  /// Names bound at module level (assignments, imports, defs, classes, loop
  /// and `with` targets...), in order of first binding.
  std::vector<std::string> binds;
  /// Module-level names read before this block binds them, or read by its
  /// functions and classes without being bound here at all: what an earlier
  /// block must define. Builtins and dunder names are left out.
  std::vector<std::string> needs;
  /// Names of objects it changes in place at module level without binding
  /// them (`xs.append(4)`, `d["k"] = 1`, `del cache[0]`, `obj.n += 1`).
  std::vector<std::string> changes;
  std::vector<std::string> functions;  ///< names of module-level defs
  bool defines_tests = false;          ///< a module-level `def test_...`: pytest's collection rule
  /// Calls something that writes to stdout (print, pprint, display, help,
  /// `.write(`...): the block plausibly shows output.
  bool calls_print = false;
  /// Every statement is an expression made of values as a repr shows them:
  /// literals, names, attributes, calls with such arguments (`[1, 2]`,
  /// `Hello`, `Point(x=1, y=2)`, `array([1, 2])`). Output that happens to
  /// compile, not code (no assignment, keyword statement, print...).
  bool shows_values_only = false;
  /// Plain names called in such value statements (`Point` of `Point(x=1)`):
  /// a call of a function the guide defined is code after all.
  std::vector<std::string> called_names;
  /// Only the shape of code: every statement an expression (calls
  /// included), or one block whose body is bare names (`for x in items:` /
  /// `statements`).
  bool expressions_only = false;
  bool star_import = false;       ///< `from m import *`: the names it binds are unknown
  int statements = 0;             ///< top-level statements; 0 for only comments
  /// First and last lines (1-based) of the top-level expressions whose
  /// value a comment may show (`s.count("a")  # 3`): every expression
  /// statement but a print call or a bare string.
  std::vector<std::pair<int, int>> value_statements;
  /// The last top-level statement is one of those: a notebook cell shows
  /// its value after what the cell printed.
  bool ends_in_value = false;
  /// One call of a method whose arguments are all parameters with their
  /// defaults (`Path.mkdir(mode=0o777, parents=False, exist_ok=False)`): the
  /// signature a page shows, not a call it makes.
  bool signature = false;
  /// A `...` statement outside a def or class stands for code left out
  /// (`for row in report.rows:` / `...`): a fragment of a program.
  bool elides = false;
};

/// The facts of each source, in order (one batch through the interpreter,
/// which is started if needed). Never throws: a source the interpreter
/// cannot analyse (or an interpreter that cannot start) does not compile.
std::vector<PythonBlockFacts> python_block_facts(const std::vector<std::string>& sources);

}  // namespace guidecheck
