#pragma once
// A rule of compare_claim (claim_compare.h) for what pytest printed: a guide
// shows a test run (`$ pytest -q` and its dots, "6 passed in 0.01s"), and
// the sample's own run prints a session of its own verbosity, with its own
// durations, paths and platform line. What a reader checks there is the
// outcome: how many tests passed, failed or were skipped, and in which
// order the progress line reported them.

#include <optional>
#include <string_view>

#include "claim_compare.h"

namespace guidecheck {

/// When both texts end a pytest session with its summary line ("3 passed,
/// 1 failed in 0.12s", bare or between `=` rules): equivalent
/// ("pytest-session") when the counts of every outcome agree and, where
/// both show progress characters (`..F.s`), those agree in order;
/// mismatch otherwise. Durations, headers, paths, warnings' text and
/// failure details are not compared. nullopt when either has no summary
/// line: the general comparison decides.
std::optional<ClaimComparison> compare_pytest_sessions(std::string_view claimed, std::string_view actual);

/// `claimed` ends a pytest session whose summary counts failed tests or
/// errors: the run it shows exits with pytest's status 1 or 2.
bool shows_failing_tests(std::string_view claimed);

}  // namespace guidecheck
