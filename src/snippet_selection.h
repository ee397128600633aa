#pragma once
// Which snippets a command works on, and how each one is run.

#include <map>
#include <string>
#include <vector>

#include "runner.h"
#include "snippet_store.h"

namespace guidecheck {

struct RunSettings {
  std::string filter;  ///< RE2 pattern searched in the id; empty: all
  double timeout_s = 60;
  uint64_t memory_limit = 4ull << 30;
  SandboxPolicy sandbox;  ///< --env, --writable: what every run may do besides the default
};

/// The snippets whose id matches `filter` (a partial RE2 match). False with
/// *err when the pattern is invalid.
bool select_snippets(const std::vector<Sample>& all, const std::string& filter,
                     std::vector<Sample>* selected, std::string* err);

/// One RunSpec per snippet, with the durations known from earlier runs (this
/// machine's, then the recorded ones), so the scheduler can start the
/// longest first, and the CPU time those runs took (this machine's), so it
/// can tell a run that mostly waits.
std::vector<RunSpec> make_run_specs(const std::vector<Sample>& snippets, const RunSettings& settings,
                                    const std::map<std::string, double>& durations,
                                    const std::map<std::string, double>& cpu_seconds = {});

}  // namespace guidecheck
