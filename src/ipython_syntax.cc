#include "ipython_syntax.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace guidecheck {
namespace {

// Line magics that change nothing a sample prints.
constexpr std::array<std::string_view, 7> kQuietLineMagics = {"matplotlib", "load_ext",  "reload_ext", "unload_ext",
                                                              "autoreload", "aimport", "config"};
// Cell magics whose body is Python run in the kernel; `time`, `timeit` and
// `prun` print timings after it.
constexpr std::array<std::string_view, 3> kPythonCellMagics = {"capture", "python", "python3"};
constexpr std::array<std::string_view, 3> kTimingCellMagics = {"time", "timeit", "prun"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string_view first_word(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
  return text.substr(0, end);
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// `len?`, `str.split??`, `?print`: IPython's help, never Python.
bool is_help_request(std::string_view code) {
  if (code.find('?') == std::string_view::npos) return false;
  std::string_view name = code;
  while (name.starts_with('?')) name.remove_prefix(1);
  while (name.ends_with('?')) name.remove_suffix(1);
  return !name.empty() && name.size() + 1 <= code.size() && std::all_of(name.begin(), name.end(), is_name_char);
}

// `files = !ls`, `t = %timeit -o f()`: a command's result bound to names.
bool is_command_assignment(std::string_view code) {
  const std::size_t equals = code.find('=');
  if (equals == std::string_view::npos || equals == 0 || equals + 1 >= code.size() || code[equals + 1] == '=') return false;
  const std::string_view targets = code.substr(0, equals);
  if (!std::all_of(targets.begin(), targets.end(),
                   [](char c) { return is_name_char(c) || c == ',' || c == ' ' || c == '\t'; }))
    return false;
  const std::string_view value = trim(code.substr(equals + 1));
  return value.starts_with('!') || value.starts_with('%');
}

// How many triple quotes open or close on the line: an odd count flips
// whether the next line is inside a string.
bool flips_string(std::string_view line) {
  int count = 0;
  for (std::string_view quote : {std::string_view("\"\"\""), std::string_view("'''")})
    for (std::size_t at = line.find(quote); at != std::string_view::npos; at = line.find(quote, at + 3)) ++count;
  return count % 2 == 1;
}

}  // namespace

PythonCell python_cell(const std::vector<std::string>& lines) {
  PythonCell cell;
  cell.lines = lines;
  cell.lines_without_notes.resize(lines.size());
  std::size_t first = 0;
  while (first < lines.size() && trim(lines[first]).empty()) ++first;
  std::size_t body = first;
  if (first < lines.size() && trim(lines[first]).starts_with("%%")) {
    const std::string_view magic_line = trim(lines[first]).substr(2);
    const std::string_view magic = first_word(magic_line);
    cell.commands.push_back("%%" + std::string(magic));
    if (magic == "writefile" || magic == "file") {
      std::string_view name = trim(magic_line.substr(magic.size()));
      while (name.starts_with('-')) {
        cell.appends = cell.appends || first_word(name) == "-a" || first_word(name) == "--append";
        name = trim(name.substr(first_word(name).size()));
      }
      if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front())
        name = name.substr(1, name.size() - 2);
      cell.written_file = std::string(name);
      cell.is_python = name.ends_with(".py");
      cell.prints_as_shown = false;  // Jupyter's "Writing helpers.py"
    } else if (one_of(kTimingCellMagics, magic)) {
      cell.prints_as_shown = false;
    } else if (!one_of(kPythonCellMagics, magic)) {
      cell.is_python = false;  // %%bash, %%html, %%sql...
    }
    cell.lines[first].clear();
    body = cell.first_python_line = first + 1;
  }
  bool in_string = false, has_python = false;
  for (std::size_t k = body; k < cell.lines.size(); ++k) {
    std::string& line = cell.lines[k];
    const std::size_t indent = line.find_first_not_of(" \t");
    const std::string_view code = indent == std::string::npos ? std::string_view() : trim(std::string_view(line).substr(indent));
    const bool was_in_string = in_string;
    if (flips_string(line)) in_string = !in_string;
    if (code.empty() || was_in_string) continue;
    if (code.starts_with('#')) continue;
    const bool magic = code.starts_with('%'), shell = code.starts_with('!');
    if (!magic && !shell && !is_help_request(code) && !is_command_assignment(code)) {
      has_python = true;
      continue;
    }
    // Copies: `code` views the line about to be replaced.
    const std::string original(code);
    const std::string name(magic || shell ? first_word(code.substr(1)) : code);
    cell.commands.push_back((magic ? "%" : shell ? "!" : "") + name);
    const std::string indentation = line.substr(0, indent);
    if (magic && (name == "time" || name == "timeit") && trim(code.substr(1 + name.size())).size() > 0) {
      // `%time total = f()` runs the statement; `%timeit f()` times it only.
      const std::string statement(trim(code.substr(1 + name.size())));
      const std::string note = "  # IPython: " + std::string(code.substr(0, 1 + name.size()));
      cell.lines_without_notes[k] = line = indentation + (name == "time" ? statement : "pass");
      line += name == "time" ? note : "  # IPython: " + original;
      has_python = has_python || name == "time";
      cell.prints_as_shown = false;
      continue;
    }
    cell.lines_without_notes[k] = line = indentation + "pass";
    line += "  # IPython: " + original;
    if (!(magic && one_of(kQuietLineMagics, name))) cell.prints_as_shown = false;
  }
  cell.only_commands = cell.is_python && !has_python && !cell.commands.empty();
  for (std::size_t k = 0; k < cell.lines.size(); ++k)
    if (cell.lines_without_notes[k].empty()) cell.lines_without_notes[k] = cell.lines[k];
  return cell;
}

}  // namespace guidecheck
