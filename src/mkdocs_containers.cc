#include "mkdocs_containers.h"

namespace guidecheck {
namespace {

constexpr std::size_t kBodyIndent = 4;  // Python-Markdown's tab_length

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Python-Markdown's \w is Unicode-aware: any byte of a multibyte character counts.
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Columns of leading blanks, a tab reaching the next multiple of four.
std::size_t indent_columns(std::string_view line) {
  std::size_t columns = 0;
  for (char c : line) {
    if (c == ' ') ++columns;
    else if (c == '\t') columns = (columns / kBodyIndent + 1) * kBodyIndent;
    else break;
  }
  return columns;
}

bool is_blank_line(std::string_view line) { return trim_left(trim_right(line)).empty(); }

}  // namespace

std::optional<std::string> container_title(std::string_view line) {
  std::size_t marker = 0;
  bool tab = false;
  if (line.starts_with("???+")) {
    marker = 4;
  } else if (line.starts_with("???") || line.starts_with("!!!")) {
    marker = 3;
  } else if (line.starts_with("===")) {
    tab = true;
    marker = 3;
    // `===+` selects the tab, `===!` starts a new tab set; both may be given.
    for (int flag = 0; flag < 2 && marker < line.size() && (line[marker] == '+' || line[marker] == '!'); ++flag) ++marker;
  } else {
    return std::nullopt;
  }
  std::string_view rest = trim_right(line.substr(marker));
  // An admonition's type may touch its marker (`!!!note`); a tab's title may not.
  const bool spaced = !rest.empty() && is_blank(rest.front());
  rest = trim_left(rest);
  if (rest.empty()) return std::nullopt;

  std::optional<std::string> first_word;
  while (!rest.empty() && rest.front() != '"') {
    std::size_t end = 0;
    while (end < rest.size() && is_word_char(rest[end])) ++end;
    if (end == 0) return std::nullopt;  // `!!! note: see below` is a sentence
    if (end < rest.size() && !is_blank(rest[end])) return std::nullopt;
    if (!first_word) first_word = std::string(rest.substr(0, end));
    rest = trim_left(rest.substr(end));
  }
  if (rest.empty()) {
    if (tab) return std::nullopt;  // a content tab always has a quoted title
    return first_word;
  }
  const std::size_t close = rest.size() - 1;
  if (close == 0 || rest.back() != '"') return std::nullopt;  // unclosed, or words after the title
  if (tab && (first_word || !spaced)) return std::nullopt;
  if (!tab && !first_word && !spaced) return std::nullopt;
  return std::string(rest.substr(1, close - 1));
}

std::size_t container_body_end(const std::vector<std::string>& lines, std::size_t opener) {
  std::size_t end = opener + 1;
  for (std::size_t k = opener + 1; k < lines.size(); ++k) {
    if (is_blank_line(lines[k])) continue;
    if (indent_columns(lines[k]) < kBodyIndent) break;
    end = k + 1;
  }
  return end;
}

std::string without_container_indent(std::string_view line) {
  std::size_t columns = 0;
  std::size_t bytes = 0;
  while (bytes < line.size() && columns < kBodyIndent && is_blank(line[bytes])) {
    columns = line[bytes] == ' ' ? columns + 1 : (columns / kBodyIndent + 1) * kBodyIndent;
    ++bytes;
  }
  return std::string(line.substr(bytes));
}

}  // namespace guidecheck
