#include "snippet_selection.h"

#include <re2/re2.h>

namespace guidecheck {

bool select_snippets(const std::vector<Sample>& all, const std::string& filter,
                     std::vector<Sample>* selected, std::string* err) {
  selected->clear();
  if (filter.empty()) {
    *selected = all;
    return true;
  }
  RE2 pattern(filter, RE2::Quiet);
  if (!pattern.ok()) {
    *err = "--filter: invalid pattern '" + filter + "': " + pattern.error();
    return false;
  }
  for (const auto& snippet : all)
    if (RE2::PartialMatch(snippet.id, pattern)) selected->push_back(snippet);
  return true;
}

std::vector<RunSpec> make_run_specs(const std::vector<Sample>& snippets, const RunSettings& settings,
                                    const std::map<std::string, double>& durations,
                                    const std::map<std::string, double>& cpu_seconds) {
  std::vector<RunSpec> specs;
  for (const auto& snippet : snippets) {
    RunSpec spec;
    spec.id = snippet.id;
    spec.path = snippet.path;
    spec.source = snippet.source;
    spec.timeout_s = settings.timeout_s;
    spec.memory_limit = settings.memory_limit;
    spec.sandbox = settings.sandbox;
    if (auto it = durations.find(snippet.id); it != durations.end()) spec.expected_duration_s = it->second;
    if (auto it = cpu_seconds.find(snippet.id); it != cpu_seconds.end()) spec.expected_cpu_s = it->second;
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace guidecheck
