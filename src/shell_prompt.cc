#include "shell_prompt.h"

#include <algorithm>
#include <cctype>

#include "claim_text.h"

namespace guidecheck {
namespace {

// A Unix prompt's text before its `$`, `%` or `#`: a path or user@host
// (`ana@box:~/code`, `~/code`, `bash-5.2`), never a word of output ("50%").
bool is_prompt_prefix(std::string_view text) {
  if (text.find_first_of(":@~/\\") == std::string_view::npos && !text.starts_with("bash-")) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_.-:@~/\\").find(c) != std::string_view::npos;
  });
}

}  // namespace

std::optional<std::string_view> command_after_prompt(std::string_view line) {
  line = trim_blanks(line);
  if (line.starts_with("(")) {  // (venv) $ python app.py
    const std::size_t close = line.find(") ");
    if (close != std::string_view::npos && line.substr(1, close - 1).find(' ') == std::string_view::npos)
      line = trim_blanks(line.substr(close + 2));
  }
  if (line.size() >= 2 && (line[0] == '$' || line[0] == '%') && line[1] == ' ') return trim_blanks(line.substr(2));
  if (line.starts_with("PS ")) {
    const std::size_t end = line.find("> ");
    if (end != std::string_view::npos && line.substr(3, end - 3).find(' ') == std::string_view::npos)
      return trim_blanks(line.substr(end + 2));
  }
  if (line.size() >= 4 && std::isalpha(static_cast<unsigned char>(line[0])) && line[1] == ':' && line[2] == '\\') {
    const std::size_t end = line.find('>');
    if (end != std::string_view::npos && line.substr(0, end).find(' ') == std::string_view::npos &&
        !trim_blanks(line.substr(end + 1)).empty())
      return trim_blanks(line.substr(end + 1));
  }
  const std::size_t space = line.find(' ');
  if (space != std::string_view::npos && space >= 2 && std::string_view("$%#").find(line[space - 1]) != std::string_view::npos &&
      is_prompt_prefix(line.substr(0, space - 1)))
    return trim_blanks(line.substr(space + 1));
  return std::nullopt;
}

}  // namespace guidecheck
