#include "snippet_main.h"

#include <Python.h>
#include <pybind11/eval.h>
#include <pybind11/pybind11.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <optional>
#include <cstdlib>
#include <fmt/format.h>

#include "atomic_file.h"
#include "child_runtime_py.h"
#include "embedded_python.h"
#include "fd.h"
#include "monotonic_clock.h"
#include "resource_limits.h"
#include "snippet_process.h"
#include "statement_compiler.h"
#include "write_ahead.h"

namespace py = pybind11;

namespace guidecheck {
namespace {

// Where fd 1 pointed when the run started: markers go there only while the
// snippet has not redirected fd 1 elsewhere (dup2 onto a file of its own).
struct FdIdentity {
  dev_t dev = 0;
  ino_t ino = 0;
};

FdIdentity identify(int fd) {
  struct stat st{};
  if (fstat(fd, &st) != 0) return {};
  return {st.st_dev, st.st_ino};
}

class MarkerWriter {
 public:
  explicit MarkerWriter(const std::string& marker) : marker_(marker), stdout_(identify(1)) {}

  /// False when fd 1 is no longer the run's pipe (or the write failed).
  bool record(const std::string& body) {
    FdIdentity now = identify(1);
    if (now.ino != stdout_.ino || now.dev != stdout_.dev) return false;
    return write_all(1, marker_ + body + "\n");
  }

 private:
  std::string marker_;
  FdIdentity stdout_;
};

// The modules and callables every run uses, looked up once in the zygote:
// an import or a lookup made in each run writes to (so copies) the pages it
// touches, in every run.
struct RunPython {
  py::module_ sys, builtins;
  py::object module_type, source_file_loader;
  /// Names every run sets, interned once in the zygote: set by name, each
  /// would be looked up in the interned strings' table in every run.
  py::str marker_name, main_name, argv_name, orig_argv_name, executable_name, path_name, file_name, loader_name;
};

py::str interned(const char* name) { return py::reinterpret_steal<py::str>(PyUnicode_InternFromString(name)); }

const RunPython& run_python() {
  static const RunPython* python = [] {
    auto* made = new RunPython;
    made->sys = py::module_::import("sys");
    made->builtins = py::module_::import("builtins");
    made->module_type = py::module_::import("types").attr("ModuleType");
    made->source_file_loader = py::module_::import("importlib.machinery").attr("SourceFileLoader");
    made->marker_name = interned("_marker");
    made->main_name = interned("__main__");
    made->argv_name = interned("argv");
    made->orig_argv_name = interned("orig_argv");
    made->executable_name = interned("executable");
    made->path_name = interned("path");
    made->file_name = interned("__file__");
    made->loader_name = interned("__loader__");
    return made;
  }();
  return *python;
}

// Mirrors _Py_HandleSystemExit: the exit code a SystemExit stands for.
int system_exit_code(py::handle exc_value) {
  py::object code = py::none();
  if (py::hasattr(exc_value, "code")) code = exc_value.attr("code");
  if (code.is_none()) return 0;
  if (PyLong_Check(code.ptr())) {
    int overflow = 0;
    long value = PyLong_AsLongAndOverflow(code.ptr(), &overflow);
    if (overflow) return -1;
    return static_cast<int>(value);
  }
  // Anything else is printed to stderr, exit status 1.
  py::object stderr_stream = run_python().sys.attr("stderr");
  if (!stderr_stream.is_none()) {
    PyFile_WriteObject(code.ptr(), stderr_stream.ptr(), Py_PRINT_RAW);
    PyFile_WriteString("\n", stderr_stream.ptr());
  }
  PyErr_Clear();
  return 1;
}

// After an exception escaped the snippet: the exit code, with the traceback
// printed by sys.excepthook exactly as python3 prints it.
int handle_exception() {
  if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    py::object owned_value = py::reinterpret_steal<py::object>(value);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return system_exit_code(owned_value);
  }
  PyErr_Print();
  return 1;
}

void call_ignoring_errors(const char* module, const char* function) {
  py::dict modules = run_python().sys.attr("modules");
  if (!modules.contains(module)) return;
  PyObject* result = PyObject_CallMethod(modules[module].ptr(), function, nullptr);
  if (result == nullptr) PyErr_WriteUnraisable(nullptr);
  Py_XDECREF(result);
}

// What Py_FinalizeEx does before tearing the interpreter down, in its order.
// Tearing down is skipped: the process is about to _exit (~85 ms saved).
int finish(int exit_code) {
  call_ignoring_errors("threading", "_shutdown");
  call_ignoring_errors("atexit", "_run_exitfuncs");
  const py::module_& sys = run_python().sys;
  for (const char* name : {"stdout", "stderr"}) {
    py::object stream = sys.attr(name);
    if (stream.is_none()) continue;
    PyObject* result = PyObject_CallMethod(stream.ptr(), "flush", nullptr);
    if (result == nullptr) {
      PyErr_WriteUnraisable(stream.ptr());
      if (std::string(name) == "stdout") exit_code = 120;  // as Py_RunMain does
    }
    Py_XDECREF(result);
  }
  std::fflush(nullptr);
  return exit_code;
}

// Owned by the zygote and inherited by every child; never freed (the
// process ends with _exit).
py::object* g_runtime = nullptr;

// The __main__ module of the next run, made in the zygote with a stand-in
// path (prepare_snippet_runtime); the run that takes it gives it its own.
py::module_* g_prepared_main = nullptr;

// The kinds of fds 0-2 the prepared streams were made for (child_runtime.py's
// prepare_streams): a stream asks its fd, when made, whether it seeks and
// how large a block it takes. A run whose fds differ makes its own.
struct FdKind {
  mode_t type = 0;
  blksize_t block = 0;
  bool operator==(const FdKind&) const = default;
};
std::optional<std::array<FdKind, 3>> g_prepared_fd_kinds;
// The prepared stdout's raw layer (each run sets its marker there) and the
// runtime's ledger; whether a run must reseed numpy (loaded in the zygote).
py::object* g_prepared_raw = nullptr;
py::object* g_ledger = nullptr;
bool g_reseeds_numpy = false;

std::optional<FdKind> kind_of(int fd) {
  struct stat st{};
  if (fstat(fd, &st) != 0) return std::nullopt;
  return FdKind{st.st_mode & S_IFMT, st.st_blksize};
}

bool fds_fit_prepared_streams() {
  if (!g_prepared_fd_kinds) return false;
  for (int fd = 0; fd < 3; ++fd)
    if (kind_of(fd) != (*g_prepared_fd_kinds)[fd]) return false;
  return true;
}

// With no descendant left (a subreaper's orphans would be its children), the
// run is over now: say so and let go of the pipes, so the host need not wait
// while the kernel tears down the interpreter's address space.
void announce_quit(MarkerWriter& markers, int exit_code, long long started) {
  // One waitid that reaps nothing says "no child at all" (ECHILD) without
  // reading /proc; with any child, the list says whether one is left.
  siginfo_t any{};
  if (waitid(P_ALL, 0, &any, WEXITED | WNOHANG | WNOWAIT) == 0 && !child_pids().empty()) return;
  const ProcessUsage used = process_usage();
  if (!markers.record(fmt::format("Q{},{},{},{}", exit_code & 0xff, monotonic_micros() - started, used.peak_rss_kb,
                                 used.cpu_micros))) return;
  close(0);
  close(2);
  close(1);
}

py::object load_runtime() {
  if (g_runtime) return *g_runtime;
  py::module_ types = py::module_::import("types");
  py::object runtime = types.attr("ModuleType")("_guidecheck_runtime");
  py::dict ns = runtime.attr("__dict__");
  ns["__builtins__"] = py::module_::import("builtins");
  py::exec(py::str(kChildRuntimePy.data(), kChildRuntimePy.size()), ns);
  return runtime;
}

// {name: value or None}, as the runtime's set_environment takes them.
py::dict as_dict(const EnvChanges& changes) {
  py::dict dict;
  for (const auto& [name, value] : changes) dict[py::str(name)] = value ? py::object(py::str(*value)) : py::none();
  return dict;
}

// A `__main__` module for the file at `path`, as python3 makes it.
py::module_ new_main_module(const std::string& path) {
  const RunPython& python = run_python();
  py::module_ module = py::reinterpret_borrow<py::module_>(python.module_type("__main__"));
  py::dict globals = module.attr("__dict__");
  globals["__file__"] = path;
  globals["__cached__"] = py::none();
  globals["__builtins__"] = python.builtins;
  globals["__loader__"] = python.source_file_loader("__main__", path);
  return module;
}

// The prepared module when there is one (given `path`), else a new one.
py::module_ main_module_for(const std::string& path) {
  if (!g_prepared_main) return new_main_module(path);
  py::module_ module = *g_prepared_main;
  g_prepared_main = nullptr;  // one run, one module
  const RunPython& python = run_python();
  py::str file(path);
  PyObject* globals = PyModule_GetDict(module.ptr());  // borrowed
  PyObject* loader = PyDict_GetItemWithError(globals, python.loader_name.ptr());  // borrowed
  if (PyDict_SetItem(globals, python.file_name.ptr(), file.ptr()) != 0 || !loader ||
      PyObject_SetAttr(loader, python.path_name.ptr(), file.ptr()) != 0) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, "the prepared __main__ lost its __loader__");
    throw py::error_already_set();
  }
  return module;
}

// The directory python3 puts first on sys.path: the script's, links resolved.
py::object script_directory(const std::string& path) {
  if (char* resolved = realpath(path.c_str(), nullptr)) {
    std::string real(resolved);
    std::free(resolved);
    const std::size_t slash = real.rfind('/');  // realpath's answer is absolute
    return py::str(real.substr(0, slash == 0 ? 1 : slash));  // "/" keeps its slash
  }
  py::object os_path = py::module_::import("os.path");
  return os_path.attr("dirname")(os_path.attr("realpath")(path));
}

py::dict fresh_main(const SnippetSpec& spec) {
  const RunPython& python = run_python();
  py::module_ module = main_module_for(spec.path);
  py::list argv;
  argv.append(spec.path);
  for (const auto& arg : spec.args) argv.append(arg);
  PyObject* sys = PyModule_GetDict(python.sys.ptr());  // borrowed, as the dicts below
  // As `python3 file.py args` started it, not as the zygote was started.
  py::list orig_argv;
  if (PyObject* executable = PyDict_GetItemWithError(sys, python.executable_name.ptr())) orig_argv.append(executable);
  for (py::handle arg : argv) orig_argv.append(arg);
  if (PyErr_Occurred() || PyDict_SetItem(PyImport_GetModuleDict(), python.main_name.ptr(), module.ptr()) != 0 ||
      PyDict_SetItem(sys, python.argv_name.ptr(), argv.ptr()) != 0 ||
      PyDict_SetItem(sys, python.orig_argv_name.ptr(), orig_argv.ptr()) != 0)
    throw py::error_already_set();
  PyObject* path = PyDict_GetItemWithError(sys, python.path_name.ptr());  // the zygote's list
  if (!path || !PyList_Check(path) || PyList_Insert(path, 0, script_directory(spec.path).ptr()) != 0) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, "sys.path is not a list");
    throw py::error_already_set();
  }
  return py::reinterpret_borrow<py::dict>(PyModule_GetDict(module.ptr()));
}

// What the prompt does after each statement (pythonrun.c's flush_io): the
// session's output is in statement order even where fd writes interleave.
void flush_io() {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  for (const char* name : {"stderr", "stdout"}) {
    PyObject* stream = PySys_GetObject(name);  // borrowed
    if (stream == nullptr || stream == Py_None) continue;
    PyObject* result = PyObject_CallMethod(stream, "flush", nullptr);
    if (result == nullptr) PyErr_Clear();
    Py_XDECREF(result);
  }
  PyErr_Restore(type, value, tb);
}

// A session statement raised: show the traceback on stdout, where it is that
// statement's output, and let the session go on.
void show_session_exception() {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  if (tb) PyException_SetTraceback(value, tb);
  py::object owned_type = py::reinterpret_steal<py::object>(type);
  py::object owned_value = py::reinterpret_steal<py::object>(value);
  py::object owned_tb = py::reinterpret_steal<py::object>(tb ? tb : Py_NewRef(Py_None));
  PyObject* printer = PyObject_GetAttrString(load_runtime().ptr(), "print_session_exception");
  PyObject* result =
      printer ? PyObject_CallFunctionObjArgs(printer, owned_type.ptr(), owned_value.ptr(), owned_tb.ptr(), nullptr)
              : nullptr;
  Py_XDECREF(printer);
  if (result == nullptr) PyErr_WriteUnraisable(nullptr);
  Py_XDECREF(result);
}

// The file's bytes, read without Python's io objects (each run would make
// them, writing the pages they touch); python3's own error when it cannot be
// read (Python's io then raises it).
std::string read_source(const std::string& path) {
  std::string content, err;
  if (read_file(path, &content, &err)) return content;
  return py::module_::import("io").attr("open")(path, "rb").attr("read")().cast<std::string>();
}

int run_script(const SnippetSpec& spec, py::dict globals, py::object ledger, MarkerWriter& markers) {
  const bool session = spec.mode == SnippetMode::kSession;
  std::vector<CompiledStatement> statements;
  try {
    if (!compile_statements(read_source(spec.path), spec.path, session, &statements)) return handle_exception();
  } catch (py::error_already_set& e) {
    e.restore();
    return handle_exception();
  }

  std::string table = "T";
  for (const CompiledStatement& statement : statements)
    table += fmt::format("{}{}-{}", table.size() > 1 ? "," : "", statement.first_line, statement.last_line);
  markers.record(table);

  for (const CompiledStatement& statement : statements) {
    ledger.attr("line") = statement.first_line;
    markers.record("S" + std::to_string(statement.first_line));
    if (statement.code.is_none()) continue;
    // Its frame is the module frame the ledger looks for: the line it runs
    // is the line a write inside a `with` or a loop came from.
    ledger.attr("enter")(statement.code);
    PyObject* result = PyEval_EvalCode(statement.code.ptr(), globals.ptr(), globals.ptr());
    if (result == nullptr) {
      if (!session || PyErr_ExceptionMatches(PyExc_SystemExit)) return handle_exception();
      show_session_exception();
    }
    Py_XDECREF(result);
    if (session) flush_io();
  }
  return 0;
}

int run_pytest(const SnippetSpec& spec) {
  try {
    // Run a copy in the run's own working directory, as `pytest q38.py`
    // would from the file's directory: pytest names tests relative to its
    // working directory, and the output must not depend on where the
    // project is checked out.
    py::object os_path = py::module_::import("os.path");
    py::object local = os_path.attr("basename")(spec.path);
    py::module_::import("shutil").attr("copyfile")(spec.path, local);
    py::list args;
    args.append(local);
    args.append("-p");
    args.append("no:cacheprovider");
    args.append("--no-header");  // it names the rootdir, an absolute path
    for (const auto& arg : spec.args) args.append(arg);
    py::object code = py::module_::import("pytest").attr("main")(args);
    return py::int_(code).cast<int>();
  } catch (py::error_already_set& e) {
    e.restore();
    return handle_exception();
  }
}

// How often the zygote rehearses a run's own steps: enough for the
// interpreter to specialise their bytecode (it does after a few calls).
constexpr int kRehearsals = 24;
constexpr const char* kRehearsalSource =
    "values = [n * n for n in range(4)]\n"
    "print(sum(values), {'key': values})\n";

// In the zygote, before any fork: the Python-level steps of every run (its
// streams, its __main__, parsing and compiling a sample) taken on throwaway
// objects, so that what the interpreter writes the first times it runs them
// (specialised bytecode, allocator pools, caches) is written once here, not
// copied into every run. Nothing is run from a guide, nothing in sys changes.
void rehearse_runs() {
  UniqueFd null(open("/dev/null", O_RDWR | O_CLOEXEC));
  if (!null) return;
  try {
    load_runtime().attr("rehearse")(null.get(), kRehearsals);
    const std::string path = "/nonexistent/guidecheck-rehearsal.py";
    for (int i = 0; i < kRehearsals; ++i) {
      new_main_module(path);
      script_directory(path);
      std::vector<CompiledStatement> statements;
      if (!compile_statements(kRehearsalSource, path, false, &statements)) PyErr_Clear();
    }
  } catch (py::error_already_set&) {
    PyErr_Clear();  // a warm-up only: runs work without it
  }
}

// In the zygote: the streams every run starts with, made while fds 0-2 are
// stand-ins of a run's own (/dev/null for stdin, a pipe for stdout and
// stderr); the zygote's own fds are put back after.
void prepare_streams() {
  UniqueFd saved[3] = {UniqueFd(fcntl(0, F_DUPFD_CLOEXEC, 3)), UniqueFd(fcntl(1, F_DUPFD_CLOEXEC, 3)),
                       UniqueFd(fcntl(2, F_DUPFD_CLOEXEC, 3))};
  UniqueFd null(open("/dev/null", O_RDONLY | O_CLOEXEC));
  Pipe pipe;
  std::string err;
  if (!saved[0] || !saved[1] || !saved[2] || !null || !Pipe::create(&pipe, &err)) return;
  if (dup2(null.get(), 0) == 0 && dup2(pipe.write_end.get(), 1) == 1 && dup2(pipe.write_end.get(), 2) == 2) {
    std::array<FdKind, 3> kinds;
    bool known = true;
    for (int fd = 0; fd < 3; ++fd) {
      std::optional<FdKind> kind = kind_of(fd);
      known = known && kind;
      if (kind) kinds[fd] = *kind;
    }
    try {
      if (known) {
        g_prepared_raw = new py::object(load_runtime().attr("prepare_streams")());
        g_ledger = new py::object(load_runtime().attr("_ledger"));
        g_reseeds_numpy = run_python().sys.attr("modules").contains("numpy");
        g_prepared_fd_kinds = kinds;
      }
    } catch (py::error_already_set&) {
      PyErr_Clear();  // runs make their own
    }
  }
  for (int fd = 0; fd < 3; ++fd) dup2(saved[fd].get(), fd);
}

// In the zygote: what a run replaces in sys stays alive (the zygote's own
// __main__, argv and orig_argv, never freed in a run: freeing them writes every page
// they touch), and sys.path gets room for the script's directory (inserting
// it then moves no array).
void prepare_sys_for_runs() {
  const py::module_& sys = run_python().sys;
  new py::object(sys.attr("modules").attr("get")("__main__"));
  new py::object(sys.attr("argv"));
  new py::object(sys.attr("orig_argv"));
  py::list path = sys.attr("path");
  for (int i = 0; i < 4; ++i) path.insert(0, py::none());
  for (int i = 0; i < 4; ++i) path.attr("pop")(0);
}

}  // namespace

std::string_view to_string(SnippetMode mode) {
  switch (mode) {
    case SnippetMode::kScript: return "script";
    case SnippetMode::kPytest: return "pytest";
    case SnippetMode::kSession: return "session";
  }
  return "script";
}

std::optional<SnippetMode> snippet_mode_named(std::string_view name) {
  for (SnippetMode mode : {SnippetMode::kScript, SnippetMode::kPytest, SnippetMode::kSession})
    if (to_string(mode) == name) return mode;
  return std::nullopt;
}

void prepare_snippet_runtime() {
  py::gil_scoped_acquire gil;
  for (const char* module : {"importlib.machinery", "collections", "io", "types"})
    py::module_::import(module);
  g_runtime = new py::object(load_runtime());
  run_python();
  rehearse_runs();
  prepare_streams();
  g_prepared_main = new py::module_(new_main_module("/nonexistent/guidecheck-prepared.py"));
  prepare_sys_for_runs();
}

void list_import_dirs(const std::vector<std::string>& dirs) {
  if (dirs.empty()) return;
  py::gil_scoped_acquire gil;
  py::object path_finder = py::module_::import("importlib.machinery").attr("PathFinder");
  for (const std::string& dir : dirs) {
    // Keyed as a run's sys.path[0] is: the directory, links resolved.
    char* resolved = realpath(dir.c_str(), nullptr);
    if (!resolved) continue;  // nothing to list
    py::list entry;
    entry.append(py::str(resolved));
    std::free(resolved);
    try {
      // A name no directory holds: the finder is made, cached in
      // sys.path_importer_cache, and lists the directory, finding nothing.
      path_finder.attr("find_spec")("__guidecheck_listing__", entry);
    } catch (py::error_already_set&) {
    }
  }
}

void put_on_environment(const EnvChanges& changes) {
  py::gil_scoped_acquire gil;
  load_runtime().attr("set_environment")(as_dict(changes));
}

int run_snippet(const SnippetSpec& spec) {
  long long started = monotonic_micros();
  MarkerWriter markers(spec.marker);
  int exit_code = 0;
  py::object ledger;
  start_stack_afresh();
  try {
    const bool fit = fds_fit_prepared_streams();
    if (fit && spec.env_changes.empty() && !g_reseeds_numpy) {
      // The usual run: the zygote wears its streams; only the marker is its own.
      if (PyObject_SetAttr(g_prepared_raw->ptr(), run_python().marker_name.ptr(), py::bytes(spec.marker).ptr()) != 0)
        throw py::error_already_set();
      ledger = *g_ledger;
    } else {
      ledger = load_runtime().attr("install")(py::bytes(spec.marker), as_dict(spec.env_changes), fit);
    }
    py::dict globals = fresh_main(spec);
    if (!spec.prelude.empty()) {
      py::object code = py::module_::import("builtins")
                            .attr("compile")(py::bytes(spec.prelude), "<guidecheck prelude>", "exec", 0, true);
      PyObject* result = PyEval_EvalCode(code.ptr(), globals.ptr(), globals.ptr());
      if (result == nullptr) throw py::error_already_set();
      Py_DECREF(result);
    }
    exit_code = spec.mode == SnippetMode::kPytest ? run_pytest(spec) : run_script(spec, globals, ledger, markers);
  } catch (py::error_already_set& e) {
    e.restore();
    exit_code = handle_exception();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "guidecheck: %s\n", e.what());
    exit_code = 1;
  }
  try {
    if (ledger) {
      ledger.attr("line") = 0;
      ledger.attr("enter")(py::none());
    }
    markers.record("S0");
    exit_code = finish(exit_code);
    report_written_pages();  // a probe run only (see write_ahead.h)
    announce_quit(markers, exit_code, started);
    return exit_code;
  } catch (...) {
    std::fflush(nullptr);
    return exit_code;
  }
}

}  // namespace guidecheck

