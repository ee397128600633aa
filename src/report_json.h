#pragma once
// The machine-readable report of `check` (`--format json`), and the status
// words every report (JSON, JUnit, GitHub annotations) shares.

#include <string>
#include <string_view>
#include <vector>

#include "check_result.h"

namespace guidecheck {

/// A snippet's status in the reports: "passed", "skipped", or for a failed
/// snippet "timeout" / "crashed" (how its run ended), "error" (the run could
/// not happen: RunOutcome::error is set) or else "failed".
std::string_view report_status(const SnippetResult& result);

/// True for "error", "timeout" and "crashed": the sample did not run to its end.
bool is_error_status(std::string_view status);

/// Why a skipped snippet was not run: its skip_reason, else its first problem
/// without a leading "skipped: ". Empty for snippets that were not skipped.
std::string skip_reason_of(const SnippetResult& result);

/// The counts of a report. `failed` counts every failed snippet, including
/// the `errors` (error, timeout, crashed), so passed + failed + skipped is the
/// number of snippets, as in the summary line; errors <= failed.
struct ReportCounts {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int errors = 0;
};
ReportCounts count_results(const std::vector<SnippetResult>& results);

/// Claims the known-errata file excuses: the guide is wrong there, check
/// passes anyway, and every report lists them.
struct ErratumRef {
  const SnippetResult* snippet;
  const ClaimResult* claim;
};
std::vector<ErratumRef> known_errata(const std::vector<SnippetResult>& results);

/// The JSON report, pretty-printed, ending with a newline:
/// { "guide", "summary": {passed, failed, skipped, errors, total},
///   "known_errata": [{id, guide_line, claimed, actual, reason}],
///   "snippets": [{id, path, guide_lines: [first, last], status, exit_code,
///     signal, stdout, stderr, stdout_truncated, stderr_truncated, duration_s,
///     code, skip_reason, error, problems, notes, golden_diff,
///     claims: [{guide_line, kind, claimed, note, actual, verdict, rule,
///               known_erratum, erratum_reason}]}] }
/// Counts follow ReportCounts (failed includes errors). exit_code and signal
/// are null when there is none (skipped, killed); skip_reason, error and
/// golden_diff are null when empty. Bytes that are not valid UTF-8 are
/// written as the text "\xNN".
std::string render_json_report(const std::string& guide, const std::vector<SnippetResult>& results);

}  // namespace guidecheck
