#include "claim_text.h"

#include "shell_prompt.h"

// What one comment's text is, line by line: an error, a pragma, a value with
// a note, prose, a shell command. The finder (claims.cc) decides what the
// lines together claim.

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "claims.h"

namespace guidecheck {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }


template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view word) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

bool is_error_line(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (is_alpha(text[i]) || is_digit(text[i]) || text[i] == '_' || text[i] == '.')) ++i;
  const std::string_view name = text.substr(0, i);
  if (i < text.size() && text[i] != ':') return false;
  const std::size_t dot = name.rfind('.');
  const std::string_view base = dot == std::string_view::npos ? name : name.substr(dot + 1);
  if (base.empty() || !is_upper(base.front())) return false;
  static constexpr std::array<std::string_view, 6> kExact = {"KeyboardInterrupt", "SystemExit",    "StopIteration",
                                                             "StopAsyncIteration", "GeneratorExit", "Exception"};
  if (contains(kExact, base)) return true;
  for (std::string_view suffix : {"Error", "Exception", "Warning"})
    if (base.size() > suffix.size() && base.substr(base.size() - suffix.size()) == suffix) return true;
  return false;
}


bool one_edit_apart(std::string_view x, std::string_view y) {
  if (x.size() > y.size()) std::swap(x, y);
  if (y.size() - x.size() > 1) return false;
  std::size_t i = 0;
  while (i < x.size() && x[i] == y[i]) ++i;
  if (x.size() == y.size()) return x.substr(i + 1) == y.substr(i + 1);
  return x.substr(i) == y.substr(i + 1);
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

std::optional<std::string_view> error_text(std::string_view text) {
  for (std::string_view verb : {"raises ", "throws ", "raise "}) {
    if (ascii_lower(text.substr(0, verb.size())) == verb) {
      text = trim_blanks(text.substr(verb.size()));
      // "Raises an IndexError", "Raises a TypeError"
      for (std::string_view article : {"an ", "a "})
        if (text.starts_with(article)) {
          text = trim_blanks(text.substr(article.size()));
          break;
        }
      break;
    }
  }
  if (is_error_line(text)) return text;
  return std::nullopt;
}

bool is_pragma(std::string_view text) {
  // Tools' directives, and a documentation site's directives to the code's
  // display: Docusaurus' `highlight-next-line`, Shiki's `[!code focus]`.
  static constexpr std::array<std::string_view, 17> kPragmas = {
      "type:", "noqa", "pragma:", "fmt:", "pylint:", "mypy:", "isort:", "doctest:", "nosec", "pyright:",
      "ruff:", "-*-",  "!", "highlight-next-line", "highlight-start", "highlight-end", "[!code"};
  const std::string low = ascii_lower(text);
  if (std::any_of(kPragmas.begin(), kPragmas.end(),
                  [&](std::string_view p) { return std::string_view(low).substr(0, p.size()) == p; }))
    return true;
  return is_annotation_anchor(trim_blanks(text));
}

bool is_annotation_anchor(std::string_view text) {
  if (text.ends_with('!')) text.remove_suffix(1);
  return text.size() >= 3 && text.front() == '(' && text.back() == ')' &&
         std::all_of(text.begin() + 1, text.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

bool is_one_literal(std::string_view value) {
  if (value.empty()) return false;
  if (value == "True" || value == "False" || value == "None") return true;
  const char first = value.front(), last = value.back();
  if ((first == '\'' || first == '"') && value.size() >= 2 && last == first) return true;
  if ((first == '[' && last == ']') || (first == '(' && last == ')') || (first == '{' && last == '}')) return true;
  return std::all_of(value.begin(), value.end(),
                     [](char c) { return is_digit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'j'; }) &&
         std::any_of(value.begin(), value.end(), is_digit);
}

namespace {

// `False, a and b are different objects`: one whole literal, then after
// the first ", " outside brackets and quotes a remark of three words or more
// in lower case, with no code in it.
std::pair<std::string_view, std::string_view> split_comma_remark(std::string_view text) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    else if (c == ',' && depth == 0 && text[i + 1] == ' ') {
      const std::string_view value = trim_blanks(text.substr(0, i)), remark = trim_blanks(text.substr(i + 1));
      const bool words_only = std::all_of(remark.begin(), remark.end(), [](char r) {
        return is_alpha(r) || is_space(r) || r == '\'' || r == '-' || r == ',' || r == '.' || r == ';';
      });
      if (!is_one_literal(value) || remark.empty() || !(remark.front() >= 'a' && remark.front() <= 'z') ||
          !words_only || words_of(remark).size() < 3)
        return {text, {}};
      return {value, remark};
    }
  }
  return {text, {}};
}

}  // namespace

std::pair<std::string_view, std::string_view> split_note(std::string_view text) {
  if (text.size() < 3 || text.back() != ')') return split_comma_remark(text);
  int depth = 0;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos || open == 0 || !is_space(text[open - 1])) return {text, {}};
  const std::string_view value = trim_blanks(text.substr(0, open));
  const std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  const bool literal = std::all_of(inside.begin(), inside.end(), [](char c) {
    return is_digit(c) || is_space(c) || c == ',' || c == '.' || c == '-' || c == '\'' || c == '"';
  });
  if (value.empty() || literal) return {text, {}};
  return {value, text.substr(open)};
}

bool is_parenthesised_remark(std::string_view raw) {
  const std::string_view text = trim_blanks(raw);
  if (text.size() < 4 || text.front() != '(' || text.back() != ')') return false;
  const std::string_view inside = text.substr(1, text.size() - 2);
  const bool words_only =
      std::all_of(inside.begin(), inside.end(), [](char c) { return is_alpha(c) || is_space(c) || c == '-'; });
  return words_only && words_of(inside).size() >= 2;
}

namespace {

bool starts_with_numbered_marker(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i > 0 && i < 4 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && is_space(s[i + 1]);
}

bool is_plain_word(std::string_view w) {
  // Strip the punctuation prose wraps words in.
  while (!w.empty() && std::string_view("([\"'").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
  while (!w.empty() && std::string_view(")]\"'.,:;!?").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  if (w.empty() || !is_alpha(w.front())) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return is_alpha(c) || c == '-' || c == '\''; });
}

std::string_view bare_word(std::string_view w) {
  while (!w.empty() && !is_alpha(w.front())) w.remove_prefix(1);
  while (!w.empty() && !is_alpha(w.back())) w.remove_suffix(1);
  return w;
}

}  // namespace

// A sentence in Chinese, Japanese or Korean, outside any quotes: Japanese
// needs its kana particles (two hiragana), Korean its Hangul, Chinese a run
// of ideographs (four). A repr of such text ('佐藤') is in quotes.
bool reads_as_cjk_sentence(std::string_view text) {
  int hiragana = 0, hangul = 0, han = 0, symbols = 0;
  char quote = 0;
  for (std::size_t k = 0; k < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c < 0x80) {
      if (c == '\'' || c == '"') quote = quote == 0 ? static_cast<char>(c) : quote == static_cast<char>(c) ? 0 : quote;
      else if (quote == 0 && !std::isalnum(c) && c != ' ' && c != '\t') ++symbols;
      ++k;
      continue;
    }
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (length == 3 && k + 2 < text.size() && quote == 0) {
      const unsigned code = (c & 0x0Fu) << 12 | (static_cast<unsigned char>(text[k + 1]) & 0x3Fu) << 6 |
                            (static_cast<unsigned char>(text[k + 2]) & 0x3Fu);
      if (code >= 0x3040 && code <= 0x309F) ++hiragana;
      else if (code >= 0xAC00 && code <= 0xD7A3) ++hangul;
      else if (code >= 0x4E00 && code <= 0x9FFF) ++han;
    }
    k += length;
  }
  // Words, not a printed banner: `****제목****` is a title centred in stars.
  return (hiragana >= 2 || hangul >= 2 || han >= 4) && hiragana + hangul + han > symbols;
}

bool looks_like_prose(std::string_view raw) {
  const std::string_view text = trim_blanks(raw);
  if (text.empty()) return false;
  // Error messages and traceback lines read like sentences but are output.
  if (error_text(text) || text.substr(0, 9) == "Traceback" || text.substr(0, 6) == "File \"") return false;
  if (std::string_view("[{(\"'<").find(text.front()) == std::string_view::npos && reads_as_cjk_sentence(text))
    return true;
  if (starts_with_numbered_marker(text)) return true;  // "2. str.format() method"
  const char c = text.front();
  if (std::string_view("[{(\"'<").find(c) != std::string_view::npos || is_digit(c)) return false;
  if ((c == '-' || c == '+' || c == '~') && text.size() > 1 && is_digit(text[1])) return false;
  for (std::string_view code_mark : {"->", "=>", "$", "=", "{", "[", "\\"})
    if (text.find(code_mark) != std::string_view::npos) return false;
  if (text.back() == '!') return false;  // "Hello, World!" is printed, not written
  const std::vector<std::string_view> tokens = words_of(text);
  if (tokens.size() < 2) return false;
  static constexpr std::array<std::string_view, 62> kFunctionWords = {
      "the",    "a",      "an",   "of",    "to",      "in",      "on",      "for",    "with",  "by",    "from",
      "is",     "are",    "was",  "were",  "be",      "been",    "it",      "its",    "this",  "that",  "these",
      "those",  "and",    "or",   "not",   "no",      "if",      "when",    "only",   "all",   "any",   "as",
      "at",     "into",   "instead", "than", "but",   "so",      "do",      "does",   "can",   "cannot", "will",
      "using",  "via",    "without", "because", "each", "every", "here",    "there",  "has",   "have",  "which",
      "how",    "why",    "same", "also",  "even",    "after",   "before"};
  std::size_t words = 0;
  std::size_t function_words = 0;
  for (std::string_view token : tokens) {
    if (!is_plain_word(token)) continue;
    ++words;
    if (contains(kFunctionWords, ascii_lower(bare_word(token)))) ++function_words;
  }
  const bool digits = std::any_of(text.begin(), text.end(), is_digit);
  const std::string_view first = bare_word(tokens.front());
  const bool capitalized = is_plain_word(tokens.front()) && first.size() > 1 && is_upper(first.front()) &&
                           std::any_of(first.begin() + 1, first.end(), is_lower);
  const double share = static_cast<double>(words) / static_cast<double>(tokens.size());
  if (function_words >= 2 && share >= 0.5) return true;
  if (function_words >= 1 && share >= 0.5 && capitalized) return true;
  if (function_words >= 1 && share >= 0.6 && !digits) return true;
  // "Column data types" is a description; "Toyota: Engine running" after a
  // label is what f"{make}: {status}" prints.
  const bool label = tokens.front().back() == ':';
  return capitalized && !label && share >= 2.0 / 3.0;
}

bool is_lone_path(std::string_view raw) {
  const std::vector<std::string_view> tokens = words_of(trim_blanks(raw));
  if (tokens.size() != 1) return false;
  const std::string_view path = tokens.front();
  return (path.find('/') != std::string_view::npos || path.find('\\') != std::string_view::npos) &&
         (is_alpha(path.front()) || path.front() == '.' || path.front() == '~' || path.front() == '/');
}

bool is_shell_command(std::string_view raw) {
  const std::string_view text = trim_blanks(raw);
  if (text.substr(0, 2) == "$ " || text.substr(0, 2) == "> " || command_after_prompt(text)) return true;
  const std::vector<std::string_view> tokens = words_of(text);
  if (tokens.empty()) return false;
  const std::string_view command = tokens.front();
  // A lone path: "myproject_env\Scripts\activate", "./run.sh".
  if (is_lone_path(text)) return true;
  static constexpr std::array<std::string_view, 52> kCommands = {
      "pip",     "pip3",    "python",   "python3",   "py",      "pytest",  "mypy",      "pyright",   "ruff",
      "black",   "flake8",  "pylint",   "isort",     "coverage", "tox",    "nox",       "poetry",    "pipenv",
      "conda",   "uv",      "uvx",      "virtualenv", "source",  "cd",     "export",    "ls",        "cat",
      "mkdir",   "rm",      "cp",       "mv",        "git",     "docker",  "curl",      "wget",      "npm",
      "brew",    "apt",     "apt-get",  "sudo",      "chmod",   "bash",    "sh",        "make",      "jupyter",
      "ipython", "uvicorn", "gunicorn", "flask",     "django-admin", "twine", "streamlit"};
  if (!contains(kCommands, command)) return false;
  if (tokens.size() == 1) return true;
  const std::string_view argument = tokens[1];
  static constexpr std::array<std::string_view, 30> kSubcommands = {
      "install", "uninstall", "run",   "init",   "add",    "remove", "activate", "deactivate", "list", "freeze",
      "show",    "build",     "test",  "exec",   "create", "env",    "venv",     "sync",       "lock", "update",
      "upgrade", "serve",     "start", "new",    "shell",  "publish", "check",   "format",     "clone", "wheel"};
  if (argument.front() == '-' || contains(kSubcommands, argument)) return true;
  return argument.find_first_of("/\\.=") != std::string_view::npos;
}

}  // namespace guidecheck
