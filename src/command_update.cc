#include "command_update.h"

#include <fmt/format.h>

#include <algorithm>

#include "errata.h"
#include "golden_pattern.h"
#include "guide_claim_fixes.h"
#include "guide_reader.h"
#include "judge.h"
#include "plan_runs.h"
#include "recorded_durations.h"
#include "recorded_runner.h"

namespace guidecheck {

namespace {

// snippets/durations.json after this update's runs (see recorded_durations.h).
// The plan has read it already, so a file that cannot be parsed never gets here.
bool record_durations(const SnippetStore& store, const std::vector<Sample>& snippets, const Durations& measured,
                      std::vector<std::string>* messages, std::string* err) {
  std::vector<std::string> ids;
  for (const Sample& snippet : snippets) ids.push_back(snippet.id);
  const Durations recorded = store.load_recorded_durations(err).value_or(Durations{});
  bool changed = false;
  if (!store.save_recorded_durations(revise_recorded_durations(recorded, measured, ids), &changed, err)) {
    *err = store.recorded_durations_path() + ": " + *err;
    return false;
  }
  if (changed) messages->push_back("wrote " + store.recorded_durations_path());
  return true;
}

// The top-level statement that wrote line `line` (1-based) of stdout.
int statement_of_line(const RunOutcome& outcome, int line) {
  int seen = 1;
  for (const auto& piece : outcome.pieces) {
    for (char c : piece.bytes) {
      if (seen >= line) return piece.line;
      if (c == '\n') ++seen;
    }
  }
  return 0;
}

}  // namespace

UpdateOutcome update_expected(const UpdateOptions& update, Runner& runner, Runner& second) {
  const PlanOptions& options = update.plan;
  UpdateOutcome result;
  PlanTarget target;
  if (!find_plan_target(options, &target, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  if (target.mode == PlanMode::kInMemory) {
    result.error = fmt::format("{}: update writes expected/ for the project's snippets; run guidecheck extract {} first",
                               target.guide_path, target.guide_path);
    result.exit_code = 2;
    return result;
  }
  CheckPlan plan;
  Errata errata;
  if (!build_check_plan(options, target, nullptr, &plan, &result.error) ||
      (update.write_guide && !load_plan_errata(options, plan, &errata, &result.error))) {
    result.exit_code = 2;
    return result;
  }
  if (update.write_guide && plan.mode != PlanMode::kProject) {
    result.error = "--write-guide needs snippets extracted from the guide: run guidecheck extract";
    result.exit_code = 2;
    return result;
  }
  if (update.write_guide) {
    const GuideFormat* format = guide_format_for(target.guide_path, target.guide_format, &result.error);
    if (format && !format->claims_rewritable) {
      result.error = fmt::format(
          "--write-guide: {} is a Jupyter notebook; run it again to renew its outputs (jupyter nbconvert "
          "--execute --inplace {}), then check it",
          target.guide_path, target.guide_path);
      result.exit_code = 2;
      return result;
    }
  }
  if (!plan.drift.empty()) {
    result.messages = plan.drift;
    result.messages.push_back("refused: snippets/ no longer matches the guide; nothing was written");
    result.exit_code = 1;
    return result;
  }
  SnippetStore store = options.project.store();
  if (int stale = store.remove_stale_temp_files())
    result.messages.push_back(fmt::format("removed {} temp file(s) left by an interrupted update", stale));

  PlanRuns runs;
  run_plan(plan, runner, update.write_guide ? ErrorVariants::kRun : ErrorVariants::kSkip, {}, &runs);
  std::vector<RunSpec> specs;
  std::vector<const PlannedSample*> ran;
  std::vector<const RunOutcome*> firsts;
  for (size_t i = 0; i < plan.samples.size(); ++i) {
    const PlannedSample& planned = plan.samples[i];
    if (planned.skip_reason) {
      result.messages.push_back(fmt::format("skipped {}: {}", planned.sample.id, *planned.skip_reason));
      continue;
    }
    specs.push_back(planned.spec);
    ran.push_back(&planned);
    firsts.push_back(&runs.outcomes[i]);
  }
  std::vector<RunOutcome> seconds = second.run(specs);
  auto interrupted = [](const RunOutcome& o) { return o.interrupted; };
  if (runs.interrupted || std::any_of(seconds.begin(), seconds.end(), interrupted)) {
    result.error = "interrupted: nothing was written";
    result.exit_code = 2;
    return result;
  }

  if (update.write_guide) {
    RecordedRunner recorded(specs, seconds);
    GuideFixOutcome fixed = fix_guide_claims(plan, runs, errata, recorded, options.project.snippets_dir);
    result.messages.insert(result.messages.end(), fixed.messages.begin(), fixed.messages.end());
    if (fixed.exit_code == 2) {
      result.error = fixed.error;
      result.exit_code = 2;
      return result;
    }
    result.claims_rewritten = fixed.rewritten;
    result.claims_still_wrong = fixed.still_wrong;
  }

  result.ran = static_cast<int>(ran.size());
  for (size_t i = 0; i < ran.size(); ++i) {
    result.reused += firsts[i]->cached;
    const std::string& id = ran[i]->sample.id;
    const RunOutcome& outcome = *firsts[i];
    std::string failure = describe_failure(outcome, specs[i].timeout_s);
    if (failure.empty()) failure = describe_failure(seconds[i], specs[i].timeout_s);
    if (!failure.empty()) {  // why it stopped at an import, if it did
      std::string misspelling;
      if (std::optional<std::string> unmet = unmet_import(outcome, &misspelling))
        failure += ": " + *unmet;
      else if (!misspelling.empty())
        failure += ": " + misspelling;
    }
    // A run that ends with the exception the guide shows ended as it should.
    auto approvable = [&](const RunOutcome& run) {
      return is_complete_success(run) || (ends_as_shown(ran[i]->sample, run) && !run.stdout_truncated);
    };
    if (!approvable(outcome) || !approvable(seconds[i])) {
      // A first run that succeeded where the second did not is not to be trusted next time either.
      if (approvable(outcome)) runner.forget(specs[i]);
      ++result.refused;
      result.messages.push_back(fmt::format("refused {}: {}; {} left as it was", id,
                                            failure.empty() ? "stdout was truncated" : failure,
                                            store.expected_path(id)));
      continue;
    }
    int line = 0;
    std::optional<std::string> pattern = stable_pattern(outcome.stdout_text, seconds[i].stdout_text, &line);
    if (!pattern) {
      runner.forget(specs[i]);  // output that changes between runs is never reused from the result cache
      ++result.refused;
      result.messages.push_back(fmt::format(
          "refused {}: its stdout changes between runs from line {} on (printed by the statement at line {} of {}) "
          "in a way no placeholder can cover; {} left as it was",
          id, line, statement_of_line(outcome, line), ran[i]->sample.path, store.expected_path(id)));
      continue;
    }
    // Keep the placeholders an earlier update found: a token that happened
    // to agree this time is still unstable (and update stays idempotent).
    if (std::optional<std::string> old = store.read_expected(id);
        old && matches_pattern(*old, outcome.stdout_text) && matches_pattern(*old, seconds[i].stdout_text)) {
      int unused = 0;
      if (auto merged = stable_pattern(*old, *pattern, &unused)) pattern = merged;
    }
    if (*pattern != outcome.stdout_text) runner.forget(specs[i]);  // placeholders: unstable, never reused
    bool changed = false;
    std::string err;
    if (!store.write_expected(id, *pattern, &changed, &err)) {
      result.error = err;
      result.exit_code = 2;
      return result;
    }
    if (changed) {
      ++result.written;
      result.messages.push_back("wrote " + store.expected_path(id));
    } else {
      ++result.unchanged;
    }
  }
  std::vector<Sample> all;
  std::string err;
  const bool listed = store.list(&all, &err);
  if (options.run.filter.empty() && listed) {
    for (const auto& id : store.stale_expected(all)) {
      if (store.remove_expected(id, &err)) {
        ++result.removed;
        result.messages.push_back(fmt::format("removed {} (no snippet {})", store.expected_path(id), id));
      }
    }
  }
  store.save_durations(runs.durations, runs.cpu_seconds);
  if (update.record_durations && listed && !record_durations(store, all, runs.durations, &result.messages, &err)) {
    result.error = err;
    result.exit_code = 2;
    return result;
  }
  result.exit_code = result.refused > 0 || result.claims_still_wrong > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
