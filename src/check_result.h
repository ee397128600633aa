#pragma once
// The result of checking one snippet, as the reporters see it.

#include <string>
#include <vector>

#include "claims.h"
#include "sample.h"
#include "run_outcome.h"

namespace guidecheck {

/// kNotRun: an interrupt (Ctrl-C, SIGTERM...) stopped it or came before it
/// ran: neither a pass nor a failure, and nothing of it is judged.
enum class SnippetVerdict { kPassed, kFailed, kSkipped, kNotRun };

/// How a claim of the guide compares with what its statement printed.
enum class ClaimVerdict {
  kMatch,       ///< identical, or identical once whitespace is collapsed
  kEquivalent,  ///< the same value under a named rule (ClaimResult::rule)
  kMismatch,    ///< the guide is wrong (or the code changed)
  kProse,       ///< the comment describes the output rather than showing it
  kUnstable,    ///< the statement printed different text on two runs
  kNotRun,      ///< the statement never ran: the sample stopped earlier
};
/// "match", "equivalent", "mismatch", "prose", "unstable", "not-run".
const char* to_string(ClaimVerdict verdict);

/// One claim of the guide and its verdict.
struct ClaimResult {
  int guide_line = 0;
  ClaimKind kind = ClaimKind::kOutput;
  std::string claimed;  ///< the claim's text (note excluded)
  std::string note;     ///< "(same values)"
  std::string actual;   ///< the rendered lines the statement's output occupies
  ClaimVerdict verdict = ClaimVerdict::kMatch;
  /// For equivalent: the rule's name ("quotes", "numpy-array"...); for the
  /// other verdicts a short explanation or empty.
  std::string rule;
  /// Listed in the known-errata file: the guide is known to be wrong here.
  bool known_erratum = false;
  std::string erratum_reason;
  /// Decided by the judge (judge.h) under the policy, --strict included:
  /// this claim fails its sample. Reports read it, never re-derive it.
  bool counts_against = false;
  /// An output block that agrees with what a script printed and then the
  /// traceback it ended with (stderr's), or a pytest session with failing
  /// tests that agrees: the guide shows that exit.
  bool shows_exit_traceback = false;
};

/// What became of one sample: the judge's decision, which reports render.
struct SampleResult {
  Sample sample;  ///< as planned: id, path, guide lines, the source that ran
  SnippetVerdict verdict = SnippetVerdict::kPassed;
  RunOutcome outcome;
  /// Why it failed or was skipped, one sentence each.
  std::vector<std::string> problems;
  /// Unified diff of expected vs actual stdout, when they differ.
  std::string golden_diff;
  /// Remarks that do not fail the snippet ("stdout is unstable: ...").
  std::vector<std::string> notes;
  std::string skip_reason;  ///< when skipped
  std::vector<ClaimResult> claims;
};

/// One phrase for a run that did not end well: "exited with 1",
/// "timed out after 2s", "crashed with signal 11 (SIGSEGV)"; empty for ok.
std::string describe_failure(const RunOutcome& outcome, double timeout_s);
/// True when the run ended by itself with exit 0 and nothing cut off: the
/// only runs whose output may be written into the guide or expected/.
bool is_complete_success(const RunOutcome& outcome);

}  // namespace guidecheck
