#pragma once
// Runs a snippet as `__main__` inside a freshly forked child of the zygote.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "run_environment.h"

namespace guidecheck {

enum class SnippetMode {
  kScript,  ///< like `python3 FILE.py`, with per-statement attribution
  kPytest,  ///< like `python3 -m pytest FILE.py` (tests run in this process)
  /// Like typing the statements into python3's interactive prompt: expression
  /// values are echoed through sys.displayhook, and an exception prints its
  /// traceback (to stdout, as the statement's output, as doctest shows it)
  /// and the session goes on. Exit code 0 unless SystemExit says otherwise.
  kSession,
};

/// "script", "pytest" or "session": the mode's name on the wire and in keys.
std::string_view to_string(SnippetMode mode);
/// The mode named `name` (as to_string spells it); nullopt for another name.
std::optional<SnippetMode> snippet_mode_named(std::string_view name);

struct SnippetSpec {
  std::string path;  ///< the file to run; becomes __file__ and sys.argv[0]
  std::vector<std::string> args;  ///< sys.argv[1:]
  std::string marker;  ///< this run's protocol marker (output_protocol.h)
  SnippetMode mode = SnippetMode::kScript;
  /// How the snippet's environment differs from this process's (usually
  /// not at all: see run_environment.h).
  EnvChanges env_changes;
  /// Code run in __main__ before the snippet (directives: names the guide
  /// uses but never defines). Its output counts as no statement's.
  std::string prelude;
};

/// Loads guidecheck's child runtime and the modules run_snippet uses
/// (importlib.machinery, types) into the zygote, once, before any fork, and
/// makes what every run starts with (its streams, its __main__): every
/// child then starts with them ready instead of paying for them.
void prepare_snippet_runtime();

/// In the zygote, before it forks: has Python's path finder list each of
/// `dirs` (as the first import from a script there would), so that every
/// run finds the listing made. A directory that cannot be listed is passed
/// over: each run lists it as python3 would.
void list_import_dirs(const std::vector<std::string>& dirs);

/// Applies `changes` to this process's environment the way a run's are
/// applied (through os.environ, which must agree with the C environment):
/// the zygote puts on the environment of its runs once.
void put_on_environment(const EnvChanges& changes);

/// Runs the snippet and everything Python does at exit (threads joined,
/// atexit, streams flushed), without finalizing the interpreter. Returns the
/// exit code python3 would have; the caller passes it to _exit(). Call only in
/// a forked child whose fds 0-2 are already in place.
int run_snippet(const SnippetSpec& spec);

}  // namespace guidecheck
