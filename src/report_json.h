#pragma once
// The machine-readable report of `check` (`--format json`).

#include <string>
#include <string_view>
#include <vector>

#include "report_model.h"

namespace guidecheck {

/// The JSON report, pretty-printed, ending with a newline:
/// { "guide", "summary": {passed, failed, skipped, errors, total},
///   "known_errata": [{id, guide_line, claimed, actual, [actual_base64,]
///                     reason}],
///   "snippets": [{id, path, guide_lines: [first, last], status, exit_code,
///     signal, stdout, [stdout_base64,] stderr, [stderr_base64,]
///     stdout_truncated, stderr_truncated, duration_s, code, skip_reason,
///     error, problems, notes, golden_diff,
///     claims: [{guide_line, kind, claimed, note, actual, [actual_base64,]
///               verdict, rule, known_erratum, erratum_reason}]}] }
/// Counts follow ReportCounts (failed includes errors). exit_code and signal
/// are null when there is none (skipped, killed); skip_reason, error and
/// golden_diff are null when empty. Every string is valid UTF-8: bytes that
/// are not become U+FFFD (replace_invalid_utf8). What a sample printed
/// (stdout, stderr, a claim's actual) then also comes as exact bytes in
/// standard base64 under `<key>_base64`, absent when nothing was replaced.
std::string render_json_report(const Report& report);

}  // namespace guidecheck
