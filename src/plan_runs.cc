#include "plan_runs.h"

#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "claim_verdicts.h"

namespace guidecheck {

void run_plan(const CheckPlan& plan, Runner& runner, ErrorVariants variants,
              const std::function<void(size_t, size_t, const std::string&)>& progress, PlanRuns* out) {
  std::vector<RunSpec> specs;
  for (const auto& planned : plan.samples)
    if (!planned.skip_reason) specs.push_back(planned.spec);
  size_t sample_runs = specs.size();

  std::vector<std::pair<size_t, const Claim*>> variant_of;  // plan index, claim
  for (size_t i = 0; i < plan.samples.size(); ++i) {
    const PlannedSample& planned = plan.samples[i];
    const Sample& sample = planned.sample;
    if (variants == ErrorVariants::kSkip || planned.skip_reason || planned.spec.mode == SnippetMode::kPytest) continue;
    for (const auto& claim : sample.claims) {
      if (claim.kind != ClaimKind::kError || claim.statement.empty()) continue;
      std::optional<std::string> variant = error_claim_variant(sample.source, sample.guide_lines, claim);
      if (!variant) continue;
      // Same file name as the sample: a traceback names it the same way.
      std::string err;
      std::optional<std::string> path = plan.scratch->write_new_file(
          fmt::format("variants/{}-{}/{}", sample.id, claim.guide_line,
                      std::filesystem::path(sample.path).filename().string()),
          *variant, &err);
      if (!path) {
        spdlog::warn("{}", err);
        continue;
      }
      RunSpec spec = planned.spec;
      spec.id = fmt::format("{} with line {} enabled", sample.id, claim.guide_line);
      spec.path = *path;
      spec.source = *variant;
      spec.expected_duration_s = 0;  // unknown: starts after the samples, in idle slots
      specs.push_back(spec);
      variant_of.emplace_back(i, &claim);
    }
  }
  size_t done = 0;
  std::vector<RunOutcome> outcomes = runner.run(specs, [&](size_t index, const RunOutcome&) {
    if (progress && index < sample_runs) progress(++done, sample_runs, specs[index].id);
  });
  spdlog::debug("ran {} samples and {} error-claim variants", sample_runs, outcomes.size() - sample_runs);

  out->variant_outcomes.assign(std::make_move_iterator(outcomes.begin() + static_cast<long>(sample_runs)),
                               std::make_move_iterator(outcomes.end()));
  out->outcomes.assign(plan.samples.size(), RunOutcome{});
  out->runs.assign(plan.samples.size(), SampleRuns{});
  size_t next = 0;
  for (size_t i = 0; i < plan.samples.size(); ++i) {
    if (plan.samples[i].skip_reason) continue;
    out->outcomes[i] = std::move(outcomes[next++]);
    out->runs[i].first = &out->outcomes[i];
    out->interrupted = out->interrupted || out->outcomes[i].interrupted;
    if (!out->outcomes[i].interrupted) out->durations[plan.samples[i].sample.id] = out->outcomes[i].duration_s;
  }
  for (size_t k = 0; k < variant_of.size(); ++k)
    out->runs[variant_of[k].first].error_variants.emplace_back(variant_of[k].second, &out->variant_outcomes[k]);
}

void attach_approved_outputs(const CheckPlan& plan, const SnippetStore& store, PlanRuns* runs) {
  if (plan.mode == PlanMode::kInMemory) return;
  for (size_t i = 0; i < plan.samples.size(); ++i) {
    if (plan.samples[i].skip_reason) continue;
    SampleRuns& sample_runs = runs->runs[i];
    sample_runs.golden = true;
    sample_runs.approved = store.read_expected(plan.samples[i].sample.id);
    sample_runs.approved_path = store.expected_path(plan.samples[i].sample.id);
  }
}

std::vector<SampleResult> judge_plan(const CheckPlan& plan, const PlanRuns& runs, const JudgePolicy& policy,
                                      Runner& second) {
  std::vector<SampleResult> results;
  for (size_t i = 0; i < plan.samples.size(); ++i)
    results.push_back(plan.samples[i].skip_reason ? skipped_result(plan.samples[i])
                                                   : judge_sample(plan.samples[i], runs.runs[i], policy));
  std::vector<size_t> suspects;
  std::vector<RunSpec> again;
  for (size_t i = 0; i < plan.samples.size(); ++i)
    if (!plan.samples[i].skip_reason && needs_second_opinion(results[i])) {
      suspects.push_back(i);
      again.push_back(plan.samples[i].spec);
    }
  std::vector<RunOutcome> seconds = second.run(again);
  spdlog::debug("second opinions: {}", again.size());
  for (size_t k = 0; k < suspects.size(); ++k)
    apply_second_opinion(plan.samples[suspects[k]], runs.runs[suspects[k]], seconds[k], &results[suspects[k]]);
  for (size_t i = 0; i < plan.samples.size(); ++i)
    if (!plan.samples[i].skip_reason) finish_judgement(plan.samples[i], runs.runs[i], policy, &results[i]);
  return results;
}

}  // namespace guidecheck
