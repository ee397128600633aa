#pragma once
// A rule of compare_claim (claim_compare.h) that is strict where the others
// are lenient: a str repr's text is exact. The general comparison collapses
// runs of blanks and lets a claimed number stand for a longer printed one,
// which inside quotes would pass '[ab   ]' for '[ab    ]' and
// '1.00000e+06' for '1.000000e+06'.

#include <optional>
#include <string_view>

#include "claim_compare.h"

namespace guidecheck {

/// When both texts are one-line str reprs in the same quotes (no escapes or
/// quotes inside): match when their text is the same, mismatch otherwise.
/// nullopt when either is not one, their quotes differ or the claim elides
/// (`...`, `…`): the general comparison decides.
std::optional<ClaimComparison> compare_string_reprs(std::string_view claimed, std::string_view actual);

}  // namespace guidecheck
