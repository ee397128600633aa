#pragma once
// The last word on a claim that no rule of claim_compare made the output's
// equal: a value the run did not print (a mismatch), or words about the
// code or its output (prose), which are not judged as output.
#include <string_view>
#include <vector>

#include "claim_compare.h"
#include "claim_tokens.h"

namespace guidecheck {

/// `claim_text` and `actual_text` are the claim and the output with line
/// blanks collapsed, `claim_tokens` and `actual_tokens` their tokens. A mismatch when
/// the claim shows a value (brackets, quotes, numbers, reprs, an arrow);
/// prose ("describes the output", or "describes the code" when nothing was
/// printed) when it reads as words (`looks_like_prose`, every line prose, or
/// words beside bare values) and shares fewer than half its words with the
/// output, one typo allowed; else a mismatch.
ClaimComparison judge_unmatched_claim(std::string_view claim_text, const std::vector<ClaimToken>& claim_tokens,
                                      std::string_view actual_text, const std::vector<ClaimToken>& actual_tokens,
                                      bool looks_like_prose);

}  // namespace guidecheck
