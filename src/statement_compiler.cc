#include "statement_compiler.h"

#include <Python.h>

#include <algorithm>
#include <optional>

#include "top_level_statements.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

// What the ast's way uses, looked up when a run first needs it: the slim
// zygote does not hold the ast module (every run's fork and exit would pay
// for its pages, and few samples need it).
struct AstPython {
  py::object compile, ast_module, ast_interactive, ast_expr, ast_constant, ast_import_from, future;
  int only_ast = 0;  ///< compile()'s flag that makes it parse
};

const AstPython& ast_python() {
  static const AstPython* python = [] {
    auto* made = new AstPython;
    py::module_ ast = py::module_::import("ast");
    made->compile = py::module_::import("builtins").attr("compile");
    made->ast_module = ast.attr("Module");
    made->ast_interactive = ast.attr("Interactive");
    made->ast_expr = ast.attr("Expr");
    made->ast_constant = ast.attr("Constant");
    made->ast_import_from = ast.attr("ImportFrom");
    made->future = py::module_::import("__future__");
    made->only_ast = ast.attr("PyCF_ONLY_AST").cast<int>();
    return made;
  }();
  return *python;
}

// compile(source, path, mode, flags, dont_inherit=True), as the builtin
// compiles bytes; nullptr with the error set.
PyObject* compile_text(const std::string& text, const std::string& path, int start, PyCompilerFlags* flags) {
  return Py_CompileStringExFlags(text.c_str(), path.c_str(), start, flags, -1);
}

// The offset where each 1-based line starts; one more for the end.
std::vector<size_t> line_starts(const std::string& source) {
  std::vector<size_t> starts{0, 0};
  for (size_t i = 0; i < source.size(); ++i)
    if (source[i] == '\n') starts.push_back(i + 1);
  if (starts.back() != source.size()) starts.push_back(source.size());
  return starts;
}

// Each statement compiled from its own lines, put at their own line numbers
// by blank lines before them. nullopt (no error set) where one does not
// compile alone: the ast decides then.
std::optional<std::vector<CompiledStatement>> compile_from_lines(const std::string& source, const std::string& path,
                                                                 bool session,
                                                                 const std::vector<TopLevelStatement>& statements) {
  const std::vector<size_t> starts = line_starts(source);
  PyCompilerFlags flags = _PyCompilerFlags_INIT;
  flags.cf_flags = PyCF_SOURCE_IS_UTF8;
  std::vector<CompiledStatement> compiled;
  for (size_t i = 0; i < statements.size(); ++i) {
    const TopLevelStatement& statement = statements[i];
    const size_t from = starts[static_cast<size_t>(statement.first_line)];
    const size_t to = starts[std::min(static_cast<size_t>(statement.last_line) + 1, starts.size() - 1)];
    std::string text(static_cast<size_t>(statement.first_line - 1), '\n');
    // After the first statement of a script, a bare string is no docstring:
    // a `pass` on line 1 keeps it from becoming __doc__ (a __future__
    // import must stay first, and is never a string).
    if (!session && i > 0 && !statement.future_import) text.replace(0, 1, "pass\n");
    text.append(source, from, to - from);
    PyObject* code = compile_text(text, path, session ? Py_single_input : Py_file_input, &flags);
    if (!code) {
      PyErr_Clear();
      return std::nullopt;
    }
    if (statement.future_import) flags.cf_flags |= reinterpret_cast<PyCodeObject*>(code)->co_flags & PyCF_MASK;
    compiled.push_back({statement.first_line, statement.last_line, py::reinterpret_steal<py::object>(code)});
  }
  return compiled;
}

// First line of an ast statement, counting its decorators.
int first_line(py::handle stmt) {
  int line = stmt.attr("lineno").cast<int>();
  if (py::hasattr(stmt, "decorator_list"))
    for (auto decorator : stmt.attr("decorator_list")) line = std::min(line, decorator.attr("lineno").cast<int>());
  return line;
}

// The ast's way: the module parsed into Python objects, each statement
// compiled from its node. Throws error_already_set.
std::vector<CompiledStatement> compile_from_ast(const std::string& source, const std::string& path, bool session) {
  const AstPython& python = ast_python();
  // compile() itself, not ast.parse: a syntax error's traceback then holds
  // no frame of ast.py, as python3's holds none.
  py::bytes bytes(source);
  py::object tree = python.compile(bytes, path, "exec", python.only_ast, true);
  python.compile(tree, path, "exec", 0, true);
  std::vector<CompiledStatement> compiled;
  int future_flags = 0;
  py::list body = tree.attr("body");
  // The whole module has shown its compile-time warnings; compiling its
  // statements again must not show them twice.
  py::module_ warnings = py::module_::import("warnings");
  py::object quiet = warnings.attr("catch_warnings")();
  quiet.attr("__enter__")();
  warnings.attr("simplefilter")("ignore");
  struct Restore {
    py::object& quiet;
    ~Restore() {
      PyObject *type, *value, *trace;
      PyErr_Fetch(&type, &value, &trace);  // an error on its way keeps going
      PyObject* result = PyObject_CallMethod(quiet.ptr(), "__exit__", "OOO", Py_None, Py_None, Py_None);
      if (!result) PyErr_Clear();
      Py_XDECREF(result);
      PyErr_Restore(type, value, trace);
    }
  } restore{quiet};
  for (size_t i = 0; i < body.size(); ++i) {
    py::object stmt = body[i];
    CompiledStatement statement{first_line(stmt), stmt.attr("end_lineno").cast<int>(), py::none()};
    if (!session && i > 0 && py::isinstance(stmt, python.ast_expr) &&
        py::isinstance(stmt.attr("value"), python.ast_constant) &&
        py::isinstance<py::str>(stmt.attr("value").attr("value"))) {
      compiled.push_back(statement);
      continue;
    }
    if (py::isinstance(stmt, python.ast_import_from) && !stmt.attr("module").is_none() &&
        stmt.attr("module").cast<std::string>() == "__future__") {
      for (auto alias : stmt.attr("names")) {
        std::string name = alias.attr("name").cast<std::string>();
        if (py::hasattr(python.future, name.c_str()))
          future_flags |= python.future.attr(name.c_str()).attr("compiler_flag").cast<int>();
      }
    }
    py::list one;
    one.append(stmt);
    statement.code = session ? python.compile(python.ast_interactive(one), path, "single", future_flags, true)
                             : python.compile(python.ast_module(one, py::list()), path, "exec", future_flags, true);
    compiled.push_back(statement);
  }
  return compiled;
}

// Whether compiling each statement alone says all that compiling the whole
// module would: only what a module says across statements is left out, a
// __future__ import after other statements, and `global` or `nonlocal`
// against the module's other uses of a name.
bool statements_tell_it_all(const std::vector<TopLevelStatement>& statements) {
  for (size_t i = 0; i < statements.size(); ++i) {
    if (statements[i].declares_scope) return false;
    if (!statements[i].future_import) continue;
    for (size_t before = 0; before < i; ++before)
      if (!statements[before].future_import && !(before == 0 && statements[before].bare_string)) return false;
  }
  return true;
}

}  // namespace

bool compile_statements(const std::string& source, const std::string& path, bool session,
                        std::vector<CompiledStatement>* out) {
  // Every statement compiles before any runs, so python3's errors (and its
  // compile-time warnings, once each) come before the first statement runs.
  std::optional<std::vector<TopLevelStatement>> statements = top_level_statements(source);
  if (statements && statements_tell_it_all(*statements)) {
    if (auto compiled = compile_from_lines(source, path, session, *statements)) {
      *out = std::move(*compiled);
      return true;
    }
  }
  try {
    *out = compile_from_ast(source, path, session);
    return true;
  } catch (py::error_already_set& e) {
    e.restore();
    return false;
  }
}

}  // namespace guidecheck
