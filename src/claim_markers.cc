#include "claim_markers.h"

namespace guidecheck {

// Each convention's matcher lives in its own file.
std::optional<std::string_view> match_chevron_marker(std::string_view comment);      // claim_marker_chevron.cc
std::optional<std::string_view> match_label_marker(std::string_view comment);        // claim_marker_label.cc
std::optional<std::string_view> match_fat_arrow_marker(std::string_view comment);    // claim_marker_arrow.cc
std::optional<std::string_view> match_thin_arrow_marker(std::string_view comment);   // claim_marker_arrow.cc
std::optional<std::string_view> match_arrow_sign_marker(std::string_view comment);   // claim_marker_arrow.cc
std::optional<std::string_view> match_emoji_marker(std::string_view comment);        // claim_marker_emoji.cc
std::optional<std::string_view> match_colon_marker(std::string_view comment);        // claim_marker_colon.cc

const std::vector<ClaimMarker>& claim_markers() {
  static const std::vector<ClaimMarker> markers = {
      {"pytest-examples #>", "> ", MarkerPlacement::kEveryLine, MarkerScope::kStatement, match_chevron_marker},
      {"Output: label", " Output: ", MarkerPlacement::kFirstLine, MarkerScope::kSincePreviousClaim, match_label_marker},
      {"=> arrow", " => ", MarkerPlacement::kFirstLine, MarkerScope::kStatement, match_fat_arrow_marker},
      {"-> arrow", " -> ", MarkerPlacement::kFirstLine, MarkerScope::kStatement, match_thin_arrow_marker},
      {"\xE2\x86\x92 arrow", " \xE2\x86\x92 ", MarkerPlacement::kFirstLine, MarkerScope::kStatement, match_arrow_sign_marker},
      {"\xF0\x9F\x91\x89 emoji", " \xF0\x9F\x91\x89 ", MarkerPlacement::kFirstLine, MarkerScope::kStatement, match_emoji_marker},
      {"#: colon", ": ", MarkerPlacement::kFirstLine, MarkerScope::kStatement, match_colon_marker},
  };
  return markers;
}

std::optional<MarkedOutput> marked_output(std::string_view comment) {
  for (const auto& marker : claim_markers())
    if (std::optional<std::string_view> text = marker.match(comment)) return MarkedOutput{&marker, *text};
  return std::nullopt;
}

std::optional<std::string_view> output_label_value(std::string_view text) { return match_label_marker(text); }

}  // namespace guidecheck
