#include "embedded_python.h"

#include <Python.h>
#include <pybind11/embed.h>

#include <cstdio>
#include <filesystem>

#include "distribution_version.h"
#include "heap_packing.h"

namespace py = pybind11;

extern "C" char** environ;

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

bool interpreter_running() { return Py_IsInitialized() != 0; }

void mirror_environment() {
  py::gil_scoped_acquire gil;
  py::dict now;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    size_t equals = entry.find('=');
    if (equals != std::string::npos) now[py::str(entry.substr(0, equals))] = py::str(entry.substr(equals + 1));
  }
  py::object os_environ = py::module_::import("os").attr("environ");
  for (py::handle name : py::list(os_environ))
    if (!now.contains(name)) os_environ.attr("pop")(name, py::none());
  for (auto [name, value] : now) {
    py::object was = os_environ.attr("get")(name);
    if (was.is_none() || !was.equal(py::reinterpret_borrow<py::object>(value))) os_environ[name] = value;
  }
}

bool start_interpreter(const InterpreterConfig& config, std::string* err) {
  if (g_running || interpreter_running()) {
    g_running = true;
    return true;
  }
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

void freeze_heap() {
  py::gil_scoped_acquire gil;
  py::module_ gc = py::module_::import("gc");
  gc.attr("collect")();
  gc.attr("freeze")();
  take_free_blocks();
}

void start_stack_afresh() {
#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
  PyThreadState* state = PyThreadState_Get();
  state->cframe->current_frame = nullptr;
  state->recursion_remaining = state->recursion_limit;
#else
#error "start_stack_afresh knows CPython 3.11's thread state only"
#endif
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

SearchPathFacts interpreter_search_path_facts() {
  SearchPathFacts facts;
  facts.search_path = interpreter_search_path();
  if (facts.search_path.empty()) return facts;
  py::gil_scoped_acquire gil;
  try {
    py::module_ sys = py::module_::import("sys");
    std::string executable = sys.attr("executable").cast<std::string>();
    facts.inputs.push_back(executable);
    // getpath looks for a virtual environment beside the executable and one up.
    std::filesystem::path bin = std::filesystem::path(executable).parent_path();
    facts.inputs.push_back((bin / "pyvenv.cfg").string());
    facts.inputs.push_back((bin.parent_path() / "pyvenv.cfg").string());
    py::module_ site = py::module_::import("site");
    for (py::handle dir : site.attr("getsitepackages")()) facts.site_dirs.push_back(dir.cast<std::string>());
    facts.site_dirs.push_back(site.attr("getusersitepackages")().cast<std::string>());
    py::dict modules = sys.attr("modules");
    for (const char* name : {"sitecustomize", "usercustomize"})
      if (modules.contains(name)) {
        py::object file = py::getattr(modules[name], "__file__", py::none());
        if (py::isinstance<py::str>(file)) facts.inputs.push_back(file.cast<std::string>());
      }
  } catch (py::error_already_set&) {
    facts.whole = false;
  }
  return facts;
}

std::vector<std::string> importable_top_level_modules() {
  std::string err;
  if (!g_running && !start_interpreter({}, &err)) return {};
  std::vector<std::string> names;
  py::gil_scoped_acquire gil;
  try {
    py::module_ sys = py::module_::import("sys");
    for (py::handle name : sys.attr("stdlib_module_names")) names.push_back(name.cast<std::string>());
    for (py::handle name : sys.attr("builtin_module_names")) names.push_back(name.cast<std::string>());
    for (py::handle module : py::module_::import("pkgutil").attr("iter_modules")())
      names.push_back(module.attr("name").cast<std::string>());
  } catch (py::error_already_set&) {
    PyErr_Clear();
  }
  return names;
}

std::optional<std::string> installed_version(const std::string& distribution) {
  return distribution_version(distribution, interpreter_search_path());
}

std::string python_build() { return Py_GetVersion(); }

std::string python_version() { return Py_GetVersion() ? std::string(Py_GetVersion()).substr(0, std::string(Py_GetVersion()).find(' ')) : ""; }

}  // namespace guidecheck
