// A colon touching the '#' before a value, as dense cheatsheets write it:
//
//   cnt["dog"]        #: 0
//   sorted(groups)    #: [2, 3, 4]
//
// Sphinx documents attributes with the same `#:` (`#: Seconds before a
// retry`), so only a value follows this marker: a literal, a bracket or a
// quote, a number, True/False/None, or a repr (`Card(rank='Q')`).

#include <cctype>
#include <optional>
#include <string_view>

namespace guidecheck {
namespace {

bool starts_like_a_value(std::string_view text) {
  if (text.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(text.front());
  if (std::string_view("[{('\"-").find(static_cast<char>(first)) != std::string_view::npos || std::isdigit(first))
    return true;
  std::size_t name = 0;
  while (name < text.size() && (std::isalnum(static_cast<unsigned char>(text[name])) || text[name] == '_' ||
                                text[name] == '.'))
    ++name;
  const std::string_view word = text.substr(0, name);
  if (word == "True" || word == "False" || word == "None") return name == text.size();
  return name > 0 && name < text.size() && text[name] == '(' && std::isalpha(first);
}

}  // namespace

std::optional<std::string_view> match_colon_marker(std::string_view comment) {
  if (comment.empty() || comment.front() != ':') return std::nullopt;
  comment.remove_prefix(1);
  while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) comment.remove_prefix(1);
  while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r'))
    comment.remove_suffix(1);
  if (!starts_like_a_value(comment)) return std::nullopt;
  return comment;
}

}  // namespace guidecheck
