// pytest-examples' convention: each line a statement prints is shown right
// after it as a comment starting `#>`:
//
//   print([1, 2])
//   #> [1, 2]
//
// The marker must touch the '#' ("# > quote" is a quotation, not a marker).

#include <optional>
#include <string_view>

namespace guidecheck {

std::optional<std::string_view> match_chevron_marker(std::string_view comment) {
  if (comment.empty() || comment.front() != '>') return std::nullopt;
  comment.remove_prefix(1);
  if (!comment.empty() && comment.front() != ' ' && comment.front() != '\t') return std::nullopt;  // "#>>" etc.
  if (!comment.empty()) comment.remove_prefix(1);
  while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r'))
    comment.remove_suffix(1);
  return comment;
}

}  // namespace guidecheck
