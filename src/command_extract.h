#pragma once
// `guidecheck extract [GUIDE]`: the guide's samples -> snippets/.

#include <string>
#include <vector>

#include "project.h"
#include "runner.h"

namespace guidecheck {

struct ExtractCommandOptions {
  std::string guide_path;
  ProjectPaths project;
};

struct ExtractOutcome {
  int exit_code = 0;  ///< 0 done, 1 some sample could not be recovered, 2 error
  std::string error;
  std::vector<std::string> messages;  ///< changes, unsure decisions, problems
  int samples = 0;
  int written = 0;
  int unchanged = 0;
  int kept = 0;     ///< hand-fixed snippets kept (their guide lines did not change)
  int removed = 0;  ///< snippets of samples that left the guide
};

/// Extracts the guide into snippets/<id>.py and snippets/manifest.json,
/// atomically, file by file. A snippet whose file differs from what extract
/// generated last time (fixed by hand) is kept as long as its lines still
/// equal the guide's, ignoring leading whitespace. `runner` runs candidate
/// layouts to let the claimed outputs choose (may be null).
ExtractOutcome extract_command(const ExtractCommandOptions& options, Runner* runner);

}  // namespace guidecheck
