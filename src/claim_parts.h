#pragma once
// An output block that joins several outputs, judged output by output: the
// report then points at the line that is wrong, and the outputs around it
// are judged right, each a claim of its own as the reader sees it. The outputs are a notebook cell's
// (Claim::later_parts), or else the statements' that printed the block's
// lines (three prints, then "Output:" and three lines).

#include <optional>
#include <string>
#include <vector>

#include "check_result.h"
#include "claims.h"

namespace guidecheck {

/// `whole`, the result of output block `claim` on the sample whose guide
/// lines are `guide_lines`, split into one result per output when its
/// printed lines are as many as its own: when it agrees and every output
/// agrees, or when it is a mismatch and some output disagrees. The outputs are `claim.later_parts`; without them,
/// the runs of lines each top-level statement of `run` printed, when the
/// block's lines are the guide's one for one. Otherwise `whole` alone.
std::vector<ClaimResult> judged_by_parts(const Claim& claim, const std::vector<int>& guide_lines, const RunOutcome& run,
                                         ClaimResult whole);

/// The part of output block `claim` that one of judged_by_parts' results
/// stands for: the claim narrowed to the lines `claimed` holds from guide
/// line `guide_line` on (what `--write-guide` rewrites). nullopt when the
/// claim holds no such lines there.
std::optional<Claim> claim_part(const Claim& claim, int guide_line, const std::string& claimed);

}  // namespace guidecheck
