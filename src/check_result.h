#pragma once
// The result of checking one snippet, as the reporters see it.

#include <string>
#include <vector>

#include "run_outcome.h"

namespace guidecheck {

enum class SnippetVerdict { kPassed, kFailed, kSkipped };

struct SnippetResult {
  std::string id;
  std::string path;
  int first_line = 0;  ///< guide lines of the sample; 0 without a guide
  int last_line = 0;
  std::string source;
  SnippetVerdict verdict = SnippetVerdict::kPassed;
  RunOutcome outcome;
  /// Why it failed or was skipped, one sentence each.
  std::vector<std::string> problems;
  /// Unified diff of expected vs actual stdout, when they differ.
  std::string golden_diff;
  /// Remarks that do not fail the snippet ("stdout is unstable: ...").
  std::vector<std::string> notes;
};

struct CheckSummary {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

CheckSummary summarize(const std::vector<SnippetResult>& results);
/// "3 passed, 1 failed" with ", 2 skipped" when any were skipped.
std::string summary_line(const CheckSummary& summary);
/// One phrase for a run that did not end well: "exited with 1",
/// "timed out after 2s", "crashed with signal 11 (SIGSEGV)"; empty for ok.
std::string describe_failure(const RunOutcome& outcome, double timeout_s);

}  // namespace guidecheck
