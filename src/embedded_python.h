#pragma once
// The process's embedded CPython: configuration, compile checks, preloading
// and fork hooks. The only file that includes <pybind11/embed.h>.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search_path_memo.h"

namespace guidecheck {

/// How the embedded interpreter is configured. The caller's environment
/// (PYTHONUNBUFFERED, PYTHONHASHSEED, PYTHONPATH...) is ignored on purpose:
/// a check must not print differently depending on who runs it.
struct InterpreterConfig {
  /// Becomes sys.executable, so multiprocessing and subprocess find a real
  /// Python with the same libraries.
  std::string executable = GUIDECHECK_PYTHON_EXECUTABLE;
  /// 0 disables hash randomisation (stable set order in golden files).
  unsigned long hash_seed = 0;
};

/// True when an interpreter runs in this process: started here, or the
/// python3 that loaded the zygote module (zygote_module.cc).
bool interpreter_running();

/// Makes os.environ what the C environment is now (names set or unset
/// since the interpreter started).
void mirror_environment();

/// Initialises the interpreter once per process; later calls do nothing
/// (nor when the process is a python3 that loaded us: it is configured by
/// the command line and environment that started it, see zygote.cc).
/// Returns false with *err set when CPython refuses the configuration.
bool start_interpreter(const InterpreterConfig& config, std::string* err);

/// A syntax or compile error found by CPython's compiler.
struct CompileError {
  int line = 0;    ///< 1-based; 0 when CPython gave none
  int column = 0;  ///< 1-based; 0 when CPython gave none
  std::string message;  ///< e.g. "'return' outside function"
};

/// Compiles `source` as a module (full compile: parser and symbol table, so
/// `return` outside a function is caught). Starts the interpreter if needed.
std::optional<CompileError> compile_check(std::string_view source, std::string_view filename = "<snippet>");

/// Imports each module; returns "module: reason" for those that failed.
/// A module that prints when imported is not kept (*noisy names it): its
/// output is discarded, not left in sys.stdout's buffer for every forked
/// sample to flush, and a sample that imports it prints, as in a fresh
/// interpreter.
std::vector<std::string> preload_modules(const std::vector<std::string>& modules, std::vector<std::string>* noisy);

/// Moves every object into the permanent GC generation, so forked children
/// do not copy the zygote's pages when the collector walks them, and packs
/// the heaps (heap_packing.h): a run's new objects go to fresh memory.
void freeze_heap();

/// In a run forked inside the zygote module's serve(), called from
/// python3's `-c` code: forgets the frames below, so that the sample's stack
/// starts with its own module and its recursion budget is whole, as under
/// `python3 file.py`. Does nothing where there are none. GIL held.
void start_stack_afresh();

/// Fork hooks (PyOS_BeforeFork and friends); call around fork().
void before_fork();
void after_fork_parent();
void after_fork_child();

/// Installed version of a distribution on the interpreter's sys.path, e.g.
/// "1.5.3" for "pandas" (see distribution_version.h); nullopt when it is not
/// installed. Starts the interpreter.
std::optional<std::string> installed_version(const std::string& distribution);

/// The interpreter's sys.path (its str entries); empty when it cannot
/// start. Starts the interpreter if needed.
std::vector<std::string> interpreter_search_path();

/// sys.path with what decided it (search_path_memo.h); empty when the
/// interpreter cannot start. Starts it if needed.
SearchPathFacts interpreter_search_path_facts();

/// The top-level modules a sample could import: the standard library's
/// names, the built-in modules, and those on sys.path (pkgutil's view).
/// Empty when the interpreter cannot start. Starts it if needed.
std::vector<std::string> importable_top_level_modules();

/// Version of the embedded interpreter, e.g. "3.11.2".
std::string python_version();
/// CPython's version and build ("3.11.2 (main, Mar 13 2023, ...) [GCC 12.2.0]"),
/// the same before the interpreter starts: part of a run's identity.
std::string python_build();

}  // namespace guidecheck
