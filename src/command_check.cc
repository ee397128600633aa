#include "command_check.h"

#include <spdlog/spdlog.h>

#include "errata.h"
#include "plan_runs.h"

namespace guidecheck {
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
  result.report =
      make_report(plan.guide_path, judge_plan(plan, runs, JudgePolicy{options.strict, &errata, plan.guide_path}, second));
  if (plan.mode != PlanMode::kInMemory) store.save_durations(runs.durations);
  result.report.reader_notes = plan.notes;
  result.exit_code = result.report.counts.failed > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
