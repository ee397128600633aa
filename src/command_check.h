#pragma once
// `guidecheck check [GUIDE]`: run the snippets and compare with what was
// approved (and, in time, with what the guide claims).

#include <functional>
#include <string>
#include <vector>

#include "check_plan.h"
#include "check_result.h"
#include "report_model.h"
#include "runner.h"

namespace guidecheck {

using CheckCommandOptions = PlanOptions;

struct CheckOutcome {
  int exit_code = 0;  ///< 0 all passed, 1 failures or drift, 2 configuration error
  std::string error;  ///< the configuration error, when exit_code is 2
  std::vector<std::string> drift;  ///< snippets/ no longer matches the guide
  std::vector<std::string> notes;   ///< from extracting another guide
  std::vector<std::string> errors;  ///< samples of another guide no layout could fix
  std::vector<std::string> warnings;  ///< about the input: always shown
  Report report;  ///< the judged samples, for the renderers
  bool interrupted = false;  ///< some run was stopped by a signal
};

/// Checks that snippets/ matches the guide, then runs the selected snippets
/// with `runner` and compares each stdout with expected/<id>.out (when the
/// snippets are the project's). Skipped snippets say why. Remembers
/// durations for the next run's schedule.
/// A snippet whose stdout differs from its approved output is run once more
/// with `second` (another hash seed, another moment): when the two runs
/// differ from each other only where they differ from expected/ (timings,
/// ids), the output is unstable, not wrong: it passes with a note.
/// `progress` (optional) hears of each finished run of the main batch.
using CheckProgress = std::function<void(size_t done, size_t total, const std::string& id)>;
CheckOutcome check_snippets(const CheckCommandOptions& options, Runner& runner, Runner& second,
                            const CheckProgress& progress = {});

}  // namespace guidecheck
