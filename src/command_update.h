#pragma once
// `guidecheck update [--write-guide]`: regenerate expected/ (and, on
// request, the guide's claims) from real runs.

#include <string>
#include <vector>

#include "check_plan.h"
#include "runner.h"

namespace guidecheck {

struct UpdateOptions {
  PlanOptions plan;
  /// Also rewrite the guide's mismatching claims with what the samples
  /// print, and store the snippets again (their comment lines changed).
  bool write_guide = false;
  /// Also record each sample's duration in snippets/durations.json (see
  /// recorded_durations.h).
  bool record_durations = false;
};

struct UpdateOutcome {
  int exit_code = 0;  ///< 0 done, 1 some snippets or claims refused, 2 configuration error
  std::string error;
  std::vector<std::string> messages;  ///< one line per change or refusal
  int written = 0;
  int unchanged = 0;
  int refused = 0;
  int removed = 0;
  int claims_rewritten = 0;  ///< with write_guide
  int claims_still_wrong = 0;
  int ran = 0;     ///< samples run (each twice)
  int reused = 0;  ///< of them, whose first run came from the result cache
};

/// Runs the selected snippets and writes each stdout to expected/<id>.out
/// atomically (unchanged files are left alone, so a second update changes
/// nothing). A snippet that did not exit cleanly is refused: its output is
/// not blessed. Without a filter, expected files of removed snippets go too.
/// Each snippet runs twice: with `runner`, then with `second` (another hash
/// seed, another moment). What differs between the two runs, and every
/// duration, is written as a placeholder (golden_pattern.h); output whose
/// difference cannot be confined to single tokens is refused, naming the
/// statement that printed it. With write_guide the guide's claims are
/// judged and corrected from these same two runs: no sample runs more than
/// twice. An interrupted update writes nothing. `runner` may answer from the
/// result cache; `second` never does, and a sample whose output proved
/// unstable is forgotten there (Runner::forget).
UpdateOutcome update_expected(const UpdateOptions& options, Runner& runner, Runner& second);

}  // namespace guidecheck
