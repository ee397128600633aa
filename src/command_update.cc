#include "command_update.h"

#include <fmt/format.h>

namespace guidecheck {

UpdateOutcome update_expected(const CheckCommandOptions& options, Runner& runner) {
  UpdateOutcome result;
  SnippetStore store = options.project.store();
  std::vector<SnippetFile> all, selected;
  if (!store.list(&all, &result.error) || !select_snippets(all, options.run.filter, &selected, &result.error)) {
    result.exit_code = 2;
    return result;
  }
  if (int stale = store.remove_stale_temp_files())
    result.messages.push_back(fmt::format("removed {} temp file(s) left by an interrupted update", stale));
  std::vector<RunSpec> specs = make_run_specs(selected, options.run, store.load_durations());
  std::vector<RunOutcome> outcomes = runner.run(specs);

  std::map<std::string, double> durations;
  for (size_t i = 0; i < selected.size(); ++i) {
    const std::string& id = selected[i].id;
    const RunOutcome& outcome = outcomes[i];
    durations[id] = outcome.duration_s;
    std::string failure = describe_failure(outcome, specs[i].timeout_s);
    if (!failure.empty() || outcome.stdout_truncated) {
      ++result.refused;
      result.messages.push_back(fmt::format("refused {}: {}; {} left as it was", id,
                                            failure.empty() ? "stdout was truncated" : failure,
                                            store.expected_path(id)));
      continue;
    }
    bool changed = false;
    std::string err;
    if (!store.write_expected(id, outcome.stdout_text, &changed, &err)) {
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
    for (const auto& id : store.stale_expected(all)) {
      std::string err;
      if (store.remove_expected(id, &err)) {
        ++result.removed;
        result.messages.push_back(fmt::format("removed {} (no snippet {})", store.expected_path(id), id));
      }
    }
  }
  store.save_durations(durations);
  result.exit_code = result.refused > 0 ? 1 : 0;
  return result;
}

}  // namespace guidecheck
