#include "command_check.h"

#include <fmt/format.h>

#include "unified_diff.h"

namespace guidecheck {

CheckOutcome check_snippets(const CheckCommandOptions& options, Runner& runner) {
  CheckOutcome result;
  SnippetStore store = options.project.store();
  std::vector<SnippetFile> all, selected;
  if (!store.list(&all, &result.error) || !select_snippets(all, options.run.filter, &selected, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  std::vector<RunSpec> specs = make_run_specs(selected, options.run, store.load_durations());
  std::vector<RunOutcome> outcomes = runner.run(specs);

  std::map<std::string, double> durations;
  for (size_t i = 0; i < selected.size(); ++i) {
    SnippetResult snippet{selected[i].id, selected[i].path, SnippetVerdict::kPassed, std::move(outcomes[i]), {}, {}};
    const RunOutcome& outcome = snippet.outcome;
    durations[snippet.id] = outcome.duration_s;
    if (std::string failure = describe_failure(outcome, specs[i].timeout_s); !failure.empty())
      snippet.problems.push_back(failure);
    std::optional<std::string> expected = store.read_expected(snippet.id);
    if (!expected) {
      snippet.problems.push_back(fmt::format("no approved output: {} is missing (run guidecheck update)",
                                             store.expected_path(snippet.id)));
    } else if (*expected != outcome.stdout_text) {
      snippet.problems.push_back(fmt::format("stdout differs from {}", store.expected_path(snippet.id)));
      snippet.golden_diff = unified_diff(*expected, outcome.stdout_text, store.expected_path(snippet.id),
                                         "actual stdout of " + snippet.id);
    }
    if (outcome.stdout_truncated) snippet.problems.push_back("stdout was truncated (over the output cap)");
    if (!snippet.problems.empty()) snippet.verdict = SnippetVerdict::kFailed;
    result.results.push_back(std::move(snippet));
  }
  store.save_durations(durations);
  result.exit_code = summarize(result.results).failed > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
