#pragma once
// Comment markers that say "what follows is output": pytest-examples' `#> 42`
// on every output line, or a label before the first one (`# Output: 42`,
// `# => 42`). A marked line is output: never prose, never a comment that
// introduces the next code. A new marker convention is one file and one row
// in claim_markers.cc.

#include <optional>
#include <string_view>
#include <vector>

namespace guidecheck {

/// Where a convention puts its marker in a block of output lines.
enum class MarkerPlacement {
  /// On every line (`#> a` then `#> b`); the text after it is verbatim.
  kEveryLine,
  /// Before the first line only (`# Output: a` then `#         b`, the
  /// later lines often aligned under the first value). The text is trimmed,
  /// may end in a parenthesised note, and when the code prints the label
  /// itself (`print("Output:", x) # Output: 5`) the label is output too.
  kFirstLine,
};

/// What a block of marked comment lines after code claims.
enum class MarkerScope {
  kStatement,  ///< the output of the statement right before it (`#> 42`, `# => 42`)
  /// A label alone (`# Output:` then the lines) or over several lines: all
  /// the output of the code since the previous claim, as several prints
  /// show it together. Over one value (`# Output: 42`): the statement before.
  kSincePreviousClaim,
};

struct ClaimMarker {
  std::string_view name;  ///< for messages and tests: "pytest-examples #>"
  /// The text right after '#' that --write-guide puts before each output
  /// line it writes in this convention ("> ").
  std::string_view written_prefix;
  MarkerPlacement placement;
  MarkerScope scope;
  /// The claimed text when `comment` (all after the '#', untrimmed) carries
  /// this marker; nullopt otherwise. The text may be empty (`# Output:` alone
  /// introduces the lines after it).
  std::optional<std::string_view> (*match)(std::string_view comment);
};

/// Every marker convention, in the order they are tried.
const std::vector<ClaimMarker>& claim_markers();

/// The first marker convention `comment` (all after the '#') carries, and
/// the claimed text after it (a view into `comment`); nullopt for an
/// unmarked comment.
struct MarkedOutput {
  const ClaimMarker* marker;
  std::string_view text;
};
std::optional<MarkedOutput> marked_output(std::string_view comment);

/// The text after an output label that opens `text` (`Output: 42`,
/// `Expected output:`, `#output:x`'s `output:x`, `Out[3]: 42`, `Prints 42`;
/// any case), trimmed; nullopt when `text` opens with none. The label
/// marker's matcher, also used for lines that are not comments (an
/// `Output:` line before output shown as plain text).
std::optional<std::string_view> output_label_value(std::string_view text);

}  // namespace guidecheck
