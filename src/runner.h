#pragma once
// Running snippets: what to run, and the interface the commands use (tests
// substitute a fake).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "run_outcome.h"
#include "sandbox.h"
#include "snippet_main.h"
#include "typed_input.h"

namespace guidecheck {

struct RunSpec {
  std::string id;  ///< for progress and messages
  std::string path;    ///< the file run (its name is __file__ and shows in tracebacks)
  std::string source;  ///< what `path` holds: with the interpreter, what makes two runs the same
  std::vector<std::string> args;
  std::string stdin_path;  ///< empty: /dev/null
  /// Answers typed at the sample's prompts (stdin_path holds them): echoed
  /// after each prompt in its outcome, as a terminal shows them (typed_input.h).
  std::vector<TypedAnswer> typed_input;
  SnippetMode mode = SnippetMode::kScript;
  double timeout_s = 60;
  uint64_t memory_limit = 4ull << 30;  ///< bytes the snippet may add
  size_t output_cap = 8u << 20;        ///< stdout bytes kept; more is dropped
  double expected_duration_s = 0;      ///< from earlier runs; 0: unknown
  double expected_cpu_s = 0;           ///< CPU time of an earlier run; 0: unknown
  std::string prelude;                 ///< run in __main__ first
  SandboxPolicy sandbox;               ///< what it may do beyond the sandbox's default
};

/// Called after each run finishes: (index into the specs, its outcome).
using RunProgress = std::function<void(size_t, const RunOutcome&)>;

class Runner {
 public:
  virtual ~Runner() = default;
  /// Runs every spec (in parallel where the runner can) and returns the
  /// outcomes in the order of `specs`.
  virtual std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) = 0;
  /// What the runs depend on besides their spec: the interpreter's path,
  /// version and build, what it preloads, the hash seed. Two runners with
  /// the same identity give the same outcome for the same spec (as far as
  /// the code is deterministic): the key of a result cache.
  virtual std::string interpreter_identity() const { return ""; }
  /// These runs come next: start now, in the background, what they will
  /// need (a zygote takes tens of milliseconds to start), while the caller
  /// still has work of its own before run(). Runs nothing.
  virtual void prepare(const std::vector<RunSpec>& /*specs*/) {}
  /// Never reuse the outcome of this spec: the judge found it unstable
  /// (only a result cache keeps outcomes to reuse).
  virtual void forget(const RunSpec& /*spec*/) {}
};

}  // namespace guidecheck
