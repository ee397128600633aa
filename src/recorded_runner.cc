#include "recorded_runner.h"

namespace guidecheck {

RecordedRunner::RecordedRunner(const std::vector<RunSpec>& specs, const std::vector<RunOutcome>& outcomes) {
  for (size_t k = 0; k < specs.size() && k < outcomes.size(); ++k) by_id_[specs[k].id] = &outcomes[k];
}

std::vector<RunOutcome> RecordedRunner::run(const std::vector<RunSpec>& specs, const RunProgress& progress) {
  std::vector<RunOutcome> outcomes;
  for (size_t k = 0; k < specs.size(); ++k) {
    auto it = by_id_.find(specs[k].id);
    RunOutcome outcome;
    if (it != by_id_.end()) outcome = *it->second;
    else outcome.error = "no recorded run of " + specs[k].id;
    if (progress) progress(k, outcome);
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace guidecheck
