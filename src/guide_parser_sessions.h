#pragma once
// The scraped-text parser's step that finds REPL sessions (`>>>` lines and
// what they echoed) among a page's lines; see guide_parser_sessions.cc.

#include <string_view>
#include <vector>

#include "line_classifier.h"

namespace guidecheck {

/// What mark_repl_sessions learns besides the lines' classes.
struct SessionMarks {
  std::vector<bool> idle_body;          ///< per line: a block's line in IDLE's shell, its indentation kept
  std::vector<int> fresh_namespace_at;  ///< line indices after which no earlier name is left (IDLE's restart)
};

/// Marks the lines of each session kSession. `lines` have lost their
/// leading whitespace; `raw_lines` are the same lines as the page has them.
void mark_repl_sessions(const std::vector<std::string_view>& raw_lines, const std::vector<std::string_view>& lines,
                        std::vector<LineClass>* classes, SessionMarks* marks);

}  // namespace guidecheck
