#pragma once
// The terminal report of `check`: a line per snippet, details of failures,
// the summary line last.

#include <cstdio>
#include <string>
#include <vector>

#include "report_model.h"

namespace guidecheck {

struct TextReportStyle {
  bool color = false;    ///< ANSI colors (a terminal, NO_COLOR unset)
  bool verbose = false;  ///< also list passing snippets' details
};

/// True when `stream` is a terminal and NO_COLOR is not set.
bool wants_color(std::FILE* stream);

/// Writes the report of `results` (in their order) to a string. Text that
/// comes from the guide or a sample (ids, problems, notes, claims, diffs, the
/// tail of stderr) goes through escape_for_terminal: its control characters
/// and invalid bytes show as "\x1b", "\x00", "\xff", so printing the report
/// cannot move the cursor, retitle the terminal or cut the report at a NUL.
/// The report's own colors are the only escape sequences in it.
std::string render_text_report(const Report& report, const TextReportStyle& style);

}  // namespace guidecheck
