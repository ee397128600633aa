#include "report_json_read.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base64.h"

namespace guidecheck {
namespace {

using json = nlohmann::json;

// A field that holds text, or null for none.
std::string text(const json& object, const char* key) {
  const json& value = object.at(key);
  return value.is_null() ? "" : value.get<std::string>();
}

// Output: the exact bytes when the report kept them beside the text.
std::string output(const json& object, const std::string& key) {
  if (auto it = object.find(key + "_base64"); it != object.end())
    if (std::optional<std::string> bytes = base64_decode(it->get<std::string>())) return *bytes;
  return text(object, key.c_str());
}

std::optional<int> optional_int(const json& value) {
  return value.is_null() ? std::nullopt : std::optional<int>(value.get<int>());
}

std::vector<std::string> texts(const json& array) {
  std::vector<std::string> out;
  for (const auto& item : array) out.push_back(item.get<std::string>());
  return out;
}

ClaimVerdict claim_verdict(const std::string& name) {
  for (ClaimVerdict verdict : {ClaimVerdict::kMatch, ClaimVerdict::kEquivalent, ClaimVerdict::kMismatch,
                               ClaimVerdict::kProse, ClaimVerdict::kUnstable, ClaimVerdict::kNotRun})
    if (name == to_string(verdict)) return verdict;
  throw std::invalid_argument("unknown claim verdict '" + name + "'");
}

ClaimResult read_claim(const json& object) {
  ClaimResult claim;
  claim.guide_line = object.at("guide_line").get<int>();
  claim.kind = text(object, "kind") == "error" ? ClaimKind::kError : ClaimKind::kOutput;
  claim.claimed = text(object, "claimed");
  claim.note = text(object, "note");
  claim.actual = output(object, "actual");
  claim.verdict = claim_verdict(text(object, "verdict"));
  claim.rule = text(object, "rule");
  claim.known_erratum = object.at("known_erratum").get<bool>();
  claim.erratum_reason = text(object, "erratum_reason");
  claim.counts_against = object.value("counts_against", false);
  return claim;
}

// The status word back to the verdict and the way the run ended
// (report_status in reverse).
void apply_status(const std::string& status, SampleResult* result) {
  RunOutcome& outcome = result->outcome;
  bool exited_zero = outcome.exit_code && *outcome.exit_code == 0;
  outcome.status = exited_zero ? RunStatus::kOk : RunStatus::kError;
  if (status == "passed") result->verdict = SnippetVerdict::kPassed;
  else if (status == "skipped") result->verdict = SnippetVerdict::kSkipped;
  else if (status == "not run") result->verdict = SnippetVerdict::kNotRun;
  else if (status == "failed" || status == "error") result->verdict = SnippetVerdict::kFailed;
  else if (status == "timeout") result->verdict = SnippetVerdict::kFailed, outcome.status = RunStatus::kTimeout;
  else if (status == "crashed") result->verdict = SnippetVerdict::kFailed, outcome.status = RunStatus::kCrashed;
  else throw std::invalid_argument("unknown status '" + status + "'");
  if (status == "not run") outcome.interrupted = true;
}

SampleResult read_sample(const json& object) {
  SampleResult result;
  Sample& sample = result.sample;
  sample.id = text(object, "id");
  sample.path = text(object, "path");
  sample.first_line = object.at("guide_lines").at(0).get<int>();
  sample.last_line = object.at("guide_lines").at(1).get<int>();
  sample.source = text(object, "code");
  sample.continues = texts(object.at("continues"));
  RunOutcome& outcome = result.outcome;
  outcome.exit_code = optional_int(object.at("exit_code"));
  outcome.signal = optional_int(object.at("signal"));
  outcome.stdout_text = output(object, "stdout");
  outcome.stderr_text = output(object, "stderr");
  outcome.stdout_truncated = object.at("stdout_truncated").get<bool>();
  outcome.stderr_truncated = object.at("stderr_truncated").get<bool>();
  outcome.duration_s = object.at("duration_s").get<double>();
  outcome.cached = object.value("cached", false);
  outcome.error = text(object, "error");
  apply_status(text(object, "status"), &result);
  result.skip_reason = text(object, "skip_reason");
  result.problems = texts(object.at("problems"));
  result.notes = texts(object.at("notes"));
  result.golden_diff = text(object, "golden_diff");
  for (const auto& claim : object.at("claims")) result.claims.push_back(read_claim(claim));
  return result;
}

}  // namespace

bool read_json_report(std::string_view input, const std::string& path, Report* report, std::string* err) {
  try {
    json document = json::parse(input);
    std::vector<SampleResult> samples;
    for (const auto& sample : document.at("snippets")) samples.push_back(read_sample(sample));
    *report = make_report(text(document, "guide"), std::move(samples));
    report->reader_notes = texts(document.at("reader_notes"));
    if (auto it = document.find("shard"); it != document.end())
      report->shard = ReportShard{it->at("index").get<int>(), it->at("count").get<int>(),
                                  it->at("samples_total").get<int>(), it->at("partition").get<std::string>()};
    return true;
  } catch (const std::exception& e) {
    *err = fmt::format("{}: not a guidecheck JSON report: {}", path, e.what());
    return false;
  }
}

}  // namespace guidecheck
