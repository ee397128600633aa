#pragma once
// A rule of compare_claim (claim_compare.h): a set prints its elements in
// hash order, which for strings changes with every interpreter's hash seed
// (and for other types differs from the order a guide wrote them in). A
// claimed set display with the same elements in another order is the same
// value: `{'cherry', 'apple', 'banana'}` for `{'apple', 'banana', 'cherry'}`,
// also inside a line (`Unique: {'b', 'a'}`), `frozenset({...})` and nested.
// Dicts keep their insertion order, which is part of what they print: a
// brace with a top-level `:` is a dict, and its order must agree.

#include <optional>
#include <string>
#include <string_view>

#include "claim_compare.h"

namespace guidecheck {

/// `text` with the elements of every set display (braces holding no
/// top-level colon) sorted, each element in that form too; quotes and
/// brackets are respected, blanks after commas made one.
std::string with_sets_in_order(std::string_view text);

/// Equivalent ("set-order") when the texts differ but agree once every set
/// display in them is in order; nullopt otherwise (the other rules decide).
std::optional<ClaimComparison> compare_set_orders(std::string_view claimed, std::string_view actual);

}  // namespace guidecheck
