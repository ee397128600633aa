#pragma once
// The run step shared by check and update: every sample of a plan that is
// not skipped, and the error-claim variants, in one batch; outcomes joined
// back to their samples.

#include <map>
#include <string>
#include <vector>

#include "check_plan.h"
#include "judge.h"
#include "runner.h"
#include "snippet_store.h"

namespace guidecheck {

/// The outcomes of a plan's runs. Holds the runs that SampleRuns point
/// into, so it is neither copied nor moved.
struct PlanRuns {
  PlanRuns() = default;
  PlanRuns(const PlanRuns&) = delete;
  PlanRuns& operator=(const PlanRuns&) = delete;

  std::vector<RunOutcome> outcomes;          ///< per plan sample; empty for a skipped one
  std::vector<RunOutcome> variant_outcomes;  ///< per error-claim variant
  std::vector<RunOutcome> values_outcomes;   ///< per sample run again to show its values
  std::vector<SampleRuns> runs;              ///< per plan sample, in plan order
  /// Run time of each sample that finished, for the next schedule.
  std::map<std::string, double> durations;
  /// CPU time of each sample that finished and measured it.
  std::map<std::string, double> cpu_seconds;
  bool interrupted = false;  ///< some run was stopped by a signal
};

/// Whether run_plan also runs the error-claim variants.
enum class ErrorVariants { kRun, kSkip };

/// Runs the plan's samples once each. With ErrorVariants::kRun, each error
/// claim of a commented-out statement also runs its sample once more with
/// the statement enabled, in the same batch (each ordered with its sample's
/// remembered duration, so a slow sample's extra runs are not left for the
/// end); they are written into the plan's scratch
/// space. A sample with a comment claim on a bare expression also runs as
/// a session (SampleRuns::values_shown). `progress` hears of the samples' runs only (done, total, id).
void run_plan(const CheckPlan& plan, Runner& runner, ErrorVariants variants,
              const std::function<void(size_t, size_t, const std::string&)>& progress, PlanRuns* out);

/// Points each sample's runs at its approved output in expected/ (read
/// once), for a plan of the project's own snippets.
void attach_approved_outputs(const CheckPlan& plan, const SnippetStore& store, PlanRuns* runs);

/// Judges every sample of the plan, in plan order. Where a verdict hinges
/// on a difference, the sample runs once more on `second` (another hash
/// seed, another moment) and the judge looks again.
std::vector<SampleResult> judge_plan(const CheckPlan& plan, const PlanRuns& runs, const JudgePolicy& policy,
                                      Runner& second);

}  // namespace guidecheck
