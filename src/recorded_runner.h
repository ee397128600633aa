#pragma once
// A Runner that runs nothing: it answers with outcomes recorded earlier,
// joined by the spec's id. Lets a step that asks for a second opinion reuse
// runs a command has already made (update runs every sample twice anyway).

#include <map>
#include <string>
#include <vector>

#include "runner.h"

namespace guidecheck {

class RecordedRunner : public Runner {
 public:
  /// Records `outcomes[k]` as the outcome of `specs[k]`.
  RecordedRunner(const std::vector<RunSpec>& specs, const std::vector<RunOutcome>& outcomes);
  /// The recorded outcomes; a spec never recorded gets an outcome whose
  /// error says so.
  std::vector<RunOutcome> run(const std::vector<RunSpec>& specs, const RunProgress& progress = {}) override;

 private:
  std::map<std::string, const RunOutcome*> by_id_;
};

}  // namespace guidecheck
