#pragma once
// The "addresses" rule of compare_claim (claim_compare.h): a memory address
// differs in every run (`<function area at 0x7f3a2c1d3e50>`), so a claim
// that shows one agrees with any; and IPython shows an object without a
// repr of its own as `<__main__.Point at 0x...>` where Python prints
// `<__main__.Point object at 0x...>`.

#include <optional>
#include <string_view>

#include "claim_compare.h"

namespace guidecheck {

/// equivalent "addresses" (with the rule that then agreed, "addresses+..."):
/// both texts show addresses (`0x` and six hex digits or more) and agree
/// once every address is masked and IPython's form stands for Python's.
/// nullopt when either shows none, or they still disagree.
std::optional<ClaimComparison> compare_addresses(std::string_view claimed, std::string_view actual,
                                                 bool looks_like_prose);

}  // namespace guidecheck
