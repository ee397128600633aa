#pragma once
// The reader of scraped text: a web page flattened to plain text, with no
// fences and no indentation. Which lines are Python is decided by the
// parser (guide_parser.h); indentation is recovered (indentation.h); where
// several layouts compile and the guide's claims can tell them apart, each
// candidate runs and the claims choose.

#include <string_view>
#include <vector>

#include "guide_reader.h"
#include "run_outcome.h"

namespace guidecheck {

/// Every sample of the scraped guide text.
Extraction read_scraped_text(std::string_view text, const ReadOptions& options);

/// How well a run's output agrees with `claims`: the claims it agrees
/// with, whitespace collapsed, and their lines (a claim may agree only
/// without its tentative lines). A rough score to choose between layouts,
/// not a verdict; more claims first, then more lines, then more claims that
/// are the whole of what their statement printed. `guide_lines` maps
/// snippet lines to guide lines.
struct ClaimAgreement {
  int claims = 0;
  int lines = 0;
  int whole = 0;  ///< claims that are all their statement printed, not a part of it
  auto operator<=>(const ClaimAgreement&) const = default;
};
ClaimAgreement count_agreeing_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                                     const RunOutcome& outcome);

}  // namespace guidecheck
