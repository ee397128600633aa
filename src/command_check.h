#pragma once
// `guidecheck check`: run the snippets and compare with what was approved.

#include <string>
#include <vector>

#include "check_result.h"
#include "project.h"
#include "runner.h"
#include "snippet_selection.h"

namespace guidecheck {

struct CheckCommandOptions {
  ProjectPaths project;
  RunSettings run;
};

struct CheckOutcome {
  int exit_code = 0;  ///< 0 all passed, 1 failures, 2 configuration error
  std::string error;  ///< the configuration error, when exit_code is 2
  std::vector<SnippetResult> results;
};

/// Runs the selected snippets with `runner` and compares each stdout with
/// expected/<id>.out. Remembers durations for the next run's schedule.
CheckOutcome check_snippets(const CheckCommandOptions& options, Runner& runner);

}  // namespace guidecheck
