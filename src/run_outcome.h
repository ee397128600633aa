#pragma once
// What running one snippet produced: data, never an exception.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "output_protocol.h"

namespace guidecheck {

enum class RunStatus { kOk, kError, kTimeout, kCrashed };
const char* to_string(RunStatus status);

/// Output of one top-level statement of the snippet.
struct StatementOutput {
  int line = 0;
  int end_line = 0;
  bool ran = false;
  std::string stdout_text;
};

struct RunOutcome {
  RunStatus status = RunStatus::kError;
  std::optional<int> exit_code;
  std::optional<int> signal;
  std::string stdout_text;
  std::string stderr_text;
  bool stdout_truncated = false;
  bool stderr_truncated = false;
  double duration_s = 0;
  /// CPU time, user and system, of the run and the children it waited for
  /// (a pool's workers); 0: unknown. A run that mostly waits uses little.
  double cpu_s = 0;
  long max_rss_kb = 0;
  /// Processes still running when the snippet ended, killed by guidecheck.
  int leftovers_killed = 0;
  /// Why the run could not happen or report (empty when it did).
  std::string error;
  /// Stopped, or never started, because guidecheck was interrupted.
  bool interrupted = false;
  bool never_started = false;  ///< the interrupt came before it started
  bool cached = false;         ///< answered from the result cache, not run now
  std::vector<StatementOutput> statements;
  /// stdout in the order it was written, each stretch with its statement.
  std::vector<OutputPiece> pieces;
};

/// The `run --format json` object. Text fields are valid UTF-8: bytes that
/// are not become U+FFFD (replace_invalid_utf8). Then `stdout_base64` and
/// `stderr_base64` (and a statement's `stdout_base64`) hold the exact bytes,
/// in standard base64; they are absent when nothing was replaced.
nlohmann::json to_json(const RunOutcome& outcome);

}  // namespace guidecheck
