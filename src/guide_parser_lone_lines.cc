// Lines alone between prose that compile but are not samples. Part of the
// guide parser. Two kinds are common in scraped guides (a keyword heading
// also comes right before the code it introduces):
//
//  - a keyword used as a heading (`break`, `pass`, `continue`, `return`
//    alone on a line, then prose explaining it);
//  - a syntax template shown as a signature: `map(function, iterable)`,
//    `sorted(iterable, key=None, reverse=False)`, a call whose arguments are
//    all parameter placeholders: bare names no earlier code of the guide
//    uses (at least one of them no builtin either), or keywords with a
//    plain default. Run, it could only fail with NameError.

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "python_lexer.h"

namespace guidecheck {
namespace {

using Token = PythonLexer::Token;
using TokenKind = PythonLexer::TokenKind;

bool is_builtin(std::string_view name) {
  static constexpr std::array<std::string_view, 71> kBuiltins = {
      "abs",      "aiter",     "all",     "anext",      "any",        "ascii",    "bin",      "bool",
      "bytearray", "bytes",    "callable", "chr",       "classmethod", "compile", "complex",  "delattr",
      "dict",     "dir",       "divmod",  "enumerate",  "eval",       "exec",     "exit",     "filter",
      "float",    "format",    "frozenset", "getattr",  "globals",    "hasattr",  "hash",     "help",
      "hex",      "id",        "input",   "int",        "isinstance", "issubclass", "iter",   "len",
      "list",     "locals",    "map",     "max",        "memoryview", "min",      "next",     "object",
      "oct",      "open",      "ord",     "pow",        "print",      "property", "quit",     "range",
      "repr",     "reversed",  "round",   "set",        "setattr",    "slice",    "sorted",   "staticmethod",
      "str",      "sum",       "super",   "tuple",      "type",       "vars",     "zip"};
  return std::find(kBuiltins.begin(), kBuiltins.end(), name) != kBuiltins.end();
}

// A default a signature shows: a number, a string, None/True/False, a name.
bool is_plain_default(const std::vector<Token>& value) {
  if (value.size() == 2 && value[0].text == "-" && value[1].kind == TokenKind::kNumber) return true;
  if (value.size() != 1) return false;
  const Token& t = value.front();
  return t.kind == TokenKind::kNumber || t.kind == TokenKind::kString || t.kind == TokenKind::kName ||
         t.text == "None" || t.text == "True" || t.text == "False" || t.text == "...";
}

// `name(arg, ...)` or `obj.name(...)` with placeholder arguments only.
bool is_call_template(const std::vector<Token>& tokens, const std::unordered_set<std::string>& seen) {
  std::size_t i = 0;
  if (tokens.empty() || tokens[0].kind != TokenKind::kName) return false;
  ++i;
  while (i + 1 < tokens.size() && tokens[i].text == "." && tokens[i + 1].kind == TokenKind::kName) i += 2;
  if (i >= tokens.size() || tokens[i].text != "(" || tokens.back().text != ")") return false;
  // The arguments, split at commas outside nested brackets.
  std::vector<std::vector<Token>> args(1);
  int depth = 0;
  for (std::size_t k = i + 1; k + 1 < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::kOpen) ++depth;
    if (t.kind == TokenKind::kClose && --depth < 0) return false;
    if (depth == 0 && t.text == ",") {
      args.emplace_back();
      continue;
    }
    args.back().push_back(t);
  }
  if (depth != 0) return false;
  if (args.back().empty()) args.pop_back();  // a trailing comma, or no arguments
  bool placeholder = false;
  for (std::vector<Token> arg : args) {
    if (!arg.empty() && (arg[0].text == "*" || arg[0].text == "**")) arg.erase(arg.begin());
    if (arg.size() == 1 && arg[0].kind == TokenKind::kName) {
      const std::string name(arg[0].text);
      if (seen.count(name)) return false;  // earlier code uses it: a real argument
      if (!is_builtin(name)) placeholder = true;
      continue;
    }
    if (arg.size() >= 3 && arg[0].kind == TokenKind::kName && arg[1].text == "=" &&
        is_plain_default(std::vector<Token>(arg.begin() + 2, arg.end())))
      continue;
    return false;
  }
  return placeholder;
}

}  // namespace

// Whether `line` is a syntax template shown as a signature.
bool is_signature(std::string_view line, const std::unordered_set<std::string>& seen) {
  PythonLexer lexer;
  std::vector<Token> tokens;
  const PythonLexer::Line lexed = lexer.next(line, &tokens);
  if (!lexed.plausible || lexer.open() || lexed.comment != std::string_view::npos) return false;
  return is_call_template(tokens, seen);
}

// Why `line` (a single-line run, without leading whitespace) is not a
// sample; nullopt when it is one. `seen` holds the names earlier runs use.
std::optional<std::string> lone_line_reason(std::string_view line, const std::unordered_set<std::string>& seen) {
  PythonLexer lexer;
  std::vector<Token> tokens;
  const PythonLexer::Line lexed = lexer.next(line, &tokens);
  if (!lexed.plausible || lexer.open() || lexed.comment != std::string_view::npos || tokens.empty()) return std::nullopt;
  const bool keyword_alone = tokens.front().kind == TokenKind::kKeyword &&
                             (tokens.size() == 1 || (tokens.size() == 2 && tokens[1].text == ":"));
  if (keyword_alone && tokens.front().text != "None" && tokens.front().text != "True" && tokens.front().text != "False")
    return fmt::format("'{}' alone between prose reads as a heading; not a sample", strip_trailing(line));
  if (is_call_template(tokens, seen))
    return fmt::format("'{}' is a signature (its arguments are placeholders no code defines); not a sample",
                       strip_trailing(line));
  // `for variable in sequence:` between prose: the shape of a statement,
  // whose body the page gives in words, if at all.
  static constexpr std::array<std::string_view, 5> kOpeners = {"for", "while", "if", "with", "elif"};
  if (tokens.front().kind == TokenKind::kKeyword && tokens.back().text == ":" &&
      std::find(kOpeners.begin(), kOpeners.end(), tokens.front().text) != kOpeners.end())
    return fmt::format("'{}' is a block header with no body (the shape of a statement); not a sample",
                       strip_trailing(line));
  return std::nullopt;
}

// Whether `line`, the first line of a longer run, is a keyword heading just
// before the code it introduces ("break" then a loop that breaks): a
// statement that can never open a sample (`break`, `continue`, `return`), or
// `pass`, which would do nothing there.
bool is_leading_keyword_heading(std::string_view line) {
  const std::string_view word = strip_trailing(line);
  return word == "break" || word == "continue" || word == "return" || word == "pass";
}

// Whether the run's last line, lines[last], is a keyword alone that no line
// of lines[first, last) could hold: `yield` or `return` with no `def`
// before it, `break` or `continue` with no loop. The next section's
// heading, then ("yield" over the prose on generators).
bool is_stray_keyword_heading(const std::vector<std::string_view>& lines, int first, int last) {
  const std::string_view word = strip_trailing(lines[static_cast<std::size_t>(last)]);
  const bool in_function = word == "yield" || word == "return";
  const bool in_loop = word == "break" || word == "continue";
  if (!in_function && !in_loop) return false;
  for (int k = first; k < last; ++k) {
    const std::string_view line = lines[static_cast<std::size_t>(k)];
    if (in_function && (line.starts_with("def ") || line.starts_with("async def ") || line.starts_with("lambda"))) return false;
    if (in_loop && (line.starts_with("for ") || line.starts_with("while ") || line.starts_with("async for "))) return false;
  }
  return true;
}

// Whether `line` is the caption a tutorial site puts over each code box
// ("Example", "Example 2", "Program:", "Solution"): a heading, though a
// bare capitalised word compiles as a name.
bool is_box_caption(std::string_view line) {
  static constexpr std::array<std::string_view, 7> kCaptions = {"Example", "Examples", "Program", "Solution",
                                                                "Code",    "Syntax",   "Explanation"};
  std::string_view text = strip_trailing(line);
  if (text.ends_with(':')) text.remove_suffix(1);
  const std::size_t space = text.find(' ');
  const std::string_view word = text.substr(0, space);
  if (std::find(kCaptions.begin(), kCaptions.end(), word) == kCaptions.end()) return false;
  if (space == std::string_view::npos) return true;
  const std::string_view number = text.substr(space + 1);  // "Example 2"
  return !number.empty() && std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The names a line of code uses, for lone_line_reason's `seen`.
void add_names(std::string_view line, PythonLexer* lexer, std::unordered_set<std::string>* seen) {
  std::vector<Token> tokens;
  lexer->next(line, &tokens);
  for (const Token& t : tokens)
    if (t.kind == TokenKind::kName) seen->emplace(t.text);
}

}  // namespace guidecheck
