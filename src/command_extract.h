#pragma once
// `guidecheck extract [GUIDE]`: the guide's samples -> snippets/.

#include <string>
#include <vector>

#include "project.h"
#include "runner.h"
#include "snippet_selection.h"
#include "snippet_writer.h"

namespace guidecheck {

struct ExtractCommandOptions {
  std::string guide_path;
  std::string guide_format;  ///< --guide-format; empty: by extension
  ProjectPaths project;
  RunSettings run;  ///< --timeout and --memory-limit bound the candidate layouts' runs
};

using ExtractOutcome = SnippetWriteOutcome;

/// Extracts the guide into snippets/<id>.py and snippets/manifest.json,
/// atomically, file by file. A snippet whose file differs from what extract
/// generated last time (fixed by hand) is kept as long as its lines still
/// equal the guide's, ignoring leading whitespace. `runner` runs candidate
/// layouts to let the claimed outputs choose (may be null).
ExtractOutcome extract_command(const ExtractCommandOptions& options, Runner* runner);

}  // namespace guidecheck
