#include "markdown_include.h"

#include <string_view>

namespace guidecheck {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Takes the scissors `--8<--` (and the `;` that escape them) off the front
// of `line`; false when it does not start with them.
bool take_scissors(std::string_view* line) {
  std::string_view s = *line;
  while (!s.empty() && s.front() == ';') s.remove_prefix(1);
  std::size_t k = 0;
  while (k < s.size() && s[k] == '-') ++k;
  if (k == 0 || s.substr(k, 2) != "8<") return false;
  k += 2;
  const std::size_t dashes = k;
  while (k < s.size() && s[k] == '-') ++k;
  if (k == dashes) return false;
  *line = s.substr(k);
  return true;
}

bool is_bare_scissors(std::string_view line) {
  line = trim(line);
  return take_scissors(&line) && line.empty();
}

// `--8<-- "path"`: the scissors, a blank, one quoted name.
bool is_one_line_include(std::string_view line) {
  line = trim(line);
  if (!take_scissors(&line) || line.empty() || (line.front() != ' ' && line.front() != '\t')) return false;
  line = trim(line);
  if (line.size() < 3) return false;
  const char quote = line.front();
  return (quote == '"' || quote == '\'') && line.back() == quote && line.find(quote, 1) == line.size() - 1;
}

}  // namespace

bool is_snippets_include(const std::vector<std::string>& lines) {
  bool in_block = false;  // between a bare `--8<--` and the next: file names
  bool seen = false;
  for (const std::string& line : lines) {
    if (trim(line).empty()) continue;
    if (is_bare_scissors(line)) {
      in_block = !in_block;
      seen = true;
    } else if (!in_block && !is_one_line_include(line)) {
      return false;
    } else if (!in_block) {
      seen = true;
    }
  }
  return seen && !in_block;
}

}  // namespace guidecheck
