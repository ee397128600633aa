#pragma once
// The step behind `update --write-guide`: correct the guide's mismatching
// claims with what the samples printed, then store the snippets again. It
// judges runs already made: nothing runs here.

#include <string>
#include <vector>

#include "check_plan.h"
#include "errata.h"
#include "plan_runs.h"

namespace guidecheck {

struct GuideFixOutcome {
  int exit_code = 0;  ///< 0 done (or nothing to do), 1 some claims refused or still wrong, 2 error
  std::string error;
  std::vector<std::string> messages;
  int rewritten = 0;
  int still_wrong = 0;  ///< mismatches left: refused, or their run did not end well
};

/// Judges the plan's runs (`second` answers second opinions: recorded runs,
/// so nothing runs twice more), rewrites every mismatching claim of a
/// sample whose run ended well, in place and in the guide's own style
/// (atomically; a second call changes nothing), then stores the snippets
/// again with their layouts kept: only comment lines changed. Unstable,
/// prose and equivalent claims are left alone.
GuideFixOutcome fix_guide_claims(const CheckPlan& plan, const PlanRuns& runs, const Errata& errata, Runner& second,
                                 const std::string& snippets_dir);

}  // namespace guidecheck
