#include "report_model.h"

#include <fmt/format.h>

namespace guidecheck {

Report make_report(std::string guide, std::vector<SampleResult> samples) {
  Report report;
  report.guide = std::move(guide);
  report.samples = std::move(samples);
  report.counts = count_results(report.samples);
  return report;
}

std::string_view report_status(const SampleResult& result) {
  switch (result.verdict) {
    case SnippetVerdict::kPassed: return "passed";
    case SnippetVerdict::kSkipped: return "skipped";
    case SnippetVerdict::kNotRun: return "not run";
    case SnippetVerdict::kFailed: break;
  }
  if (result.outcome.status == RunStatus::kTimeout) return "timeout";
  if (result.outcome.status == RunStatus::kCrashed) return "crashed";
  if (!result.outcome.error.empty()) return "error";
  return "failed";
}

bool is_error_status(std::string_view status) {
  return status == "error" || status == "timeout" || status == "crashed";
}

std::string skip_reason_of(const SampleResult& result) {
  if (result.verdict == SnippetVerdict::kNotRun) return result.skip_reason;
  if (result.verdict != SnippetVerdict::kSkipped) return "";
  if (!result.skip_reason.empty()) return result.skip_reason;
  if (result.problems.empty()) return "";
  std::string_view first = result.problems.front();
  constexpr std::string_view kPrefix = "skipped: ";
  if (first.substr(0, kPrefix.size()) == kPrefix) first.remove_prefix(kPrefix.size());
  return std::string(first);
}

ReportCounts count_results(const std::vector<SampleResult>& results) {
  ReportCounts counts;
  for (const auto& result : results) {
    std::string_view status = report_status(result);
    if (status == "passed") ++counts.passed;
    else if (status == "skipped") ++counts.skipped;
    else if (status == "not run") ++counts.not_run;
    else ++counts.failed;
    if (is_error_status(status)) ++counts.errors;
    if (result.outcome.cached) ++counts.cached;
  }
  return counts;
}

std::vector<ErratumRef> known_errata(const std::vector<SampleResult>& results) {
  std::vector<ErratumRef> errata;
  for (const auto& result : results)
    for (const auto& claim : result.claims)
      if (claim.known_erratum) errata.push_back({&result, &claim});
  return errata;
}

std::string claim_verdict_counts(const std::vector<ClaimResult>& claims) {
  if (claims.empty()) return "";
  const ClaimVerdict order[] = {ClaimVerdict::kMatch,    ClaimVerdict::kEquivalent, ClaimVerdict::kProse,
                                ClaimVerdict::kUnstable, ClaimVerdict::kNotRun,     ClaimVerdict::kMismatch};
  std::string out;
  for (ClaimVerdict verdict : order) {
    int n = 0, errata = 0;
    for (const auto& claim : claims) {
      if (claim.verdict != verdict) continue;
      ++n;
      if (claim.known_erratum) ++errata;
    }
    if (!n) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, to_string(verdict));
    if (errata) out += fmt::format(" ({} known)", errata);
  }
  return out;
}

std::string summary_line(const ReportCounts& counts) {
  std::string line = fmt::format("{} passed, {} failed", counts.passed, counts.failed);
  if (counts.skipped) line += fmt::format(", {} skipped", counts.skipped);
  if (counts.not_run) line += fmt::format(", {} not run (interrupted)", counts.not_run);
  return line;
}

}  // namespace guidecheck
