#pragma once
// Approved outputs with placeholders for what changes from run to run.
//
// `update` runs each snippet twice (different hash seed, different time).
// Where the two outputs differ only in single tokens, those tokens become
// placeholders in expected/<id>.out:
//   {{guidecheck:number}}  any number (timings, sizes, ids: 0.2314, 140234, 0x7f3a)
//   {{guidecheck:word}}    any run of letters, digits and underscores
// Durations (a number followed by s, ms, us, sec, seconds...) are always
// placeholders, even when both runs agree: they only agree by chance.
// `check` accepts an output when it matches the pattern.

#include <optional>
#include <string>
#include <string_view>

namespace guidecheck {

inline constexpr std::string_view kNumberPlaceholder = "{{guidecheck:number}}";
inline constexpr std::string_view kWordPlaceholder = "{{guidecheck:word}}";

/// The pattern that covers both outputs: equal tokens kept, differing
/// number or word tokens replaced by a placeholder, durations masked.
/// nullopt when the difference cannot be confined to single tokens
/// (different lines or token shapes); then *first_line is the 1-based line
/// of stdout where they part.
std::optional<std::string> stable_pattern(std::string_view first, std::string_view second, int* first_line);

/// True when `output` matches `pattern` (placeholders match one token of
/// their kind; everything else must be identical).
bool matches_pattern(std::string_view pattern, std::string_view output);

/// True when `pattern` holds a placeholder.
bool has_placeholders(std::string_view pattern);

}  // namespace guidecheck
