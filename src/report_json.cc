#include "report_json.h"

#include <nlohmann/json.hpp>

#include "utf8.h"

namespace guidecheck {
namespace {

// Keys keep their insertion order: guide, summary, snippets read top-down.
using json = nlohmann::ordered_json;

// nlohmann::json throws on invalid UTF-8 when dumping: every string from a
// snippet goes through here.
json text(std::string_view value) { return escape_invalid_utf8(value); }

json text_or_null(std::string_view value) { return value.empty() ? json(nullptr) : text(value); }

json optional_int(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

json text_array(const std::vector<std::string>& values) {
  json array = json::array();
  for (const auto& value : values) array.push_back(text(value));
  return array;
}

json claim_json(const ClaimResult& claim) {
  return {{"guide_line", claim.guide_line},
          {"kind", std::string(to_string(claim.kind))},
          {"claimed", text(claim.claimed)},
          {"note", text(claim.note)},
          {"actual", text(claim.actual)},
          {"verdict", to_string(claim.verdict)},
          {"rule", text(claim.rule)},
          {"known_erratum", claim.known_erratum},
          {"erratum_reason", text_or_null(claim.erratum_reason)}};
}

json snippet_json(const SnippetResult& result) {
  const RunOutcome& outcome = result.outcome;
  bool skipped = result.verdict == SnippetVerdict::kSkipped;
  json claims = json::array();
  for (const auto& claim : result.claims) claims.push_back(claim_json(claim));
  return {{"id", text(result.id)},
          {"path", text(result.path)},
          {"guide_lines", {result.first_line, result.last_line}},
          {"status", std::string(report_status(result))},
          // A skipped snippet never ran: its default RunOutcome says nothing.
          {"exit_code", skipped ? json(nullptr) : optional_int(outcome.exit_code)},
          {"signal", skipped ? json(nullptr) : optional_int(outcome.signal)},
          {"stdout", text(outcome.stdout_text)},
          {"stderr", text(outcome.stderr_text)},
          {"stdout_truncated", outcome.stdout_truncated},
          {"stderr_truncated", outcome.stderr_truncated},
          {"duration_s", outcome.duration_s},
          {"code", text(result.source)},
          {"skip_reason", text_or_null(skip_reason_of(result))},
          {"error", skipped ? json(nullptr) : text_or_null(outcome.error)},
          {"problems", text_array(result.problems)},
          {"notes", text_array(result.notes)},
          {"golden_diff", text_or_null(result.golden_diff)},
          {"claims", claims}};
}

}  // namespace

std::string_view report_status(const SnippetResult& result) {
  switch (result.verdict) {
    case SnippetVerdict::kPassed: return "passed";
    case SnippetVerdict::kSkipped: return "skipped";
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

std::string skip_reason_of(const SnippetResult& result) {
  if (result.verdict != SnippetVerdict::kSkipped) return "";
  if (!result.skip_reason.empty()) return result.skip_reason;
  if (result.problems.empty()) return "";
  std::string_view first = result.problems.front();
  constexpr std::string_view kPrefix = "skipped: ";
  if (first.substr(0, kPrefix.size()) == kPrefix) first.remove_prefix(kPrefix.size());
  return std::string(first);
}

ReportCounts count_results(const std::vector<SnippetResult>& results) {
  ReportCounts counts;
  for (const auto& result : results) {
    std::string_view status = report_status(result);
    if (status == "passed") ++counts.passed;
    else if (status == "skipped") ++counts.skipped;
    else ++counts.failed;
    if (is_error_status(status)) ++counts.errors;
  }
  return counts;
}

std::vector<ErratumRef> known_errata(const std::vector<SnippetResult>& results) {
  std::vector<ErratumRef> errata;
  for (const auto& result : results)
    for (const auto& claim : result.claims)
      if (claim.known_erratum) errata.push_back({&result, &claim});
  return errata;
}

std::string render_json_report(const std::string& guide, const std::vector<SnippetResult>& results) {
  ReportCounts counts = count_results(results);
  json errata = json::array();
  for (const auto& [snippet, claim] : known_errata(results))
    errata.push_back({{"id", text(snippet->id)},
                      {"guide_line", claim->guide_line},
                      {"claimed", text(claim->claimed)},
                      {"actual", text(claim->actual)},
                      {"reason", text(claim->erratum_reason)}});
  json snippets = json::array();
  for (const auto& result : results) snippets.push_back(snippet_json(result));
  json report = {{"guide", text(guide)},
                 {"summary",
                  {{"passed", counts.passed},
                   {"failed", counts.failed},
                   {"skipped", counts.skipped},
                   {"errors", counts.errors},
                   {"total", static_cast<int>(results.size())}}},
                 {"known_errata", errata},
                 {"snippets", snippets}};
  return report.dump(2) + "\n";
}

}  // namespace guidecheck
