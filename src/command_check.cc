#include "command_check.h"

#include <fmt/format.h>

#include "golden_pattern.h"
#include "unified_diff.h"

namespace guidecheck {

CheckOutcome check_snippets(const CheckCommandOptions& options, Runner& runner, Runner& second) {
  CheckOutcome result;
  CheckPlan plan;
  if (!build_check_plan(options, &runner, &plan, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  result.guide_path = plan.guide_path;
  result.notes = plan.notes;
  result.errors = plan.errors;
  if (!plan.drift.empty()) {
    result.drift = plan.drift;
    result.exit_code = 1;
    return result;
  }

  std::vector<RunSpec> specs;
  std::vector<size_t> ran;
  for (size_t i = 0; i < plan.snippets.size(); ++i) {
    if (plan.snippets[i].skip_reason) continue;
    specs.push_back(plan.snippets[i].spec);
    ran.push_back(i);
  }
  std::vector<RunOutcome> outcomes = runner.run(specs);

  SnippetStore store = options.project.store();
  bool golden = plan.mode != PlanMode::kInMemory;
  std::map<std::string, double> durations;
  size_t next_outcome = 0;
  std::vector<size_t> golden_suspects;  // results whose stdout differs from expected/
  std::vector<size_t> planned_of;       // result index -> plan index
  for (size_t i = 0; i < plan.snippets.size(); ++i) {
    const PlannedSnippet& planned = plan.snippets[i];
    SnippetResult snippet;
    snippet.id = planned.id;
    snippet.path = planned.path;
    snippet.first_line = planned.first_line;
    snippet.last_line = planned.last_line;
    snippet.source = planned.source;
    if (planned.skip_reason) {
      snippet.verdict = SnippetVerdict::kSkipped;
      snippet.problems.push_back("skipped: " + *planned.skip_reason);
      result.results.push_back(std::move(snippet));
      planned_of.push_back(i);
      continue;
    }
    snippet.outcome = std::move(outcomes[next_outcome++]);
    const RunOutcome& outcome = snippet.outcome;
    durations[snippet.id] = outcome.duration_s;
    if (std::string failure = describe_failure(outcome, planned.spec.timeout_s); !failure.empty())
      snippet.problems.push_back(failure);
    if (golden) {
      std::optional<std::string> expected = store.read_expected(snippet.id);
      if (!expected) {
        snippet.problems.push_back(fmt::format("no approved output: {} is missing (run guidecheck update)",
                                               store.expected_path(snippet.id)));
      } else if (!matches_pattern(*expected, outcome.stdout_text)) {
        golden_suspects.push_back(result.results.size());
        snippet.golden_diff = unified_diff(*expected, outcome.stdout_text, store.expected_path(snippet.id),
                                           "actual stdout of " + snippet.id);
      }
    }
    if (outcome.stdout_truncated) snippet.problems.push_back("stdout was truncated (over the output cap)");
    result.results.push_back(std::move(snippet));
    planned_of.push_back(i);
  }

  // A second opinion for outputs that differ from expected/: unstable or wrong?
  std::vector<RunSpec> again;
  for (size_t r : golden_suspects) again.push_back(plan.snippets[planned_of[r]].spec);
  std::vector<RunOutcome> seconds = second.run(again);
  for (size_t k = 0; k < golden_suspects.size(); ++k) {
    SnippetResult& snippet = result.results[golden_suspects[k]];
    std::string expected_path = store.expected_path(snippet.id);
    std::string expected = store.read_expected(snippet.id).value_or("");
    const std::string& first = snippet.outcome.stdout_text;
    const std::string& other = seconds[k].stdout_text;
    int line = 0;
    std::optional<std::string> both = first == other ? std::nullopt : stable_pattern(first, other, &line);
    std::optional<std::string> covering = both ? stable_pattern(expected, *both, &line) : std::nullopt;
    if (covering) {
      snippet.notes.push_back(fmt::format("stdout is unstable (two runs differ), and differs from {} only there; "
                                          "guidecheck update records placeholders for it", expected_path));
      snippet.golden_diff.clear();
    } else {
      snippet.problems.push_back(fmt::format("stdout differs from {}", expected_path));
    }
  }
  for (auto& snippet : result.results)
    if (snippet.verdict != SnippetVerdict::kSkipped && !snippet.problems.empty())
      snippet.verdict = SnippetVerdict::kFailed;
  if (plan.mode != PlanMode::kInMemory) store.save_durations(durations);
  result.exit_code = summarize(result.results).failed > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
