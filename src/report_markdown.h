#pragma once
// `check --format markdown`: a summary for a CI job's page (GitHub's
// $GITHUB_STEP_SUMMARY), also usable with --output.

#include <string>

#include "report_model.h"

namespace guidecheck {

/// A heading with the summary line, a table of the samples that did not
/// pass (status, guide lines, claims by verdict, first problem), each
/// failure's problems and diffs in a collapsed section, and the known
/// errata. Text from the guide or a sample is escaped for Markdown: it can
/// neither break the table nor inject HTML, and control characters and
/// invalid bytes show as visible escapes.
std::string render_markdown_report(const Report& report);

}  // namespace guidecheck
