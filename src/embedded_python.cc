#include "embedded_python.h"

#include <Python.h>
#include <dlfcn.h>
#include <pybind11/embed.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "distribution_version.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

bool g_running = false;

std::wstring widen(const std::string& s) {
  wchar_t* w = Py_DecodeLocale(s.c_str(), nullptr);
  if (!w) return std::wstring(s.begin(), s.end());
  std::wstring out(w);
  PyMem_RawFree(w);
  return out;
}

}  // namespace

bool start_interpreter(const InterpreterConfig& config, std::string* err) {
  if (g_running) return true;
  PyConfig py_config;
  PyConfig_InitPythonConfig(&py_config);
  py_config.use_environment = 0;
  py_config.parse_argv = 0;
  py_config.install_signal_handlers = 1;
  py_config.use_hash_seed = 1;
  py_config.hash_seed = config.hash_seed;
  py_config.buffered_stdio = 1;
  py_config.pathconfig_warnings = 0;
  // sys.path[0] is the snippets directory: an import of a sibling file (or
  // pytest's assertion rewriting) must not leave __pycache__ in the project.
  py_config.write_bytecode = 0;
  std::wstring executable = widen(config.executable);
  PyStatus status = PyConfig_SetString(&py_config, &py_config.program_name, executable.c_str());
  if (!PyStatus_Exception(status))
    status = PyConfig_SetString(&py_config, &py_config.executable, executable.c_str());
  if (PyStatus_Exception(status)) {
    *err = status.err_msg ? status.err_msg : "cannot configure the interpreter";
    PyConfig_Clear(&py_config);
    return false;
  }
  try {
    // pybind11 clears the config for us.
    py::initialize_interpreter(&py_config, 0, nullptr, /*add_program_dir_to_path=*/false);
  } catch (const std::exception& e) {
    *err = e.what();
    return false;
  }
  g_running = true;
  return true;
}

std::optional<CompileError> compile_check(std::string_view source, std::string_view filename) {
  if (!g_running) {
    std::string err;
    if (!start_interpreter({}, &err)) return CompileError{0, 0, "cannot start Python: " + err};
  }
  py::gil_scoped_acquire gil;
  try {
    // SyntaxWarnings ("is" with a literal...) are not errors: keep them
    // off the user's terminal.
    py::module_ warnings = py::module_::import("warnings");
    py::object quiet = warnings.attr("catch_warnings")();
    quiet.attr("__enter__")();
    warnings.attr("simplefilter")("ignore");
    py::object compile = py::module_::import("builtins").attr("compile");
    try {
      compile(py::bytes(source.data(), source.size()), py::str(filename.data(), filename.size()), "exec", 0, true);
    } catch (...) {
      quiet.attr("__exit__")(py::none(), py::none(), py::none());
      throw;
    }
    quiet.attr("__exit__")(py::none(), py::none(), py::none());
    return std::nullopt;
  } catch (py::error_already_set& e) {
    CompileError error;
    if (e.matches(PyExc_SyntaxError)) {
      py::object value = e.value();
      py::object lineno = value.attr("lineno");
      py::object offset = value.attr("offset");
      py::object msg = value.attr("msg");
      error.line = lineno.is_none() ? 0 : lineno.cast<int>();
      error.column = offset.is_none() ? 0 : offset.cast<int>();
      error.message = msg.is_none() ? "invalid syntax" : py::str(msg).cast<std::string>();
    } else {
      // ValueError for NUL bytes, RecursionError or MemoryError for absurd nesting.
      error.message = py::str(e.value()).cast<std::string>();
    }
    return error;
  }
}

std::vector<std::string> preload_modules(const std::vector<std::string>& modules, std::vector<std::string>* noisy) {
  std::vector<std::string> failures;
  py::gil_scoped_acquire gil;
  py::module_ sys = py::module_::import("sys");
  py::object io_string = py::module_::import("io").attr("StringIO");
  py::object stdout_before = sys.attr("stdout"), stderr_before = sys.attr("stderr");
  for (const auto& name : modules) {
    py::object printed = io_string();
    sys.attr("stdout") = printed;
    sys.attr("stderr") = printed;
    try {
      py::module_::import(name.c_str());
    } catch (py::error_already_set& e) {
      failures.push_back(name + ": " + py::str(e.value()).cast<std::string>());
    }
    sys.attr("stdout") = stdout_before;
    sys.attr("stderr") = stderr_before;
    size_t length = py::len(printed.attr("getvalue")());
    if (length > 0) {
      // A fresh interpreter would print it again: let each sample import it.
      sys.attr("modules").attr("pop")(name, py::none());
      noisy->push_back(name);
    }
  }
  return failures;
}

namespace {

// Takes, for good, every block Python's small-object allocator has free in
// its partly used pools (its own statistics say how many, per size class).
// A run's new objects then fill fresh pools one after the other, a few pages
// in all, instead of the free blocks the zygote left scattered over hundreds
// of its pages, each of which a run would copy to write one object.
void fill_allocator_pools() {
  // CPython's own statistics (sys._debugmallocstats), exported but not
  // public: looked up, so that an interpreter without them only misses this.
  using MallocStats = int (*)(FILE*);
  auto malloc_stats = reinterpret_cast<MallocStats>(dlsym(RTLD_DEFAULT, "_PyObject_DebugMallocStats"));
  if (!malloc_stats) return;
  char* text = nullptr;
  size_t length = 0;
  FILE* stats = open_memstream(&text, &length);
  if (!stats) return;
  const bool known = malloc_stats(stats) != 0;  // 0: another allocator
  std::fclose(stats);
  std::string table = known && text ? std::string(text, length) : "";
  std::free(text);
  // Rows of "class size pools blocks-in-use free-blocks" follow the header.
  size_t at = 0;
  while (at < table.size()) {
    const size_t end = std::min(table.find('\n', at), table.size());
    unsigned size_class = 0, block_size = 0;
    size_t pools = 0, used = 0, free_blocks = 0;
    if (std::sscanf(table.c_str() + at, "%u %u %zu %zu %zu", &size_class, &block_size, &pools, &used,
                    &free_blocks) == 5 &&
        block_size > 0)
      for (size_t k = 0; k < free_blocks; ++k) PyObject_Malloc(block_size);  // kept until the zygote exits
    at = end + 1;
  }
}

}  // namespace

void freeze_heap() {
  py::gil_scoped_acquire gil;
  py::module_ gc = py::module_::import("gc");
  gc.attr("collect")();
  gc.attr("freeze")();
  fill_allocator_pools();
}

void before_fork() {
  // Python buffers of the zygote must not be duplicated into every child.
  std::fflush(nullptr);
  PyOS_BeforeFork();
}
void after_fork_parent() { PyOS_AfterFork_Parent(); }
void after_fork_child() { PyOS_AfterFork_Child(); }

std::vector<std::string> interpreter_search_path() {
  std::string err;
  if (!g_running && !start_interpreter({}, &err)) return {};
  std::vector<std::string> search_path;
  py::gil_scoped_acquire gil;
  try {
    for (py::handle entry : py::module_::import("sys").attr("path"))
      if (py::isinstance<py::str>(entry)) search_path.push_back(entry.cast<std::string>());
  } catch (py::error_already_set&) {
    return {};
  }
  return search_path;
}

std::optional<std::string> installed_version(const std::string& distribution) {
  return distribution_version(distribution, interpreter_search_path());
}

std::string python_build() { return Py_GetVersion(); }

std::string python_version() { return Py_GetVersion() ? std::string(Py_GetVersion()).substr(0, std::string(Py_GetVersion()).find(' ')) : ""; }

}  // namespace guidecheck
