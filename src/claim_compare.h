#pragma once
// Comparing a claim with what its statement printed. Minimal version: the
// named equivalence rules arrive with the claim-compare work.

#include <string>
#include <string_view>

#include "check_result.h"

namespace guidecheck {

struct ClaimComparison {
  ClaimVerdict verdict;
  std::string rule;
};

/// Match when equal once whitespace runs are collapsed; otherwise prose when
/// the claim looks like a description, else mismatch.
ClaimComparison compare_claim(std::string_view claimed, std::string_view actual, bool looks_like_prose);

}  // namespace guidecheck
