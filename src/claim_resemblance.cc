#include "claim_resemblance.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "claim_text.h"
#include "claim_tokens.h"

namespace guidecheck {
namespace {

std::vector<std::string> collapsed_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string_view line : split_lines(text)) {
    std::string collapsed = collapse_line_blanks(line);
    if (!collapsed.empty()) lines.push_back(std::move(collapsed));
  }
  return lines;
}

// Lines of more words than this are compared whole only: an edit distance
// is quadratic, and a line of output rarely runs this long.
constexpr std::size_t kMaxNearWords = 200;

// Within a word in three (one at least) of the printed line: a word left
// out, added or changed ("a 16-inch pizza" for "a 16-inch thin-crust pizza").
bool near(const std::string& claimed, const std::string& printed) {
  const std::vector<std::string_view> a = words_of(claimed), b = words_of(printed);
  if (a.size() > kMaxNearWords || b.size() > kMaxNearWords) return false;
  // dtl counts a changed word as one word deleted and one added.
  const long long allowed = 2 * static_cast<long long>(std::max<std::size_t>(1, std::max(a.size(), b.size()) / 3));
  dtl::Diff<std::string_view> diff(a, b);
  diff.onOnlyEditDistance();
  diff.compose();
  return diff.getEditDistance() <= allowed;
}

}  // namespace

bool resembles_printed_lines(std::string_view claimed, std::string_view printed) {
  const std::vector<std::string> claim = collapsed_lines(claimed), run = collapsed_lines(printed);
  if (claim.empty() || claim.size() != run.size()) return false;
  std::size_t same = 0;
  for (std::size_t k = 0; k < claim.size(); ++k) {
    if (claim[k] == run[k]) {
      ++same;
      continue;
    }
    if (!near(claim[k], run[k])) return false;
  }
  return same >= 1;
}

}  // namespace guidecheck
