#pragma once
// The terminal report of `check`: a line per snippet, details of failures,
// the summary line last.

#include <cstdio>
#include <string>
#include <vector>

#include "check_result.h"

namespace guidecheck {

struct TextReportStyle {
  bool color = false;    ///< ANSI colors (a terminal, NO_COLOR unset)
  bool verbose = false;  ///< also list passing snippets' details
};

/// True when `stream` is a terminal and NO_COLOR is not set.
bool wants_color(std::FILE* stream);

/// Writes the report of `results` (in their order) to a string.
std::string render_text_report(const std::vector<SnippetResult>& results, const TextReportStyle& style);

}  // namespace guidecheck
