#include "command_update.h"

#include <fmt/format.h>

#include "golden_pattern.h"

namespace guidecheck {

namespace {

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

UpdateOutcome update_expected(const CheckCommandOptions& options, Runner& runner, Runner& second) {
  UpdateOutcome result;
  CheckPlan plan;
  if (!build_check_plan(options, &runner, &plan, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  if (plan.mode == PlanMode::kInMemory) {
    result.error = fmt::format("{}: update writes expected/ for the project's snippets; run guidecheck extract {} first",
                               plan.guide_path, plan.guide_path);
    result.exit_code = 2;
    return result;
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

  std::vector<RunSpec> specs;
  std::vector<const PlannedSnippet*> ran;
  for (const auto& planned : plan.snippets) {
    if (planned.skip_reason) {
      result.messages.push_back(fmt::format("skipped {}: {}", planned.id, *planned.skip_reason));
      continue;
    }
    specs.push_back(planned.spec);
    ran.push_back(&planned);
  }
  std::vector<RunOutcome> outcomes = runner.run(specs);
  std::vector<RunOutcome> seconds = second.run(specs);

  std::map<std::string, double> durations;
  for (size_t i = 0; i < ran.size(); ++i) {
    const std::string& id = ran[i]->id;
    const RunOutcome& outcome = outcomes[i];
    durations[id] = outcome.duration_s;
    std::string failure = describe_failure(outcome, specs[i].timeout_s);
    if (failure.empty()) failure = describe_failure(seconds[i], specs[i].timeout_s);
    if (!failure.empty() || outcome.stdout_truncated) {
      ++result.refused;
      result.messages.push_back(fmt::format("refused {}: {}; {} left as it was", id,
                                            failure.empty() ? "stdout was truncated" : failure,
                                            store.expected_path(id)));
      continue;
    }
    int line = 0;
    std::optional<std::string> pattern = stable_pattern(outcome.stdout_text, seconds[i].stdout_text, &line);
    if (!pattern) {
      ++result.refused;
      result.messages.push_back(fmt::format(
          "refused {}: its stdout changes between runs from line {} on (printed by the statement at line {} of {}) "
          "in a way no placeholder can cover; {} left as it was",
          id, line, statement_of_line(outcome, line), ran[i]->path, store.expected_path(id)));
      continue;
    }
    // Keep the placeholders an earlier update found: a token that happened
    // to agree this time is still unstable (and update stays idempotent).
    if (std::optional<std::string> old = store.read_expected(id);
        old && matches_pattern(*old, outcome.stdout_text) && matches_pattern(*old, seconds[i].stdout_text)) {
      int unused = 0;
      if (auto merged = stable_pattern(*old, *pattern, &unused)) pattern = merged;
    }
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
  if (options.run.filter.empty()) {
    std::vector<SnippetFile> all;
    std::string err;
    if (store.list(&all, &err)) {
      for (const auto& id : store.stale_expected(all)) {
        if (store.remove_expected(id, &err)) {
          ++result.removed;
          result.messages.push_back(fmt::format("removed {} (no snippet {})", store.expected_path(id), id));
        }
      }
    }
  }
  store.save_durations(durations);
  result.exit_code = result.refused > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
