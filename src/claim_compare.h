#pragma once
// Comparing what a guide claims a statement prints with what it printed:
// the text a reader sees in a terminal, compared by value under named rules.
// The rules compare the tokens of claim_tokens.h.

#include <string>
#include <string_view>

#include "check_result.h"

namespace guidecheck {

/// The verdict for one claim and, for `equivalent`, the rules that made the
/// claim and the output the same value, joined by '+' in the order listed
/// below ("numpy-array+fewer-digits"); for `prose`, a short reason
/// ("describes the output", or "describes the code" when nothing was
/// printed); for `mismatch`, empty or "nothing was printed" or "too long to
/// compare by rule"; for `match`, empty.
struct ClaimComparison {
  ClaimVerdict verdict = ClaimVerdict::kMismatch;
  std::string rule;
};

/// Compares a claim with real output. Only kMatch, kEquivalent, kMismatch and
/// kProse come out of here.
///
/// `claimed` is Claim::text (note already removed; block claims are lines
/// joined by '\n'); `actual` is the rendered stdout lines the statement's
/// output occupies, joined by '\n'; `looks_like_prose` is Claim::looks_like_prose.
///
/// match: identical once each line is trimmed, runs of whitespace are
/// collapsed to one space and empty lines are dropped (the scrape collapsed
/// spaces, so pandas tables and indented lines still match).
///
/// equivalent, by rule (each may combine with the others):
///  - "arrows": `Division successful -> This always runs -> 5.0` (also `→`)
///    stands for the lines it joins; only when the parts are as many as the
///    printed lines. Each part is compared with the other rules.
///  - "excerpt": a claim of two or more lines that equal, in order and
///    contiguous, some of the printed lines, which has more (pandas headers
///    and footers the guide omits: `Eng 110.0\nMkt 85.0` out of a Series).
///    At least one claimed line must be a data line (two fields or more, one
///    with a digit), so a header word alone excuses nothing. Limit: the
///    omitted lines are not inspected, so a claim that leaves out real rows
///    at the start or end is excused too; the report names the rule.
///  - "quotes": a whole line in matching quotes, `"Hello"` or `'Hello'`,
///    where print shows `Hello`.
///  - "numpy-array": a Python list where numpy prints an array: `[2, 4, 6]`
///    for `[2 4 6]`, `[1.0, 2.0]` for `[1. 2.]`, nested for 2-D arrays. The
///    printed array has no commas; elements are compared one by one (same
///    count, same nesting).
///  - "fewer-digits": a number written with fewer decimals than printed (one
///    at least) and equal to the printed one rounded (half up) or truncated:
///    0.6667 for 0.6666666666666666, 3.14 for 3.14159 (never 3.15); or with
///    extra trailing zeros (1.50 for 1.5). A number without a decimal point or
///    exponent must be printed exactly (3 is not 3.0); exponents must agree
///    (0.00001 is not 1e-05).
///  - "approximately": `~56` or `≈56` matches a printed number within 10 % of
///    56; words after it up to the end of the line (units: `~56 bytes`) are
///    ignored when the printed line ends with the number. `~56 bytes` vs 48
///    is a mismatch.
///  - "numpy2-scalars": NumPy 2's scalar reprs (`np.float64(2.5)`,
///    `np.int64(15)`, `np.True_`, `np.str_('a')`) for the bare values NumPy
///    1 prints (claim_rule_numpy_scalars.h); the rest compared by the rules.
///  - "pandas2-value-counts": pandas 2's value_counts() (`Name: count`,
///    the column's name on a line above the rows) for pandas 1's (`Name:
///    <column>`), the rows compared by the rules
///    (claim_rule_pandas_value_counts.h).
///  - "set-order": a set display whose elements are those printed in
///    another order (`{'cherry', 'apple'}` for `{'apple', 'cherry'}`): a
///    set's order is its hash order, which for strings changes with the
///    hash seed (claim_rule_set_order.h). Dicts keep their order.
///  - "ellipsis": `...` (or `…`) in the claim stands for any text, possibly
///    spanning lines: `Employee(name='Alice', ...)`. The rest of the claim
///    must match; a claim of nothing but `...` excuses nothing. As in
///    doctest, it may cut a word or number: `<Point object at 0x...>`.
///  - "class-names": a name where Python printed a class repr:
///    `(DogCat, object)` for `(<class '__main__.DogCat'>, <class 'object'>)`.
///  - "traceback": a traceback as a REPL session or doctest shows it, for
///    the one printed: the exception lines (`ValueError: bad`) and what was
///    printed before the header must agree, the stack need not (`...`); or
///    the exception lines alone. A claimed traceback that does not agree is
///    a mismatch. Not combined with other rules (claim_rule_traceback.h).
///
/// Numbers inside quoted strings are still numbers to these rules.
///
/// prose: nothing above matched, the claim reads as a description (the hint,
/// or every line looks like prose, or nothing was printed) and it neither
/// looks like a value nor shares most of its words with the output. Looks
/// like a value: starts with a bracket, quote, digit or `~digit`, contains
/// `=`, an arrow, or a call/repr like `Vector(`, consists only of numbers and
/// True/False/None, or is a single token while something was printed. So
/// `Column data types` for a dtypes table is prose, while `True` for `False`,
/// `[1, 2, 4]` for `[1, 2, 3]` and `Engine runing` for `Toyota: Engine
/// running` are mismatches.
///
/// Never throws; work is bounded (very long texts are only checked for match).
ClaimComparison compare_claim(std::string_view claimed, std::string_view actual, bool looks_like_prose);

}  // namespace guidecheck
