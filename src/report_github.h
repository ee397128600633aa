#pragma once
// GitHub Actions workflow commands (`::error file=...,line=...::message`)
// that annotate the guide's own lines in a pull request.

#include <string>
#include <string_view>
#include <vector>

#include "report_model.h"

namespace guidecheck {

/// A workflow command's message: % CR LF written %25 %0D %0A, so the command
/// stays on one line and nothing a snippet printed can start another
/// command. Control characters (the ESC of ANSI colors) and bytes that are
/// not valid UTF-8 are written as visible text ("\x1b", "\xff").
std::string github_escape_message(std::string_view text);

/// A workflow command's property value (file, title): as a message, and
/// also : and , written %3A and %2C.
std::string github_escape_property(std::string_view text);

/// How many annotations of each kind GitHub shows for one step.
struct GithubAnnotationLimits {
  size_t errors = 10;
  size_t warnings = 10;
  size_t notices = 10;
};

/// One workflow command per line:
/// - `::error` for each mismatching claim that is not a known erratum, at
///   the claim's guide line, then for each failed snippet at its first line
///   (endLine its last), with its problems, golden diff (first lines) and,
///   when the run did not exit 0, the tail of its stderr. Claim mismatches
///   come first: they point at the exact line to fix.
/// - `::warning` for each known erratum at its guide line (check passes with
///   them, yet every report lists them).
/// - `::notice` for each skipped snippet at its first line: that sample is
///   not verified.
/// Claims whose output is unstable, prose, or not run get none: the first
/// two are by design, the last is explained by its snippet's failure.
/// Annotations beyond `limits` are left out, and a final `::notice` says how
/// many of each kind were cut and for which snippets. `guide` is the file
/// the annotations point at (relative to the repository root, as GitHub
/// expects); snippets without guide lines point at their own path.
std::string render_github_annotations(const Report& report, const GithubAnnotationLimits& limits = {});

}  // namespace guidecheck
