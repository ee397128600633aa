#include "myst_directives.h"

#include <algorithm>
#include <array>

namespace guidecheck {
namespace {

std::string_view trimmed(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  const std::size_t end = line.find_last_not_of(" \t\r");
  return line.substr(start, end - start + 1);
}

// `:tags: [hide-input]`, `:linenos:`: a colon, a name, a colon.
bool is_option_line(std::string_view line) {
  line = trimmed(line);
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
  if (!lines.empty() && trimmed(lines[0]) == "---") {
    std::size_t close = 1;
    while (close < lines.size() && trimmed(lines[close]) != "---") ++close;
    if (close == lines.size()) return 0;  // no end: not an options block
    k = close + 1;
  } else {
    while (k < lines.size() && is_option_line(lines[k])) ++k;
  }
  if (k == 0) return 0;
  while (k < lines.size() && trimmed(lines[k]).empty()) ++k;
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
