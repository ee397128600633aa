#include "claim_markers.h"

namespace guidecheck {

// Each convention's matcher lives in its own file.
std::optional<std::string_view> match_chevron_marker(std::string_view comment);  // claim_marker_chevron.cc

const std::vector<ClaimMarker>& claim_markers() {
  static const std::vector<ClaimMarker> markers = {
      {"pytest-examples #>", "> ", match_chevron_marker},
  };
  return markers;
}

std::optional<MarkedOutput> marked_output(std::string_view comment) {
  for (const auto& marker : claim_markers())
    if (std::optional<std::string_view> text = marker.match(comment)) return MarkedOutput{&marker, *text};
  return std::nullopt;
}

}  // namespace guidecheck
