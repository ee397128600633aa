#pragma once
// The "traceback" rule of compare_claim (claim_compare.h): a traceback the
// guide shows, as a REPL session or doctest shows one, against the one the
// statement printed.

#include <optional>
#include <string_view>

#include "claim_compare.h"

namespace guidecheck {

/// The verdict of the traceback rule, or nullopt when it does not apply.
///
/// A traceback is what was printed before its header (`Traceback (most
/// recent call last):`, or IPython's `KeyError   Traceback (most recent call
/// last)` under a rule of dashes), the stack and the exception lines. Python indents
/// every line of the stack, so the exception lines of a printed traceback
/// are the first unindented line after it and the rest (`ValueError: bad`
/// and any notes); with chained exceptions, the last header's.
///
/// equivalent "traceback":
///  - a claimed traceback whose last lines are the printed exception lines
///    and whose lines before the header are those printed before it. Its
///    stack may differ, be elided (`...`) or have lost its indentation; the
///    exception's type and message may not differ (doctest's
///    IGNORE_EXCEPTION_DETAIL is not applied).
///  - a claim without a header that is the printed output with the header
///    and the stack left out (`ValueError: bad` alone).
/// mismatch: a claimed traceback that does not agree, or where no traceback
/// was printed. nullopt: the claim shows no traceback and is not the
/// exception lines (whitespace is collapsed in every comparison).
std::optional<ClaimComparison> compare_traceback(std::string_view claimed, std::string_view actual);

/// IPython's traceback header, `KeyError    Traceback (most recent call
/// last)` (any run of blanks), under its rule of dashes.
bool is_ipython_traceback_header(std::string_view line);

/// `text` with its traceback's exception line cut to the exception's type,
/// without module path or message (`decimal.InvalidOperation: [...]` ->
/// `InvalidOperation`), as doctest's IGNORE_EXCEPTION_DETAIL compares
/// them; `text` itself when it shows no traceback.
std::string without_exception_detail(std::string_view text);

}  // namespace guidecheck
