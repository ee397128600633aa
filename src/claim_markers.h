#pragma once
// Comment markers that say "what follows is output", such as
// pytest-examples' `#> 42`. A marked line is output: never prose, never a
// comment that introduces the next code. A new marker convention is one
// file and one row in claim_markers.cc.

#include <optional>
#include <string_view>
#include <vector>

namespace guidecheck {

struct ClaimMarker {
  std::string_view name;  ///< for messages and tests: "pytest-examples #>"
  /// The text right after '#' that --write-guide puts before each output
  /// line it writes in this convention ("> ").
  std::string_view written_prefix;
  /// The claimed text when `comment` (all after the '#', untrimmed) carries
  /// this marker; nullopt otherwise.
  std::optional<std::string_view> (*match)(std::string_view comment);
};

/// Every marker convention, in the order they are tried.
const std::vector<ClaimMarker>& claim_markers();

/// The first marker convention `comment` (all after the '#') carries, and
/// the claimed text after it; nullopt for an unmarked comment.
struct MarkedOutput {
  const ClaimMarker* marker;
  std::string_view text;
};
std::optional<MarkedOutput> marked_output(std::string_view comment);

}  // namespace guidecheck
