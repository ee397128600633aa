#include "continuation.h"

#include <fmt/format.h>
#include <pybind11/embed.h>

#include <algorithm>
#include <set>

#include "embedded_python.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

// A Python string literal holding `text` exactly: every byte as \xNN
// outside printable ASCII, so no quoting rule of the source can break it.
std::string python_bytes_literal(const std::string& text) {
  std::string out = "b'";
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') out += static_cast<char>(c);
    else out += fmt::format("\\x{:02x}", c);
  }
  return out + "'";
}

// Python's own parser tells the names a sample binds at module level and
// the names it reads without binding them anywhere (builtins excluded).
constexpr const char* kNameScanPy = R"PY(
import ast, builtins

def _scan(source):
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    top, bound, used = set(), set(), set()

    def bind_top(node):
        # Module-level bindings: statements, not function or class bodies.
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            top.add(node.name)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                top.add((alias.asname or alias.name).split('.')[0])
            return
        if isinstance(node, ast.Lambda):
            return
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            top.add(node.id)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            return
        for child in ast.iter_child_nodes(node):
            bind_top(child)

    for statement in tree.body:
        bind_top(statement)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound.add((alias.asname or alias.name).split('.')[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
    free = used - bound - set(dir(builtins)) - {'__name__', '__file__', '__doc__', '__builtins__', '_'}
    return sorted(top), sorted(free)
)PY";

}  // namespace

void link_continuations(std::vector<Sample>* samples) {
  if (samples->size() < 2) return;
  std::string err;
  if (!start_interpreter({}, &err)) return;
  py::gil_scoped_acquire gil;
  try {
    py::dict scope;
    scope["__builtins__"] = py::module_::import("builtins");
    py::exec(kNameScanPy, scope);
    py::object scan = scope["_scan"];
    std::vector<std::set<std::string>> binds(samples->size());
    for (size_t i = 0; i < samples->size(); ++i) {
      Sample& sample = (*samples)[i];
      py::object names = scan(py::bytes(sample.source));
      if (names.is_none()) continue;
      for (auto name : names.cast<py::tuple>()[0]) binds[i].insert(name.cast<std::string>());
      std::set<size_t> earlier;
      for (auto name : names.cast<py::tuple>()[1]) {
        std::string free = name.cast<std::string>();
        for (size_t j = 0; j < i; ++j)
          if (binds[j].count(free)) earlier.insert(j);
      }
      // What the earlier samples continue runs first too.
      std::set<size_t> all = earlier;
      for (size_t j : earlier)
        for (const auto& id : (*samples)[j].continues)
          for (size_t k = 0; k < j; ++k)
            if ((*samples)[k].id == id) all.insert(k);
      sample.continues.clear();
      for (size_t j : all) sample.continues.push_back((*samples)[j].id);
    }
  } catch (py::error_already_set&) {
    // Best effort: without the scan every sample runs on its own.
  }
}

std::string continuation_prelude(const std::vector<const Sample*>& earlier) {
  if (earlier.empty()) return "";
  // Names with a guidecheck prefix, deleted at the end: the sample sees
  // only what the earlier blocks defined.
  std::string code =
      "import contextlib as _guidecheck_contextlib, io as _guidecheck_io\n"
      "def _guidecheck_continue(_guidecheck_source, _guidecheck_name):\n"
      "    _guidecheck_sink = _guidecheck_io.StringIO()\n"
      "    with _guidecheck_contextlib.redirect_stdout(_guidecheck_sink), "
      "_guidecheck_contextlib.redirect_stderr(_guidecheck_sink):\n"
      "        try:\n"
      "            exec(compile(_guidecheck_source, _guidecheck_name, 'exec'), globals())\n"
      "        except BaseException:\n"
      "            pass\n";
  for (const Sample* sample : earlier)
    code += fmt::format("_guidecheck_continue({}, {})\n", python_bytes_literal(sample->source),
                        python_bytes_literal("<" + sample->id + ">") + ".decode()");
  code += "del _guidecheck_continue, _guidecheck_contextlib, _guidecheck_io\n";
  return code;
}

}  // namespace guidecheck
