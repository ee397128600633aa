#include "plan_runs.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "claim_verdicts.h"
#include "logical_lines.h"
#include "python_block_facts.h"
#include "sample.h"
#include "snippet_lines.h"
#include "statement_analysis.h"

namespace guidecheck {

namespace {

// Whether the statement holding snippet line `line` may be an expression
// statement (not a print): a scan in C++ that spares the interpreter's
// analysis the samples whose claims are on anything else (most).
bool may_be_a_value(const std::string& source, int line) {
  // Its lines as the logical-line split reads them: leading whitespace gone.
  const std::vector<std::string> lines = stripped_lines(source);
  if (line < 1 || line > static_cast<int>(lines.size())) return false;
  // The usual last line before shown output, settled without a scan.
  if (lines[static_cast<std::size_t>(line - 1)].starts_with("print(")) return false;
  const LogicalLines logical = split_logical_lines(lines);  // one entry per line
  const int index = logical.lines[static_cast<std::size_t>(line - 1)].stmt;
  if (index < 0 || index >= static_cast<int>(logical.statements.size())) return false;
  const RawStatement& raw = logical.statements[static_cast<std::size_t>(index)];
  StatementAnalyzer analyzer;
  return analyzer.analyze(raw).is_expression && (raw.tokens.empty() || raw.tokens.front().text != "print");
}

// The plan samples (indexes) with an output claim on a bare expression: a
// comment on one (`s.count("a")  # 3`), or an output block right after one
// (a notebook cell shows its last expression's value).
std::vector<size_t> samples_showing_values(const CheckPlan& plan, ErrorVariants variants) {
  std::vector<size_t> wanted;
  if (variants == ErrorVariants::kSkip) return wanted;
  std::vector<size_t> candidates;
  std::vector<std::string> sources;
  for (size_t i = 0; i < plan.samples.size(); ++i) {
    const PlannedSample& planned = plan.samples[i];
    if (planned.skip_reason || planned.spec.mode != SnippetMode::kScript) continue;
    const Sample& sample = planned.sample;
    // A comment's claim and an output block's alike: only one on (or right
    // after) a statement that may be a bare expression can show a value.
    bool may_claim_a_value = std::any_of(sample.claims.begin(), sample.claims.end(), [&](const Claim& c) {
      if (c.kind != ClaimKind::kOutput) return false;
      const int line = snippet_line_of(sample.guide_lines, c.anchor_line);
      return line > 0 && may_be_a_value(sample.source, line);
    });
    if (!may_claim_a_value) continue;
    candidates.push_back(i);
    sources.push_back(planned.sample.source);
  }
  std::vector<PythonBlockFacts> facts = python_block_facts(sources);
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Sample& sample = plan.samples[candidates[k]].sample;
    bool on_value = std::any_of(sample.claims.begin(), sample.claims.end(), [&](const Claim& c) {
      if (c.kind != ClaimKind::kOutput) return false;
      const int line = snippet_line_of(sample.guide_lines, c.anchor_line);
      return line > 0 &&
             std::any_of(facts[k].value_statements.begin(), facts[k].value_statements.end(),
                         [&](const std::pair<int, int>& span) { return span.first <= line && line <= span.second; });
    });
    if (on_value) wanted.push_back(candidates[k]);
  }
  return wanted;
}

}  // namespace

void run_plan(const CheckPlan& plan, Runner& runner, ErrorVariants variants,
              const std::function<void(size_t, size_t, const std::string&)>& progress, PlanRuns* out) {
  std::vector<RunSpec> specs;
  for (const auto& planned : plan.samples)
    if (!planned.skip_reason) specs.push_back(planned.spec);
  size_t sample_runs = specs.size();
  // The zygotes start while the variants and value runs below are worked out.
  runner.prepare(specs);

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
      // Runs at most as long as its sample (it stops at the error): ordered
      // with it, so a slow sample's variant is not left for the end.
      specs.push_back(spec);
      variant_of.emplace_back(i, &claim);
    }
  }
  // Samples with a comment on a bare expression (`s.count("a")  # 3`) run
  // once more as a session, which shows the values; only those claims read it.
  std::vector<size_t> values_of = samples_showing_values(plan, variants);
  for (size_t i : values_of) {
    RunSpec spec = plan.samples[i].spec;
    spec.id = plan.samples[i].sample.id + " with values shown";
    spec.mode = SnippetMode::kSession;  // as long as the sample: ordered with it, not left for the end
    spec.prelude = kEchoNonePrelude + spec.prelude;
    specs.push_back(spec);
  }
  size_t done = 0;
  std::vector<RunOutcome> outcomes = runner.run(specs, [&](size_t index, const RunOutcome&) {
    if (progress && index < sample_runs) progress(++done, sample_runs, specs[index].id);
  });
  spdlog::debug("ran {} samples and {} error-claim variants", sample_runs, outcomes.size() - sample_runs);

  size_t variant_end = outcomes.size() - values_of.size();
  out->values_outcomes.assign(std::make_move_iterator(outcomes.begin() + static_cast<long>(variant_end)),
                              std::make_move_iterator(outcomes.end()));
  outcomes.resize(variant_end);
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
    if (out->outcomes[i].interrupted) continue;
    out->durations[plan.samples[i].sample.id] = out->outcomes[i].duration_s;
    if (out->outcomes[i].cpu_s > 0) out->cpu_seconds[plan.samples[i].sample.id] = out->outcomes[i].cpu_s;
  }
  for (size_t k = 0; k < values_of.size(); ++k) out->runs[values_of[k]].values_shown = &out->values_outcomes[k];
  for (size_t k = 0; k < variant_of.size(); ++k)
    out->runs[variant_of[k].first].error_variants.emplace_back(variant_of[k].second, &out->variant_outcomes[k]);
}

void attach_approved_outputs(const CheckPlan& plan, const SnippetStore& store, PlanRuns* runs) {
  if (plan.mode == PlanMode::kInMemory) return;
  for (size_t i = 0; i < plan.samples.size(); ++i) {
    if (plan.samples[i].skip_reason) continue;
    SampleRuns& sample_runs = runs->runs[i];
    sample_runs.golden = true;
    sample_runs.approved = store.read_expected(plan.samples[i].sample.id, &sample_runs.approved_unreadable);
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
