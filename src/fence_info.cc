#include "fence_info.h"

#include <algorithm>
#include <array>

namespace guidecheck {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
}

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

// Pandoc's attributes (`{ .python .annotate }`, `{#listing-2 .python}`,
// also MkDocs' and Quarto's): the first class names the language. "" when
// the braces hold no class (a MyST directive, a knitr chunk).
std::string attribute_class(std::string_view info) {
  const std::size_t open = info.find_first_not_of(" \t");
  if (open == std::string_view::npos || info[open] != '{') return {};
  const std::size_t close = info.find('}', open);
  const std::string_view inside = info.substr(open + 1, close == std::string_view::npos ? info.npos : close - open - 1);
  for (std::size_t k = 0; k < inside.size(); ++k) {
    if (inside[k] != '.' || (k > 0 && !is_blank(inside[k - 1]))) continue;
    std::string word;
    for (++k; k < inside.size() && (is_word_char(inside[k]) || (inside[k] >= 'A' && inside[k] <= 'Z')); ++k)
      word += static_cast<char>(inside[k] >= 'A' && inside[k] <= 'Z' ? inside[k] - 'A' + 'a' : inside[k]);
    return word;
  }
  return {};
}

std::string fence_language(std::string_view info) {
  if (std::string language = attribute_class(info); !language.empty()) return language;
  std::size_t k = 0;
  while (k < info.size() && is_blank(info[k])) ++k;
  const bool braced = k < info.size() && info[k] == '{';
  while (k < info.size() && (info[k] == '{' || info[k] == '.')) ++k;
  auto read_word = [&] {
    std::string word;
    for (; k < info.size(); ++k) {
      char c = info[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (!is_word_char(c)) break;
      word += c;
    }
    return word;
  };
  std::string word = read_word();
  // MyST's code directives name the language after the braces.
  if (braced && is_myst_code_directive(word) && k < info.size() && info[k] == '}') {
    ++k;
    while (k < info.size() && is_blank(info[k])) ++k;
    std::string language = read_word();
    // A notebook cell without one is in the page's kernel language: Python here.
    return language.empty() && word == "code-cell" ? "python" : language;
  }
  return word;
}

bool is_myst_code_directive(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kCode = {"code-cell", "code-block", "code", "sourcecode",
                                                            "jupyter-execute"};
  return one_of(kCode, name);
}

std::string myst_directive(std::string_view info) {
  std::size_t k = 0;
  while (k < info.size() && is_blank(info[k])) ++k;
  if (k >= info.size() || info[k] != '{') return {};
  const std::size_t close = info.find('}', k);
  if (close == std::string_view::npos) return {};
  std::string name;
  for (char c : info.substr(k + 1, close - k - 1)) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!is_word_char(c) && c != ':') return {};  // `{python label, echo=TRUE}`: a knitr chunk
    name += c;
  }
  return name;
}

FenceRole fence_role(std::string_view info) {
  static constexpr std::array<std::string_view, 6> kPython = {"python", "py", "python3", "py3", "ipython", "ipython3"};
  // Pygments' and highlight.js' names for a Python console.
  static constexpr std::array<std::string_view, 4> kSession = {"pycon", "pycon3", "python-console", "python-repl"};
  // What renderers call plain text, a terminal or a traceback, and what
  // guides tag their output with.
  static constexpr std::array<std::string_view, 19> kOutput = {
      "text",          "output",     "console",      "none", "plain", "plaintext", "txt",
      "stdout",        "stderr",     "out",          "result", "nohighlight", "shell-session",
      "sh-session",    "shellsession", "pytb",       "py3tb", "ansi", "terminal"};
  const std::string language = fence_language(info);
  if (language.empty())
    return std::all_of(info.begin(), info.end(), is_blank) ? FenceRole::kUntagged : FenceRole::kOther;
  if (one_of(kSession, language)) return FenceRole::kSession;
  if (one_of(kPython, language)) return FenceRole::kPython;
  if (one_of(kOutput, language)) return FenceRole::kOutput;
  return FenceRole::kOther;
}

std::string fence_title(std::string_view info) {
  for (std::size_t at = info.find("title="); at != std::string_view::npos; at = info.find("title=", at + 1)) {
    if (at > 0 && !is_blank(info[at - 1])) continue;  // `subtitle=`
    std::size_t start = at + 6;
    if (start >= info.size()) return {};
    const char quote = info[start] == '"' || info[start] == '\'' ? info[start] : 0;
    if (quote) ++start;
    std::size_t end = start;
    while (end < info.size() && (quote ? info[end] != quote : !is_blank(info[end]))) ++end;
    return std::string(info.substr(start, end - start));
  }
  return {};
}

std::optional<Fence> opening_fence(std::string_view line) {
  Fence fence;
  while (fence.indent < line.size() && line[fence.indent] == ' ') ++fence.indent;
  const std::string_view rest = line.substr(fence.indent);
  if (rest.empty() || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
  fence.mark = rest[0];
  while (fence.length < rest.size() && rest[fence.length] == fence.mark) ++fence.length;
  if (fence.length < 3) return std::nullopt;
  const std::string_view info = rest.substr(fence.length);
  if (fence.mark == '`' && info.find('`') != std::string_view::npos) return std::nullopt;  // inline code
  fence.info = std::string(trim(info));
  return fence;
}

bool closes_fence(std::string_view line, const Fence& fence) {
  line = trim(line);
  std::size_t n = 0;
  while (n < line.size() && line[n] == fence.mark) ++n;
  return n >= fence.length && n == line.size();
}

}  // namespace guidecheck
