#include "check_result.h"

#include <string.h>

#include <fmt/format.h>

namespace guidecheck {

const char* to_string(ClaimVerdict verdict) {
  switch (verdict) {
    case ClaimVerdict::kMatch: return "match";
    case ClaimVerdict::kEquivalent: return "equivalent";
    case ClaimVerdict::kMismatch: return "mismatch";
    case ClaimVerdict::kProse: return "prose";
    case ClaimVerdict::kUnstable: return "unstable";
    case ClaimVerdict::kNotRun: return "not-run";
  }
  return "mismatch";
}

std::string describe_failure(const RunOutcome& outcome, double timeout_s) {
  if (outcome.interrupted) return "could not finish: " + outcome.error;
  switch (outcome.status) {
    case RunStatus::kOk: return "";
    case RunStatus::kTimeout: return fmt::format("timed out after {}s", timeout_s);
    case RunStatus::kCrashed: {
      int sig = outcome.signal.value_or(0);
      const char* name = sigabbrev_np(sig);
      return name ? fmt::format("crashed with signal {} (SIG{})", sig, name) : fmt::format("crashed with signal {}", sig);
    }
    case RunStatus::kError:
      if (!outcome.error.empty()) return "could not run: " + outcome.error;
      return fmt::format("exited with {}", outcome.exit_code.value_or(1));
  }
  return "";
}

}  // namespace guidecheck

namespace guidecheck {

bool is_complete_success(const RunOutcome& outcome) {
  return outcome.status == RunStatus::kOk && !outcome.interrupted && outcome.error.empty() &&
         !outcome.stdout_truncated;
}

}  // namespace guidecheck
