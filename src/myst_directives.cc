#include "myst_directives.h"

#include <algorithm>
#include <array>

#include "claim_text.h"

namespace guidecheck {
namespace {

// `:tags: [hide-input]`, `:linenos:`: a colon, a name, a colon.
bool is_option_line(std::string_view line) {
  line = trim_blanks(line);
  if (line.size() < 3 || line.front() != ':') return false;
  const std::size_t close = line.find(':', 1);
  if (close == std::string_view::npos || close == 1) return false;
  return std::all_of(line.begin() + 1, line.begin() + static_cast<long>(close), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

std::size_t directive_option_lines(const std::vector<std::string>& lines) {
  std::size_t k = 0;
  if (!lines.empty() && trim_blanks(lines[0]) == "---") {
    std::size_t close = 1;
    while (close < lines.size() && trim_blanks(lines[close]) != "---") ++close;
    if (close == lines.size()) return 0;  // no end: not an options block
    k = close + 1;
  } else {
    while (k < lines.size() && is_option_line(lines[k])) ++k;
  }
  if (k == 0) return 0;
  while (k < lines.size() && trim_blanks(lines[k]).empty()) ++k;
  return k;
}

bool is_myst_container(std::string_view directive) {
  static constexpr std::array<std::string_view, 27> kContainers = {
      "note",      "tip",        "hint",      "important", "warning",  "caution",       "attention",
      "danger",    "error",      "seealso",   "admonition", "dropdown", "tab-set",       "tab-item",
      "card",      "grid",       "grid-item", "grid-item-card", "margin", "sidebar",   "topic",
      "div",       "exercise",   "solution",  "versionadded", "versionchanged", "deprecated"};
  if (std::find(kContainers.begin(), kContainers.end(), directive) != kContainers.end()) return true;
  // sphinx-proof's `{prf:example}` and the like.
  return directive.starts_with("prf:");
}

}  // namespace guidecheck
