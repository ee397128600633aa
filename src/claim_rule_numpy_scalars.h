#pragma once
// A rule of compare_claim (claim_compare.h): NumPy 2 shows a scalar's repr
// with its type (`np.float64(2.5)`, `np.int64(15)`, `np.True_`,
// `np.str_('a')`), where NumPy 1, and print() in both, show the bare value
// (`2.5`, `15`, `True`, `'a'`). A guide written against NumPy 2 claims the
// same value as a run on NumPy 1 prints.

#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

/// `claimed` with every NumPy 2 scalar repr made its bare value; nullopt
/// when it holds none.
std::optional<std::string> without_numpy2_scalar_reprs(std::string_view claimed);

}  // namespace guidecheck
