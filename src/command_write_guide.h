#pragma once
// `guidecheck update --write-guide`: correct the guide's claimed outputs.

#include <string>
#include <vector>

#include "command_check.h"

namespace guidecheck {

struct WriteGuideOutcome {
  int exit_code = 0;  ///< 0 done (or nothing to do), 1 some claims refused, 2 error
  std::string error;
  std::vector<std::string> messages;
  int rewritten = 0;
};

/// Checks the project, rewrites every mismatching claim of the guide with
/// what its statement prints (atomically; a second run changes nothing),
/// then re-extracts the snippets (their comment lines changed with the
/// guide). Unstable, prose and equivalent claims are left alone.
WriteGuideOutcome write_guide(const CheckCommandOptions& options, Runner& runner, Runner& second);

}  // namespace guidecheck
