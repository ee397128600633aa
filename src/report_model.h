#pragma once
// The one model every report renders: the judged samples of a check, their
// status words and the counts. Renderers (report_formats.h) read it and
// never re-derive policy: whether a sample failed, and whether a claim
// counts against it, were decided by the judge (judge.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check_result.h"

namespace guidecheck {

/// The counts of a report. `failed` counts every failed snippet, including
/// the `errors` (error, timeout, crashed), so passed + failed + skipped is the
/// number of snippets, as in the summary line; errors <= failed.
struct ReportCounts {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int errors = 0;
  int not_run = 0;  ///< an interrupt stopped them or came first
  int cached = 0;   ///< whose run was reused from the result cache
  int total() const { return passed + failed + skipped + not_run; }
};

/// Claims the known-errata file excuses: the guide is wrong there, check
/// passes anyway, and every report lists them.
struct ErratumRef {
  const SampleResult* snippet;
  const ClaimResult* claim;
};

/// What a check found, ready to render.
/// The share of the samples a `check --shard K/N` ran.
struct ReportShard {
  int index = 0;  ///< K, 1-based
  int count = 0;  ///< N
  int samples_total = 0;  ///< samples of all the shards together
  std::string partition;  ///< digest of the partition every shard must agree on
};

struct Report {
  std::string guide;                  ///< the guide the claims' lines refer to
  std::optional<ReportShard> shard;   ///< set by check --shard and kept by merge
  std::vector<SampleResult> samples;  ///< in guide order
  ReportCounts counts;
  /// What reading another guide noted: blocks not run and why (a syntax
  /// template, code that does not compile), unsure layouts.
  std::vector<std::string> reader_notes;
};

/// The report of `samples`, counted.
Report make_report(std::string guide, std::vector<SampleResult> samples);

/// A snippet's status in the reports: "passed", "skipped", or for a failed
/// snippet "timeout" / "crashed" (how its run ended), "error" (the run could
/// not happen: RunOutcome::error is set) or else "failed".
std::string_view report_status(const SampleResult& result);

/// True for "error", "timeout" and "crashed": the sample did not run to its end.
bool is_error_status(std::string_view status);

/// Why a skipped snippet was not run: its skip_reason, else its first problem
/// without a leading "skipped: ". Empty for snippets that were not skipped.
std::string skip_reason_of(const SampleResult& result);

ReportCounts count_results(const std::vector<SampleResult>& results);

/// "3 passed, 1 failed" with ", 2 skipped" when any were skipped.
std::string summary_line(const ReportCounts& counts);

/// "3 match, 1 equivalent, 1 mismatch (1 known)": a sample's claims by
/// verdict, in a fixed order; empty when it has none.
std::string claim_verdict_counts(const std::vector<ClaimResult>& claims);

std::vector<ErratumRef> known_errata(const std::vector<SampleResult>& results);

}  // namespace guidecheck
