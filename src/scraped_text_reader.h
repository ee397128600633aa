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

/// How many of `claims` the statement outputs of a run agree with, after
/// whitespace is collapsed (a rough score to choose between layouts, not a
/// verdict). `guide_lines` maps snippet lines to guide lines.
int count_agreeing_claims(const std::vector<Claim>& claims, const std::vector<int>& guide_lines,
                          const RunOutcome& outcome);

}  // namespace guidecheck
