#pragma once
// Results of samples for the report tests: what each renderer is fed.

#include <string>

#include "check_result.h"

namespace guidecheck {

/// A sample `id` at guide lines first..last that ran and printed "<id>\n".
inline SampleResult ran_result(const std::string& id, int first, int last) {
  SampleResult result;
  result.sample.id = id;
  result.sample.path = "snippets/" + id + ".py";
  result.sample.first_line = first;
  result.sample.last_line = last;
  result.sample.source = "print('" + id + "')\n";
  result.outcome.status = RunStatus::kOk;
  result.outcome.exit_code = 0;
  result.outcome.stdout_text = id + "\n";
  result.outcome.duration_s = 0.25;
  return result;
}

/// A sample that was skipped for `reason`.
inline SampleResult skipped_for(const std::string& id, int first, int last, const std::string& reason) {
  SampleResult result;
  result.sample.id = id;
  result.sample.path = "snippets/" + id + ".py";
  result.sample.first_line = first;
  result.sample.last_line = last;
  result.verdict = SnippetVerdict::kSkipped;
  result.skip_reason = reason;
  return result;
}

}  // namespace guidecheck
