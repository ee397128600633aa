#include "command_check.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "errata.h"
#include "golden_pattern.h"
#include "plan_runs.h"

namespace guidecheck {
namespace {

// A sample whose output changes from run to run (a claim or stdout found
// unstable, or placeholders in expected/) must be run every time: a cached
// outcome would hide the change.
void forget_unstable_runs(const CheckPlan& plan, const PlanRuns& runs, const std::vector<SampleResult>& results,
                          Runner& runner) {
  for (size_t i = 0; i < results.size() && i < plan.samples.size(); ++i) {
    const SampleResult& result = results[i];
    bool unstable =
        std::any_of(result.claims.begin(), result.claims.end(),
                    [](const ClaimResult& claim) { return claim.verdict == ClaimVerdict::kUnstable; }) ||
        std::any_of(result.notes.begin(), result.notes.end(),
                    [](const std::string& note) { return note.find("unstable") != std::string::npos; }) ||
        (runs.runs[i].approved && has_placeholders(*runs.runs[i].approved));
    if (unstable) runner.forget(plan.samples[i].spec);
  }
}

}  // namespace

CheckOutcome check_snippets(const CheckCommandOptions& options, Runner& runner, Runner& second,
                            const CheckProgress& progress) {
  CheckOutcome result;
  PlanTarget target;
  Extraction another_guide;
  CheckPlan plan;
  Errata errata;
  if (!find_plan_target(options, &target, &result.error) ||
      (target.mode == PlanMode::kInMemory &&
       !read_guide_file(target.guide_path, target.guide_format, &runner, options.run, &another_guide, &result.error)) ||
      !build_check_plan(options, target, &another_guide, &plan, &result.error) ||
      !load_plan_errata(options, plan, &errata, &result.error)) {
    result.warnings = another_guide.warnings;  // may say why it has no samples
    result.exit_code = 2;
    return result;
  }
  result.report.guide = plan.guide_path;
  result.notes = plan.notes;
  result.errors = plan.errors;
  result.warnings = plan.warnings;
  if (!plan.drift.empty()) {
    result.drift = plan.drift;
    result.exit_code = 1;
    return result;
  }

  PlanRuns runs;
  run_plan(plan, runner, ErrorVariants::kRun, progress, &runs);
  result.interrupted = runs.interrupted;
  SnippetStore store = options.project.store();
  attach_approved_outputs(plan, store, &runs);
  std::vector<SampleResult> judged =
      judge_plan(plan, runs, JudgePolicy{options.strict, &errata, plan.guide_path}, second);
  forget_unstable_runs(plan, runs, judged, runner);
  result.report = make_report(plan.guide_path, std::move(judged));
  result.report.shard = plan.shard;
  // A shard keeps the durations it split by: the other shards, run later
  // on this machine, must split the samples the same way.
  if (plan.mode != PlanMode::kInMemory && !plan.shard) store.save_durations(runs.durations, runs.cpu_seconds);
  result.report.reader_notes = plan.notes;
  result.exit_code = result.report.counts.failed > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
